/**
 * Findings of who did it, after an airliner is shot down: shapes of news English found by writing
 * a downing over a conflict zone, a dam dispute and a self-coup in unseen phrasing (claims.ts calls
 * `findingCues` in one line; the cue is in cues.ts).
 * - "concluded that the missile was fired from territory held by X", "launched from an area
 *   controlled by X": a finding against X, held by whoever states it.
 * - Not when the finding is unproven or hedged ("there was no evidence that …", "it was not clear
 *   whether …", "the missile may have been fired from …"), nor when it is a side's own claim reported
 *   ("Germany said Dravonia claimed the missile was fired from territory held by Tavrenian troops"):
 *   no side.
 * - "X's fears were exaggerated", "X's concerns are overblown": against X, only as the predicate of a
 *   side's own fears, concerns or claims ("reports of casualties were exaggerated" is nobody's stance).
 * - "condemned the suspension of Castrena's membership", "denounced the sanctions on X", "criticised
 *   the suspension of aid to X": resisting a measure against a side (or against the country, i.e.
 *   whoever holds it) backs it, and backing or welcoming it is against it; the measure read as the
 *   critic's own, or the criticism as aimed at the country, gave the wrong side; so does judging it
 *   wrong ("the sanctions on X were unjustified", "called the sanctions on X illegal").
 * - "the report was biased against X" defends X, not "there was no bias against X".
 * - "X must be held accountable" (a passive: the act starts at its auxiliary, so X before it is its
 *   object); "urged a binding agreement" (neutral only after "urged": the lexicon entry starts at "binding").
 * - "urged X to cooperate with the investigation", "demanded that X cooperate fully with the
 *   investigation": against X, only where X is asked ("X had promised to cooperate with the
 *   investigation", "X said it would cooperate" are no demand).
 */
import type { Cue } from './cues.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import { ASKING } from './shape.js';

/** The finding's cue: "fired from … held by". */
const HELD_BY = /^(?:fired|launched) from/i;
/** Before the finding: no proof of it, an open question, or a hedge right before the verb. */
const UNPROVEN = /\b(?:no|little|scant|any|without)\s+(?:\w+\s+)?(?:proof|evidence|indications?|signs?)\b|\b(?:unclear|not (?:yet )?(?:clear|known|established|proven|proved)|rul(?:e|ed|es|ing) out)\b|\b(?:may|might|could|possibly|perhaps)\s+(?:well\s+)?(?:have\s+)?(?:been\s+)?$/i;
/** Right after a side's name: its own claim, reported ("Dravonia claimed", "the separatists have said"). */
const SIDE_CLAIMS = /^(?:['’]s?\s+(?:\w+\s+){0,2}?)?\s*(?:has\s+|have\s+|had\s+|also\s+)?(?:said|says|claimed|claims|insisted|insists|maintained|maintains|argued|argues|alleged|alleges|asserted|asserts|told)\b/i;

/** "demanded that", "insisted that": asking, before the side addressed. */
const ASKING_THAT = /\b(?:demand|insist|urg|requir|call)\w*\s+(?:for\s+)?that\s+(?:the\s+)?$/i;

/** Before "exaggerated": a side's fears or claims as the subject ("Misrava's fears were \"", "X's concerns are largely "). */
const FEARS_OF = /['’]s?\s+(?:\w+\s+)?(?:fears|concerns|claims|warnings|worries|complaints|objections)\s+(?:(?:were|was|are|is|had been|have been|seemed|seem)\s+)(?:\w+ly\s+)?["“']?$/i;

/** "exaggerated" and its kin, kept only where a side's fears or claims are said to be so, right after the side's name. */
function fearsJudged<C extends Cue>(text: string, cues: C[], sides: { start: number; end: number }[]): C[] {
  return cues.filter((c) => {
    if (c.type !== 'criticize' || !/^(?:exaggerated|overblown|overstated|alarmist)$/i.test(c.text)) return true;
    const m = FEARS_OF.exec(text.slice(Math.max(0, c.start - 60), c.start));
    if (!m) return false;
    const at = c.start - Math.min(60, c.start) + m.index;
    // "Abrenia's claims about Misrava's fears were exaggerated": the side after a preposition is not the subject.
    return sides.some((x) => x.end === at && !/\b(?:about|of|over|regarding|on|concerning|into|for)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, x.start - 16), x.start)));
  });
}

/** Verbs resisting a measure, and verbs backing one. */
const RESISTS = /^(?:condemn|denounc|critici[sz]|deplor|reject|oppos|object|call|declar|deem|describ|brand)/i;
const ENDORSES = /^(?:back|support|welcom|endors|prais|hail|applaud)/i;
/** After the verb, up to the side or country the measure falls on: "the suspension of", "the new sanctions imposed on", "its expulsion from". */
const MEASURE_ON = /^\s+(?:to\s+)?(?:the|its|their|this|these|any|a|an)\s+(?:[\w-]+\s+)?(?:(?:suspension|sanctions|expulsion|isolation|embargo|blockade|exclusion)\s+(?:(?:imposed|placed|slapped)\s+)?(?:of|on|against|from|targeting)|(?:suspension|freezing|freeze|cutting|cut|halting|halt)\s+of\s+(?:[\w$€£.,-]+\s+){0,3}?(?:aid|assistance|loans?|funding|support)\s+(?:to|for))\s+(?:the\s+)?$/i;

/**
 * "condemned the suspension of Castrena's membership": resisting a measure against a side backs it,
 * against the country whoever holds it (`Cue.side`); the measure's own cue ("sanctions") is dropped.
 */
function measuresResisted<C extends Cue>(text: string, cues: C[], named: Mention[], gaz: Gazetteer): C[] {
  let out = cues;
  for (const c of cues) {
    const resists = c.type === 'criticize' && RESISTS.test(c.text);
    if (!resists && !((c.type === 'support' || c.type === 'soft') && ENDORSES.test(c.text))) continue;
    // "criticised the EU sanctions on X": the first name the measure falls on, past names inside it.
    const m = named.find((x) => x.start >= c.end && x.start - c.end <= 60 && MEASURE_ON.test(text.slice(c.end, x.start)));
    if (!m) continue;
    const holder = gaz.roles.junta ?? gaz.roles.incumbent;
    const side = gaz.isSide(m.actorId) ? m.actorId : gaz.arena.has(m.actorId) ? holder : null;
    out = out.filter((x) => x !== c && !(x.type === 'criticize' && x.start > c.end && x.start < m.start));
    // The act ends where the side is named: the measure is inside it (not "backing an act done to X" again: targets.ts).
    if (side) out.push({ ...c, end: m.start, type: resists ? 'soft' : 'criticize', side });
  }
  return out === cues ? cues : out.sort((a, b) => a.start - b.start);
}

/** Before the side: the measure ("the (new) sanctions (imposed) on", "its suspension of"). */
const MEASURE_BEFORE = /\b(?:the|its|their|these|any|such)\s+(?:[\w-]+\s+)?(?:suspension|sanctions|expulsion|isolation|embargo|blockade|exclusion)\s+(?:(?:imposed|placed)\s+)?(?:on|against|of|from)\s+(?:the\s+)?$/i;
/** After the side, the measure judged: wrong (group 2) or justified (group 3), maybe negated (group 1: "were not justified" is wrong). */
const JUDGED_AFTER = /^(?:['’]s?\s+(?:\w+\s+)?)?\s+(?:was|were|is|are|had been|have been|would be|remained?)\s+((?:not|never|hardly)\s+)?(?:\w+ly\s+)?["“']?(?:(unjustified|unjustifiable|illegal|unlawful|illegitimate|unacceptable|counterproductive|wrong|a mistake|politically motivated)|(justified|legitimate|lawful|necessary|appropriate|deserved))\b/i;

/**
 * "the sanctions on X were unjustified", "the suspension of X was illegal": a measure against a side
 * (or the country) judged wrong backs it, judged justified is against it ("were not justified" is
 * wrong, "were not unjustified" justified); the measure's own cue and
 * the judgement's are replaced by one act from the measure to the side.
 */
function measuresJudged<C extends Cue>(text: string, cues: C[], named: Mention[], gaz: Gazetteer): C[] {
  let out = cues;
  for (const m of named) {
    const lead = MEASURE_BEFORE.exec(text.slice(Math.max(0, m.start - 60), m.start));
    const judged = lead ? JUDGED_AFTER.exec(text.slice(m.end, m.end + 70)) : null;
    if (!lead || !judged) continue;
    const from = m.start - Math.min(60, m.start) + lead.index;
    const to = m.end + judged[0].length;
    const side = gaz.isSide(m.actorId) ? m.actorId : gaz.arena.has(m.actorId) ? (gaz.roles.junta ?? gaz.roles.incumbent) : null;
    const inside = out.filter((x) => x.start >= from && x.start < to && x.type !== 'neutral');
    if (inside.length === 0) continue;
    out = out.filter((x) => !inside.includes(x));
    const first = inside[0] as C;
    if (side) out.push({ ...first, start: from, end: m.start, text: text.slice(from, to), type: !judged[2] !== !judged[1] ? 'soft' : 'criticize', side });
  }
  return out === cues ? cues : out.sort((a, b) => a.start - b.start);
}

/** Calls to cooperate with an investigation, kept only where the side before them is asked. */
function cooperationAsked<C extends Cue>(text: string, cues: C[], sides: { start: number; end: number }[]): C[] {
  return cues.filter((c) => {
    if (c.type !== 'order' || !/cooperate/i.test(c.text)) return true;
    const m = [...sides].reverse().find((x) => x.end <= c.start);
    if (!m) return false;
    const lead = text.slice(Math.max(0, m.start - 40), m.start);
    return ASKING.test(lead) || ASKING_THAT.test(lead);
  });
}

/** "held accountable / to account / responsible" with nothing between: a passive when an auxiliary stands before it. */
const PASSIVE_HELD = /^held (?:fully |strictly |personally )?(?:accountable|to account|responsible)/i;
const AUXILIARY = /\b(?:be|been|being|was|were|is|are)\s+$/i;
/** "urged a (legally) binding agreement". */
const URGED = /\burg(?:e|es|ed|ing)\s+(?:an?\s+)?(?:legally\s+)?$/i;

/** "Dravonia must be held accountable": the act starts at its auxiliary (else "held …" aims only at an object after it: targets.ts); with no auxiliary, dropped. */
function heldPassive<C extends Cue>(text: string, cues: C[]): C[] {
  const out: C[] = [];
  for (const c of cues) {
    if (c.type !== 'criticize' || !PASSIVE_HELD.test(c.text)) {
      out.push(c);
      continue;
    }
    const aux = AUXILIARY.exec(text.slice(Math.max(0, c.start - 8), c.start));
    if (!aux) continue;
    const start = c.start - aux[0].length;
    out.push({ ...c, start, text: text.slice(start, c.end) });
  }
  return out;
}

/** A word of a measure (sanctions, a suspension, aid cut …): a cheap literal look before any regex of measuresResisted / measuresJudged. */
const namesMeasure = (t: string) => t.includes('sanction') || t.includes('suspension') || t.includes('embargo') || t.includes('expulsion') || t.includes('blockade') || t.includes('isolation') || t.includes('exclusion') || t.includes('freez') || t.includes('cut') || t.includes('halt');
const FEARS = /^(?:exaggerated|overblown|overstated|alarmist)$/i;

/**
 * Findings of where a strike came from, kept only where stated as found; calls to cooperate only
 * where asked; measures resisted or judged; fears called exaggerated (see the module's comment).
 * One look at the few cues decides which steps may apply; each then looks for a literal word
 * before any regex over the sentence.
 */
export function findingCues<C extends Cue>(text: string, cues: C[], mentions: Mention[], arena: Mention[], gaz: Gazetteer): C[] {
  let measure = false;
  let held = false;
  let fears = false;
  let asks = false;
  let bias = false;
  let passive = false;
  let binding = false;
  for (const c of cues) {
    if (c.type === 'criticize') {
      measure = true;
      if (PASSIVE_HELD.test(c.text)) passive = true;
      if (HELD_BY.test(c.text)) held = true;
      else if (FEARS.test(c.text)) fears = true;
    } else if (c.type === 'support' || c.type === 'soft') {
      if (ENDORSES.test(c.text)) measure = true;
      else if (c.type === 'soft' && /^bias/i.test(c.text)) bias = true;
    } else if (c.type === 'legit') measure = true;
    else if (c.type === 'order' && /cooperate/i.test(c.text)) asks = true;
    else if (c.type === 'neutral' && /^binding/i.test(c.text)) binding = true;
  }
  if (passive) cues = heldPassive(text, cues);
  if (binding) cues = cues.filter((c) => !(c.type === 'neutral' && /^binding/i.test(c.text) && !URGED.test(text.slice(Math.max(0, c.start - 30), c.start))));
  if (measure && namesMeasure(text)) {
    const named = arena.length ? [...mentions, ...arena].sort((a, b) => a.start - b.start) : mentions;
    if (cues.some((c) => (c.type === 'criticize' && RESISTS.test(c.text)) || ((c.type === 'support' || c.type === 'soft') && ENDORSES.test(c.text)))) cues = measuresResisted(text, cues, named, gaz);
    if (text.includes('sanction') || text.includes('suspension') || text.includes('embargo') || text.includes('expulsion')) cues = measuresJudged(text, cues, named, gaz);
  }
  if (!asks && !fears && !held && !bias) return cues;
  const sides = mentions.filter((m) => gaz.isSide(m.actorId));
  if (asks) cues = cooperationAsked(text, cues, sides);
  // "there was no bias against X", "denied any bias against X": none.
  if (bias) cues = cues.filter((c) => !(c.type === 'soft' && /^bias/i.test(c.text) && /\b(?:no|not|any|without|den(?:y|ies|ied|ying))\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, c.start - 20), c.start))));
  if (fears) cues = fearsJudged(text, cues, sides);
  if (!held) return cues;
  return cues.filter((c) => {
    if (c.type !== 'criticize' || !HELD_BY.test(c.text)) return true;
    if (UNPROVEN.test(text.slice(0, c.start))) return false;
    return !sides.some((m) => m.end <= c.start && SIDE_CLAIMS.test(text.slice(m.end, m.end + 40)));
  });
}
