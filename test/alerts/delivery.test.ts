/**
 * Alert batches through the digest ledger, with the real Slack WebClient and discord.js REST
 * against the local Slack and Discord: a run killed at each point of a delivery (before the claim,
 * after it, just before the request, after the platform answered) and a new run on the same
 * database file: each channel shows its batch exactly once. Two runs at once post it once.
 */
import { webApi } from '@slack/bolt';
import { REST } from 'discord.js';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createPublisher } from '../../src/adapters/discord/publisher.js';
import { slackPublisher } from '../../src/adapters/slack/publish.js';
import { type App, openApp } from '../../src/app.js';
import { type AlertRunner, createAlertRunner, createRunner, type FaultPoint, Owner } from '../../src/schedule/index.js';
import { clockFrom, closer } from '../schedule/platform-rig.js';
import { article, NORLAND } from './fixtures.js';
import { usePlatforms } from '../schedule/use-platforms.js';

const silent = pino({ level: 'silent' });
const SLACK = 'C0DESK';
const DISCORD = '700000000000000888';

const rig = usePlatforms();
let n = 0;

interface Proc {
  app: App;
  runner: AlertRunner;
  kill(): void;
  close(): void;
}

/** A "process": the app on `db` and an alert runner posting through the real clients. */
function proc(db: string, o: { at: string; faults?: (point: FaultPoint) => void | Promise<void> }): Proc {
  const app = openApp({ db, seedsDir: NORLAND, clock: clockFrom(o.at) });
  const client = new webApi.WebClient('xoxb-test', { slackApiUrl: rig.p.slack.apiUrl, retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 }, logLevel: webApi.LogLevel.ERROR });
  const rest = new REST({ api: rig.p.discord.apiUrl, retries: 2, timeout: 5_000 }).setToken('x');
  const owner = new Owner();
  const runner = createAlertRunner(app, [slackPublisher(client, { timeoutMs: 5_000 }), createPublisher(rest, { resendDelayMs: 20 })], {
    log: silent,
    minutes: 10,
    retryDelaysMs: [0, 0, 0],
    owner,
    faults: o.faults,
  });
  const close = closer(app, rest);
  return { app, runner, close, kill: () => (owner.retire(), close()) };
}

/** A database where both channels subscribed, then an ingest changed a side: one batch due per channel. */
function prepared(): string {
  const db = rig.db(++n);
  const a = proc(db, { at: '2026-03-05T08:00:00Z' });
  a.app.kb.ingest([article('first-0302.md')]);
  const channels = [
    { platform: 'slack' as const, channelId: `${SLACK}${n}` },
    { platform: 'discord' as const, channelId: `${DISCORD.slice(0, -3)}${String(n).padStart(3, '0')}` },
  ];
  for (const c of channels) a.app.alertSubscriptions.subscribe({ ...c, crisis: a.app.kb.crisis.id, kinds: ['position', 'side', 'firmed', 'softened', 'figure', 'scheduled'], createdBy: 'U0ADMIN', cursor: a.app.kb.lastAlertId() });
  a.app.kb.ingest([article('side-0305.md')]);
  a.close();
  return db;
}

const posts = (db: string) => ({ slack: rig.p.slack.messagesIn(`${SLACK}${db.match(/kb-(\d+)/)?.[1]}`).length, discord: rig.p.discord.messagesIn(`${DISCORD.slice(0, -3)}${String(db.match(/kb-(\d+)/)?.[1]).padStart(3, '0')}`).length });

describe('a run killed mid-delivery, then a restart on the same database file', () => {
  const points: FaultPoint[] = ['before-claim', 'after-claim', 'before-send', 'after-send'];
  for (const point of points) {
    it(`${point}: each channel shows the batch exactly once`, async () => {
      const db = prepared();
      let killed: () => void = () => {};
      const dead = new Promise<void>((r) => (killed = r));
      let first: Proc | undefined;
      let isDead = false;
      first = proc(db, {
        at: '2026-03-05T08:05:00Z',
        faults: (at) => {
          if (!isDead && at === point) {
            isDead = true;
            first?.kill();
            killed();
          }
          if (isDead) return new Promise<void>(() => {});
        },
      });
      void first.runner.runDue().catch(() => {});
      await dead;
      const second = proc(db, { at: '2026-03-05T08:06:00Z' });
      try {
        await second.runner.runDue();
        expect(posts(db)).toEqual({ slack: 1, discord: 1 });
        const rows = second.app.store.db.prepare("SELECT platform, status, sending_at FROM deliveries WHERE kind = 'alert' ORDER BY platform").all();
        expect(rows).toEqual([
          { platform: 'discord', status: 'posted', sending_at: null },
          { platform: 'slack', status: 'posted', sending_at: null },
        ]);
        // And again: nothing more.
        expect(await second.runner.runDue()).toEqual([]);
        expect(posts(db)).toEqual({ slack: 1, discord: 1 });
      } finally {
        second.close();
      }
    });
  }

  it('two runs at once post each batch once', async () => {
    const db = prepared();
    const a = proc(db, { at: '2026-03-05T08:05:00Z' });
    const b = proc(db, { at: '2026-03-05T08:05:00Z' });
    try {
      const [x, y] = await Promise.all([a.runner.runDue(), b.runner.runDue()]);
      expect([...x, ...y].filter((o) => o.result === 'posted')).toHaveLength(2);
      expect(posts(db)).toEqual({ slack: 1, discord: 1 });
    } finally {
      a.close();
      b.close();
    }
  });

  it('a failed post is retried by the alert runner only (never by the digest runner), once', async () => {
    const db = prepared();
    const a = proc(db, { at: '2026-03-05T08:05:00Z' });
    try {
      const slack = `${SLACK}${n}`;
      rig.p.slack.failNext('chat.postMessage', { error: 'fatal_error' });
      const first = await a.runner.runDue();
      expect(first.find((o) => o.platform === 'slack')).toMatchObject({ result: 'retry-scheduled' });
      // The digest runner on the same database sees no digest due and leaves the alert row alone.
      const digests = createRunner(a.app, [slackPublisher(new webApi.WebClient('xoxb-test', { slackApiUrl: rig.p.slack.apiUrl }))], { log: silent, catchupHours: 6, retryDelaysMs: [0, 0, 0] });
      expect(await digests.runDue()).toEqual([]);
      expect(a.app.subscriptions.latestDelivery('slack', slack)).toBeNull();
      expect(a.app.alertSubscriptions.latestDelivery({ platform: 'slack', channelId: slack, crisis: a.app.kb.crisis.id })).toMatchObject({ status: 'pending', attempts: 1 });
      // The alert runner's retry posts it.
      expect((await a.runner.runDue()).map((o) => [o.platform, o.result])).toEqual([['slack', 'posted']]);
      expect(posts(db)).toEqual({ slack: 1, discord: 1 });
      expect(await a.runner.runDue()).toEqual([]);
    } finally {
      a.close();
    }
  });

  it('a channel that is gone pauses its subscription; /alerts status says why', async () => {
    const db = prepared();
    const a = proc(db, { at: '2026-03-05T08:05:00Z' });
    try {
      const slack = `${SLACK}${n}`;
      rig.p.slack.failNext('chat.postMessage', { error: 'channel_not_found' });
      const out = await a.runner.runDue();
      expect(out.find((o) => o.platform === 'slack')).toMatchObject({ result: 'disabled' });
      const key = { platform: 'slack' as const, channelId: slack, crisis: a.app.kb.crisis.id };
      expect(a.app.alertSubscriptions.get(key)).toMatchObject({ enabled: false });
      expect(a.app.alertSubscriptions.get(key)?.disabledReason).toContain('channel_not_found');
      expect(await a.runner.runDue()).toEqual([]);
      expect(posts(db).slack).toBe(0);
    } finally {
      a.close();
    }
  });
});
