/**
 * The one code path that posts scheduled digests: `runDue(now)` recovers deliveries left by a run
 * that died, finds what is due, claims each delivery in the ledger, builds the channel's digest and
 * posts it through the platform's Publisher, recording "sending" just before each request. The
 * cron jobs (scheduler.ts), the start-up catch-up and `npm run digest -- --post` all call it; it is
 * idempotent, so calling it twice, or from two processes, posts nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { Platform } from '../../commands/command.js';
import type { Briefing } from '../core/briefing.js';
import type { Clock } from '../core/types.js';
import type { View } from '../core/answer/view.js';
import { digestView } from '../core/answer/views.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { SubscriptionStore } from '../store/subscriptions.js';
import { type Delivery, type DeliveryKey, DeliveryLedger } from '../store/deliveries.js';
import { Owner } from './owner.js';
import { type Faults, inParallel, publishContext, RETRY_DELAYS_MS, STALE_POSTING_MS } from './posting.js';
import { CannotVerifyError, ChannelGoneError, LostClaimError, OutcomeUnknownError, type Publisher } from './publisher.js';
import { latestOccurrence, localDateOf, type Schedule, scheduleKey } from './time.js';

/** A digest posted more than this after its time says so in its footer. */
export const LATE_AFTER_MS = 5 * 60_000;
export interface RunnerOptions {
  kb: Briefing;
  /** The knowledge base of a subscription's crisis (default: `kb` for every one). */
  kbFor?: (crisis: string | null | undefined) => Briefing;
  store: Store;
  subscriptions: SubscriptionStore;
  clock: Clock;
  log: Logger;
  /** One per platform that can post now; subscriptions of other platforms are left alone. */
  publishers: readonly Publisher[];
  /** BRIEFING_CATCHUP_HOURS: a missed digest later than this is recorded as skipped, not posted. */
  catchupHours: number;
  retryDelaysMs?: readonly number[];
  /** Channels posted at once (each publisher also queues and rate-limits on its own). */
  concurrency?: number;
  /** This run's identity in the ledger (default: a new one for this process). */
  owner?: Owner;
  /** Fault injection (tests, `npm run stress`): called at each FaultPoint; may throw or never settle. */
  faults?: Faults;
}

/** What runDue would do for one channel (also the dry run's output). */
export interface DueItem {
  platform: Platform;
  channelId: string;
  localDate: string;
  /** ISO instant the digest was scheduled for. */
  dueAt: string;
  schedule: Schedule;
  action: 'post' | 'retry' | 'skip';
  late: boolean;
  /** False when no running adapter can post on this platform. */
  publishable: boolean;
  /** Why it is skipped, or the previous error of a retry. */
  reason?: string;
  attempt: number;
}

export interface Outcome extends DeliveryKey {
  /** 'unknown': a request may have posted it and the platform gives no way to check; reported, not re-posted. */
  result: 'posted' | 'retry-scheduled' | 'failed' | 'unknown' | 'disabled' | 'skipped' | 'already-claimed';
  late: boolean;
  error?: string;
}

export class DigestRunner {
  readonly ledger: DeliveryLedger;
  private readonly publishers: Map<Platform, Publisher>;
  private readonly retryDelays: readonly number[];
  readonly owner: Owner;

  constructor(private readonly o: RunnerOptions) {
    this.ledger = new DeliveryLedger(o.store);
    this.publishers = new Map(o.publishers.map((p) => [p.platform, p]));
    this.retryDelays = o.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.owner = o.owner ?? new Owner();
  }

  get platforms(): Platform[] {
    return [...this.publishers.keys()];
  }

  /** Distinct schedules to run (one cron job each). */
  schedules(): Schedule[] {
    return this.ledger.schedules(this.platforms);
  }

  private get windowMs(): number {
    return Math.max(this.o.catchupHours * 3_600_000, LATE_AFTER_MS);
  }

  /**
   * What is due at `now`, without changing anything. `only` limits it to one schedule (a cron
   * job's own); `allPlatforms` includes platforms with no publisher (for the dry run).
   */
  plan(now: Date = this.o.clock.now(), opts: { only?: string; allPlatforms?: boolean } = {}): DueItem[] {
    const platforms: Platform[] = opts.allPlatforms ? ['discord', 'slack', 'terminal'] : this.platforms;
    const items: DueItem[] = [];
    for (const schedule of this.ledger.schedules(platforms)) {
      if (opts.only && scheduleKey(schedule) !== opts.only) continue;
      let occ: ReturnType<typeof latestOccurrence>;
      try {
        occ = latestOccurrence(schedule, now);
      } catch (err) {
        this.o.log.error({ err, schedule }, 'digest schedule is invalid; skipped');
        continue;
      }
      if (!occ) continue;
      const lateness = now.getTime() - occ.dueAt.getTime();
      const tooLate = lateness > this.windowMs;
      for (const u of this.ledger.unsettled(schedule, occ, platforms)) {
        items.push({
          ...u,
          localDate: occ.localDate,
          dueAt: occ.dueAt.toISOString(),
          schedule,
          action: tooLate ? 'skip' : 'post',
          late: lateness > LATE_AFTER_MS,
          publishable: this.publishers.has(u.platform),
          reason: tooLate ? `missed: ${hours(lateness)} late, over the ${this.o.catchupHours} h catch-up window (BRIEFING_CATCHUP_HOURS)` : undefined,
          attempt: 1,
        });
      }
    }
    if (!opts.only) {
      for (const d of this.ledger.dueRetries(now, platforms)) {
        const lateness = now.getTime() - Date.parse(d.dueAt);
        const sub = this.o.subscriptions.get(d.platform, d.channelId);
        const tooLate = lateness > this.windowMs;
        items.push({
          platform: d.platform,
          channelId: d.channelId,
          localDate: d.localDate,
          dueAt: d.dueAt,
          schedule: sub ? { time: sub.time, timezone: sub.timezone, days: sub.days } : { time: '?', timezone: 'UTC', days: 'daily' },
          action: !sub?.enabled || tooLate ? 'skip' : 'retry',
          late: d.late || lateness > LATE_AFTER_MS,
          publishable: this.publishers.has(d.platform),
          reason: !sub?.enabled
            ? `unsubscribed or disabled before the retry${d.sendingAt ? ' (a post was interrupted; it may have arrived)' : ''}`
            : tooLate
              ? `retry abandoned: ${hours(lateness)} late${d.sendingAt ? ' (a post was interrupted; it may have arrived)' : ''}`
              : (d.lastError ?? undefined),
          attempt: d.attempts + 1,
        });
      }
    }
    // Oldest first, then a stable order (the ledger's queries leave order unspecified).
    return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.platform.localeCompare(b.platform) || a.channelId.localeCompare(b.channelId));
  }

  /** Post everything due at `now` (or only one schedule's). Never throws for a single channel. */
  async runDue(opts: { only?: string } = {}): Promise<Outcome[]> {
    const now = this.o.clock.now();
    if (!opts.only) this.recover(now);
    const items = this.plan(now, opts).filter((i) => i.publishable);
    const outcomes: Outcome[] = [];
    const work: (() => Promise<void>)[] = [];
    for (const item of items) {
      const k: DeliveryKey = { platform: item.platform, channelId: item.channelId, localDate: item.localDate };
      if (item.action === 'skip') {
        const recorded = item.attempt === 1 ? this.ledger.recordSkipped(k, new Date(item.dueAt), item.reason ?? 'skipped') : this.ledger.abandon(k, item.reason ?? 'skipped');
        if (recorded) {
          this.o.log.warn({ ...k, reason: item.reason }, 'scheduled digest skipped');
          outcomes.push({ ...k, result: 'skipped', late: true, error: item.reason });
        }
        continue;
      }
      // Claimed just before posting, not all up front: a crash then leaves few claimed rows, and
      // those are taken over at the next start (no request was made for them).
      work.push(async () => {
        await this.o.faults?.('before-claim', k);
        const claimId = randomUUID();
        const at = this.o.clock.now();
        const late = item.late || at.getTime() - Date.parse(item.dueAt) > LATE_AFTER_MS;
        const owner = this.owner.id;
        const claimed = item.action === 'post' ? this.ledger.claim(k, new Date(item.dueAt), late, claimId, at, owner) : this.ledger.claimRetry(k, late, claimId, at, owner);
        if (!claimed) {
          outcomes.push({ ...k, result: 'already-claimed', late });
          return;
        }
        await this.o.faults?.('after-claim', k);
        outcomes.push(await this.deliver({ ...item, late }, k, claimId));
      });
    }
    await inParallel(work, this.o.concurrency ?? 4);
    return outcomes;
  }

  /** Take over deliveries left claimed or sending by runs that are gone (see DeliveryLedger.recover). */
  private recover(now: Date): void {
    const staleBefore = new Date(now.getTime() - STALE_POSTING_MS);
    for (const r of this.ledger.recover(now, staleBefore, this.owner.id, (o) => this.owner.isDead(o))) {
      const { was, ...k } = r;
      if (was === 'claimed') this.o.log.warn({ ...k }, 'a digest claimed by a run that stopped before posting it; posting it now');
      else this.o.log.warn({ ...k }, 'a digest was being posted when its run stopped; checking whether it arrived before anything is re-posted');
    }
  }

  /** Build and post one claimed delivery, then settle its row. */
  private async deliver(item: DueItem, k: DeliveryKey, claimId: string): Promise<Outcome> {
    const { log, clock, store, subscriptions, faults } = this.o;
    const sub = subscriptions.get(k.platform, k.channelId);
    const publisher = this.publishers.get(k.platform);
    if (!sub?.enabled || !publisher) {
      const reason = `unsubscribed before posting${this.ledger.get(k)?.sendingAt ? ' (an interrupted post may have arrived)' : ''}`;
      this.ledger.dropped(k, claimId, reason);
      return { ...k, result: 'skipped', late: item.late, error: reason };
    }
    const ctx = publishContext(this.ledger, k, claimId, clock, faults);
    const builtAt = clock.now();
    try {
      // The digest of the crisis the channel subscribed to.
      const kb = this.o.kbFor ? this.o.kbFor(sub.crisis) : this.o.kb;
      // The first digest covers the newest news day; later ones what was added since the last one.
      const result = sub.lastDelivered ? kb.digest({ since: sub.lastDelivered }) : kb.digest();
      const view = digestView(result, kb.crisis);
      await publisher.publish(k.channelId, item.late ? markLate(view, item, clock.now()) : view, ctx);
    } catch (err) {
      return this.settleFailure(item, k, claimId, err);
    }
    const settled = store.tx(() => {
      if (!this.ledger.posted(k, claimId, clock.now())) return false;
      subscriptions.markDelivered(k.platform, k.channelId, builtAt.toISOString());
      return true;
    });
    if (!settled) return { ...k, result: 'already-claimed', late: item.late };
    log.info({ ...k, late: item.late, attempt: item.attempt }, 'scheduled digest posted');
    return { ...k, result: 'posted', late: item.late };
  }

  /** Record why a delivery did not complete, and whether (and when) it is tried again. */
  private settleFailure(item: DueItem, k: DeliveryKey, claimId: string, err: unknown): Outcome {
    const { log, clock, store, subscriptions } = this.o;
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof LostClaimError) return { ...k, result: 'already-claimed', late: item.late };
    if (err instanceof ChannelGoneError) {
      store.tx(() => {
        if (this.ledger.disabled(k, claimId, message)) subscriptions.disable(k.platform, k.channelId, `channel gone: ${message}`);
      });
      log.warn({ ...k, err: message }, 'digest channel is gone; subscription disabled');
      return { ...k, result: 'disabled', late: item.late, error: message };
    }
    if (err instanceof CannotVerifyError) {
      const why = `outcome unknown: ${message}; not re-posted, to avoid a duplicate`;
      this.ledger.failed(k, claimId, why, null, true);
      log.warn({ ...k, attempt: item.attempt }, `scheduled digest ${why}`);
      return { ...k, result: 'unknown', late: item.late, error: why };
    }
    const uncertain = err instanceof OutcomeUnknownError;
    // A post in doubt is checked at the next sweep: Discord's nonce deduplicates for minutes only.
    const base = this.retryDelays[item.attempt - 1];
    const delay = uncertain && base !== undefined ? 0 : base;
    const next = delay === undefined ? null : new Date(clock.now().getTime() + delay);
    const why = uncertain && !next ? `outcome unknown: ${message}` : message;
    this.ledger.failed(k, claimId, why, next, uncertain);
    log.error({ ...k, err, attempt: item.attempt, retryAt: next?.toISOString() ?? null }, next ? 'digest post failed; will retry' : 'digest post failed; giving up');
    return { ...k, result: next ? 'retry-scheduled' : uncertain ? 'unknown' : 'failed', late: item.late, error: why };
  }
}

/** "(late: scheduled 07:30 Europe/Paris)" in the footer, with the date when it was not today. */
export function markLate(view: View, item: Pick<DueItem, 'schedule' | 'localDate'>, now: Date): View {
  const { time, timezone } = item.schedule;
  const day = localDateOf(now, timezone) === item.localDate ? '' : ` on ${item.localDate}`;
  const note = `late: scheduled ${time} ${timezone}${day}`;
  return { ...view, footer: view.footer ? `${note} · ${view.footer}` : note };
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 10 ? `${Math.round(h)} h` : `${Math.round(h * 10) / 10} h`;
}

export type { Delivery };
export type { FaultPoint } from './posting.js';
