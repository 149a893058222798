/**
 * What a question asks for: its kind (an age, a number, a date, a place, who someone is, who did
 * something, or anything else), for numbers the kind of quantity ("how long" → a duration, "how
 * far" → a distance, "what share" → a percentage, "how much aid" → money) and the thing counted
 * ("How many LNA soldiers were captured?" → LNA soldiers), and the person asked about.
 */
import { stem } from '../text.js';
import type { QuantityKind } from './numbers.js';

export type QType = 'age' | 'count' | 'when' | 'where' | 'define' | 'who' | 'other';

/** The quantity a number question wants; `amount` is "how much X" of something that is not money. */
export type Want = QuantityKind | 'amount' | null;

export interface ParsedQuestion {
  type: QType;
  want: Want;
  /** Stems of what a "how many/how much" question counts: "LNA soldiers" → ["lna", "soldier"]. */
  noun: string[];
  /** The name a "Who is X?" or "How old is X?" question asks about, as written. */
  subject: string | null;
  /** A "Who is the ambassador?" question: the person holding a role, not someone who did something. */
  role?: boolean;
  /** "Who recognized X?": the stem of the active verb whose subject is asked for. */
  act?: string;
  /** "How much did prices rise / fall?": the way the change asked about went. */
  direction?: 'up' | 'down';
}

const AUX = /^(?:did|do|does|were|was|are|is|have|has|had|will|would|can|could|should|may|might|must|been|be|in|on|at|to|from|by|for|with|since|during|per|that|who|which)$/i;
const MONEY_NOUN = /\b(?:money|aid|loans?|funding|funds|cash|dollars|euros|pounds|budget|debt|assistance|grants?|investment|compensation|credit|guarantees|financing|ransom|fines?)\b/i;
const MONEY_VERB = /\b(?:pledge[ds]?|lend|lent|loan(?:ed)?|give[ns]?|gave|pay|paid|spen[dt]|cost|offer(?:ed)?|donate[ds]?|raise[ds]?|owe[ds]?|invest(?:ed)?|provide[ds]?|promise[ds]?|allocate[ds]?|worth|suspend(?:ed)?|freeze|froze|send|sent|receive[ds]?|borrow(?:ed)?)\b/i;

/** The words after `lead` up to the first auxiliary, preposition or verb-like word. */
function nounAfter(q: string, lead: RegExp): string[] {
  const m = lead.exec(q);
  if (!m) return [];
  const out: string[] = [];
  for (const raw of q.slice((m.index ?? 0) + m[0].length).split(/\s+/)) {
    const w = raw.replace(/[?.,!]+$/, '').replace(/['’]s$/, '');
    if (!w || AUX.test(w)) break;
    // A past participle or past tense ends the noun phrase: "deputies voted", "people killed".
    if (out.length > 0 && /ed$/i.test(w) && !/^\p{Lu}/u.test(w)) break;
    out.push(stem(w.toLowerCase()));
    if (out.length >= 3 || /[?.,!]$/.test(raw)) break;
  }
  return out;
}

function subjectOf(q: string, re: RegExp): string | null {
  const m = re.exec(q);
  const s = m?.[1]?.replace(/[?.!]+\s*$/, '').trim();
  return s ? s : null;
}

/** "Who is the (British) ambassador (to X)?": "the", up to three words, a role, then nothing or "of/to/in …". */
const ROLE_ASKED = /^\s*who (?:is|was|are|were) (?:now )?the (?:[\p{L}.'’-]+\s+){0,3}?(?:president|prime minister|minister|ambassador|envoy|leader|head|chief|spokes(?:man|woman|person)|commander|speaker|king|queen|mediator|negotiator|secretary-general|secretary|governor|mayor|chairman|chair|director|prosecutor|judge)(?:\s+(?:of|to|in|for|at)\s+[^?]+)?\s*\??\s*$/iu;

export function parseQuestion(question: string): ParsedQuestion {
  const q = question.trim();
  const l = q.toLowerCase();
  const none = { want: null, noun: [], subject: null };
  if (/\bhow old\b|\bwhat age\b|\bage of\b/.test(l)) {
    return { type: 'age', ...none, subject: subjectOf(q, /\bhow old (?:is|was|are|were)\s+(.+)$/i) ?? subjectOf(q, /\b(?:what age is|age of)\s+(.+)$/i) };
  }
  if (/\bhow long\b/.test(l)) return { type: 'count', ...none, want: 'duration' };
  if (/\bhow far\b|\bwhat distance\b/.test(l)) return { type: 'count', ...none, want: 'distance' };
  if (/\bwhat (?:share|percentage|proportion|per ?cent|fraction)\b|\bhow much of the vote\b|\bwhat percent\b/.test(l)) return { type: 'count', ...none, want: 'percent' };
  // "How much did gas prices rise?", "by how much have exports fallen?": a change, given as a
  // percentage, in the direction asked (a fall never answers a rise).
  // A currency recovers, rallies, weakens or loses value ("How much did the marel recover?"); a sum
  // lost is money ("How much money did investors lose?").
  const change = /\bhow much (?:did|do|does|has|have|had|will|would)\b[^?]*\b(?:(rise|rose|risen|rises|increase[sd]?|climb(?:ed|s)?|jump(?:ed|s)?|grow|grew|grown|grows|surge[sd]?|soar(?:ed|s)?|recover(?:ed|s)?|rebound(?:ed|s)?|rall(?:y|ied|ies)|strengthen(?:ed|s)?|appreciate[sd]?)|fall|fell|fallen|falls|drop(?:ped|s)?|decline[sd]?|slump(?:ed|s)?|plunge[sd]?|weaken(?:ed|s)?|tumble[sd]?|slide|slid|sink|sank|depreciate[sd]?|los[et]|loses)\b/.exec(l);
  if (change && !(/\blos[et]|loses\b/.test(change[0]) && MONEY_NOUN.test(q))) return { type: 'count', ...none, want: 'percent', direction: change[1] ? 'up' : 'down' };
  if (/\bhow much\b/.test(l)) {
    const noun = nounAfter(q, /\bhow much\s+/i);
    const money = noun.length === 0 || MONEY_NOUN.test(q) || (MONEY_VERB.test(q) && !/\b(?:rice|oil|gas|grain|wheat|food|fuel|water|land|territory|time)\b/i.test(q));
    return { type: 'count', ...none, want: money ? 'money' : 'amount', noun };
  }
  if (/\bhow many\b/.test(l)) return { type: 'count', ...none, want: 'count', noun: nounAfter(q, /\bhow many\s+/i) };
  // "How did parliament vote?", "What was the vote on impeachment?": a tally ("by 88 votes to 71").
  if (/^\s*how did\b.*\bvote\b|^\s*what was the (?:vote|tally|result of the vote)\b/.test(l)) return { type: 'count', ...none, want: 'count', noun: ['vot'] };
  if (/\bwhat number\b|\bdeath toll\b|\bthe number of\b/.test(l)) {
    return { type: 'count', ...none, want: 'count', noun: /\bdeath toll\b/.test(l) ? ['people'] : nounAfter(q, /\bnumber of\s+/i) };
  }
  if (/^\s*when\b|\bwhat (time|day|date)\b/.test(l)) return { type: 'when', ...none };
  if (/^\s*where\b/.test(l)) return { type: 'where', ...none };
  // "Who is X?" asks what X is, not for another person ("Who is the leader who ...?").
  // "Who is the British ambassador?", "who is the president of X": a role asks for the person holding it.
  if (ROLE_ASKED.test(l)) return { type: 'who', ...none, role: true };
  // "Who is accused of arming X?", "Who was behind the attack?": a passive or "behind" asks who did it.
  if (/^\s*who (?:is|was|are|were) (?:being |now |also )?(?:[a-z]+ed|known|seen|held|thought|said|believed|behind|responsible)\b/.test(l)) return { type: 'who', ...none };
  if (/^\s*who (is|was|are|were) [^?]+\??\s*$/.test(l) && !/\b(the|a|an) (one|person|leader|minister|president|head|chief|spokesman|spokeswoman)\b.*\b(who|that)\b/.test(l)) {
    return { type: 'define', ...none, subject: subjectOf(q, /^\s*who (?:is|was|are|were)\s+(.+)$/i) };
  }
  // "Who recognized X?", "Who has denied it?": an active verb asks for its subject (see spans.ts actors).
  const active = /^\s*who\s+(?:(?:has|have|had|did|will|would|then|first|also|later)\s+)*([a-z]{3,})\b/.exec(l)?.[1];
  if (active && !/^(?:is|was|are|were|else|of|in|on|at|from|by|the)$/.test(active)) return { type: 'who', ...none, act: stem(active) };
  if (/^\s*who\b/.test(l)) return { type: 'who', ...none };
  return { type: 'other', ...none };
}
