/** Scheduler test kit: an app on seeds, a recording Publisher, a silent logger, fake-timer steps. */
import { join } from 'node:path';
import pino from 'pino';
import { vi } from 'vitest';
import { runInvocation, parseArgs, type Invocation } from '../../commands/run.js';
import type { Platform } from '../../commands/command.js';
import { openApp, type App } from '../../src/app.js';
import type { View } from '../../src/core/answer/view.js';
import { createScheduler, type DigestScheduler } from '../../src/schedule/index.js';
import type { Publisher } from '../../src/schedule/publisher.js';
import type { Delivery } from '../../src/store/deliveries.js';
import { SEEDS } from '../helpers.js';

export const silent = pino({ level: 'silent' });

/** Every timer node-cron and the runner use, plus Date; microtasks stay real. */
export const FAKE: { toFake: ('setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval' | 'setImmediate' | 'clearImmediate' | 'Date')[] } = {
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'Date'],
};

export type Failure = Error | 'hang';

export interface RecordingPublisher extends Publisher {
  posts: { channelId: string; view: View; at: string }[];
  /** Consumed one per publish: throw the error, or never settle ('hang', a crash mid-post). */
  failures: Failure[];
  calls: number;
}

export function recordingPublisher(platform: Platform = 'slack'): RecordingPublisher {
  const p: RecordingPublisher = {
    platform,
    posts: [],
    failures: [],
    calls: 0,
    async publish(channelId, view) {
      p.calls++;
      const f = p.failures.shift();
      if (f === 'hang') return new Promise<void>(() => {});
      if (f) throw f;
      p.posts.push({ channelId, view, at: new Date().toISOString() });
    },
  };
  return p;
}

export interface Rig {
  app: App;
  pub: RecordingPublisher;
  scheduler: DigestScheduler;
  /** Move fake time forward, firing every timer on the way, then wait for runs in progress. */
  advance(ms: number): Promise<void>;
  /** Move fake time to an instant (forward only). */
  advanceTo(iso: string): Promise<void>;
  delivery(channelId: string, localDate: string, platform?: Platform): Delivery | null;
  /** Run a slash command in a channel as a manager. */
  command(text: string, channelId: string, platform?: Platform): Promise<{ view: View; data?: unknown }>;
  close(): Promise<void>;
}

export function rig(opts: { db?: string; catchupHours?: number; pub?: RecordingPublisher; start?: boolean } = {}): Rig {
  const app = openApp({ db: opts.db ?? ':memory:', seedsDir: SEEDS, defaultTimezone: 'Europe/Paris' });
  const pub = opts.pub ?? recordingPublisher();
  const scheduler = createScheduler(app, [pub], { log: silent, catchupHours: opts.catchupHours ?? 6 });
  if (opts.start !== false) scheduler.start();
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await scheduler.idle();
  };
  return {
    app,
    pub,
    scheduler,
    advance,
    advanceTo: (iso) => advance(Date.parse(iso) - Date.now()),
    delivery: (channelId, localDate, platform = 'slack') => scheduler.runner.ledger.get({ platform, channelId, localDate }),
    async command(text, channelId, platform = 'slack') {
      const [command = '', ...rest] = text.replace(/^\//, '').split(' ');
      const inv = parseArgs(command, rest.join(' ')) as Invocation;
      return runInvocation(inv, app.context(platform, channelId, 'U0ADMIN', true), (err) => {
        throw err;
      });
    },
    async close() {
      await scheduler.stop(0);
      app.close();
    },
  };
}

export function subscribe(app: App, channelId: string, time: string, timezone = 'Europe/Paris', days: 'daily' | 'weekdays' = 'daily', platform: Platform = 'slack') {
  return app.subscriptions.upsert({ platform, channelId, time, timezone, days, createdBy: 'U0ADMIN' });
}

export { join };
