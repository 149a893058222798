/** The events one sentence reports, for extract.ts. */
import { eventKind } from './cues.js';
import { findDates } from './dates.js';
import type { DocMeta, XEvent } from './extract.js';
import type { Sentence } from './segment.js';
import { contentStems, type Token } from '../text.js';
import type { Precision } from '../types.js';

const dayOf = (at: string): string => at.slice(0, 10);
/** A move in time that names no day: "weeks earlier", "two months later", "last year", "previously". */
const UNDATED_SHIFT = /\b(?:(?:\d+|two|three|four|five|six|several|a few|some|many)\s+(?:days|weeks|months|years)|a (?:week|month|year)|weeks|months|years|days)\s+(?:earlier|later|before|ago|after)\b|\b(?:earlier|later) (?:this|that|in the) (?:week|month|year)\b|\blast (?:week|month|year)\b|\bpreviously\b/i;
/** A cheap look for the words UNDATED_SHIFT needs, before running it on every sentence. */
const mayShift = (t: string) => t.includes('arlier') || t.includes('later') || t.includes(' ago') || t.includes('before') || t.includes('after') || t.includes('reviously') || t.includes('ast ');

/**
 * The events a sentence reports. A live-blog entry's lead is an event at the entry's minute; when
 * it announces something for a later day (a meeting "on Saturday") that is a second, scheduled event.
 */
export function eventsOf(s: Sentence, tokens: Token[], actors: string[], meta: DocMeta, seenEntryLead: Set<number>, ledeTaken: boolean, day: { anchor: string | undefined }): XEvent[] {
  const pubDay = meta.published.slice(0, 10);
  const dates = findDates(s.text, meta.published, day.anchor).filter((d) => d.precision === 'day' || d.precision === 'month');
  // The day this sentence gives is the anchor of the next one's "the same day"; a sentence moving to
  // an undated time ("Weeks earlier, X had said …") leaves "that day" after it undated.
  const given = dates.find((d) => d.precision === 'day');
  if (given) day.anchor = given.value;
  else if (day.anchor && mayShift(s.text) && UNDATED_SHIFT.test(s.text)) day.anchor = undefined;
  const isEntryLead = s.entry >= 0 && !seenEntryLead.has(s.entry);
  if (isEntryLead) seenEntryLead.add(s.entry);
  // A live-blog entry's lead and a dated sentence are events whatever their verb; a plain statement
  // of its kind otherwise.
  const kind = eventKind(s.text) ?? (isEntryLead || dates.some((d) => d.precision === 'day') ? { kind: 'other', weight: 1 } : null);
  if (!kind) return [];
  const explicit = dates.find((d) => d.precision === 'day') ?? dates[0];
  const isLede = s.entry < 0 && !ledeTaken && s.pos === 0;
  const otherDay = explicit && explicit.value !== pubDay;
  // In a live blog every entry's lead is an event; other sentences only when they carry a date.
  if (!isEntryLead && !isLede && !explicit) return [];
  if (!isEntryLead && !isLede && !otherDay && kind.weight < 2 && explicit?.precision !== 'day') return [];
  if (actors.length === 0 && kind.weight < 3 && !isEntryLead && !explicit) return [];
  const sig = [...new Set([...contentStems(tokens), ...actors.map((a) => `@${a}`)])];
  const weight = kind.weight + (isEntryLead || isLede ? 1 : 0);
  const make = (at: string, precision: Precision, scheduled: boolean): XEvent => ({
    seq: s.seq,
    at,
    precision,
    day: precision === 'month' ? `${at.slice(0, 7)}-01` : dayOf(at),
    text: s.text,
    kind: kind.kind,
    weight,
    scheduled,
    actors,
    sig,
  });
  const out: XEvent[] = [];
  // An entry's lead is reported at the entry's minute, whatever background date it mentions.
  if (s.entryAt && (isEntryLead || !explicit || explicit.value === s.entryAt.slice(0, 10))) out.push(make(s.entryAt, 'minute', false));
  // Each day the sentence names ("met on Monday and will meet again on Thursday") is an event of its own.
  const days = dates.filter((d) => d.precision === 'day' && !d.anchored);
  const named = days.length > 0 ? days : explicit ? [explicit] : [];
  const seen = new Set<string>();
  for (const d of named) {
    if (seen.has(d.value)) continue;
    seen.add(d.value);
    const sameDay = s.entryAt && d.value === s.entryAt.slice(0, 10);
    if (!sameDay && (d.future || !isEntryLead)) out.push(make(d.value, d.precision, d.future));
  }
  if (out.length === 0) out.push(make(pubDay, 'day', false));
  return out;
}
