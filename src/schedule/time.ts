/**
 * Schedule arithmetic in the subscriber's zone, with luxon. Pure: no clock, no I/O.
 *
 * A subscription asks for a wall-clock time ("07:30") in an IANA zone, every day or on weekdays.
 * Each local date it runs on has exactly one occurrence, whatever the zone does that day:
 * - a time skipped by a spring-forward (02:30 on the last Sunday of March in Paris) happens at
 *   the first valid minute after the gap (03:00);
 * - a time repeated by a fall-back (02:30 on the last Sunday of October) happens at its first
 *   occurrence (02:30 +02:00), once.
 * node-cron 4.6 skips the day in the first case, so the scheduler never relies on cron alone.
 */
import { DateTime, IANAZone } from 'luxon';

export type Days = 'daily' | 'weekdays';

/** When a channel wants its digest. */
export interface Schedule {
  /** Local time, HH:MM (24-hour). */
  time: string;
  /** IANA zone, e.g. Europe/Paris. */
  timezone: string;
  days: Days;
}

/** One scheduled digest: the local date it belongs to and the instant it is due. */
export interface Occurrence {
  /** YYYY-MM-DD in the schedule's zone: the delivery ledger's key. */
  localDate: string;
  dueAt: Date;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A stable key for schedules that fire together (one cron job per key). */
export function scheduleKey(s: Schedule): string {
  return `${s.time}|${s.timezone}|${s.days}`;
}

export function parseKey(key: string): Schedule {
  const [time = '', timezone = '', days = 'daily'] = key.split('|');
  return { time, timezone, days: days === 'weekdays' ? 'weekdays' : 'daily' };
}

/** The node-cron expression (evaluated with `{ timezone }`) for a schedule. */
export function cronExpression(s: Schedule): string {
  const [h, m] = splitTime(s.time);
  return `${m} ${h} * * ${s.days === 'weekdays' ? '1-5' : '*'}`;
}

function splitTime(time: string): [number, number] {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) throw new RangeError(`not a HH:MM time: "${time}"`);
  return [Number(m[1]), Number(m[2])];
}

function zoneOf(name: string): IANAZone {
  const z = IANAZone.create(name);
  if (!z.isValid) throw new RangeError(`unknown time zone "${name}"`);
  return z;
}

/** Whether the schedule runs on a local date (YYYY-MM-DD). Weekdays are Monday to Friday in that zone. */
export function runsOn(days: Days, localDate: string): boolean {
  if (days === 'daily') return true;
  const weekday = new Date(dateMs(localDate)).getUTCDay(); // the date's own weekday: 0 Sunday … 6 Saturday
  return weekday >= 1 && weekday <= 5;
}

/** A calendar date (YYYY-MM-DD) as the UTC midnight that starts it. Plain arithmetic: the sweep calls this often. */
function dateMs(localDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!m) throw new RangeError(`not a date: "${localDate}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/**
 * The instant a wall-clock time happens on a local date in a zone. Skipped times (DST gap) move
 * to the first minute after the gap; repeated times (DST overlap) take their first occurrence.
 */
export function wallTimeToInstant(localDate: string, time: string, timezone: string): Date {
  const zone = zoneOf(timezone);
  const [h, m] = splitTime(time);
  // The wall time written as if it were UTC; an instant t shows it when t + offset(t) === wall.
  const wall = dateMs(localDate) + h * 3_600_000 + m * MINUTE;
  const wallOf = (t: number) => t + zone.offset(t) * MINUTE;
  const offsets = [...new Set([zone.offset(wall - DAY), zone.offset(wall), zone.offset(wall + DAY)])];
  const exact = offsets.map((o) => wall - o * MINUTE).filter((t) => wallOf(t) === wall);
  if (exact.length) return new Date(Math.min(...exact));
  // In a gap: the first whole minute whose wall time is at or past the one asked for.
  let lo = wall - Math.max(...offsets) * MINUTE; // shows a wall time before the gap
  let hi = wall - Math.min(...offsets) * MINUTE; // shows a wall time after it
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (wallOf(mid) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Occurrences already computed (the sweep asks for the same few every minute). Bounded. */
const memo = new Map<string, number>();

/** The occurrence on a local date, or null when the schedule does not run that day. */
export function occurrenceOn(s: Schedule, localDate: string): Occurrence | null {
  if (!runsOn(s.days, localDate)) return null;
  const key = `${localDate}|${s.time}|${s.timezone}`;
  let ms = memo.get(key);
  if (ms === undefined) {
    ms = wallTimeToInstant(localDate, s.time, s.timezone).getTime();
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, ms);
  }
  return { localDate, dueAt: new Date(ms) };
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: zoneOf(timezone) }).toISODate() as string;
}

function addDays(localDate: string, n: number): string {
  return new Date(dateMs(localDate) + n * DAY).toISOString().slice(0, 10);
}

/** The most recent occurrence due at or before `now` (looking back `lookbackDays` local dates), or null. */
export function latestOccurrence(s: Schedule, now: Date, lookbackDays = 4): Occurrence | null {
  const today = localDateOf(now, s.timezone);
  for (let i = 0; i <= lookbackDays; i++) {
    const occ = occurrenceOn(s, addDays(today, -i));
    if (occ && occ.dueAt.getTime() <= now.getTime()) return occ;
  }
  return null;
}

/** The first occurrences strictly after `after`. */
export function nextOccurrences(s: Schedule, after: Date, count = 1): Occurrence[] {
  const out: Occurrence[] = [];
  // A day back: a skipped time near midnight may fall on the next calendar day.
  let date = addDays(localDateOf(after, s.timezone), -1);
  for (let guard = 0; out.length < count && guard < count * 7 + 7; guard++, date = addDays(date, 1)) {
    const occ = occurrenceOn(s, date);
    if (occ && occ.dueAt.getTime() > after.getTime()) out.push(occ);
  }
  return out;
}

/** The next occurrence after `after`, or null (never null for a valid schedule). */
export function nextOccurrence(s: Schedule, after: Date): Occurrence | null {
  return nextOccurrences(s, after, 1)[0] ?? null;
}

/** "Mon 31 Mar 2025, 07:30 (Europe/Paris)": an instant as a person in that zone reads it. */
export function formatLocal(instant: Date | string, timezone: string): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return `${dt.setZone(timezone).toFormat('ccc d LLL yyyy, HH:mm')} (${timezone})`;
}
