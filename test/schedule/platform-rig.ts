/**
 * Digest runs against the local Slack and Discord, with the REAL clients: a Slack WebClient set up
 * as the bot sets up its own (automatic retries on) and a discord.js REST. A "process" is an app on
 * a database file plus a runner; several can share one file, as the bot and `npm run digest` do.
 * Used by the platform tests, the kill tests' child (kill-child.ts) and `npm run stress`.
 */
import { webApi } from '@slack/bolt';
import { REST } from 'discord.js';
import pino from 'pino';
import { createPublisher, digestNonce } from '../../src/adapters/discord/publisher.js';
import { DIGEST_EVENT, slackPublisher } from '../../src/adapters/slack/publish.js';
import { type App, openApp } from '../../src/app.js';
import type { DigestRunner } from '../../src/schedule/index.js';
import { createRunner, type DigestOptions, Owner } from '../../src/schedule/index.js';
import type { Publisher } from '../../src/schedule/publisher.js';
import { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { type FakeSlack, startFakeSlack } from '../adapters/slack/fake-slack.js';
import { SEEDS } from '../helpers.js';

const silent = pino({ level: 'silent' });

/** The digest is due at 07:30 Paris on this day; runs start a few seconds after. */
export const DAY = '2025-01-15';
export const DUE = '2025-01-15T06:30:00Z';
export const RUN_AT = '2025-01-15T06:30:05Z';
/** When a restart runs: each process's clock starts at its own instant, so a restart must start later. */
export const RESTART_AT = '2025-01-15T06:31:00Z';

export interface Platforms {
  slack: FakeSlack;
  discord: FakeDiscord;
  close(): Promise<void>;
}

export async function startPlatforms(): Promise<Platforms> {
  const slack = await startFakeSlack();
  const discord = await FakeDiscord.start();
  return {
    slack,
    discord,
    async close() {
      await slack.close();
      await discord.close();
    },
  };
}

export interface Proc {
  app: App;
  runner: DigestRunner;
  owner: Owner;
  /** Stop as a killed process would: no more database writes, its claims look dead. */
  kill(): void;
  close(): void;
}

/** A clock running in real time from `at`. */
export function clockFrom(at: string): { now: () => Date } {
  const offset = Date.parse(at) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export interface ProcOptions {
  slackUrl: string;
  discordUrl: string;
  faults?: DigestOptions['faults'];
  at?: string;
  nonceWindowMs?: number;
  concurrency?: number;
  /** Wrap each publisher (e.g. to post a longer view than the seeds' digest). */
  wrap?: (p: Publisher) => Publisher;
}

/** A process: the app on `db`, a runner posting through real clients (retry backoff 0: retries run at the next runDue). */
/** Close a "process" once: its discord.js REST timers, then its app. */
export function closer(app: App, rest: REST): () => void {
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    app.close();
  };
}

export function openProc(db: string, o: ProcOptions): Proc {
  const app = openApp({ db, seedsDir: SEEDS, defaultTimezone: 'Europe/Paris', clock: clockFrom(o.at ?? RUN_AT) });
  // As the bot's Slack client: automatic retries on (the publisher must not rely on them for posts).
  const client = new webApi.WebClient('xoxb-test', {
    slackApiUrl: o.slackUrl,
    retryConfig: { retries: 4, factor: 1, minTimeout: 10, maxTimeout: 20 },
    rejectRateLimitedCalls: false,
    logLevel: webApi.LogLevel.ERROR,
  });
  const rest = new REST({ api: o.discordUrl, retries: 3, timeout: 5_000 }).setToken('x');
  const owner = new Owner();
  const publishers = [slackPublisher(client, { timeoutMs: 5_000 }), createPublisher(rest, { nonceWindowMs: o.nonceWindowMs, resendDelayMs: 20 })];
  const runner = createRunner(app, o.wrap ? publishers.map(o.wrap) : publishers, {
    log: silent,
    catchupHours: 6,
    retryDelaysMs: [0, 0, 0],
    owner,
    faults: o.faults,
    concurrency: o.concurrency,
  });
  const close = closer(app, rest);
  return {
    app,
    runner,
    owner,
    kill() {
      owner.retire();
      close();
    },
    close,
  };
}

export interface Channel {
  platform: 'slack' | 'discord';
  id: string;
}

/** `n` Slack and `n` Discord channels, numbered from `base`. */
export function channels(n: number, base = 0): Channel[] {
  return [
    ...Array.from({ length: n }, (_, i) => ({ platform: 'slack' as const, id: `C${base + i}` })),
    ...Array.from({ length: n }, (_, i) => ({ platform: 'discord' as const, id: String(700000000000000000n + BigInt(base + i)) })),
  ];
}

/** Subscribe the channels at 07:30 Paris, an hour before the digest is due. */
export function subscribeAll(db: string, list: readonly Channel[]): void {
  const app = openApp({ db, seedsDir: SEEDS, defaultTimezone: 'Europe/Paris', clock: clockFrom('2025-01-15T05:30:00Z') });
  for (const c of list) app.subscriptions.upsert({ platform: c.platform, channelId: c.id, time: '07:30', timezone: 'Europe/Paris', days: 'daily', createdBy: 'U0ADMIN' });
  app.close();
}

/**
 * What each channel shows: how many times its digest's first page appears, and how many (page)
 * messages were posted more than once.
 */
export function tally(p: Platforms, list: readonly Channel[]): Map<string, { first: number; doubled: number }> {
  const out = new Map<string, { first: number; doubled: number }>();
  for (const c of list) {
    const keys: string[] = [];
    if (c.platform === 'slack') {
      for (const m of p.slack.messagesIn(c.id)) {
        if (m.metadata?.event_type === DIGEST_EVENT) keys.push(`${m.metadata.event_payload.delivery_id}#${m.metadata.event_payload.page}`);
      }
    } else {
      for (const m of p.discord.messagesIn(c.id)) keys.push(String(m.body?.nonce));
    }
    const first = c.platform === 'slack' ? keys.filter((k) => k.endsWith('#0')).length : keys.filter((k) => k === digestNonce(`discord/${c.id}/${DAY}`, 0)).length;
    out.set(`${c.platform}/${c.id}`, { first, doubled: keys.length - new Set(keys).size });
  }
  return out;
}

