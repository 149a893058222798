/**
 * Exactly once under fake time: retries with backoff, vanished channels, crashes and restarts,
 * catch-up after downtime, two processes on one database. No sleeps.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { viewToText } from '../../src/adapters/shared/text.js';
import { ChannelGoneError } from '../../src/schedule/publisher.js';
import { FAKE, type Rig, rig, subscribe } from './helpers.js';

const MIN = 60_000;
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

describe('failures', () => {
  it('retries with backoff (1 min, 5 min) and then succeeds', async () => {
    const { app, pub, advanceTo, delivery } = start('2025-01-15T06:00:00Z');
    pub.failures.push(new Error('HTTP 500'), new Error('socket hang up'));
    subscribe(app, 'C0FLAKY', '07:30');
    await advanceTo('2025-01-15T06:30:10Z');
    expect(delivery('C0FLAKY', '2025-01-15')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500', nextAttemptAt: '2025-01-15T06:31:00.000Z' });
    const status = await r?.command('/digest status', 'C0FLAKY');
    expect(viewToText(status?.view as never)).toContain('The digest of 2025-01-15 failed (attempt 1): HTTP 500. Next try: Wed 15 Jan 2025, 07:31');
    await advanceTo('2025-01-15T06:32:00Z');
    expect(delivery('C0FLAKY', '2025-01-15')).toMatchObject({ status: 'pending', attempts: 2, lastError: 'socket hang up', nextAttemptAt: '2025-01-15T06:36:30.000Z' });
    await advanceTo('2025-01-15T07:00:00Z');
    expect(pub.calls).toBe(3);
    expect(pub.posts).toHaveLength(1);
    expect(pub.posts[0]?.at).toBe('2025-01-15T06:36:30.000Z');
    expect(delivery('C0FLAKY', '2025-01-15')).toMatchObject({ status: 'posted', attempts: 3 });
    expect(pub.posts[0]?.view.footer).toContain('late: scheduled 07:30 Europe/Paris'); // six minutes after its time
    expect(app.subscriptions.get('slack', 'C0FLAKY')?.enabled).toBe(true);
  });

  it('gives up after four attempts and records the last error', async () => {
    const { app, pub, advanceTo, delivery } = start('2025-01-15T06:00:00Z');
    pub.failures.push(...Array.from({ length: 10 }, (_, i) => new Error(`boom ${i + 1}`)));
    subscribe(app, 'C0DOWN', '07:30');
    await advanceTo('2025-01-15T09:00:00Z');
    expect(pub.calls).toBe(4);
    expect(delivery('C0DOWN', '2025-01-15')).toMatchObject({ status: 'failed', attempts: 4, lastError: 'boom 4', nextAttemptAt: null });
    const status = await r?.command('/digest status', 'C0DOWN');
    expect(viewToText(status?.view as never)).toContain('was not posted after 4 attempts: boom 4');
    await advanceTo('2025-01-16T06:31:00Z'); // the next day is a new delivery
    expect(pub.calls).toBe(5);
  });

  it('a vanished channel disables the subscription, visibly in /digest status, with no retry', async () => {
    const { app, pub, scheduler, advanceTo, delivery, command } = start('2025-01-15T06:00:00Z');
    pub.failures.push(new ChannelGoneError('Slack channel C0GONE: channel_not_found'));
    subscribe(app, 'C0GONE', '07:30');
    await advanceTo('2025-01-15T06:31:00Z');
    expect(delivery('C0GONE', '2025-01-15')).toMatchObject({ status: 'disabled', attempts: 1, lastError: 'Slack channel C0GONE: channel_not_found' });
    expect(app.subscriptions.get('slack', 'C0GONE')).toMatchObject({ enabled: false, disabledReason: 'channel gone: Slack channel C0GONE: channel_not_found' });
    expect(scheduler.planned()).toEqual([]); // its job went with it
    const status = viewToText((await command('/digest status', 'C0GONE')).view);
    expect(status).toContain('Paused: channel gone: Slack channel C0GONE: channel_not_found');
    expect(status).not.toContain('Next digest');
    await advanceTo('2025-01-16T06:31:00Z');
    expect(pub.calls).toBe(1);
  });
});

describe('restarts', () => {
  it('a digest whose post was in flight when the process died is checked at the next start, then posted once', async () => {
    const { dir, cleanup } = (await import('../helpers.js')).tempDir();
    const db = `${dir}/kb.db`;
    try {
      const first = start('2025-01-15T06:00:00Z', { db });
      first.pub.failures.push('hang'); // the process dies while the post is in flight
      subscribe(first.app, 'C0CRASH', '07:30');
      await vi.advanceTimersByTimeAsync(31 * MIN);
      expect(first.delivery('C0CRASH', '2025-01-15')).toMatchObject({ status: 'sending', sendingAt: '2025-01-15T06:30:00.000Z' });
      await first.scheduler.stop(0);
      first.scheduler.runner.owner.retire(); // as a killed process: it writes nothing more
      first.app.close();

      const second = rig({ db, pub: first.pub }); // a new process on the same database, the same channel
      r = second;
      await second.advance(1000);
      // At start, not 15 minutes later: the channel is checked (the post did not arrive), then it is posted.
      expect(first.pub.posts.map((p) => p.at)).toEqual(['2025-01-15T06:31:00.000Z']);
      expect(second.delivery('C0CRASH', '2025-01-15')).toMatchObject({ status: 'posted', attempts: 2, sendingAt: null });
      await second.advanceTo('2025-01-16T06:31:00Z'); // the next day is normal
      expect(first.pub.posts.map((p) => p.at)).toEqual(['2025-01-15T06:31:00.000Z', '2025-01-16T06:30:00.000Z']);
    } finally {
      await r?.close();
      r = undefined;
      cleanup();
    }
  });

  it('where the channel cannot be checked, an interrupted post is reported at the next start, never re-posted', async () => {
    const { dir, cleanup } = (await import('../helpers.js')).tempDir();
    const db = `${dir}/kb.db`;
    try {
      const first = start('2025-01-15T06:00:00Z', { db });
      first.pub.failures.push('hang');
      first.pub.canVerify = false;
      subscribe(first.app, 'C0CRASH', '07:30');
      await vi.advanceTimersByTimeAsync(31 * MIN);
      await first.scheduler.stop(0);
      first.scheduler.runner.owner.retire();
      first.app.close();

      const second = rig({ db, pub: first.pub });
      r = second;
      await second.advance(1000);
      expect(first.pub.posts).toEqual([]);
      expect(second.delivery('C0CRASH', '2025-01-15')).toMatchObject({ status: 'failed', attempts: 2 });
      expect(second.delivery('C0CRASH', '2025-01-15')?.lastError).toMatch(/^outcome unknown: this channel cannot be checked; not re-posted, to avoid a duplicate/);
      const status = viewToText((await second.command('/digest status', 'C0CRASH')).view);
      expect(status).toMatch(/The digest of 2025-01-15 was not confirmed after 2 attempts: outcome unknown: this channel cannot be checked; not re-posted, to avoid a duplicate\./);
      await second.advanceTo('2025-01-16T06:31:00Z'); // the next day is normal
      expect(first.pub.posts.map((p) => p.at)).toEqual(['2025-01-16T06:30:00.000Z']);
    } finally {
      await r?.close();
      r = undefined;
      cleanup();
    }
  });

  it('a posted digest is not posted again after a restart', async () => {
    const { dir, cleanup } = (await import('../helpers.js')).tempDir();
    const db = `${dir}/kb.db`;
    try {
      const first = start('2025-01-15T06:00:00Z', { db });
      subscribe(first.app, 'C0ONCE', '07:30');
      await first.advanceTo('2025-01-15T06:31:00Z');
      expect(first.pub.posts).toHaveLength(1);
      await first.close();
      const second = rig({ db });
      r = second;
      await second.advanceTo('2025-01-15T12:00:00Z');
      expect(second.pub.calls).toBe(0);
    } finally {
      await r?.close();
      r = undefined;
      cleanup();
    }
  });

  it('catch-up: a digest missed by less than BRIEFING_CATCHUP_HOURS is posted on start, marked late', async () => {
    const { app, pub, scheduler, delivery } = start('2025-01-14T12:00:00Z', { start: false });
    subscribe(app, 'C0MISSED', '07:30');
    vi.setSystemTime(new Date('2025-01-15T08:45:00Z')); // the bot was down through 07:30 Paris
    scheduler.start();
    await scheduler.idle();
    expect(pub.posts).toHaveLength(1);
    expect(pub.posts[0]?.view.footer).toMatch(/^late: scheduled 07:30 Europe\/Paris · Sources: /);
    expect(viewToText(pub.posts[0]?.view as never)).toContain('(late: scheduled 07:30 Europe/Paris · Sources:');
    expect(delivery('C0MISSED', '2025-01-15')).toMatchObject({ status: 'posted', late: true, dueAt: '2025-01-15T06:30:00.000Z' });
  });

  it('catch-up: an older one is recorded as skipped, not posted', async () => {
    const { app, pub, scheduler, delivery, advanceTo, command } = start('2025-01-14T12:00:00Z', { start: false });
    subscribe(app, 'C0TOOLATE', '07:30');
    vi.setSystemTime(new Date('2025-01-15T13:00:00Z')); // 6.5 h late
    scheduler.start();
    await scheduler.idle();
    expect(pub.calls).toBe(0);
    expect(delivery('C0TOOLATE', '2025-01-15')).toMatchObject({ status: 'skipped', attempts: 0, late: true });
    expect(delivery('C0TOOLATE', '2025-01-15')?.lastError).toContain('6.5 h late, over the 6 h catch-up window');
    expect(viewToText((await command('/digest status', 'C0TOOLATE')).view)).toContain('The digest of 2025-01-15 was skipped: missed: 6.5 h late');
    // The next digest covers everything since the last one posted (here: none, so the newest day).
    await advanceTo('2025-01-16T06:31:00Z');
    expect(pub.posts.map((p) => p.view.title)).toEqual(['Digest — 24 Jan 2019']);
  });

  it('two processes on one database (the bot and `npm run digest -- --post`) post once', async () => {
    const { dir, cleanup } = (await import('../helpers.js')).tempDir();
    const db = `${dir}/kb.db`;
    try {
      const a = start('2025-01-15T06:00:00Z', { db, start: false });
      const b = rig({ db, start: false });
      for (let i = 0; i < 20; i++) subscribe(a.app, `C${i}`, '07:30');
      vi.setSystemTime(new Date('2025-01-15T06:30:00Z'));
      const [ra, rb] = await Promise.all([a.scheduler.runner.runDue(), b.scheduler.runner.runDue()]);
      expect(a.pub.posts.length + b.pub.posts.length).toBe(20);
      expect([...ra, ...rb].filter((o) => o.result === 'posted')).toHaveLength(20);
      // A claim made from a stale plan loses: the row exists, whoever created it.
      const k = { platform: 'slack' as const, channelId: 'C7', localDate: '2025-01-15' };
      expect(b.scheduler.runner.ledger.claim(k, new Date(), false, 'another-process', new Date())).toBe(false);
      expect(a.scheduler.runner.ledger.get(k)).toMatchObject({ status: 'posted', attempts: 1 });
      await b.close();
    } finally {
      await r?.close();
      r = undefined;
      cleanup();
    }
  });

  it('stop() waits for a post in progress, which settles its row', async () => {
    const { app, pub, scheduler, delivery } = start('2025-01-15T06:29:00Z');
    let release: () => void = () => {};
    pub.publish = async (channelId, view, ctx) => {
      await ctx?.beforeSend(0);
      await new Promise<void>((res) => (release = res));
      pub.posts.push({ channelId, view, at: new Date().toISOString() });
    };
    subscribe(app, 'C0SLOW', '07:30');
    await vi.advanceTimersByTimeAsync(MIN);
    expect(delivery('C0SLOW', '2025-01-15')?.status).toBe('sending');
    const stopping = scheduler.stop();
    release();
    await stopping;
    expect(delivery('C0SLOW', '2025-01-15')?.status).toBe('posted');
  });
});
