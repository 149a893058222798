/**
 * Date spans: the date a sentence gives for what the question asks about — the one nearest the
 * question's words, one ahead of the report for "when will …", the previous sentence's for "the
 * same day" — or, failing that, the report's own day (never for "when is …").
 */
import type { Briefing } from '../briefing.js';
import { findDates } from '../read/dates.js';
import { stem } from '../text.js';
import { formatWhen } from '../when.js';
import type { Asked, Span } from './spans.js';
import { variants } from './words.js';

/**
 * Of several dates in a sentence, the one nearest the question's own words: "called a strike on
 * Monday and said protesters would march on parliament on Saturday" answers "When will they march?"
 * with Saturday. Without those words, the first date.
 */
function nearestDate<D extends { start: number; end: number }>(dates: D[], text: string, qStems: Set<string>): D | undefined {
  if (dates.length < 2) return dates[0];
  const at: number[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = stem(m[0].toLowerCase());
    if (qStems.has(w) || [...qStems].some((q) => q.length >= 4 && w.startsWith(q))) at.push(m.index ?? 0);
  }
  if (at.length === 0) return dates[0];
  const distance = (d: D) => Math.min(...at.map((p) => (p < d.start ? d.start - p : p > d.end ? p - d.end : 0)));
  return dates.reduce((best, d) => (distance(d) < distance(best) ? d : best));
}

/**
 * Whether a date names the day of what the question asks about: right before its word ("the
 * October 10 presidential election") or right after it ("the election on October 10", "the vote
 * held on Sunday"), not anywhere in the sentence ("sworn in on Thursday, three weeks after an election").
 */
function dateOf(d: { start: number; end: number }, text: string, qStems: Set<string>): boolean {
  // Only the question's own content words of four letters or more: "two" or "men" name no act.
  const asked = [...qStems].filter((q) => q.length >= 4 && !/\d/.test(q));
  const isAsked = (w: string) => {
    const st = stem(w.toLowerCase());
    // Either stem may be the longer: "dissolve" asked, "dissolved" stems to "dissolv".
    return asked.some((q) => st === q || st.startsWith(q) || (st.length >= 5 && q.startsWith(st)));
  };
  const after = /^\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(text.slice(d.end, d.end + 40));
  if (after && [after[1], after[2]].some((w) => w !== undefined && isAsked(w))) return true;
  const before = /([\p{L}-]+)\s+(?:(?:held|set|scheduled|planned)\s+)?(?:on|of|for)\s+(?:the\s+)?$/u.exec(text.slice(Math.max(0, d.start - 40), d.start));
  if (before?.[1] !== undefined && isAsked(before[1])) return true;
  // The asked act as a past-tense verb earlier in the clause: "Ilario dissolved Congress and
  // suspended parts of the constitution on Sunday" (not "struck down the decree dissolving Congress").
  const clause = text.slice(Math.max(0, d.start - 90), d.start);
  const start = Math.max(clause.lastIndexOf(';'), clause.lastIndexOf(':'), clause.lastIndexOf(', '));
  return [...clause.slice(start + 1).matchAll(/\p{L}+ed\b/gu)].some((m) => isAsked(m[0]));
}

/**
 * "The White House disclosed on Friday that Trump had spoken with Haftar": the date is the report's,
 * and the act it reports came before it, on a day the sentence does not give.
 */
function reportedEarlier(d: { end: number }, text: string, qStems: Set<string>): boolean {
  const after = text.slice(d.end);
  const m = /\bthat\b[^.;]{0,80}?\bhad\s+(\p{L}+)(?:\s+(\p{L}+))?/iu.exec(after);
  if (!m?.[1]) return false;
  // The verb after "had", or after "had already", "had also": a form of the question's own verb.
  return [m[1], m[2]].some((word) => {
    const w = stem((word ?? '').toLowerCase());
    return w.length >= 3 && [...qStems].some((q) => q.length >= 3 && (w.startsWith(q) || variants(q).some((v) => w.startsWith(v))));
  });
}

/** A day given by the sentence before: "The same day, the junta closed the border." */
const SAME_DAY = /\b(?:the same day|that same day|that day|later that day|earlier that day|that (?:morning|afternoon|evening|night))\b/i;
/** A day relative to one the text does not give here: "the next day", "weeks earlier". */
const OTHER_DAY = /\b(?:the (?:next|following|previous) (?:day|morning|evening|week)|the day (?:before|after)|a day (?:later|earlier)|(?:days|weeks|months|hours) (?:later|earlier)|(?:two|three|four|five|six|several|a few|\d+) (?:days|weeks|months) after (?:it|they)\b)/i;

/** The date span of a "when" question in one sentence (reported at `at`), or null. */
export function dateSpan(ask: Asked, text: string, at: string | null, kb: Briefing, sentenceId?: number): Span | null {
  const { qStems } = ask;
  const dates = findDates(text, at ?? '2000-01-01');
  // "When will the trial open?" of "on Tuesday charged two men …, and set their trial for September 14".
  const ahead = ask.ahead ? dates.filter((x) => x.future) : [];
  // "When will he be sworn in?" is not answered by the day he was sworn in as interim leader.
  if (ask.ahead && dates.length > 0 && ahead.length === 0) return null;
  const d = nearestDate(ahead.length ? ahead : dates, text, qStems);
  // Nor "When did the evacuation begin?" by the day its second phase "is due to begin": the date
  // of what is asked is still ahead of the report.
  if (ask.past && d?.future) return null;
  if (d && reportedEarlier(d, text, qStems)) return null;
  // A date the sentence states beats the day it was reported.
  if (d && at) return { answer: formatWhen(d.value), start: d.start, end: d.end, fit: dateOf(d, text, qStems) ? 2 : 1 };
  if (!d && at && sentenceId !== undefined) {
    // "Rebels attacked a barracks on Wednesday. The same day, the junta closed the border.": the
    // day is the previous sentence's; "the next day", "weeks earlier" name a day the text does not give.
    if (SAME_DAY.test(text)) {
      const prev = kb.reader.sentencesBefore(sentenceId, 1)[0];
      const pd = prev ? findDates(prev.text, at) : [];
      const last = pd[pd.length - 1];
      return last ? { answer: formatWhen(last.value), start: 0, end: 0, fit: 1, context: { sentenceId: prev?.id ?? 0, text: prev?.text ?? '' } } : null;
    }
    if (OTHER_DAY.test(text)) return null;
  }
  // What is due ("When is the vote?") is not the day a report was written.
  if (ask.stated) return null;
  if (at) return { answer: formatWhen(at), start: 0, end: 0 };
  return null;
}
