/**
 * Pure checks and clean-up of an incoming article, shared by every ingest path (one thread or a
 * worker pool): text clean-up, caps on what one field may carry, publication-date range, and
 * one-line, escape-safe naming of files in errors. Every function here is linear in its input.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { slug } from '../core/text.js';
import { splitSentences } from '../core/read/segment.js';
import { zoneFromDateline } from '../core/read/zones.js';
import type { ArticleMeta } from '../core/types.js';

/** Caps on what one article may carry (characters unless named). */
export const LIMITS = {
  /** A file larger than this is refused before it is read. */
  fileBytes: 5 * 1024 * 1024,
  /** A line (paragraph) longer than this is broken into several at sentence ends. */
  line: 4_000,
  /** A stored sentence, quote or event text longer than this is cut at a word boundary with "…". */
  sentence: 2_000,
  title: 300,
  source: 200,
  url: 2_000,
  timezone: 64,
  id: 120,
} as const;

/** The earliest publication date accepted. */
export const EARLIEST_PUBLISHED = '1900-01-01';

/** An article as it arrives: text plus metadata (front matter, flags or a manifest). */
export interface RawArticle extends ArticleMeta {
  path?: string;
  text: string;
}

/** A checked article: clean text, its hash and normalised metadata; not yet given its final id. */
export interface CheckedArticle {
  path: string;
  text: string;
  hash: string;
  bytes: number;
  title: string;
  source: string;
  url: string | null;
  file: string | null;
  /** The id asked for (metadata) or derived from the title and hash; made unique at write time. */
  id: string;
  published: string;
  timezone: string;
}

// C0 controls except tab and newline, DEL, C1 controls, and bidirectional overrides/isolates: they
// make stored text print differently from what it says.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Normalise line ends and drop control characters; then, on the rare line longer than a sentence
 * may be, cut every sentence longer than LIMITS.sentence (its rest is dropped, marked "…") and
 * break the line at sentence ends so none exceeds LIMITS.line. Ordinary text comes back unchanged.
 * This bounds what extraction spends on any one sentence, whatever the file holds.
 */
export function cleanText(text: string): string {
  let t = text.replace(/\r\n?/g, '\n');
  if (CONTROL.test(t)) t = t.replace(CONTROL, (c) => (c === '\x0b' || c === '\x0c' ? '\n' : ''));
  CONTROL.lastIndex = 0;
  if (t.length <= LIMITS.sentence) return t;
  const lines = t.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.length <= LIMITS.sentence) continue;
    changed = true;
    const out: string[] = [];
    let cur = '';
    for (const s of splitSentences(line.replace(/\s+/g, ' '))) {
      const sent = s.length > LIMITS.sentence ? cap(s, LIMITS.sentence) : s;
      if (cur && cur.length + 1 + sent.length > LIMITS.line) {
        out.push(cur);
        cur = '';
      }
      cur = cur ? `${cur} ${sent}` : sent;
    }
    if (cur) out.push(cur);
    lines[i] = out.join('\n');
  }
  return changed ? lines.join('\n') : t;
}

/** Cut a text to `max` characters at a word boundary, marked with "…". */
export function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1).trimEnd()}…`;
}

/** One-line metadata: controls and line breaks become spaces, runs of spaces one, then capped. */
function field(v: string | undefined, max: number): string | undefined {
  if (v === undefined) return undefined;
  const s = v.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  CONTROL.lastIndex = 0;
  return s ? cap(s, max) : undefined;
}

/**
 * A file name (or any user text) for a one-line message: printable names as they are, anything
 * else (quotes, backslashes, newlines, escape or other control characters, bidi overrides)
 * double-quoted with those characters escaped.
 */
export function safeName(name: string): string {
  if (!/["\\\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) return name;
  const body = name.replace(/["\\\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${body}"`;
}

/** A message made safe to print as one line (control characters escaped, as in safeName). */
export function oneLine(msg: string): string {
  return msg.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => (c === '\n' || c === '\r' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * "2019-01-24", "2019-01-24T10:00:00Z", "January 24, 2019" -> an ISO date or date-time, or an error
 * saying why: not a date, before 1900, or more than a day after `now`.
 */
export function checkPublished(p: string | undefined, now: Date | null): { value: string } | { error: string } {
  const s = (p ?? '').trim();
  if (!s) return { error: 'no publication date (give "published: YYYY-MM-DD" in front matter or --published)' };
  const shown = safeName(s.length > 40 ? `${s.slice(0, 40)}…` : s);
  let value: string | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = new Date(`${s}T00:00:00Z`);
    value = !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) ? s : null;
  } else if (/^[+-]/.test(s)) {
    // Signed and expanded years ("-2019-01-01", "+002019-01-01") are not publication dates.
    value = null;
  } else {
    const iso = DateTime.fromISO(s, { setZone: true });
    if (iso.isValid) value = iso.toISO({ suppressMilliseconds: true });
    else if (/^[\p{L}\d ,.:+/-]+$/u.test(s) && /\b\d{4}\b/.test(s)) {
      // A written date ("January 24, 2019"): must name a four-digit year.
      const t = Date.parse(s);
      value = Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
    }
  }
  if (!value || !/^\d{4}-/.test(value)) return { error: `publication date ${shown} is not a date (use YYYY-MM-DD or ISO 8601)` };
  const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) return { error: `publication date ${shown} is not a date (use YYYY-MM-DD or ISO 8601)` };
  if (value.slice(0, 10) < EARLIEST_PUBLISHED) return { error: `publication date ${shown} is before ${EARLIEST_PUBLISHED}` };
  const latest = now ? now.getTime() + 86_400_000 : Number.POSITIVE_INFINITY;
  if (now && t > latest) return { error: `publication date ${shown} is in the future (after ${new Date(latest).toISOString().slice(0, 10)})` };
  return { value };
}

const zones = new Map<string, boolean>();
/** Whether a name is an IANA time zone (cached: checking costs more than ingesting a paragraph). */
export function isZone(tz: string): boolean {
  let ok = zones.get(tz);
  if (ok === undefined) {
    ok = tz.length <= LIMITS.timezone && DateTime.local().setZone(tz).isValid;
    zones.set(tz, ok);
  }
  return ok;
}

/**
 * Validate and normalise an article (pure: depends on `now` only). Throws with a one-line reason.
 * `now` null: no upper bound on the publication date (articles given by code, such as the seeds'
 * manifest, whose crisis may be a made-up one set in the future).
 */
export function checkArticle(a: RawArticle, index: number, now: Date | null): CheckedArticle {
  const path = a.path ?? a.id ?? a.title ?? `article ${index + 1}`;
  const published = checkPublished(a.published, now);
  if ('error' in published) throw new Error(published.error);
  const text = cleanText(a.text);
  // Without a zone in the metadata, the dateline city's zone ("TOKYO (AP) —"), else UTC.
  const timezone = field(a.timezone, 200) ?? zoneFromDateline(text) ?? 'UTC';
  if (!isZone(timezone)) throw new Error(`unknown time zone ${JSON.stringify(timezone).slice(0, 80)}`);
  const source = field(a.source, LIMITS.source);
  if (!source) throw new Error('no outlet (give "source:" in front matter or --source)');
  const trimmed = text.trim();
  if (!trimmed) throw new Error('no text');
  const hash = createHash('sha256').update(trimmed).digest('hex');
  const title = field(a.title, LIMITS.title) ?? field(trimmed.slice(0, 1000).split('\n')[0], Math.min(200, LIMITS.title)) ?? 'Untitled';
  const url = field(a.url, LIMITS.url);
  const id = field(a.id, LIMITS.id) ?? `${slug(title).slice(0, 48)}-${hash.slice(0, 8)}`;
  return { path, text, hash, bytes: Buffer.byteLength(text), title, source, url: url && /^https?:\/\//i.test(url) ? url : null, file: a.path ?? null, id, published: published.value, timezone };
}
