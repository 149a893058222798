/**
 * Segments an article: headline, dek, photo captions, section headings, live-blog entries headed by
 * a local time ("4:25 p.m."), paragraphs and sentences. Captions and headings are kept (they can be
 * searched) but are never events.
 */
import { DateTime } from 'luxon';
import { offsetText, parseTimeLabel, readTimeLabel } from './time-labels.js';

export { parseTimeLabel } from './time-labels.js';

export type SegmentKind = 'headline' | 'dek' | 'caption' | 'heading' | 'body' | 'credit';

export interface Sentence {
  seq: number;
  para: number;
  kind: SegmentKind;
  text: string;
  /** Set inside a live-blog entry: the entry's instant (ISO with offset) and its label. */
  entryAt: string | null;
  entryLabel: string | null;
  /** Index of the entry (0-based) or -1; sentences of one entry share it. */
  entry: number;
  /** Position of the sentence in its paragraph (0 = lead). */
  pos: number;
}

const CREDIT_LINE = /^(with files from|contributing:|reporting by|additional reporting|associated press writers?|this story has been|copyright|all rights reserved)/i;
const CREDIT_WORDS = /\b(?:AP Photo|Photo|Getty Images|Reuters|AFP|Associated Press|EPA|Bloomberg|file photo)\b/i;
/** A line ending in a parenthesised photo credit: "(AP Photo/Fernando Llano)". Linear (one scan back). */
const PHOTO_CREDIT = {
  test(line: string): boolean {
    const end = line.trimEnd();
    if (!end.endsWith(')')) return false;
    const open = end.lastIndexOf('(', end.length - 2);
    if (open < 0) return false;
    const inner = end.slice(open + 1, -1);
    return !inner.includes(')') && (inner.includes('/') || CREDIT_WORDS.test(inner));
  },
};
const ABBREVS = new Set(
  'mr mrs ms dr gen lt col sgt maj capt cmdr adm sen rep gov pres st jr sr prof rev no vs inc corp ltd co jan feb mar apr aug sept sep oct nov dec etc fig approx dept est'.split(' '),
);
const SENTENCE_STARTERS = new Set('the he she it they we i but and in on at a an this that his her their its there after before as when while meanwhile however also'.split(' '));

/** Split a paragraph into sentences, keeping abbreviations like "U.S." and "Jan." intact. */
export function splitSentences(para: string): string[] {
  const out: string[] = [];
  // Linear: a run of stops is matched only from its first character and never backtracked into
  // (lookbehind + atomic lookahead); `[.!?]+` alone is quadratic on a long run of dots.
  const re = /(?<![.!?])(?=([.!?]+))\1(["”’)\]]*)(\s+)(?=["“‘(\[]?[\p{Lu}\d])/gu;
  let last = 0;
  for (const m of para.matchAll(re)) {
    const idx = m.index ?? 0;
    // The word before the stop and the word after it, found by scanning a few characters only.
    let ws = idx;
    while (ws > last && /[\p{L}.]/u.test(para[ws - 1] as string)) ws--;
    const word = para.slice(ws, idx);
    const after = idx + m[0].length;
    const nm = /^["“‘(]?([\p{L}]+)/u.exec(para.slice(after, after + 24));
    const next = nm?.[1] ?? '';
    const isAbbrevWord = ABBREVS.has(word.toLowerCase().replace(/\.$/, ''));
    const isInitialism = /^(?:\p{L}\.)+\p{L}?$/u.test(`${word}.`) || /^(?:\p{L}\.){1,}$/u.test(`${word}${m[1]}`);
    if (m[1] === '.' && (isAbbrevWord || isInitialism) && !SENTENCE_STARTERS.has(next.toLowerCase())) continue;
    if (m[1] === '.' && /^\p{Lu}$/u.test(word)) continue; // a middle initial: "John F. Kennedy"
    const end = idx + (m[1] ?? "").length + (m[2]?.length ?? 0);
    const s = para.slice(last, end).trim();
    if (s) out.push(s);
    last = end;
  }
  const tail = para.slice(last).trim();
  if (tail) out.push(tail);
  return out;
}

function isHeading(line: string): boolean {
  // Most lines end in a stop: that test first, the word count only for the rest.
  return !/[.!?:;,"”’)]$/.test(line) && /^[\p{Lu}\d"“]/u.test(line) && line.split(/\s+/).length <= 8;
}

interface Entry {
  lineIdx: number;
  minutes: number;
  label: string;
  /** The day a date header above the entry gives ("Friday, Jan. 25"), ISO; else the wrap rule dates it. */
  day?: string;
  /** The label's own UTC offset ("11:15 GMT"), when its zone names one; else the article's zone. */
  offset?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A line that is only a date, as live blogs head each day: "Friday, Jan. 25", "Thursday 24 January 2019", "JAN. 25". */
const DATE_HEADER = new RegExp(`^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH})(?:,?\\s+(\\d{4}))?$`, 'i');

/**
 * The ISO day of a live blog's date header, or null. Without a year, the header's day falls in the
 * year that puts it on or before the publication day (a blog published on 2 January heads "Dec. 31").
 */
export function parseDateHeader(line: string, published: string): string | null {
  const m = DATE_HEADER.exec(line);
  if (!m) return null;
  const month = MONTHS.indexOf((m[1] ?? m[4] ?? '').slice(0, 3).toLowerCase());
  const day = Number(m[2] ?? m[3]);
  const pub = published.slice(0, 10);
  let year = m[5] ? Number(m[5]) : Number(pub.slice(0, 4));
  const iso = (y: number) => `${String(y).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const valid = (y: number) => new Date(Date.UTC(y, month, day)).getUTCDate() === day;
  if (month < 0 || day < 1 || !valid(year)) return null;
  if (!m[5] && iso(year) > pub && valid(year - 1)) year -= 1;
  return iso(year);
}

/** A day's date and UTC offset (null when it changes that day), by publication day, zone and days from it: time-zone arithmetic is costly and blogs of one day repeat it. */
const DAY_INFO = new Map<string, { date: string; offset: string | null }>();

/** Local-time entries of a live blog, dated: reverse-chronological blogs step back a day when times wrap. */
function dateEntries(entries: Entry[], published: string, timezone: string): string[] {
  if (entries.length === 0) return [];
  let down = 0;
  let up = 0;
  for (let i = 1; i < entries.length; i++) {
    const a = (entries[i - 1] as Entry).minutes;
    const b = (entries[i] as Entry).minutes;
    if (b < a) down++;
    else if (b > a) up++;
  }
  const reverse = down >= up;
  const pubDay = published.slice(0, 10);
  let pubDt: DateTime | null = null;
  const pub = () => (pubDt ??= DateTime.fromISO(pubDay, { zone: timezone }));
  const offsets: number[] = [];
  let day = 0;
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) {
      const a = (entries[i - 1] as Entry).minutes;
      const b = (entries[i] as Entry).minutes;
      if (reverse && b > a) day -= 1;
      if (!reverse && b < a) day += 1;
    }
    offsets.push(day);
  }
  // A chronological blog ends on its publication day.
  const shift = reverse ? 0 : -(offsets[offsets.length - 1] ?? 0);
  // Local times become instants with the zone's offset. The offset is looked up once per day;
  // only a day with a DST change resolves each entry on its own.
  return entries.map((e, i) => {
    const days = (offsets[i] ?? 0) + shift;
    // A date header names the entry's day; only entries above the first header take the wrap rule.
    const base = () => (e.day ? DateTime.fromISO(e.day, { zone: timezone }) : pub().plus({ days }));
    const key = e.day ? `${e.day}|${timezone}` : `${pubDay}|${timezone}|${days}`;
    let info = DAY_INFO.get(key);
    if (!info) {
      const start = base().startOf('day');
      const end = start.set({ hour: 23, minute: 59 });
      info = { date: start.toISODate() ?? '', offset: start.offset === end.offset ? offsetText(start.offset) : null };
      if (DAY_INFO.size >= 4096) DAY_INFO.clear();
      DAY_INFO.set(key, info);
    }
    const hh = String(Math.floor(e.minutes / 60)).padStart(2, '0');
    const mm = String(e.minutes % 60).padStart(2, '0');
    // "11:15 GMT" in a London blog in summer: the instant the label gives, at its own offset.
    if (e.offset !== undefined) return `${info.date}T${hh}:${mm}:00${offsetText(e.offset)}`;
    if (info.offset) return `${info.date}T${hh}:${mm}:00${info.offset}`;
    const d = base().set({ hour: Math.floor(e.minutes / 60), minute: e.minutes % 60, second: 0, millisecond: 0 });
    return d.toISO({ suppressMilliseconds: true }) ?? '';
  });
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** An entry line with its day before the time: "Friday, Jan. 25, 9:10 a.m.", "Jan 25 16:25", "Friday 9:10 a.m. ET". */
const DATED_TIME = /^(.{3,40}?),?\s+(\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?\s*m\.?)?(?:\s*[A-Z]{2,4})?)$/i;

/** Minutes and ISO day of an entry line that gives both, or null. A weekday alone is the last one on or before publication. */
export function parseDatedTime(line: string, published: string): { minutes: number; day: string } | null {
  if (line.length > 64) return null;
  const m = DATED_TIME.exec(line);
  if (!m) return null;
  const minutes = parseTimeLabel(m[2] ?? '');
  if (minutes === null) return null;
  const date = m[1] ?? '';
  let day = parseDateHeader(date, published);
  const wd = WEEKDAYS.indexOf(date.toLowerCase());
  if (!day && wd >= 0) {
    const pub = new Date(`${published.slice(0, 10)}T00:00:00Z`);
    pub.setUTCDate(pub.getUTCDate() - ((pub.getUTCDay() - wd + 7) % 7));
    day = pub.toISOString().slice(0, 10);
  }
  return day ? { minutes, day } : null;
}

/** Segment plain text (already extracted from HTML or Markdown) into sentences. */
export function segment(text: string, published: string, timezone: string): Sentence[] {
  // Whitespace runs inside lines become one space in one pass over the text, not one per line.
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((l) => l.trim());
  const entries: Entry[] = [];
  lines.forEach((l, i) => {
    const t = readTimeLabel(l);
    if (t !== null) entries.push({ lineIdx: i, minutes: t.minutes, label: l, offset: t.offset });
    else if (l.length <= 64 && /\d/.test(l)) {
      const dated = parseDatedTime(l, published);
      if (dated) entries.push({ lineIdx: i, minutes: dated.minutes, label: l, day: dated.day });
    }
  });
  // A couple of stray time-like lines do not make a live blog.
  const blog = entries.length >= 2;
  // In a live blog, a line that is only a date heads the entries below it with their day.
  const headers = new Set<number>();
  if (blog) {
    let day: string | undefined;
    let k = 0;
    lines.forEach((l, i) => {
      const e = entries[k];
      if (e?.lineIdx === i) {
        // An entry that gives its own day ("Friday, 9:10 a.m.") heads the ones below it too.
        if (e.day) day = e.day;
        else e.day = day;
        k++;
      } else if (l.length <= 40) {
        const d = parseDateHeader(l, published);
        if (d) {
          day = d;
          headers.add(i);
        }
      }
    });
  }
  const entryAts = blog ? dateEntries(entries, published, timezone) : [];
  const entryByLine = new Map<number, number>();
  if (blog) entries.forEach((e, i) => entryByLine.set(e.lineIdx, i));

  const out: Sentence[] = [];
  let seq = 0;
  let para = 0;
  let entry = -1;
  let seenHeadline = false;
  let bodyParas = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line || headers.has(i)) continue;
    const ei = entryByLine.get(i);
    if (ei !== undefined) {
      entry = ei;
      continue;
    }
    let kind: SegmentKind;
    if (!seenHeadline) {
      kind = 'headline';
      seenHeadline = true;
    } else if (CREDIT_LINE.test(line)) kind = 'credit';
    else if (PHOTO_CREDIT.test(line)) kind = 'caption';
    else if (isHeading(line)) kind = 'heading';
    else if (bodyParas <= 1 && !/[.!?"”’)]$/.test(line)) kind = 'dek';
    else kind = 'body';
    if (kind === 'body') bodyParas++;
    const at = entry >= 0 ? (entryAts[entry] ?? null) : null;
    const label = entry >= 0 ? (entries[entry]?.label ?? null) : null;
    const parts = kind === 'body' || kind === 'caption' ? splitSentences(line) : [line];
    parts.forEach((s, pos) => {
      out.push({ seq: seq++, para, kind, text: s, entryAt: at, entryLabel: label, entry: kind === 'body' ? entry : -1, pos });
    });
    para++;
  }
  return out;
}
