/**
 * Dates in text, resolved against the article's publication date (never today's date):
 * weekdays ("on Thursday", "late Wednesday", "on Saturday" for a scheduled meeting), month-day
 * ("Jan. 24", "May 20, 2019"), month-year ("May 2018", "in December"), years ("in 2016") and
 * relative words ("yesterday", "a day earlier", "last month").
 */
import type { Precision } from '../types.js';
import { Lexicon } from './lexicon.js';

export interface DateMention {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  precision: Exclude<Precision, 'minute'>;
  start: number;
  end: number;
  /** True for a date after the publication day (scheduled events, deadlines). */
  future: boolean;
  /** Counted from another date of the sentence ("on Thursday, up from 17 a day earlier"): a comparison, not an event of its own. */
  anchored?: boolean;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_RE = 'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|Jun\\.|July|Jul\\.|Aug(?:ust|\\.)?|Sept(?:ember|\\.)?|Sep\\.|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';
/** Words that put a weekday ahead of the publication day whatever its distance: "will meet on Thursday". */
const STRONG_FUTURE = /\b(?:will|shall|'ll|is set to|are set to|scheduled|due to|expected to|plans? to|planned|to be held|upcoming)\b|\b(?:said|says|announced|told|added|promised|pledged)\b[^.;]{0,80}\bwould\b/i;
/** "said on Monday", "announced Tuesday": the weekday dates the speech, in the past. */
const SPEECH_BEFORE = /\b(?:said|says|told|announced|declared|added|tweeted|reported|wrote)\s+(?:on\s+|late\s+|early\s+)?$/i;
const FUTURE_CUE = /\b(will|shall|'ll|scheduled|schedules|planned|plans|plan to|is set to|are set to|due to|expected to|upcoming|next|deadline|to hold|to meet|to vote|to be sworn in|to be inaugurated|(?:gave|give|gives|giving) (?:\S+ ){0,4}until|requested (?:an? )?(?:open )?(?:meeting|session|vote)|set (?:\w+ ){0,3}for|adjourned (?:\w+ ){0,3}until|meeting|summit|session|consultations|vote|talks)\b/i;

const PATTERNS: { re: RegExp; kind: 'weekday' | 'mdy' | 'dmy' | 'my' | 'y' | 'rel' | 'anaphor' }[] = [
  { re: new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g'), kind: 'mdy' },
  // British order: "on 3 May", "24 April 2019".
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_RE})(?:,?\\s+(\\d{4}))?\\b`, 'g'), kind: 'dmy' },
  // A day the previous sentence gave: "the same day", "the next day".
  { re: /\b(the same day|that day|that same day|the next day|the following day|a day later|the day after)\b/gi, kind: 'anaphor' },
  { re: new RegExp(`\\b(${MONTH_RE})\\s+(\\d{4})\\b`, 'g'), kind: 'my' },
  { re: /\b(?:in|since|during|until|by|last|this|next|early|late|mid-?)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/g, kind: 'my' },
  { re: /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, kind: 'weekday' },
  { re: /\b(yesterday|today|tomorrow|tonight|a day earlier|a day after|the day before|last month|earlier this month|this month|last year|this year|next week|next month|last week|earlier this week|this week)\b/gi, kind: 'rel' },
  { re: /\b(?:in|since|of|from|until|by|a|the)\s+((?:19|20)\d{2})\b/g, kind: 'y' },
];

/** The patterns' regexes, in order (for test/core/lexicon.test.ts). */
export const DATE_REGEXES: readonly RegExp[] = PATTERNS.map((p) => p.re);
const LEXICON = new Lexicon(DATE_REGEXES);

/** Plain UTC calendar arithmetic: enough for dates, and far cheaper than a time-zone library. */
interface Ymd {
  y: number;
  m: number;
  d: number;
}
const DAY_MS = 86_400_000;
const toMs = (x: Ymd) => Date.UTC(x.y, x.m - 1, x.d);
const fromMs = (ms: number): Ymd => {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const addDays = (x: Ymd, n: number) => fromMs(toMs(x) + n * DAY_MS);
const addMonths = (x: Ymd, n: number): Ymd => {
  const k = x.y * 12 + (x.m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1, d: 1 };
};
/** ISO weekday: Monday 1 … Sunday 7. */
const weekday = (x: Ymd) => ((new Date(toMs(x)).getUTCDay() + 6) % 7) + 1;
const pad = (n: number) => String(n).padStart(2, '0');

function iso(d: Ymd, p: DateMention['precision']): string {
  return p === 'day' ? `${d.y}-${pad(d.m)}-${pad(d.d)}` : p === 'month' ? `${d.y}-${pad(d.m)}` : `${d.y}`;
}

const ANY_DATE = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|yesterday|today|tomorrow|tonight|earlier|last|this|next|a day|the day|the same day|that day|the next day|the following day|(?:19|20)\d\d)/i;

/**
 * Every date expression in a sentence, resolved against `published` (YYYY-MM-DD…); `anchor` is the
 * day the previous sentence gave, for "the same day".
 */
export function findDates(text: string, published: string, anchor?: string): DateMention[] {
  if (!ANY_DATE.test(text)) return [];
  const pm = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!pm) return [];
  const pub: Ymd = { y: Number(pm[1]), m: Number(pm[2]), d: Number(pm[3]) };
  const pubMs = toMs(pub);
  if (Number.isNaN(pubMs)) return [];
  const out: DateMention[] = [];
  const dayBefore = new Set<DateMention>();
  const dayAfter = new Set<DateMention>();
  /** Anaphors ("a day later") by their start, and whether the previous sentence gave them a day. */
  const anaphors = new Map<number, boolean>();
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const scan = LEXICON.scan(text);
  for (let k = 0; k < PATTERNS.length; k++) {
    const { kind } = PATTERNS[k] as (typeof PATTERNS)[number];
    for (const m of scan.all(k)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      let d: Ymd | null = null;
      let precision: DateMention['precision'] = 'day';
      const g1 = (m[1] ?? '').toLowerCase().replace('.', '');
      if (kind === 'anaphor') {
        // Counted from the previous sentence's day, or from a day given earlier in this one (below).
        const am = anchor ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(anchor) : null;
        const base: Ymd = am ? { y: Number(am[1]), m: Number(am[2]), d: Number(am[3]) } : pub;
        d = /same|that day/i.test(g1) ? base : addDays(base, 1);
        anaphors.set(start, !!am);
      } else if (kind === 'mdy' || kind === 'dmy') {
        const month = MONTHS[kind === 'dmy' ? (m[2] ?? '').toLowerCase().replace('.', '') : g1];
        const day = Number(kind === 'dmy' ? m[1] : m[2]);
        if (!month || day < 1 || day > 31) continue;
        d = { y: m[3] ? Number(m[3]) : pub.y, m: month, d: day };
        if (fromMs(toMs(d)).d !== day) continue; // "Feb 31"
        // Without a year: the year that puts the date nearest the publication day, ahead of it only
        // when the sentence looks ahead ("on March 3" in a December article is next year's if it
        // "will" happen, last March's otherwise).
        if (!m[3]) {
          const ahead = FUTURE_CUE.test(text);
          // "said the opposition would hold a strike on March 10", three days after publication: a reported future.
          const reported = toMs(d) > pubMs && toMs(d) - pubMs <= 31 * DAY_MS && /\bwould\b/i.test(text);
          if (toMs(d) > pubMs && !ahead && !reported) d = { ...d, y: d.y - 1 };
          else if (toMs(d) < pubMs - 183 * DAY_MS && ahead) d = { ...d, y: d.y + 1 };
        }
      } else if (kind === 'my') {
        const month = MONTHS[g1];
        if (!month) continue;
        let year = m[2] ? Number(m[2]) : pub.y;
        const rel = m[0].toLowerCase();
        if (!m[2] && (month > pub.m || rel.startsWith('last'))) year -= 1;
        if (!m[2] && rel.startsWith('next') && month <= pub.m) year += 1;
        d = { y: year, m: month, d: 1 };
        precision = 'month';
      } else if (kind === 'y') {
        d = { y: Number(m[1]), m: 1, d: 1 };
        precision = 'year';
      } else if (kind === 'weekday') {
        // "had died since Friday", "under house arrest since Wednesday": the start of a period, not the day of the report.
        if (/\bsince\s+$/i.test(text.slice(Math.max(0, start - 7), start))) continue;
        const wd = WEEKDAYS.indexOf(g1) + 1;
        const pw = weekday(pub);
        const back = (pw - wd + 7) % 7;
        const fwd = (wd - pw + 7) % 7;
        const before = text.slice(Math.max(0, start - 6), start).toLowerCase();
        const lead = text.slice(Math.max(0, start - 80), start);
        const spoken = SPEECH_BEFORE.test(lead);
        // A future tense before the weekday resolves it forward ("will meet on Thursday"); a weaker cue
        // (a meeting, talks) only within three days.
        const futureCue = fwd > 0 && !spoken && (STRONG_FUTURE.test(lead) || (FUTURE_CUE.test(text) && fwd <= 3));
        if (/next\s$/.test(before) || futureCue) d = addDays(pub, fwd === 0 ? 7 : fwd);
        else if (/last\s$/.test(before)) d = addDays(pub, -(back === 0 ? 7 : back));
        else d = addDays(pub, -back);
      } else {
        const w = g1;
        if (w === 'yesterday' || w === 'a day earlier' || w === 'a day after' || w === 'the day before') d = addDays(pub, -1);
        else if (w === 'today' || w === 'tonight') d = pub;
        else if (w === 'tomorrow') d = addDays(pub, 1);
        else if (w === 'last month' || w === 'earlier this month' || w === 'this month' || w === 'next month') {
          d = addMonths(pub, w === 'last month' ? -1 : w === 'next month' ? 1 : 0);
          precision = 'month';
        } else if (w === 'last year' || w === 'this year') {
          d = { y: pub.y - (w === 'last year' ? 1 : 0), m: 1, d: 1 };
          precision = 'year';
        } else continue; // weeks are too vague to date an event
      }
      if (!d) continue;
      taken.push([start, end]);
      const value = iso(d, precision);
      out.push({ value, precision, start, end, future: value > iso(pub, precision) });
      if (kind === 'rel' && (g1 === 'a day earlier' || g1 === 'the day before')) dayBefore.add(out[out.length - 1] as DateMention);
      // "arrived on Saturday, a day after Sorvana freed them": what follows happened the day before, an event of its own.
      if (kind === 'rel' && g1 === 'a day after') dayAfter.add(out[out.length - 1] as DateMention);
    }
  }
  out.sort((a, b) => a.start - b.start);
  // The day before the last day the sentence gave ahead of `x` (not a relative day itself), or null.
  const dayBeforeGiven = (x: DateMention, relative: (o: DateMention) => boolean): string | null => {
    const ref = [...out].reverse().find((o) => o.start < x.start && o.precision === 'day' && !relative(o));
    if (!ref) return null;
    const [y, mo, da] = ref.value.split('-').map(Number) as [number, number, number];
    return iso(addDays({ y, m: mo, d: da }, -1), 'day');
  };
  // "said on Thursday, up from 17 a day earlier": the day before the date the sentence gave, not
  // before publication.
  for (const x of dayBefore) {
    const value = dayBeforeGiven(x, (o) => dayBefore.has(o));
    if (!value) continue;
    x.value = value;
    x.future = value > iso(pub, 'day');
    x.anchored = true;
  }
  // "crossed into Niger on August 7, and UNMOK completed its drawdown a day later": counted from the
  // day this sentence gave before it; without one or a previous sentence's day, it dates nothing.
  if (anaphors.size) {
    for (const x of [...out]) {
      const anchored = anaphors.get(x.start);
      if (anchored === undefined) continue;
      const ref = [...out].reverse().find((o) => o.start < x.start && o.precision === 'day' && !anaphors.has(o.start) && !dayBefore.has(o) && !dayAfter.has(o));
      if (!ref) {
        if (!anchored) out.splice(out.indexOf(x), 1);
        continue;
      }
      const [y, mo, da] = ref.value.split('-').map(Number) as [number, number, number];
      const value = iso(/same|that day/i.test(text.slice(x.start, x.end)) ? { y, m: mo, d: da } : addDays({ y, m: mo, d: da }, 1), 'day');
      x.value = value;
      x.future = value > iso(pub, 'day');
    }
  }
  for (const x of dayAfter) {
    const value = dayBeforeGiven(x, (o) => dayAfter.has(o) || dayBefore.has(o));
    // Without a day in the sentence to count from, "a day after" dates nothing.
    if (!value) {
      out.splice(out.indexOf(x), 1);
      continue;
    }
    x.value = value;
    x.future = value > iso(pub, 'day');
  }
  return out;
}
