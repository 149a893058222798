/**
 * What an act aims at, where the side named next to it is not its object: shapes of news English
 * found by writing standoffs, border crises and poisonings in unseen phrasing (claims.ts calls each
 * in one line).
 * - A side named as a place is not backed: "sent 200 soldiers to the Ostreli border to help …",
 *   "offered shelter to migrants stranded on the Ostreli side of the border".
 * - A side named after "anti-" is what is opposed: condemning "an anti-Drovanian campaign" backs it.
 * - Accusations judged: "the accusations against X were politically motivated" backs X; a
 *   judgement word ("baseless", "fabricated") with no accusation against a side is nobody's stance
 *   (whose claims are called baseless is too often inside the claim itself).
 * - A demonym before the object of an earlier act ("expelled nine Drovanian diplomats in solidarity
 *   with Lunvik") names whom the act fell on, not a side acting.
 * - "warned against attempts to overthrow an elected government" backs whoever holds power, only
 *   where no junta holds it (after a coup, whom it means is unclear: no stance).
 */
import type { Cue } from './cues.js';
import type { Mention } from './gazetteer.js';
import type { SideRoles } from './roles.js';

/** After a side's name: a place of it ("the Ostreli border", "the Ostreli side of the border", "Valkari soil"). */
const PLACE_AFTER = /^\s+(?:side|border|borders|frontier|soil|territory|waters|airspace|coast|coastline|border area|border region|border zone)\b/i;
/** Before a side's name: "the border with", "into", "across". */
const PLACE_BEFORE = /(?:\b(?:border|frontier|boundary)\s+(?:with|between)\s+|\b(?:into|inside|across|within)\s+)(?:the\s+)?$/i;

/** Whether a side's mention names a place rather than the side as the object of an act. */
export function asPlace(text: string, m: { start: number; end: number }): boolean {
  return PLACE_AFTER.test(text.slice(m.end, m.end + 30)) || PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start));
}

/** "an anti-Drovanian campaign": the side is what the thing opposes. */
export function anti(text: string, m: { start: number }): boolean {
  return /\banti-$/i.test(text.slice(Math.max(0, m.start - 5), m.start));
}

/** Words judging an accusation false or unfair. */
const JUDGEMENT = /^(?:baseless|groundless|unfounded|fabricated|politically motivated)$/i;
/** "the accusations against X were (…) ", "the charges against X as": the accusation the judgement is about, ending right before it. */
const ACCUSATION = /\b(?:accusations?|allegations?|charges|claims)\s+against\s+(?:the\s+)?(?:[\w’'-]+\s+){1,4}(?:(?:were|was|are|is|as|had been|have been)\s+)?(?:["“']\s*)?(?:[\w-]+\s+(?:and|or)\s+)?$/i;

/**
 * A judgement word is an act only about accusations against a side ("the accusations against
 * Drovania were premature and politically motivated"): it is moved onto the accusation noun, so
 * the act falls on what is done to that side (shape.ts DONE_TO) and backs it. Elsewhere it is dropped.
 */
export function judgedAccusations<C extends Cue>(text: string, cues: C[]): C[] {
  const out: C[] = [];
  for (const c of cues) {
    if (c.type !== 'criticize' || !JUDGEMENT.test(c.text)) {
      out.push(c);
      continue;
    }
    const m = ACCUSATION.exec(text.slice(Math.max(0, c.start - 90), c.start));
    // "were not baseless": the judgement denied.
    if (!m || /\b(?:not|never|hardly|n['’]t)\s+(?:\w+\s+)?["“']?\s*$/i.test(text.slice(Math.max(0, c.start - 20), c.start))) continue;
    const at = c.start - Math.min(90, c.start) + m.index;
    out.push({ ...c, start: at, end: at });
  }
  return out;
}

/** A demonym right after an earlier act of the clause, before a noun ("expelled nine Drovanian diplomats"): the act's object. */
export function objectOfEarlierAct(text: string, m: Mention, windowStart: number, clauseStart: number): boolean {
  return m.via === 'demonym' && windowStart > clauseStart && /^\s+(?:[a-z-]+\s+)?[a-z]/.test(text.slice(m.end, m.end + 30)) && !/^\s+(?:government|authorities|state|army|military|navy|forces|leadership|regime)\b/i.test(text.slice(m.end, m.end + 20));
}

/** "supported strikes on X", "welcomed the expulsion of X's diplomats": backing an act done to X is against X (not an inquiry into it). */
export function backsActAgainst(text: string, cueEnd: number, target: { start: number } | undefined, doneTo: RegExp): boolean {
  if (!target) return false;
  const between = text.slice(cueEnd, target.start);
  return doneTo.test(between) && !/\b(?:inquiry|investigation|probe|into)\b/i.test(between);
}

/** A name before a document or measure: "UN sanctions", "a Security Council statement" (others' acts, not the organisation's); an airline's before its flight ("the missile that brought down Transal Airways flight 208"). */
const MODIFIES = /^\s+(?:sanctions|statement|resolution|draft|declaration|embargo|deadline|mandate|charter|flight|airliner|passenger jet)\b/;

/** Whether an actor's name only qualifies a document or measure after it. */
export function qualifies(text: string, m: { end: number; via: string }): boolean {
  return m.via !== 'demonym' && MODIFIES.test(text.slice(m.end, m.end + 20));
}

/**
 * "Pakistan, which backed Khalvor last year, now backs Dunmere": an act in the holder's relative
 * clause, set against a main clause that says "now" or "instead", is background to it ("Oman,
 * which backs Khalvor, urged restraint" keeps both).
 */
export function asideAct(text: string, cue: { start: number; end: number }): boolean {
  return /,\s*(?:which|who)\s+(?:also\s+|has\s+|have\s+|once\s+)?$/i.test(text.slice(Math.max(0, cue.start - 20), cue.start)) && /^[^,;.]{0,80},\s*(?:\w+\s+)?(?:now|instead|has since|have since)\b/i.test(text.slice(cue.end));
}

/** Between a side and an attribution: "Drovania was", "the Drovanian state was", "Drovania's intelligence services were". */
const ATTRIBUTED = /^(?:['’]s?)?\s+(?:(?:state|government|intelligence|security|secret|special)\s+(?:services?\s+|agents?\s+|officers?\s+|agency\s+)?)?(?:was|were|is|are|had been|has been|have been)\s+(?:\w+\s+)?$/i;

/** "X was behind the poisoning" blames X only with X as its subject; "police in X said two men were behind …" blames nobody. */
export function attributions<C extends Cue>(text: string, cues: C[], sides: { end: number; start: number }[]): C[] {
  return cues.filter((c) => c.type !== 'criticize' || !/^(?:responsible|behind)/i.test(c.text) || sides.some((m) => m.end <= c.start && ATTRIBUTED.test(text.slice(m.end, c.start))));
}

/** "warned against attempts to overthrow an elected government": nobody's act where a junta holds power. */
export function overthrowAfterCoup<C extends Cue>(cues: C[], roles: SideRoles): C[] {
  return roles.junta ? cues.filter((c) => !(c.type === 'power' && /\boverthrow|\btopple|\bunseat/i.test(c.text))) : cues;
}
