/**
 * How far an act reaches, and who holds it when its clause opens with a speech verb: two shapes of
 * news sentences that claims.ts needs beyond the words right before and after a cue.
 * - An act's object ends where the same subject's next verb begins: in "welcomed the release of the
 *   crew and urged Sorvana to return the ship", Sorvana is the object of "urged", not of "welcomed".
 * - "…, while Vietnam said the seizure was …", "Japan called for … and urged both sides …": the act
 *   after the speech verb is held by that verb's subject, even when another actor spoke earlier in
 *   the sentence or the subject stands a whole predicate away.
 */
import type { Mention } from './gazetteer.js';
import type { Token } from '../text.js';
import { SPEECH } from './cues.js';
import { coordinated, OFFICE_OF, precededByPreposition } from './shape.js';

/** ", and urged", " but called", " and later accused": a coordinated verb of the same subject. */
const NEXT_VERB = /[\s,]+(?:and|but)\s+(?:also\s+|then\s+|later\s+|instead\s+)?(?:[a-z]+ed|said|told|urges|says|calls|asks|demands|warns)\b/;

/** The end of a directed act's object: the start of the next coordinated verb after it, else `limit`. */
export function objectEnd(text: string, cueEnd: number, limit: number): number {
  const m = NEXT_VERB.exec(text.slice(cueEnd, limit));
  // "welcomed and congratulated X": a verb right after the cue shares its object.
  return m && m.index > 0 ? cueEnd + m.index : limit;
}

/** The words between a speech verb's subject and the verb: none, an auxiliary, an apposition ("X, a guarantor of the deal, warned"), or a coordinated predicate ("X agreed to take in 300 asylum seekers, but said"). */
const SUBJECT_GAP = /^\s+(?:(?:election\s+)?(?:observers|monitors)\s+)?(?:(?:has|have|had|also|later|then|again)\s+)?$|^,[^,;]{0,100},\s*$|^\s+(?:(?:also|later|then|again)\s+)?(?:[a-z]+(?:ed|s)|said|told|made|gave|took|sent|held|met|spoke|wrote)\b[^,;"“”]{0,90},?\s(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$/;

/**
 * The subject of the speech verb that opens the clause at `clauseStart` ("Vietnam said …"), with
 * the actors listed with it ("Australia and New Zealand said …"); empty when the clause does not
 * open with a speech verb or its subject is not an actor right before it.
 */
export function clauseSubject(text: string, tokens: Token[], holders: Mention[], clauseStart: number, cueStart: number): Mention[] {
  // The clause has a subject of its own ("says … after the United States recognized X"): not the speaker's act.
  if (holders.some((m) => m.start >= clauseStart && m.end <= cueStart) || SUBORDINATE.test(text.slice(clauseStart, cueStart))) return [];
  const tail = text.slice(Math.max(0, clauseStart - 30), clauseStart);
  const verb = SAID_BEFORE.exec(tail);
  if (!verb || /^according/i.test(verb[0])) return [];
  const verbStart = clauseStart - tail.length + verb.index;
  const eligible = holders.filter((m) => m.end <= verbStart && (!precededByPreposition(tokens, m) || missionOf(text, m)));
  const last = eligible[eligible.length - 1];
  if (!last) return [];
  const gap = text.slice(last.end, verbStart);
  // "Slovakia's prime minister said …" speaks for Slovakia.
  if (!(SUBJECT_GAP.test(gap) || (last.poss && OFFICE_OF.test(gap)))) return [];
  // No other actor (a side, an object) between the subject and the verb.
  if (holders.some((m) => m.start >= last.end && m.end <= verbStart)) return [];
  return coordinated(text, eligible, last.end, false);
}
/** "Observers from the OSCE said …", "monitors of the African Union reported …": the organisation speaks through its mission. */
const MISSION_FROM = /\b(?:observers|monitors|election observers|an observer mission|a monitoring mission)\s+(?:from|of)\s+(?:the\s+)?$/i;
function missionOf(text: string, m: Mention): boolean {
  return MISSION_FROM.test(text.slice(Math.max(0, m.start - 40), m.start));
}
/** A subordinate clause between the speech verb and the act: its own subject acts. */
const SUBORDINATE = /\b(?:after|before|when|since|because|until|unless|once|as soon as)\b/i;
/** A speech verb ending right before a clause. */
const SAID_BEFORE = new RegExp(`(?:${SPEECH.source})\\s*$`, 'i');

/** A truce as a thing reported, not called for: "signed a ceasefire", "violating the truce", "under the Doha ceasefire". */
const TRUCE_REPORTED = /\b(?:sign(?:s|ed|ing)?|agreed|violat(?:e|es|ed|ing)|break(?:s|ing)?|broke|broken|breach(?:es|ed|ing)?|under|despite)\s+(?:(?:the|a|an|its|this|their)\s+)?(?:[A-Z][\w-]*\s+)?$/;

/** Whether a neutral "ceasefire"/"truce" cue only reports the truce (an event, nobody's stance). */
function truceReported(text: string, cue: { start: number; text: string }): boolean {
  return /^(?:cease|truce)/i.test(cue.text) && TRUCE_REPORTED.test(text.slice(Math.max(0, cue.start - 40), cue.start));
}

/** What is welcomed or backed is a deal the sides made: "welcomed the deal", "endorsed the Doha agreement", "hailed the signing of the agreement". */
const DEAL = /^["”]?\s+(?:the |this |a |an |their )?(?:[\w-]+ ){0,3}(?:deal|agreement|accord|swap|prisoner exchange|exchange of prisoners|cease-?fire|truce|peace (?:plan|process|talks))\b(?! (?:with|by|for|on)\b)/i;

/** Whether a backing or welcoming cue is aimed at a deal between the sides, which takes neither side. */
function aimedAtDeal(text: string, cue: { end: number; type: string }): boolean {
  return (cue.type === 'support' || cue.type === 'soft') && DEAL.test(text.slice(cue.end, cue.end + 70));
}

/** "opposed a resolution urging X to …": what is resisted is a document, whose own act says the side (shape.ts OBJECTED_CALL). */
function resistsDocument(text: string, c: { end: number; text: string; type: string }): boolean {
  return c.type === 'criticize' && /^(?:oppos|reject|block|veto|object)/i.test(c.text) && /^\s+(?:(?:a|an|the|this|any)\s+)?(?:[\w.-]+\s+){0,2}(?:resolution|motion|draft)\b/i.test(text.slice(c.end, c.end + 60));
}

/** A sentence's cues without reported truces, without resisted documents, and with backing or welcoming a deal read as neutral. */
export function recast<C extends { start: number; end: number; text: string; type: string }>(text: string, cues: C[]): C[] {
  return cues.filter((c) => !(c.type === 'neutral' && truceReported(text, c)) && !resistsDocument(text, c)).map((c) => (aimedAtDeal(text, c) ? { ...c, type: 'neutral' } : c));
}

/** "against further attacks" is an order only to whom it is said: "warned X against …"; other orders pass. */
export function warnedAgainst(text: string, cue: { text: string }, clauseStart: number): boolean {
  return !/^against/i.test(cue.text) || /\bwarn(?:s|ed|ing)?\s*$/i.test(text.slice(Math.max(0, clauseStart - 12), clauseStart));
}

/** "Telmann has our full support": the side before the act is its object, and the speaker holds it. */
export const OURS = /^\s+(?:has|have|had|enjoys?|enjoyed|can count on)\s+(?:our|my)\s+(?:\w+\s+)?$/i;

/** "urged him to listen": an order to a pronoun is to the side named earlier in the sentence, else in the passage. */
export function pronounObject(text: string, clauseStart: number, cueStart: number, named: { actorId: string; end: number }[], ctxSide: string | null): { actorId: string } | null {
  if (!/^\s*(?:him|her)\s+$/i.test(text.slice(clauseStart, cueStart))) return null;
  const id = [...named].reverse().find((m) => m.end <= clauseStart)?.actorId ?? ctxSide;
  return id ? { actorId: id } : null;
}
