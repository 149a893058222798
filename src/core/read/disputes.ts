/**
 * Disputed votes, standoffs at sea and secessions: shapes of news English found by writing a
 * disputed presidential election, an island standoff and a declaration of independence in unseen
 * phrasing (claims.ts calls `disputeCues` and reads `Cue.side` in one line each).
 * - "respected the territorial integrity of X", "X's territorial integrity": backing the state X,
 *   i.e. against the side breaking away from it (or backing X where X is a side); "supports" and
 *   "upholds" it is firm, "respects" it a leaning; violating, threatening or not respecting it, or
 *   a country that is neither the arena nor a side, is nobody's stance here.
 * - a vote called "free and fair" is the act's side's where it is a side's act ("the referendum was
 *   free and fair" backs the separatists); where a side breaks away, a vote disputed or praised
 *   with no side or act named is nobody's ("the vote" may be the referendum or an election); after a
 *   coup, a vote called free and fair is nobody's (the junta holds power, but whose vote it was is unclear).
 * - "rejected calls for a recount / early elections" is no call for one (it read as against the
 *   incumbent: the wrong side); "found no serious irregularities" finds none.
 * - a vote called "free and fair" ("the vote had been free, fair and transparent", "declared the
 *   election free and fair") backs whoever holds power; "free and fair elections" demanded, asked
 *   about, denied, or a side's own claim reported, is nobody's stance.
 * - a judgement of two sides named together ("both Kaimora and Duresh had acted within their
 *   rights") is even-handed: neutral (it read as backing the last one named).
 * - "joint patrols with X" leans toward X, unless they are cancelled, suspended or criticised
 *   ("condemned the joint patrols with X" is the criticism's).
 */
import type { Cue } from './cues.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import { ELECTION, ELECTION_BEFORE } from './shape.js';

/** Before "territorial integrity": a verb that upholds it, then up to six words ("the independence, sovereignty and"). */
const UPHOLDS = /\b(respect|recogni[sz]|honou?r|guarantee|support|back|uphold|upheld|defend|reaffirm|stand(?:s|ing)? (?:by|for|behind)|stood (?:by|for|behind)|committed to|commitment to)\w*\s+(?:[\w’'-]+,?\s+){0,6}$/i;
/** The upholding verb negated or undone: "did not respect", "never respected", "no longer supports". */
const NOT_UPHELD = /(?:\bnot|n['’]t|\bnever|\bno longer|\bfail(?:s|ed|ing)? to|\brefus(?:e|es|ed|ing) to)\s+(?:\w+\s+)?$/i;
/** Firm verbs: backing the state outright. */
const FIRM = /^(?:support|back|uphold|upheld|defend|reaffirm|stand|stood|committed|commitment)/i;

/**
 * "territorial integrity" as an act: kept only after a verb that upholds it and with the state
 * named ("of X", "X's"); its side is the state's side (`Cue.side`).
 */
function integrity<C extends Cue>(text: string, cues: C[], named: Mention[], gaz: Gazetteer): C[] {
  const out: C[] = [];
  for (const c of cues) {
    if (c.type !== 'soft' || !/^territorial integrity/i.test(c.text)) {
      out.push(c);
      continue;
    }
    const lead = text.slice(Math.max(0, c.start - 90), c.start);
    const verb = UPHOLDS.exec(lead);
    if (!verb || NOT_UPHELD.test(lead.slice(0, verb.index))) continue;
    // The state: "of (the Republic of) X" right after, or a possessive right before ("Velmar's territorial integrity").
    const after = named.find((m) => m.start >= c.end && /^\s+of\s+(?:the\s+)?$/i.test(text.slice(c.end, m.start)));
    const before = named.find((m) => m.poss && m.end <= c.start && /^(?:['’]s?)?\s*$/.test(text.slice(m.end, c.start)));
    const state = after ?? before;
    if (!state) continue;
    const { breakaway } = gaz.roles;
    const sides = [...gaz.sideIds];
    let side: string | undefined;
    if (gaz.isSide(state.actorId)) side = state.actorId === breakaway ? undefined : state.actorId;
    else if (gaz.arena.has(state.actorId) && breakaway && sides.length === 2) side = sides.find((s) => s !== breakaway);
    if (!side) continue;
    // The act starts at its verb: a possessive state before the cue ("respected Duresh's territorial integrity") is its object, not its subject.
    const start = c.start - lead.length + verb.index;
    out.push({ ...c, start, text: text.slice(start, c.end), type: FIRM.test(verb[1] as string) ? 'support' : 'soft', side });
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/** Before a call: the call resisted ("rejected calls for a recount", "dismissed opposition demands for"). */
const RESISTED = /\b(?:reject|dismiss|oppos|resist|brush(?:ed|es)? aside|refus(?:e|es|ed|ing) to heed|ignor)\w*\s+(?:(?:the|all|opposition|renewed|\w+['’]s)\s+)*$/i;
/** Before "free and fair": the vote said to be so ("the vote had been", "declared the election"), not demanded ("called for free and fair elections"). */
const CALLED_FAIR = /(?:\b(?:was|were|is|are|been|be)\s+(?:largely\s+|broadly\s+|generally\s+|entirely\s+|completely\s+)?|\b(?:called|declared|deemed|judged|described|pronounced)\s+(?:the\s+|this\s+|that\s+|its\s+)?(?:\w+\s+)?(?:vote|election|poll|ballot)\s+(?:as\s+)?)["“']?$/i;
/** Before irregularities or doubts, in the clause: findings rejected ("dismissed the observers' findings of serious irregularities", "rejected the OSCE's report of …"). */
const FINDINGS_REJECTED = /\b(?:dismiss|reject|den(?:y|ied|ies)|brush(?:ed|es|ing)? aside|rebuff|disput|contest|ridicul|mock)\w*\s+(?:[\w’'-]+\s+){0,6}$/i;
/** Before irregularities or doubts: none found ("found no serious irregularities", "denied any", "had no doubts"). */
const NONE_FOUND = /\b(?:no|any|without|few|den(?:y|ies|ied|ying))\s+(?:\w+\s+)?$/i;

/** A disputed-vote act done by a verb ("rejected the results", "could not accept", "called for a recount"), not a noun said of a side ("X's rigged election"). */
const FRAUD_VERB = /^(?:reject|did|does|do|would|will|could|can|cannot|call|demand|urg|question|f(?:ell|all))/i;
/** Between a side and its act: "X", "X's campaign", "X has also". */
const OWN_GAP = /^(?:['’]s?\s+(?:[a-z]+\s+){0,2}?)?\s*(?:(?:has|have|had|also|again|formally|publicly|officially|still|now|later|then|itself|herself|himself|would|will|could|can|must|should|shall)\s+){0,2}$/i;

/** A side finding irregularities itself: "X (had) found / alleged / reported (serious) irregularities". */
const OWN_FINDING = /^(?:['’]s?\s+(?:[a-z]+\s+){0,2}?)?\s*(?:(?:has|have|had|also|again|itself)\s+){0,2}(?:found|reported|alleged|cited|documented|claimed|noted|observed|complained of|pointed to)\s+$/i;

/**
 * Calls for a recount or early elections that are resisted, irregularities not found, and a side's
 * own act ("Germany said Dorn could not accept the results": Dorn's, nobody else's): dropped.
 */
function electionCues<C extends Cue>(text: string, cues: C[], sides: Mention[], gaz: Gazetteer): C[] {
  const own = (c: C, gap: RegExp) => sides.some((m) => m.end <= c.start && gap.test(text.slice(m.end, c.start)));
  // Where a side breaks away, "the vote" unnamed may be its referendum as well as an election: a disputed
  // or praised vote is aimed only at a side or a side's act named in the sentence.
  const unnamed = gaz.roles.breakaway !== null && sides.length === 0 && actBefore(text, text.length, gaz, text.length) === null;
  return cues.flatMap((c) => {
    const aboutVote = c.type === 'criticize' && (/recogni[sz]e$/i.test(c.text) || ELECTION.test(text.slice(c.end, c.end + 40)) || ELECTION_BEFORE.test(text.slice(Math.max(0, c.start - 60), c.start)));
    const fair = c.type === 'power' && /^free/i.test(c.text);
    if ((unnamed && (c.type === 'fraud' || fair || aboutVote)) || (fair && gaz.roles.junta)) return [];
    const keep = fairOrFraud(c);
    // "Russia said the referendum was free and fair": the vote is a side's act ("referendum"), so it is that side that is backed.
    const act = keep && c.type === 'power' ? actBefore(text, c.start, gaz) : null;
    return !keep ? [] : act ? [{ ...c, type: 'soft' as const, side: act }] : [c];
  });

  function fairOrFraud(c: C): boolean {
    // "Poland said Dorn declined to recognise the results": the side's own refusal.
    if (c.type === 'criticize' && /recogni[sz]e$/i.test(c.text) && own(c, OWN_GAP)) return false;
    // "Germany said Basko claimed the vote was free and fair": a side's own claim, reported.
    if (c.type === 'power' && /^free/i.test(c.text)) return !sides.some((m) => m.end <= c.start && c.start - m.end <= 60) && CALLED_FAIR.test(text.slice(Math.max(0, c.start - 60), c.start)) && !/\b(?:not|never|n['’]t|whether|if)\b[^,;]{0,40}$/i.test(text.slice(Math.max(0, c.start - 40), c.start));
    if (c.type !== 'fraud') return true;
    if ((FRAUD_VERB.test(c.text) && own(c, OWN_GAP)) || (/irregularities$/i.test(c.text) && own(c, OWN_FINDING))) return false;
    const lead = text.slice(Math.max(0, c.start - 40), c.start);
    if (/^(?:call|demand|urg)/i.test(c.text) && RESISTED.test(lead)) return false;
    return !(/irregularities$|^doubt/i.test(c.text) && (NONE_FOUND.test(lead) || FINDINGS_REJECTED.test(text.slice(Math.max(0, c.start - 70), c.start))));
  }
}

/** The side whose act ("the referendum", "the declaration of independence") is named in the `span` characters before `at`, if one is. */
function actBefore(text: string, at: number, gaz: Gazetteer, span = 60): string | null {
  const lead = text.slice(Math.max(0, at - span), at);
  for (const { side, re } of gaz.roles.acts) {
    re.lastIndex = 0;
    if (re.test(lead)) return side;
  }
  return null;
}

/** Before "joint patrols with X": the patrols stopped or criticised. */
const JOINT_UNDONE = /\b(?:cancel|suspend|halt|end|scrap|postpon|call(?:s|ed|ing)? off|condemn|criticis|criticiz|denounc|oppos|protest|object|reject|against|warn|accus|blam)\w*\s+(?:[\w’'-]+\s+){0,4}$/i;

function jointActs<C extends Cue>(text: string, cues: C[]): C[] {
  return cues.filter((c) => !(c.type === 'soft' && /^joint/i.test(c.text) && JOINT_UNDONE.test(text.slice(Math.max(0, c.start - 50), c.start))));
}

/** Two sides coordinated right before a judgement: "both Kaimora and Duresh had acted within their rights". */
const COORDINATED = /^\s*,?\s*(?:and|or|nor|as well as)\s+(?:the\s+)?$/i;

/** A judgement of both sides at once ("said both X and Y had acted within their rights") takes no side: neutral. */
function bothJudged<C extends Cue>(text: string, cues: C[], sides: Mention[]): C[] {
  return cues.map((c) => {
    if (c.type !== 'legit' && c.type !== 'criticize' && c.type !== 'fraud') return c;
    const before = sides.filter((m) => m.end <= c.start);
    const b = before[before.length - 1];
    const a = before[before.length - 2];
    if (!a || !b || a.actorId === b.actorId || !COORDINATED.test(text.slice(a.end, b.start))) return c;
    const gap = text.slice(b.end, c.start);
    return gap.length <= 40 && !/[,;:—–]/.test(gap) ? { ...c, type: 'neutral' as const } : c;
  });
}

/** Right before a side's name: a place where something happens ("the massing of troops near Ardesh", "the shelling in Kelt"). */
const NEAR = /\b(?:near|around|outside|off|in|at|inside|towards?|close to)\s+(?:the\s+)?$/i;

/**
 * A side named as the place of what is criticised is not its target: "condemned the massing of
 * Velmarian troops near Ardesh" read as against the separatists (the wrong side). claims.ts skips it.
 */
export function nearPlace(text: string, m: { start: number }): boolean {
  return NEAR.test(text.slice(Math.max(0, m.start - 16), m.start));
}

/** The cue shapes of this module, in one pass for claims.ts (`named`: every actor mention, the arena's included). */
export function disputeCues<C extends Cue>(text: string, cues: C[], named: Mention[], gaz: Gazetteer): C[] {
  const sides = named.filter((m) => gaz.isSide(m.actorId));
  return bothJudged(text, jointActs(text, electionCues(text, integrity(text, cues, named, gaz), sides, gaz)), sides);
}
