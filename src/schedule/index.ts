/** Scheduled digests: wiring of the runner (what to post) and the scheduler (when), for startBot and scripts/digest.ts. */
import type { App } from '../app.js';
import type { Logger } from '../log.js';
import type { Publisher } from './publisher.js';
import { DigestRunner } from './run.js';
import { DigestScheduler } from './scheduler.js';

export interface DigestOptions {
  log: Logger;
  /** BRIEFING_CATCHUP_HOURS. */
  catchupHours: number;
  /** Override the retry backoff (tests). */
  retryDelaysMs?: readonly number[];
}

/** The runner for an app and the publishers that can post now (one per platform). */
export function createRunner(app: App, publishers: readonly Publisher[], o: DigestOptions): DigestRunner {
  return new DigestRunner({
    kb: app.kb,
    store: app.store,
    subscriptions: app.subscriptions,
    clock: app.clock,
    log: o.log,
    publishers,
    catchupHours: o.catchupHours,
    retryDelaysMs: o.retryDelaysMs,
  });
}

/** A scheduler, not yet started. */
export function createScheduler(app: App, publishers: readonly Publisher[], o: DigestOptions): DigestScheduler {
  return new DigestScheduler(createRunner(app, publishers, o), { log: o.log, subscriptions: app.subscriptions });
}

export { DigestRunner, type DueItem, type Outcome } from './run.js';
export { DigestScheduler } from './scheduler.js';
export { terminalPublisher } from './terminal.js';
