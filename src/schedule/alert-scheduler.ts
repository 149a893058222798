/**
 * When alerts are delivered: a node-cron sweep at second 15 of every minute (apart from the digest
 * jobs at 0 and their sweep at 30) runs the AlertRunner; `start()` runs it once at once. Whether a
 * batch is due, and whether it was already posted, is the runner's and the ledger's call, so a tick
 * that runs twice, or two processes, post nothing twice.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';
import type { AlertOutcome, AlertRunner } from './alerts.js';

export const ALERT_SWEEP_EXPRESSION = '15 * * * * *';

export class AlertScheduler {
  private job: ScheduledTask | null = null;
  private readonly running = new Set<Promise<AlertOutcome[]>>();
  private started = false;
  private stopped = false;

  constructor(
    readonly runner: AlertRunner,
    private readonly log: Logger,
    private readonly expression = ALERT_SWEEP_EXPRESSION,
  ) {}

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    const log = this.log.child({ component: 'alerts' });
    this.job = cron.schedule(this.expression, () => this.trigger(), {
      name: 'alert-sweep',
      noOverlap: true,
      logger: {
        info: (m: string) => log.debug(m),
        debug: (m: string | Error) => log.debug(String(m)),
        warn: (m: string) => log.warn(m),
        error: (m: string | Error, err?: Error) => log.error({ err: err ?? m }, 'alert sweep error'),
      },
    });
    void this.trigger();
    this.log.info({ platforms: this.runner.platforms }, 'alert delivery started');
  }

  /** Deliver what is due now. Resolves with what happened; never rejects. */
  trigger(): Promise<AlertOutcome[]> {
    if (this.stopped) return Promise.resolve([]);
    const p = this.runner.runDue().catch((err: unknown) => {
      this.log.error({ err }, 'alert run failed');
      return [] as AlertOutcome[];
    });
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
    return p;
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** Stop the sweep; wait (bounded) for a batch in progress, which then settles its ledger row. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.job?.destroy();
    if (timeoutMs <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.idle(), new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  }
}
