/**
 * Two constructions found by the wrong-side probes (test/core/wrong-side-probes.test.ts):
 * - a passive whose subject is an act done to a side ("The detention of X was condemned by Y"):
 *   the criticism falls on the act, so it backs X;
 * - a clause of its own inside the holder window ("A, B and C met on Tuesday, and only C backed X"):
 *   only the subjects after the last ", and"/", but" that follows other words hold the act.
 */
import { ASKING, DONE_TO, PASSIVE_BEFORE } from './shape.js';

/** "The detention of X was condemned": X, named before a passive act, is what the act was done to. */
export function passiveDoneTo(text: string, clauseStart: number, side: { start: number; end: number } | undefined, cueStart: number): boolean {
  if (!side) return false;
  const between = text.slice(side.end, cueStart);
  if (!PASSIVE_BEFORE.test(between) || /[,;]/.test(between)) return false;
  return DONE_TO.test(text.slice(clauseStart, side.start));
}

/**
 * A predicate, then ", and"/", but" (maybe "only"): the end of one clause and the start of the next.
 * The gap must open with a lower-case word that is no preposition or determiner, so an apposition
 * ("Edi Rama of Albania, and Sweden's minister") or a time ("Peru on Monday, and Chile") is no seam.
 */
const NEXT_CLAUSE = /^\s+(?!(?:of|in|at|from|for|with|on|to|by|and|or|nor|as|the|a|an|its|their|his|her|which|who|whose|that)\b)[a-z]+\b[^,;]*,\s*(?:and|but|yet)\s+(?:(?:only|just|also|then|later)\s+)?(?:the\s+)?$/;

/** Holders of the clause nearest the act: those after the last clause seam between two of them. */
export function lastClauseHolders<M extends { start: number; end: number }>(text: string, holders: M[]): M[] {
  for (let i = holders.length - 1; i > 0; i--) {
    const prev = holders[i - 1];
    const next = holders[i];
    if (!prev || !next) continue;
    const gap = text.slice(prev.end, next.start);
    if (NEXT_CLAUSE.test(gap)) return holders.slice(i);
  }
  return holders;
}

/** "Khalvor, and Russia condemned the threat": a side before the seam of an earlier clause is not this act's object. */
export function acrossSeam(text: string, from: number, to: number): boolean {
  return /,\s*(?:and|but|yet)\s/i.test(text.slice(from, to));
}

/** "Japan was urged by Tiralia to condemn …": the addressee as a passive subject. */
const ASKED_PASSIVE = /^\s+(?:was|were|is|are|has been|have been|had been|being)\s+(?:\w+ly\s+)?(?:urged|asked|called on|called upon|pressed|encouraged|invited|told|pressured|lobbied)\b[^.;]{0,60}?\bto\s+(?:\w+\s+){0,2}$/i;

/** Whether `m` is only asked to do the act ("urged Japan to condemn the seizure"): the act is not its own. */
export function addressee(text: string, m: { start: number; end: number }, cueStart: number): boolean {
  const gap = text.slice(m.end, cueStart);
  if (ASKED_PASSIVE.test(gap)) return true;
  return ASKING.test(text.slice(Math.max(0, m.start - 30), m.start)) && /^\s+(?:not\s+)?to\s+(?:\w+\s+){0,2}$/i.test(gap);
}

/** "Cuba, unlike Canada, backed …", "Chile, but not Bolivia, …", "neither Peru nor Chile": a name set apart from the act. */
const SET_APART = /\b(?:not|unlike|except|excluding|apart from|other than|neither|nor)\s+(?:the\s+)?$/i;
export function setApart(text: string, m: { start: number }): boolean {
  return SET_APART.test(text.slice(Math.max(0, m.start - 15), m.start));
}

/** A preposition right before a name: the name is an object, not a subject ("ties with the United States"). "after X acted" keeps X a subject. */
const OBJECT_OF = /\b(?:with|to|from|against|for|of|in|on|by|at|over|about|between|into|towards?|under|than|like|among)\s+(?:the\s+)?$/i;

/** "Dunmere's ally, Britain, condemned Khalvor": a side before a subject of the act belongs to the subject, not the object. */
export function beforeSubject(text: string, side: { end: number }, cueStart: number, holders: { start: number; end: number }[]): boolean {
  return holders.some((h) => h.start >= side.end && h.end <= cueStart && !OBJECT_OF.test(text.slice(Math.max(0, h.start - 15), h.start)));
}

/** "Mira Hale's detention", "Reyes's ouster": an act done to the possessor (not "X's detention of Y", where X acts). */
const POSS_DONE_TO = /^['’]s?\s+(?:\w+\s+)?(?:detention|arrest|jailing|imprisonment|ouster|overthrow|removal|toppling|persecution|harassment|abduction|kidnapping|assassination|killing|torture|expulsion|prosecution|poisoning)\b(?!\s+(?:of|by)\b)/i;
export function possDoneTo(text: string, side: { end: number; poss: boolean }): boolean {
  return side.poss && POSS_DONE_TO.test(text.slice(side.end, side.end + 50));
}

/** "A, which urged X to …, were criticised by Cuba": a side inside a closed relative clause is not the act's object. */
export function inRelative(text: string, side: { start: number; end: number }, cueStart: number): boolean {
  return /,\s*(?:which|who|whose|that)\b[^,;]*$/i.test(text.slice(0, side.start)) && text.slice(side.end, cueStart).includes(',');
}

/** Object of a verb: "accused Norway of meddling and praised …", "criticised Australia for urging …". */
const OBJECT_VERB = /\b(?:accus|blam|thank|prais|critici[sz]|condemn|denounc|attack|warn|rebuk|scold|chastis)\w*\s+(?:the\s+)?$/i;
/** Whether `m` is the object of a verb whose coordinated next verb ("and praised") is the act: the act is the subject's, not `m`'s. */
export function objectBeforeAnd(text: string, m: { start: number; end: number }, cueStart: number): boolean {
  return OBJECT_VERB.test(text.slice(Math.max(0, m.start - 25), m.start)) && /\band\s+(?:\w+ly\s+|also\s+|then\s+)?$/i.test(text.slice(m.end, cueStart));
}

/** "criticised Australia for urging Sorvana …": an actor right after the criticism is its object, so a side after it is not. */
export function objectBetween(text: string, cueEnd: number, side: { start: number }, holders: { start: number; end: number; poss: boolean }[]): boolean {
  // Only an actor the act is for ("criticised Australia for …"), not one qualifying a noun ("denounced the U.S. decision").
  return holders.some((h) => h.start >= cueEnd && h.end <= side.start && !h.poss && /^\s+(?:the\s+)?$/i.test(text.slice(cueEnd, h.start)) && /^\s+(?:for|over)\b/i.test(text.slice(h.end, h.end + 6)));
}
