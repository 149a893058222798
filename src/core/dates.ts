/**
 * Dates in text, resolved against the article's publication date (never today's date):
 * weekdays ("on Thursday", "late Wednesday", "on Saturday" for a scheduled meeting), month-day
 * ("Jan. 24", "May 20, 2019"), month-year ("May 2018", "in December"), years ("in 2016") and
 * relative words ("yesterday", "a day earlier", "last month").
 */
import { DateTime } from 'luxon';
import type { Precision } from './types.js';

export interface DateMention {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  precision: Exclude<Precision, 'minute'>;
  start: number;
  end: number;
  /** True for a date after the publication day (scheduled events, deadlines). */
  future: boolean;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_RE = 'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|Jun\\.|July|Jul\\.|Aug(?:ust|\\.)?|Sept(?:ember|\\.)?|Sep\\.|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';
const FUTURE_CUE = /\b(will|shall|'ll|scheduled|schedules|planned|plans|plan to|is set to|are set to|due to|expected to|upcoming|next|deadline|to hold|to meet|to vote|requested (?:an? )?(?:open )?(?:meeting|session|vote)|meeting|summit|session|consultations|vote|talks)\b/i;

const PATTERNS: { re: RegExp; kind: 'weekday' | 'mdy' | 'my' | 'y' | 'rel' }[] = [
  { re: new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g'), kind: 'mdy' },
  { re: new RegExp(`\\b(${MONTH_RE})\\s+(\\d{4})\\b`, 'g'), kind: 'my' },
  { re: /\b(?:in|since|during|until|by|last|this|next|early|late|mid-?)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/g, kind: 'my' },
  { re: /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, kind: 'weekday' },
  { re: /\b(yesterday|today|tomorrow|tonight|a day earlier|the day before|last month|earlier this month|this month|last year|this year|next week|next month|last week|earlier this week|this week)\b/gi, kind: 'rel' },
  { re: /\b(?:in|since|of|from|until|by|a|the)\s+((?:19|20)\d{2})\b/g, kind: 'y' },
];

function iso(d: DateTime, p: DateMention['precision']): string {
  return p === 'day' ? (d.toISODate() ?? '') : p === 'month' ? d.toFormat('yyyy-MM') : d.toFormat('yyyy');
}

/** Every date expression in a sentence, resolved against `published` (YYYY-MM-DD…). */
export function findDates(text: string, published: string): DateMention[] {
  const pub = DateTime.fromISO(published.slice(0, 10), { zone: 'utc' });
  if (!pub.isValid) return [];
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  for (const { re, kind } of PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      let d: DateTime | null = null;
      let precision: DateMention['precision'] = 'day';
      const g1 = (m[1] ?? '').toLowerCase().replace('.', '');
      if (kind === 'mdy') {
        const month = MONTHS[g1];
        const day = Number(m[2]);
        if (!month || day < 1 || day > 31) continue;
        let year = m[3] ? Number(m[3]) : pub.year;
        // "Dec. 30" in a January article is last year's.
        d = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
        // Without a year, a date after publication is last year's unless the sentence looks ahead.
        if (!m[3] && d > pub && !FUTURE_CUE.test(text)) d = d.minus({ years: 1 });
      } else if (kind === 'my') {
        const month = MONTHS[g1];
        if (!month) continue;
        let year = m[2] ? Number(m[2]) : pub.year;
        const rel = m[0].toLowerCase();
        if (!m[2] && (month > pub.month || rel.startsWith('last'))) year -= 1;
        if (!m[2] && rel.startsWith('next') && month <= pub.month) year += 1;
        d = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' });
        precision = 'month';
      } else if (kind === 'y') {
        d = DateTime.fromObject({ year: Number(m[1]), month: 1, day: 1 }, { zone: 'utc' });
        precision = 'year';
      } else if (kind === 'weekday') {
        const wd = WEEKDAYS.indexOf(g1) + 1;
        const back = (pub.weekday - wd + 7) % 7;
        const fwd = (wd - pub.weekday + 7) % 7;
        const before = text.slice(Math.max(0, start - 6), start).toLowerCase();
        const futureCue = FUTURE_CUE.test(text) && fwd > 0 && fwd <= 3;
        if (/next\s$/.test(before) || futureCue) d = pub.plus({ days: fwd === 0 ? 7 : fwd });
        else if (/last\s$/.test(before)) d = pub.minus({ days: back === 0 ? 7 : back });
        else d = pub.minus({ days: back });
      } else {
        const w = g1;
        if (w === 'yesterday' || w === 'a day earlier' || w === 'the day before') d = pub.minus({ days: 1 });
        else if (w === 'today' || w === 'tonight') d = pub;
        else if (w === 'tomorrow') d = pub.plus({ days: 1 });
        else if (w === 'last month') {
          d = pub.minus({ months: 1 }).startOf('month');
          precision = 'month';
        } else if (w === 'earlier this month' || w === 'this month') {
          d = pub.startOf('month');
          precision = 'month';
        } else if (w === 'next month') {
          d = pub.plus({ months: 1 }).startOf('month');
          precision = 'month';
        } else if (w === 'last year') {
          d = pub.minus({ years: 1 }).startOf('year');
          precision = 'year';
        } else if (w === 'this year') {
          d = pub.startOf('year');
          precision = 'year';
        } else continue; // weeks are too vague to date an event
      }
      if (!d?.isValid) continue;
      taken.push([start, end]);
      const value = iso(d, precision);
      out.push({ value, precision, start, end, future: value > iso(pub, precision) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
