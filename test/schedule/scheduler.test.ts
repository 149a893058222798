/**
 * The digest scheduler under fake time: node-cron jobs, the sweep, the ledger and the Publisher
 * port, with an in-memory knowledge base built from the seeds. No sleeps.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { viewToText } from '../../src/adapters/shared/text.js';
import { scheduleKey } from '../../src/schedule/time.js';
import { FAKE, type Rig, rig, subscribe } from './helpers.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
let r: Rig | undefined;

function start(now: string, opts: Parameters<typeof rig>[0] = {}): Rig {
  vi.useFakeTimers({ ...FAKE, now: new Date(now) });
  r = rig(opts);
  return r;
}

afterEach(async () => {
  await r?.close();
  r = undefined;
  vi.useRealTimers();
});

describe('firing', () => {
  it('posts once at its minute, through the cron job, in the channel', async () => {
    const { app, pub, advance, advanceTo, delivery, scheduler } = start('2025-01-15T06:00:00Z');
    subscribe(app, 'C0PARIS', '07:30'); // 07:30 Paris = 06:30 UTC in winter
    expect(scheduler.planned().map((j) => [j.expression, j.timezone, j.nextRun?.toISOString()])).toEqual([
      ['30 7 * * *', 'Europe/Paris', '2025-01-15T06:30:00.000Z'],
    ]);
    await advanceTo('2025-01-15T06:29:59Z');
    expect(pub.posts).toHaveLength(0);
    await advance(1000);
    expect(pub.posts).toHaveLength(1);
    expect(pub.posts[0]).toMatchObject({ channelId: 'C0PARIS', at: '2025-01-15T06:30:00.000Z' });
    // The first digest covers the newest news day.
    expect(pub.posts[0]?.view.title).toBe(`Digest — 24 Jan 2019`);
    expect(pub.posts[0]?.view.footer).not.toContain('late');
    await advance(2 * HOUR); // sweeps every minute; nothing more
    expect(pub.posts).toHaveLength(1);
    expect(delivery('C0PARIS', '2025-01-15')).toMatchObject({ status: 'posted', attempts: 1, late: false, postedAt: '2025-01-15T06:30:00.000Z' });
    expect(app.subscriptions.get('slack', 'C0PARIS')?.lastDelivered).toBe('2025-01-15T06:30:00.000Z');
  });

  it('the next day says briefly that nothing is new, with the roster; new articles show up the day after', async () => {
    const { app, pub, advanceTo } = start('2025-01-15T06:00:00Z');
    subscribe(app, 'C0DAILY', '07:30');
    await advanceTo('2025-01-16T06:31:00Z');
    expect(pub.posts).toHaveLength(2);
    const quiet = pub.posts[1]?.view;
    expect(quiet?.lead).toMatch(/^Nothing new in the corpus since/);
    expect(quiet?.blocks.some((b) => b.type === 'fields')).toBe(true); // the roster
    expect(quiet?.blocks.some((b) => b.type === 'line')).toBe(false);

    app.kb.ingest([
      {
        id: 'late-breaking',
        source: 'Test Wire',
        published: '2019-01-25',
        timezone: 'America/Caracas',
        text: 'Opposition calls for new protests\n\nOn Friday, Guaidó called for new protests in Caracas next week, the Associated Press said.',
      },
    ]);
    await advanceTo('2025-01-17T06:31:00Z');
    expect(pub.posts).toHaveLength(3);
    const fresh = pub.posts[2]?.view;
    expect(fresh?.lead).not.toMatch(/Nothing new/);
    expect(fresh?.footer).toContain('Test Wire');
    expect(fresh?.footer).not.toContain('CBC News'); // only what was added since the previous digest
  });

  it('weekdays skip the weekend (and cross a DST change at 07:30 local)', async () => {
    const { app, pub, advanceTo, delivery } = start('2025-03-28T06:00:00Z'); // Friday
    subscribe(app, 'C0WEEK', '07:30', 'Europe/Paris', 'weekdays');
    await advanceTo('2025-04-01T05:31:00Z'); // Tuesday
    expect(pub.posts.map((p) => p.at)).toEqual(['2025-03-28T06:30:00.000Z', '2025-03-31T05:30:00.000Z', '2025-04-01T05:30:00.000Z']);
    expect(delivery('C0WEEK', '2025-03-29')).toBeNull();
    expect(delivery('C0WEEK', '2025-03-30')).toBeNull();
  });

  it('a zone far from UTC: weekdays follow the local calendar (Pacific/Kiritimati, UTC+14)', async () => {
    const { app, pub, advanceTo } = start('2025-03-07T12:00:00Z'); // Friday UTC = Saturday 02:00 in Kiritimati
    subscribe(app, 'C0KIRI', '07:30', 'Pacific/Kiritimati', 'weekdays');
    await advanceTo('2025-03-09T17:31:00Z');
    // Monday 07:30 local is Sunday 17:30 UTC; Saturday and Sunday local are skipped.
    expect(pub.posts.map((p) => p.at)).toEqual(['2025-03-09T17:30:00.000Z']);
  });

  it('a time skipped by the spring-forward posts once at 03:00, and the next day at 02:30 again', async () => {
    const { app, pub, advanceTo, delivery } = start('2025-03-29T23:00:00Z');
    subscribe(app, 'C0GAP', '02:30');
    await advanceTo('2025-03-31T00:31:00Z');
    // node-cron skips the day; the sweep (second 30) posts in the first valid minute, 03:00 CEST.
    expect(pub.posts.map((p) => p.at)).toEqual(['2025-03-30T01:00:30.000Z', '2025-03-31T00:30:00.000Z']);
    expect(delivery('C0GAP', '2025-03-30')).toMatchObject({ status: 'posted', dueAt: '2025-03-30T01:00:00.000Z', late: false });
  });

  it('a time repeated by the fall-back posts once', async () => {
    const { app, pub, advanceTo } = start('2025-10-25T22:00:00Z');
    subscribe(app, 'C0TWICE', '02:30');
    await advanceTo('2025-10-26T03:00:00Z');
    expect(pub.posts).toHaveLength(1);
    expect(pub.posts[0]?.at.slice(0, 16)).toBe('2025-10-26T00:30'); // the first 02:30 (+02:00)
  });

  it('channels sharing a schedule share one cron job', async () => {
    const { app, pub, scheduler, advanceTo } = start('2025-01-15T06:00:00Z');
    for (let i = 0; i < 50; i++) subscribe(app, `C${i}`, '07:30');
    subscribe(app, 'CNY', '07:30', 'America/New_York');
    expect(scheduler.planned().map((j) => j.key).sort()).toEqual([
      scheduleKey({ time: '07:30', timezone: 'America/New_York', days: 'daily' }),
      scheduleKey({ time: '07:30', timezone: 'Europe/Paris', days: 'daily' }),
    ]);
    await advanceTo('2025-01-15T06:31:00Z');
    expect(pub.posts).toHaveLength(50);
    expect(new Set(pub.posts.map((p) => p.channelId)).size).toBe(50);
  });
});

describe('subscriptions change without a restart', () => {
  it('/digest subscribe plans a job; /digest unsubscribe removes it', async () => {
    const { pub, scheduler, advanceTo, command } = start('2025-01-15T06:00:00Z');
    expect(scheduler.planned()).toEqual([]);
    const sub = await command('/digest subscribe time:07:30 timezone:Europe/Paris', 'C0LIVE');
    expect(sub.view.title).toBe('Digest subscribed');
    expect(viewToText(sub.view)).toContain('Next digest: Wed 15 Jan 2025, 07:30 (Europe/Paris)');
    expect(scheduler.planned()).toHaveLength(1);
    await advanceTo('2025-01-15T06:31:00Z');
    expect(pub.posts).toHaveLength(1);

    const status = await command('/digest status', 'C0LIVE');
    expect(viewToText(status.view)).toContain('Next digest: Thu 16 Jan 2025, 07:30 (Europe/Paris)');
    expect(viewToText(status.view)).toContain('Last digest: Wed 15 Jan 2025, 07:30 (Europe/Paris)');

    // A new time takes effect at once, and today's digest (already posted) is not repeated.
    await command('/digest subscribe time:08:00', 'C0LIVE');
    expect(scheduler.planned().map((j) => j.expression)).toEqual(['0 8 * * *']);
    await advanceTo('2025-01-15T08:00:00Z');
    expect(pub.posts).toHaveLength(1);

    await command('/digest unsubscribe', 'C0LIVE');
    expect(scheduler.planned()).toEqual([]);
    await advanceTo('2025-01-16T07:01:00Z');
    expect(pub.posts).toHaveLength(1);
  });

  it('subscribing after today’s time starts tomorrow, not with a late digest', async () => {
    const { app, pub, advance, advanceTo } = start('2025-01-15T06:45:00Z'); // 07:45 Paris
    subscribe(app, 'C0AFTER', '07:30');
    await advance(10 * MIN);
    expect(pub.posts).toHaveLength(0);
    await advanceTo('2025-01-16T06:31:00Z');
    expect(pub.posts.map((p) => p.at)).toEqual(['2025-01-16T06:30:00.000Z']);
  });
});
