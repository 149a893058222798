/**
 * Sides named in an aside between commas, where the sentence's shape says who acts and on whom
 * (found by the wrong-side probes, test/core/wrong-side-probes.test.ts; claims.ts calls each in one
 * line):
 * - an apposition naming the holder by its tie to a side: "Russia, Dunmere's main trading partner,
 *   backed Khalvor", "Russia, a close ally of Dunmere, backed Khalvor", "Russia, long critical of Dunmere,
 *   backed Khalvor": Dunmere does not act;
 * - an object relative clause: "the junta, which Peru backs, …", "Reyes, whom Chile and Peru
 *   support, …": the clause's subject holds the act and its head is the act's object.
 * A list ("Russia, Dunmere and China backed …"), a speech aside ("Russia, Dunmere said, backed …"),
 * a negation or a verb of its own in the aside are no such shapes.
 * Also a side's own act, which no third party holds: a passive whose agent is a side ("Korvath, blamed
 * by Vastland for the attack, said …") and a side as the subject of a verb of criticism in reported
 * speech ("Russia said Ostrel condemned the closure").
 */
interface Span {
  start: number;
  end: number;
}

/** Words that make an aside a clause or a list, not a noun phrase. */
const NOT_A_NOUN_PHRASE = /\b(?:and|or|nor|but|said|says|say|told|which|who|whom|whose|that|while|when|after|before|is|are|was|were|has|have|had|not|never|if|whether)\b/i;
/** Between the apposition's closing comma and the act: an adverb or an auxiliary at most. */
const TO_ACT = /^\s*,\s*(?:(?:also|now|then|later|quickly|swiftly|openly|publicly|formally|firmly|strongly|has|have|had)\s+){0,2}$/i;

/** ", long critical of", ", wary of", ", angry at": an adjective and its preposition, maybe after an adverb. */
const ADJECTIVE_LEAD = /^\s*,\s*(?:(?:long|once|always|often|[a-z]+ly)\s+)?[a-z]+\s+(?:of|to|towards?|with|at|about)\s+(?:the\s+)?$/;

/**
 * Whether `side` stands in an apposition to the holder right before it: "Russia, Dunmere's main
 * trading partner, backed …" (the side's possessive opens it) or "Russia, a close ally of Dunmere,
 * backed …" (it ends the aside after "of"/"to").
 */
export function apposed(text: string, side: Span & { poss: boolean }, clauseStart: number, cueStart: number, holders: Span[]): boolean {
  if (text.lastIndexOf(',', side.start) <= clauseStart) return false;
  let holder: Span | undefined;
  for (const h of holders) if (h.end <= side.start && h.start >= clauseStart) holder = h;
  if (!holder) return false;
  const lead = text.slice(holder.end, side.start);
  const tail = text.slice(side.end, cueStart);
  const close = tail.lastIndexOf(',');
  if (close < 0 || !TO_ACT.test(tail.slice(close))) return false;
  const inner = tail.slice(0, close);
  if (NOT_A_NOUN_PHRASE.test(lead) || NOT_A_NOUN_PHRASE.test(inner) || /[,;()]/.test(inner)) return false;
  // "Russia, Dunmere's main trading partner,": the possessive side opens the noun phrase.
  if (/^\s*,\s*$/.test(lead)) return side.poss && /^['’]s?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*$/.test(inner);
  // "Russia, a close ally of Dunmere,": a noun phrase whose last words name the side; "Russia, long
  // critical of Dunmere,": an adjective phrase describing the holder.
  return (/^\s*,\s*(?:a|an|the|one of the)\s+(?:[a-z][\w-]*\s+){1,4}(?:of|to|for|with)\s+(?:the\s+)?$/.test(lead) || ADJECTIVE_LEAD.test(lead)) && /^\s*$/.test(inner);
}

/**
 * "Russia, Dunmere's ally, and China …", "Russia and China, a close ally of Dunmere, …", "Norway
 * criticised Brazil, a close ally of the junta.": an ally named in an apposition is its head's, not
 * every actor's of the clause. The apposition's opening and closing commas (the closing one the
 * sentence's end when it ends there), or null.
 */
export function allyApposition(text: string, cue: Span, clauseStart: number): { open: number; close: number } | null {
  const open = text.lastIndexOf(',', cue.start);
  if (open <= clauseStart) return null;
  const inner = text.slice(open + 1, cue.start);
  if (inner.length > 40 || /[;]/.test(inner) || NOT_A_NOUN_PHRASE.test(inner)) return null;
  // Closed by a comma, or by the sentence's end: "Norway criticised Brazil, a close ally of the junta."
  const tail = /^(?:\s+of\s+[^,;.]{1,40}?)?\s*(?:,|[.!]?["”’]?\s*$)/.exec(text.slice(cue.end, cue.end + 60));
  if (!tail || NOT_A_NOUN_PHRASE.test(tail[0])) return null;
  return { open, close: tail[0].endsWith(',') ? cue.end + tail[0].length - 1 : text.length };
}

/** After the relative clause's subjects, up to the act: an adverb or an auxiliary at most. */
const REL_TO_ACT = /^\s+(?:(?:also|now|still|long|openly|publicly|firmly|strongly|reportedly|has|have|had)\s+){0,2}$/i;

/**
 * "the junta, which Peru backs,": the subjects of an object relative clause opened right after a
 * side, in a list ("which Chile and Peru back"), ending right before the act; empty if the shape is
 * not there.
 */
export function objectRelative<M extends Span>(text: string, head: Span, cueStart: number, holders: M[]): M[] {
  const inside = holders.filter((h) => h.start >= head.end && h.end <= cueStart);
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last || !/^\s*,\s*(?:which|whom|who|that)\s+(?:the\s+)?$/i.test(text.slice(head.end, first.start))) return [];
  for (let i = 1; i < inside.length; i++) {
    if (!/^\s*(?:,\s*|,?\s+and\s+)(?:the\s+)?$/i.test(text.slice((inside[i - 1] as M).end, (inside[i] as M).start))) return [];
  }
  return REL_TO_ACT.test(text.slice(last.end, cueStart)) ? inside : [];
}

/** "blamed by Vastland", "condemned by the Valkari government": a side as the agent right after the act. */
export function sideAgent<S extends Span>(text: string, cueEnd: number, sides: S[]): S | undefined {
  return sides.find((m) => m.start >= cueEnd && m.start - cueEnd <= 12 && /^\s+by\s+(?:the\s+)?$/i.test(text.slice(cueEnd, m.start)));
}

/** Verbs of criticism whose subject is the one acting (not accusing the subject: "X rigged", "X usurped"). */
const CRITICISING = /^(?:condemn|denounc|critici|call|declar|deem|describ|brand|reject|blam|accus|sanction|expel|suspend|protest|lodg|summon|recall|punish|oppos|deplor|label|designat)/i;
/** Between a subject and its verb: adverbs and auxiliaries at most. */
const SUBJECT_TO_VERB = /^\s+(?:(?:has|have|had|also|again|now|then|later|swiftly|quickly|strongly|sharply|publicly|formally|itself|firmly|openly)\s+){0,2}$/i;

/** "Ostrel condemned the closure", "Valkar has called it illegal": a side right before a verb of criticism is its subject. */
export function sideSubject(text: string, cue: { start: number; text: string }, sides: Span[]): boolean {
  return CRITICISING.test(cue.text) && sides.some((m) => m.end <= cue.start && cue.start - m.end <= 30 && SUBJECT_TO_VERB.test(text.slice(m.end, cue.start)));
}

/**
 * "Russia, Oman's neighbour, backed Khalvor": a possessive inside an apposition to the actor before it
 * qualifies that actor's description; it does not act.
 */
export function possessiveAside(text: string, m: Span & { poss: boolean }, holders: Span[]): boolean {
  return m.poss && /^['’]s?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*,/.test(text.slice(m.end, m.end + 60)) && holders.some((h) => h.end <= m.start && /^\s*,\s*(?:the\s+)?$/.test(text.slice(h.end, m.start)));
}
