/**
 * Joining a side and blaming the subject: shapes of news English found by writing a border and
 * migration crisis, attacks on shipping in a strait and a peacekeeping mission expelled in unseen
 * phrasing (claims.ts calls `alignmentCues` in one line; the cues are in cues.ts).
 * - "Japan and South Korea joined the coalition", "joined Operation Safe Passage": backing the side
 *   named right after the verb ("is considering joining", "may join": a leaning; "joined the
 *   Brigades' critics" joins no side, nor "warned X against joining the coalition" or
 *   "countries that joined the coalition would be targeted"). "joined calls for …", "joined the talks", "joined Russia in …" name
 *   no side there, and the cue is dropped ("would not join the coalition" is withheld: cues.ts).
 * - "Lutvia, not Drevska, was to blame for the suffering", "Lutvia was to blame": against the side
 *   that is the subject of the predicate, past a side set apart by "not"; with no side as its
 *   subject ("who was to blame for the deaths", "it was too early to say who is to blame") or
 *   negated ("Drevska was not to blame") it is dropped.
 * - "would not align itself with the sanctions on X", "refused to join the sanctions": a measure not
 *   joined is nobody's (it read as the holder's own sanctions).
 * - "defended Drevska", "offered to help Lutvia protect its border": backing the side right after
 *   ("defended itself", "offered to help mediate" are none).
 * - "Drevska was weaponising migrants", "Drevska is using migrants as pawns": against the side that is
 *   the subject ("accused X of weaponising migrants" is read by "accused"; denied, negated or asked: none).
 * - "warned the EU against imposing sanctions on X": a measure warned against is nobody's (it read
 *   as the EU's sanctions).
 * - "did not urge X to reconsider", "never called on X to halt", "stopped short of urging X to …":
 *   an order not given is nobody's stance (it read as against X).
 */
import type { Cue } from './cues.js';

interface Span {
  actorId: string;
  start: number;
  end: number;
}

/** The cues this module reads itself. */
const OWN = /^(?:join|defend|offer|blame$|blame for$|weaponi|us(?:e|es|ed|ing) )/i;
/** Between "joined" and the side: nothing but an article. */
const JOINED_SIDE = /^\s+(?:the\s+)?$/i;
/** Before an order's addressee: the asking verb negated or held back ("did not urge X", "never called on X", "stopped short of urging X"). */
const NOT_ASKED = /(?:\bnot|n['’]t|\bnever|\bstopped short of|\bstops short of|\bdeclined to|\brefused to)\s+(?:\w+\s+)?(?:urg|ask|call(?:s|ed|ing)?\s+(?:on|upon)|press|tell|told|demand|push)\w*\s+(?:[\w'’-]+\s+){1,5}$/i;
/** Before a measure: joining it negated ("would not align itself with the", "has not joined the EU's"). */
const NOT_JOINED = /(?:\bnot|n['’]t|\bnever|\brefus(?:e|es|ed|ing) to|\bdeclin(?:e|es|ed|ing) to)\s+(?:(?:yet|formally)\s+)?(?:align(?:s|ed|ing)?\s+(?:itself|themselves|\w+self)\s+with|join(?:s|ed|ing)?|back(?:s|ed|ing)?|support(?:s|ed|ing)?|follow(?:s|ed|ing)?)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}$/i;
/** Before "join(ing)": a preposition that keeps the join from happening, or a generic relative head. */
const NOBODY_JOINS = /(?:\b(?:against|from|about|without|before|instead of)|\b(?:countries|nations|states|governments|navies|those|anyone|anybody|others|any (?:country|nation|state|government|navy))(?:\s+(?:that|which|who))?(?:\s+(?:have|has|had|already|might|may|would|will))*)\s+$/i;
/** Before a measure: warned against or kept from it ("warned the EU against imposing sanctions on X"). */
const WARNED_OFF = /\b(?:against|from)\s+(?:imposing|introducing|adopting|slapping|any|new|further)\s+(?:new\s+|further\s+|fresh\s+)?$/i;
/** Between a side and "weaponising migrants": the copula or an auxiliary ("Drevska was deliberately ", "Drevska has been ", "Drevska had "). */
const WEAPONISER = /^(?:['’]s?\s+(?:government|authorities|regime|leadership))?\s+(?:(?:was|were|is|are|had|has|have)\s+(?:been\s+)?)?(?:(?:deliberately|cynically|openly|systematically|now|also)\s+)?$/i;
/** Before "join": a join weighed, planned or possible, not done. */
const MAY_JOIN = /\b(?:consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?(?: whether to)?|mull(?:s|ed|ing)?|contemplat(?:e|es|ed|ing)|explor(?:e|es|ed|ing)|may|might|could|plans? to|planned to|planning to|expected to|likely to|set to|poised to|open to)\s+(?:\w+\s+)?$/i;
/** Between a side and "to blame": an optional ", not Y," then the copula ("Lutvia, not Drevska, was ", "Lutvia was largely "). */
const BLAMED_SUBJECT = /^(?:\s*,\s*not\s+(?:the\s+)?[^,;.]{1,40},)?\s+(?:(?:alone|also|mostly|largely|mainly|partly|solely|entirely|fully)\s+)?(?:was|were|is|are|had been|has been|have been|would be|will be)\s+(?:(?:alone|also|mostly|largely|mainly|partly|solely|entirely|fully)\s+)?(?:to\s+)?$/i;
const NEGATED = /\b(?:not|never|n['’]t)\s+(?:\w+\s+)?(?:to\s+)?$/i;

/** The side that is the subject of "(was) to blame" ending at `at`, past a side set apart by "not". */
function blamedSubject(text: string, at: number, sides: Span[]): Span | undefined {
  if (NEGATED.test(text.slice(Math.max(0, at - 16), at))) return undefined;
  return [...sides].reverse().find((m) => m.end <= at && at - m.end <= 70 && BLAMED_SUBJECT.test(text.slice(m.end, at)) && !/\bnot\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 6), m.start)));
}

/** The sentence's cues with "joined" kept only before a side, and "to blame" aimed at its subject (see the module's comment). */
export function alignmentCues<C extends Cue>(text: string, cues: C[], sides: Span[]): C[] {
  // A cheap look at the few cues (and then a literal word) before any regex over the sentence.
  if (cues.length === 0) return cues;
  let own = false;
  let measure = false;
  for (const c of cues) {
    if (OWN.test(c.text)) own = true;
    else if (c.type === 'order' || c.type === 'criticize') measure = true;
  }
  const negated = (own || measure) && (text.includes('not') || text.includes('n’t') || text.includes("n't") || text.includes('never') || text.includes('short of') || text.includes('refus') || text.includes('declin'));
  if (!own && !(measure && (negated || text.includes('against')))) return cues;
  const out: C[] = [];
  for (const c of cues) {
    // "defended Drevska", "offered to help Lutvia": backing only the side right after ("defended itself", "offered to help mediate" are none).
    // (Whatever the type findCues gave them: "Observers expect X to defend itself" is no hedge toward a side.)
    if (/^(?:defend|offer(?:s|ed|ing)? to (?:help|assist))/i.test(c.text)) {
      const side = sides.find((m) => m.start >= c.end && m.start - c.end <= 6 && JOINED_SIDE.test(text.slice(c.end, m.start)));
      if (side) out.push(c);
      continue;
    }
    // "warned the EU against imposing sanctions on X": a measure warned against is nobody's.
    if (c.type === 'criticize' && WARNED_OFF.test(text.slice(Math.max(0, c.start - 40), c.start))) continue;
    // "Drevska was weaponising migrants", "is using migrants as pawns": against the side that is its subject.
    if (c.type === 'criticize' && /^(?:weaponi|us(?:e|es|ed|ing) )/i.test(c.text)) {
      const subject = NEGATED.test(text.slice(Math.max(0, c.start - 16), c.start)) ? undefined : [...sides].reverse().find((m) => m.end <= c.start && c.start - m.end <= 40 && WEAPONISER.test(text.slice(m.end, c.start)));
      if (subject) out.push({ ...c, side: subject.actorId });
      continue;
    }
    if (/^join/i.test(c.text)) {
      // "joined the Brigades' critics": a possessive side is not what is joined.
      const side = sides.find((m) => m.start >= c.end && m.start - c.end <= 6 && JOINED_SIDE.test(text.slice(c.end, m.start)));
      if (!side || /^['’]/.test(text.slice(side.end, side.end + 1))) continue;
      if (c.type !== 'support') {
        out.push(c); // withheld ("would not join"), hedged or expected ("is expected to join")
        continue;
      }
      // "warned Japan against joining", "countries that joined the coalition would be targeted": nobody's join.
      if (NOBODY_JOINS.test(text.slice(Math.max(0, c.start - 40), c.start))) continue;
      // "is considering joining", "may join": at most a leaning, as "considering backing" is.
      out.push(MAY_JOIN.test(text.slice(Math.max(0, c.start - 40), c.start)) ? { ...c, type: 'hedge' } : c);
      continue;
    }
    // "would not align itself with the sanctions on X", "refused to join the sanctions": a measure not joined.
    if (c.type === 'criticize' && negated && NOT_JOINED.test(text.slice(Math.max(0, c.start - 60), c.start))) continue;
    // "did not urge X to reconsider": an order not given.
    if (c.type === 'order' && negated && NOT_ASKED.test(text.slice(Math.max(0, c.start - 90), c.start))) continue;
    // "was to blame for …" (the attribution entry) or "was to blame." (the blame entry), preceded by "to".
    const blame = /^blame(?: for)?$/i.test(c.text);
    const predicate = blame && /\bto\s+$/i.test(text.slice(Math.max(0, c.start - 4), c.start)) && /\b(?:was|were|is|are|be|been)\s+(?:\w+\s+)?to\s+$/i.test(text.slice(Math.max(0, c.start - 30), c.start));
    // "blame for" (the attribution entry) is read only as the predicate "was to blame for".
    if (c.type !== 'criticize' || !predicate) {
      if (!(blame && / for$/i.test(c.text))) out.push(c);
      continue;
    }
    const subject = blamedSubject(text, c.start, sides);
    if (subject) out.push({ ...c, side: subject.actorId });
  }
  return out;
}
