/** Scheduler test kit: an app on seeds, a recording Publisher, a silent logger, fake-timer steps. */
import { join } from 'node:path';
import pino from 'pino';
import { vi } from 'vitest';
import { runInvocation, parseArgs, type Invocation } from '../../commands/run.js';
import type { Platform } from '../../commands/command.js';
import { openApp, type App } from '../../src/app.js';
import type { View } from '../../src/core/answer/view.js';
import { createScheduler, type DigestOptions, type DigestScheduler, type FaultPoint } from '../../src/schedule/index.js';
import { CannotVerifyError, OutcomeUnknownError, type Publisher } from '../../src/schedule/publisher.js';
import type { Delivery } from '../../src/store/deliveries.js';
import { SEEDS } from '../helpers.js';

export const silent = pino({ level: 'silent' });

/** Every timer node-cron and the runner use, plus Date; microtasks stay real. */
export const FAKE: { toFake: ('setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval' | 'setImmediate' | 'clearImmediate' | 'Date')[] } = {
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'Date'],
};

/** An error thrown instead of posting; 'hang': never settle (a crash mid-post); 'lost': posted, but the answer is lost. */
export type Failure = Error | 'hang' | 'lost';

export interface RecordingPublisher extends Publisher {
  /** What "the channel" shows: one entry per message posted. */
  posts: { channelId: string; view: View; at: string; deliveryId?: string }[];
  /** Consumed one per request. */
  failures: Failure[];
  calls: number;
  /** Whether a post in doubt can be looked up (as Slack with a history scope); else it is reported. */
  canVerify: boolean;
}

/** A one-page publisher that keeps the PublishContext contract, like the Slack one. */
export function recordingPublisher(platform: Platform = 'slack'): RecordingPublisher {
  const p: RecordingPublisher = {
    platform,
    posts: [],
    failures: [],
    calls: 0,
    canVerify: true,
    async publish(channelId, view, ctx) {
      p.calls++;
      if (ctx?.uncertainSince && ctx.done === 0) {
        if (!p.canVerify) throw new CannotVerifyError('this channel cannot be checked');
        if (p.posts.some((x) => x.deliveryId === ctx.deliveryId)) return ctx.sent(0);
        ctx.absent(0);
      }
      await ctx?.beforeSend(0);
      const f = p.failures.shift();
      if (f === 'hang') return new Promise<void>(() => {});
      if (f instanceof Error) throw f;
      p.posts.push({ channelId, view, at: new Date().toISOString(), deliveryId: ctx?.deliveryId });
      if (f === 'lost') throw new OutcomeUnknownError('the answer was lost');
      await ctx?.sent(0);
    },
  };
  return p;
}

/**
 * Faults that act as a kill of the whole process at the `nth` time `point` is reached: the
 * database connection is closed, the run's owner retired, and every fault point reached after
 * that never returns (so no worker of the dead run takes another step).
 */
export function killAt(point: FaultPoint, nth = 1): { faults: NonNullable<DigestOptions['faults']>; bind(rig: Rig): void; killed: Promise<void> } {
  let n = 0;
  let dead = false;
  let target: Rig | undefined;
  let onKill: () => void = () => {};
  const killed = new Promise<void>((r) => (onKill = r));
  return {
    bind: (r) => (target = r),
    killed,
    faults: (p) => {
      if (!dead && p === point && ++n === nth) {
        dead = true;
        target?.scheduler.runner.owner.retire();
        target?.app.close();
        onKill();
      }
      if (dead) return new Promise<void>(() => {});
    },
  };
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

export function rig(opts: { db?: string; catchupHours?: number; pub?: RecordingPublisher; start?: boolean; faults?: DigestOptions['faults'] } = {}): Rig {
  const app = openApp({ db: opts.db ?? ':memory:', seedsDir: SEEDS, defaultTimezone: 'Europe/Paris' });
  const pub = opts.pub ?? recordingPublisher();
  const scheduler = createScheduler(app, [pub], { log: silent, catchupHours: opts.catchupHours ?? 6, faults: opts.faults });
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
