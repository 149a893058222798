/** Scheduled digests: wiring of the runner (what to post) and the scheduler (when), for startBot and scripts/digest.ts. */
import type { App } from '../app.js';
import type { Logger } from '../log.js';
import type { Owner } from './owner.js';
import type { Publisher } from './publisher.js';
import { DigestRunner, type RunnerOptions } from './run.js';
import { DigestScheduler } from './scheduler.js';
import { AlertRunner } from './alerts.js';
import { AlertScheduler } from './alert-scheduler.js';
import type { Briefing } from '../core/briefing.js';

export interface DigestOptions {
  log: Logger;
  /** BRIEFING_CATCHUP_HOURS. */
  catchupHours: number;
  /** Override the retry backoff (tests). */
  retryDelaysMs?: readonly number[];
  /** The run's identity in the ledger (tests and the stress suite simulate separate processes). */
  owner?: Owner;
  /** Fault injection at chosen points (tests, `npm run stress`). */
  faults?: RunnerOptions['faults'];
  concurrency?: number;
}

/** The runner for an app and the publishers that can post now (one per platform). */
export function createRunner(app: App, publishers: readonly Publisher[], o: DigestOptions): DigestRunner {
  return new DigestRunner({
    kb: app.kb,
    kbFor: (crisis) => (crisis && app.crises.get(crisis)?.kb) || app.kb,
    store: app.store,
    subscriptions: app.subscriptions,
    clock: app.clock,
    log: o.log,
    publishers,
    catchupHours: o.catchupHours,
    retryDelaysMs: o.retryDelaysMs,
    owner: o.owner,
    faults: o.faults,
    concurrency: o.concurrency,
  });
}

/** A scheduler, not yet started. */
export function createScheduler(app: App, publishers: readonly Publisher[], o: DigestOptions): DigestScheduler {
  return new DigestScheduler(createRunner(app, publishers, o), { log: o.log, subscriptions: app.subscriptions });
}

export interface AlertOptions extends Pick<DigestOptions, 'log' | 'retryDelaysMs' | 'owner' | 'faults'> {
  /** BRIEFING_ALERT_MINUTES. */
  minutes: number;
  /** The knowledge base of a crisis id (default: the app's own crisis only; see kbForApp). */
  kbFor?: (crisisId: string) => Briefing | undefined;
}

/**
 * The one place that says which knowledge base a subscription's crisis id names: the deployment's
 * crisis of that id (each added crisis has its own database file), or none when it was removed.
 */
export function kbForApp(app: App): (crisisId: string) => Briefing | undefined {
  return (id) => app.crises.get(id)?.kb ?? undefined;
}

/** The alert runner for an app and the publishers that can post now. */
export function createAlertRunner(app: App, publishers: readonly Publisher[], o: AlertOptions): AlertRunner {
  return new AlertRunner({
    store: app.store,
    subscriptions: app.alertSubscriptions,
    kbFor: o.kbFor ?? kbForApp(app),
    clock: app.clock,
    log: o.log,
    publishers,
    minutes: o.minutes,
    retryDelaysMs: o.retryDelaysMs,
    owner: o.owner,
    faults: o.faults,
  });
}

/** Alert delivery for the running bot, not yet started. */
export function createAlertScheduler(app: App, publishers: readonly Publisher[], o: AlertOptions): AlertScheduler {
  return new AlertScheduler(createAlertRunner(app, publishers, o), o.log);
}

export { AlertRunner, type AlertOutcome } from './alerts.js';
export { AlertScheduler } from './alert-scheduler.js';
export { Owner } from './owner.js';
export { DigestRunner, type DueItem, type FaultPoint, type Outcome } from './run.js';
export { DigestScheduler } from './scheduler.js';
export { terminalPublisher } from './terminal.js';
