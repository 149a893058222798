/** Schedule arithmetic across DST, midnight and zones far from UTC (pure, luxon). */
import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cronExpression,
  latestOccurrence,
  nextOccurrence,
  nextOccurrences,
  occurrenceOn,
  runsOn,
  type Schedule,
  wallTimeToInstant,
} from '../../src/schedule/time.js';

const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);
const runs = (s: Schedule, after: string, n: number) => nextOccurrences(s, at(after), n).map((o) => [o.localDate, iso(o.dueAt)]);

describe('next runs keep the local time across DST', () => {
  it('Europe/Paris, spring forward (last Sunday of March 2025): 07:30 stays 07:30 local', () => {
    expect(runs({ time: '07:30', timezone: 'Europe/Paris', days: 'daily' }, '2025-03-29T00:00:00Z', 3)).toEqual([
      ['2025-03-29', '2025-03-29T06:30:00.000Z'], // CET, UTC+1
      ['2025-03-30', '2025-03-30T05:30:00.000Z'], // CEST, UTC+2 from 02:00 that morning
      ['2025-03-31', '2025-03-31T05:30:00.000Z'],
    ]);
  });

  it('Europe/Paris, fall back (last Sunday of October 2025)', () => {
    expect(runs({ time: '07:30', timezone: 'Europe/Paris', days: 'daily' }, '2025-10-25T00:00:00Z', 3)).toEqual([
      ['2025-10-25', '2025-10-25T05:30:00.000Z'],
      ['2025-10-26', '2025-10-26T06:30:00.000Z'],
      ['2025-10-27', '2025-10-27T06:30:00.000Z'],
    ]);
  });

  it('a time skipped by the spring-forward happens once, at the first minute after the gap', () => {
    // Paris: 02:00 -> 03:00 on 30 Mar 2025; 02:30 does not exist that day.
    const paris: Schedule = { time: '02:30', timezone: 'Europe/Paris', days: 'daily' };
    expect(runs(paris, '2025-03-29T12:00:00Z', 3)).toEqual([
      ['2025-03-30', '2025-03-30T01:00:00.000Z'], // 03:00 CEST
      ['2025-03-31', '2025-03-31T00:30:00.000Z'], // 02:30 CEST
      ['2025-04-01', '2025-04-01T00:30:00.000Z'],
    ]);
    // New York: 02:00 -> 03:00 on 9 Mar 2025.
    expect(iso(wallTimeToInstant('2025-03-09', '02:30', 'America/New_York'))).toBe('2025-03-09T07:00:00.000Z'); // 03:00 EDT
    expect(iso(wallTimeToInstant('2025-03-09', '02:00', 'America/New_York'))).toBe('2025-03-09T07:00:00.000Z');
    expect(iso(wallTimeToInstant('2025-03-09', '03:00', 'America/New_York'))).toBe('2025-03-09T07:00:00.000Z');
    expect(iso(wallTimeToInstant('2025-03-09', '01:59', 'America/New_York'))).toBe('2025-03-09T06:59:00.000Z');
  });

  it('a time repeated by the fall-back happens once, at its first occurrence', () => {
    // Paris: 03:00 -> 02:00 on 26 Oct 2025; 02:30 happens at 00:30Z (+02:00) and 01:30Z (+01:00).
    expect(runs({ time: '02:30', timezone: 'Europe/Paris', days: 'daily' }, '2025-10-25T12:00:00Z', 2)).toEqual([
      ['2025-10-26', '2025-10-26T00:30:00.000Z'],
      ['2025-10-27', '2025-10-27T01:30:00.000Z'],
    ]);
    // New York: 02:00 -> 01:00 on 2 Nov 2025; 01:30 EDT first.
    expect(iso(wallTimeToInstant('2025-11-02', '01:30', 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
  });

  it('America/New_York 07:30 across both changes', () => {
    const ny: Schedule = { time: '07:30', timezone: 'America/New_York', days: 'daily' };
    expect(runs(ny, '2025-03-08T00:00:00Z', 2).map((r) => r[1])).toEqual(['2025-03-08T12:30:00.000Z', '2025-03-09T11:30:00.000Z']);
    expect(runs(ny, '2025-11-01T00:00:00Z', 2).map((r) => r[1])).toEqual(['2025-11-01T11:30:00.000Z', '2025-11-02T12:30:00.000Z']);
  });

  it('midnight on a day whose midnight does not exist (America/Havana, 9 Mar 2025: 00:00 -> 01:00)', () => {
    const havana: Schedule = { time: '00:00', timezone: 'America/Havana', days: 'daily' };
    expect(runs(havana, '2025-03-08T12:00:00Z', 2)).toEqual([
      ['2025-03-09', '2025-03-09T05:00:00.000Z'], // 01:00 CDT, the first minute of that day
      ['2025-03-10', '2025-03-10T04:00:00.000Z'],
    ]);
  });

  it('zones far from UTC: Pacific/Kiritimati (UTC+14) and Asia/Kathmandu (UTC+5:45)', () => {
    // Monday 07:30 in Kiritimati is Sunday 17:30 UTC: weekdays follow the local calendar.
    const kiri: Schedule = { time: '07:30', timezone: 'Pacific/Kiritimati', days: 'weekdays' };
    expect(runs(kiri, '2025-03-07T12:00:00Z', 3)).toEqual([
      ['2025-03-10', '2025-03-09T17:30:00.000Z'],
      ['2025-03-11', '2025-03-10T17:30:00.000Z'],
      ['2025-03-12', '2025-03-11T17:30:00.000Z'],
    ]);
    const ktm: Schedule = { time: '00:10', timezone: 'Asia/Kathmandu', days: 'daily' };
    expect(runs(ktm, '2025-06-01T00:00:00Z', 2)).toEqual([
      ['2025-06-02', '2025-06-01T18:25:00.000Z'],
      ['2025-06-03', '2025-06-02T18:25:00.000Z'],
    ]);
  });

  it('weekdays skip Saturday and Sunday in the zone', () => {
    const s: Schedule = { time: '07:30', timezone: 'Europe/Paris', days: 'weekdays' };
    expect(runs(s, '2025-03-27T12:00:00Z', 3).map((r) => r[0])).toEqual(['2025-03-28', '2025-03-31', '2025-04-01']);
    expect(runsOn('weekdays', '2025-03-29')).toBe(false);
    expect(runsOn('weekdays', '2025-03-30')).toBe(false);
    expect(runsOn('daily', '2025-03-30')).toBe(true);
    expect(occurrenceOn(s, '2025-03-29')).toBeNull();
  });

  it('the latest occurrence due at a moment, and the next one after it', () => {
    const s: Schedule = { time: '07:30', timezone: 'Europe/Paris', days: 'weekdays' };
    // Monday 06:00 Paris: the latest due is Friday's.
    expect(latestOccurrence(s, at('2025-03-31T04:00:00Z'))).toEqual({ localDate: '2025-03-28', dueAt: at('2025-03-28T06:30:00Z') });
    expect(latestOccurrence(s, at('2025-03-31T05:30:00Z'))?.localDate).toBe('2025-03-31'); // due exactly now
    expect(nextOccurrence(s, at('2025-03-31T05:30:00Z'))?.localDate).toBe('2025-04-01'); // strictly after
  });
});

describe('agreement with node-cron on ordinary days', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['07:30', 'Europe/Paris', 'daily', '2025-03-25T00:00:00Z'],
    ['07:30', 'Europe/Paris', 'weekdays', '2025-10-22T00:00:00Z'],
    ['18:05', 'America/New_York', 'weekdays', '2025-11-01T00:00:00Z'],
    ['07:30', 'Pacific/Kiritimati', 'weekdays', '2025-03-07T00:00:00Z'],
    ['23:59', 'Asia/Kathmandu', 'daily', '2025-06-01T00:00:00Z'],
  ] as const)('%s %s %s', (time, timezone, days, from) => {
    vi.useFakeTimers({ now: at(from), toFake: ['Date'] });
    const s: Schedule = { time, timezone, days };
    const task = cron.createTask(cronExpression(s), () => {}, { timezone });
    try {
      expect(task.getNextRuns(8).map(iso)).toEqual(nextOccurrences(s, at(from), 8).map((o) => iso(o.dueAt)));
    } finally {
      void task.destroy();
    }
  });
});
