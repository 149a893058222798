/**
 * The scheduler: node-cron jobs that call the runner at the right moments.
 *
 * - One job per distinct (time, zone, days) of enabled subscriptions, `{ timezone }` set, so
 *   07:30 Europe/Paris stays 07:30 local across DST. A thousand channels at 07:30 Paris share one
 *   job; the runner then finds them with one query.
 * - One sweep job at second 30 of every minute, for what a cron expression cannot do: retries
 *   after their backoff, a time skipped by a spring-forward (node-cron 4.6 skips that day; the
 *   runner's luxon occurrence is the first minute after the gap), a tick lost to a busy event
 *   loop or a suspended host. It re-plans first, so subscriptions changed by another process on
 *   the same database also get their job.
 * - `refresh()` re-plans the per-schedule jobs; the subscription store calls it on every change,
 *   so /digest subscribe and unsubscribe take effect at once, without a restart.
 * - `start()` also runs once immediately: the catch-up of digests missed while the bot was down.
 *
 * Whether a digest is due, and whether it was already posted, is decided by the runner and the
 * ledger, never by which job fired; two triggers at the same minute post it once.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';
import type { SubscriptionStore } from '../store/subscriptions.js';
import type { DigestRunner, Outcome } from './run.js';
import { cronExpression, parseKey, scheduleKey } from './time.js';

/** Second 30 of every minute: apart from the schedule jobs, which fire at second 0. */
export const SWEEP_EXPRESSION = '30 * * * * *';

export interface SchedulerOptions {
  log: Logger;
  subscriptions: SubscriptionStore;
  /** Cron expression of the sweep (default every minute at second 30). */
  sweep?: string;
}

export interface PlannedJob {
  key: string;
  expression: string;
  timezone: string;
  nextRun: Date | null;
}

export class DigestScheduler {
  private readonly jobs = new Map<string, ScheduledTask>();
  private sweepJob: ScheduledTask | null = null;
  private readonly running = new Set<Promise<Outcome[]>>();
  private unsubscribe: (() => void) | null = null;
  private started = false;
  private stopped = false;
  private readonly cronLog;

  constructor(
    readonly runner: DigestRunner,
    private readonly o: SchedulerOptions,
  ) {
    const log = o.log.child({ component: 'scheduler' });
    this.cronLog = {
      info: (m: string) => log.debug(m),
      debug: (m: string | Error) => log.debug(String(m)),
      warn: (m: string) => log.warn(m),
      error: (m: string | Error, err?: Error) => log.error({ err: err ?? m }, 'cron job error'),
    };
  }

  /** Plan the jobs, start the sweep and run the start-up catch-up (in the background). */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.unsubscribe = this.o.subscriptions.onChange(() => this.refresh());
    this.refresh();
    this.sweepJob = cron.schedule(this.o.sweep ?? SWEEP_EXPRESSION, () => this.sweep(), {
      name: 'digest-sweep',
      noOverlap: true,
      logger: this.cronLog,
    });
    void this.trigger();
    this.o.log.info({ jobs: this.jobs.size, platforms: this.runner.platforms }, 'digest scheduler started');
  }

  /** Re-plan one job per distinct schedule: new schedules get a job, vanished ones lose theirs. */
  refresh(): void {
    if (!this.started || this.stopped) return;
    let schedules: ReturnType<DigestRunner['schedules']>;
    try {
      schedules = this.runner.schedules();
    } catch (err) {
      this.o.log.error({ err }, 'could not read digest subscriptions');
      return;
    }
    const wanted = new Map(schedules.map((s) => [scheduleKey(s), s]));
    for (const [key, job] of this.jobs) {
      if (wanted.has(key)) continue;
      void job.destroy();
      this.jobs.delete(key);
    }
    for (const [key, s] of wanted) {
      if (this.jobs.has(key)) continue;
      try {
        const job = cron.schedule(cronExpression(s), () => this.trigger(key), {
          timezone: s.timezone,
          name: `digest ${key}`,
          noOverlap: true,
          // A tick up to 30 s late still runs here; later ones are the sweep's.
          missedExecutionTolerance: 30_000,
          logger: this.cronLog,
        });
        this.jobs.set(key, job);
      } catch (err) {
        this.o.log.error({ err, schedule: s }, 'could not schedule digests; the sweep still covers them');
      }
    }
  }

  /** Every minute: re-plan (subscriptions changed by another process get their job), then run all that is due. */
  private sweep(): Promise<Outcome[]> {
    this.refresh();
    return this.trigger();
  }

  /** Run due digests now (all, or one schedule's). Resolves with what happened; never rejects. */
  trigger(only?: string): Promise<Outcome[]> {
    if (this.stopped) return Promise.resolve([]);
    const p = this.runner.runDue({ only }).catch((err: unknown) => {
      this.o.log.error({ err, only }, 'digest run failed');
      return [] as Outcome[];
    });
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
    return p;
  }

  /** The jobs as planned now, with their next run (for status and tests). */
  planned(): PlannedJob[] {
    return [...this.jobs].map(([key, job]) => {
      const s = parseKey(key);
      return { key, expression: cronExpression(s), timezone: s.timezone, nextRun: job.getNextRun() };
    });
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** Stop every job; wait (bounded; 0 = not at all) for posts in progress, which then settle their ledger rows. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe?.();
    for (const job of this.jobs.values()) await job.destroy();
    this.jobs.clear();
    await this.sweepJob?.destroy();
    if (timeoutMs <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.idle(), new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  }
}
