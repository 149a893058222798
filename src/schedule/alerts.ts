/**
 * Delivery of stance-change alerts to subscribed channels, through the same ledger and publishers
 * as scheduled digests.
 *
 * Each sweep, per enabled subscription: when the crisis's knowledge base holds alerts past the
 * channel's cursor, and the channel had no batch in the last BRIEFING_ALERT_MINUTES, and no earlier
 * batch is still being delivered, the alerts (cursor, newest] form one batch. Its ledger key
 * (`alerts:<crisis>:<cursor>-<newest>` in the `local_date` column, kind 'alert') is claimed, the
 * message is posted through the platform's Publisher ("sending" recorded before each request), and
 * the row settles as posted in the same transaction that moves the cursor. So a change is posted
 * at most once: a restart finds the row posted (or recovers it from a dead owner and checks before
 * re-posting, as for digests), and a new batch always starts after the last one's end.
 */
import { randomUUID } from 'node:crypto';
import type { Platform } from '../../commands/command.js';
import { alertBatchView } from '../core/answer/alert-view.js';
import type { Briefing } from '../core/briefing.js';
import type { Clock } from '../core/types.js';
import type { Logger } from '../log.js';
import { type AlertSubKey, type AlertSubscription, type AlertSubscriptionStore, batchKey, parseBatchKey } from '../store/alert-subscriptions.js';
import { AlertStore } from '../store/alerts.js';
import { type DeliveryKey, DeliveryLedger } from '../store/deliveries.js';
import type { Store } from '../store/store.js';
import { Owner } from './owner.js';
import { CannotVerifyError, ChannelGoneError, LostClaimError, OutcomeUnknownError, type Publisher } from './publisher.js';
import { publishContext, RETRY_DELAYS_MS, STALE_POSTING_MS } from './posting.js';
import type { RunnerOptions } from './run.js';

export interface AlertRunnerOptions {
  /** The app's main store: subscriptions, cursors and the delivery ledger. */
  store: Store;
  subscriptions: AlertSubscriptionStore;
  /** The knowledge base of a crisis (its alerts live in its own store); undefined when it is not loaded. */
  kbFor(crisisId: string): Briefing | undefined;
  clock: Clock;
  log: Logger;
  publishers: readonly Publisher[];
  /** BRIEFING_ALERT_MINUTES: at most one batch per channel per this many minutes. */
  minutes: number;
  retryDelaysMs?: readonly number[];
  owner?: Owner;
  faults?: RunnerOptions['faults'];
}

/** What happened to one channel's batch in a run. */
export interface AlertOutcome extends DeliveryKey {
  result: 'posted' | 'retry-scheduled' | 'failed' | 'unknown' | 'disabled' | 'skipped' | 'already-claimed';
  /** How many alerts the batch held. */
  alerts: number;
  error?: string;
}

export class AlertRunner {
  readonly ledger: DeliveryLedger;
  readonly owner: Owner;
  private readonly publishers: Map<Platform, Publisher>;
  private readonly retryDelays: readonly number[];

  constructor(private readonly o: AlertRunnerOptions) {
    this.ledger = new DeliveryLedger(o.store, 'alert');
    this.publishers = new Map(o.publishers.map((p) => [p.platform, p]));
    this.retryDelays = o.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.owner = o.owner ?? new Owner();
  }

  get platforms(): Platform[] {
    return [...this.publishers.keys()];
  }

  /** Recover, retry, then start the batches that are due. Never throws for a single channel. */
  async runDue(): Promise<AlertOutcome[]> {
    const { clock, subscriptions, log } = this.o;
    const now = clock.now();
    const out: AlertOutcome[] = [];
    for (const r of this.ledger.recover(now, new Date(now.getTime() - STALE_POSTING_MS), this.owner.id, (x) => this.owner.isDead(x))) {
      log.warn({ platform: r.platform, channelId: r.channelId, batch: r.localDate, was: r.was }, 'an alert batch was left by a run that stopped; resuming it');
    }
    // Retries first: a channel's next batch waits until its previous one has settled.
    for (const d of this.ledger.dueRetries(now, this.platforms)) {
      const batch = parseBatchKey(d.localDate);
      const k: DeliveryKey = { platform: d.platform, channelId: d.channelId, localDate: d.localDate };
      const sub = batch ? subscriptions.get({ platform: d.platform, channelId: d.channelId, crisis: batch.crisis }) : null;
      const kb = batch ? this.o.kbFor(batch.crisis) : undefined;
      if (!batch || !sub?.enabled || !kb) {
        if (this.ledger.abandon(k, 'unsubscribed before the retry')) out.push({ ...k, result: 'skipped', alerts: 0 });
        continue;
      }
      const claimId = randomUUID();
      if (!this.ledger.claimRetry(k, false, claimId, clock.now(), this.owner.id)) continue;
      out.push(await this.deliver(k, claimId, sub, kb, batch.after, batch.upTo, d.attempts + 1));
    }
    const newest = new Map<string, number>();
    for (const sub of subscriptions.enabled(this.platforms)) {
      try {
        const o = await this.startBatch(sub, newest);
        if (o) out.push(o);
      } catch (err) {
        log.error({ err, platform: sub.platform, channelId: sub.channelId, crisis: sub.crisis }, 'alert batch failed');
      }
    }
    return out;
  }

  /** One channel: a new batch when alerts are waiting and its window allows one. */
  private async startBatch(sub: AlertSubscription, newest: Map<string, number>): Promise<AlertOutcome | null> {
    const { clock, subscriptions, store } = this.o;
    const kb = this.o.kbFor(sub.crisis);
    if (!kb) return null;
    const key: AlertSubKey = { platform: sub.platform, channelId: sub.channelId, crisis: sub.crisis };
    const alerts = new AlertStore(kb.store);
    // The newest alert of each crisis, read once per run (one query however many channels).
    const upTo = newest.get(sub.crisis) ?? alerts.maxId();
    newest.set(sub.crisis, upTo);
    if (upTo <= sub.cursor || subscriptions.hasOpenBatch(key)) return null;
    // Nothing of the kinds it follows: the channel has "had" them.
    if (!alerts.between(sub.cursor, upTo).some((a) => sub.kinds.includes(a.kind as never))) {
      subscriptions.advance(key, upTo);
      return null;
    }
    const now = clock.now();
    const k: DeliveryKey = { platform: sub.platform, channelId: sub.channelId, localDate: batchKey(sub.crisis, sub.cursor, upTo) };
    const claimId = randomUUID();
    await this.o.faults?.('before-claim', k);
    // The window and the claim in one transaction: one batch per channel per window, whoever runs.
    const claimed = store.tx(() => subscriptions.startBatch(key, now, new Date(now.getTime() - this.o.minutes * 60_000)) && this.ledger.claim(k, now, false, claimId, now, this.owner.id));
    if (!claimed) return null;
    await this.o.faults?.('after-claim', k);
    return this.deliver(k, claimId, sub, kb, sub.cursor, upTo, 1);
  }

  /** Post a claimed batch (alerts after..upTo of the kinds the channel follows) and settle its row. */
  private async deliver(k: DeliveryKey, claimId: string, sub: AlertSubscription, kb: Briefing, after: number, upTo: number, attempt: number): Promise<AlertOutcome> {
    const { clock, store, subscriptions, log } = this.o;
    const key: AlertSubKey = { platform: sub.platform, channelId: sub.channelId, crisis: sub.crisis };
    const batch = new AlertStore(kb.store).between(after, upTo).filter((a) => sub.kinds.includes(a.kind as never));
    const publisher = this.publishers.get(k.platform);
    if (!publisher || batch.length === 0) {
      store.tx(() => {
        if (this.ledger.dropped(k, claimId, batch.length ? 'no publisher' : 'no alerts of the kinds followed')) subscriptions.advance(key, upTo);
      });
      return { ...k, result: 'skipped', alerts: batch.length };
    }
    try {
      await publisher.publish(k.channelId, alertBatchView(batch, kb.crisis), publishContext(this.ledger, k, claimId, clock, this.o.faults));
    } catch (err) {
      return this.settleFailure(k, claimId, key, upTo, attempt, batch.length, err);
    }
    const settled = store.tx(() => {
      if (!this.ledger.posted(k, claimId, clock.now())) return false;
      subscriptions.advance(key, upTo);
      return true;
    });
    if (!settled) return { ...k, result: 'already-claimed', alerts: batch.length };
    log.info({ ...k, alerts: batch.length, attempt }, 'alert batch posted');
    return { ...k, result: 'posted', alerts: batch.length };
  }

  /**
   * A batch that did not post: retried with the digests' backoff; when no attempt is left (or the
   * outcome cannot be checked) the cursor still moves past it, so no change is ever posted twice.
   */
  private settleFailure(k: DeliveryKey, claimId: string, key: AlertSubKey, upTo: number, attempt: number, n: number, err: unknown): AlertOutcome {
    const { clock, store, subscriptions, log } = this.o;
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof LostClaimError) return { ...k, result: 'already-claimed', alerts: n };
    if (err instanceof ChannelGoneError) {
      store.tx(() => {
        if (this.ledger.disabled(k, claimId, message)) subscriptions.disable(key, `channel gone: ${message}`);
      });
      log.warn({ ...k, err: message }, 'alert channel is gone; subscription disabled');
      return { ...k, result: 'disabled', alerts: n, error: message };
    }
    const uncertain = err instanceof OutcomeUnknownError;
    const base = err instanceof CannotVerifyError ? undefined : this.retryDelays[attempt - 1];
    const delay = uncertain && base !== undefined ? 0 : base;
    const next = delay === undefined ? null : new Date(clock.now().getTime() + delay);
    const why = err instanceof CannotVerifyError || (uncertain && !next) ? `outcome unknown: ${message}; not re-posted, to avoid a duplicate` : message;
    store.tx(() => {
      if (this.ledger.failed(k, claimId, why, next, uncertain || err instanceof CannotVerifyError) && !next) subscriptions.advance(key, upTo);
    });
    log.error({ ...k, err, attempt, retryAt: next?.toISOString() ?? null }, next ? 'alert post failed; will retry' : 'alert post failed; giving up');
    return { ...k, result: next ? 'retry-scheduled' : uncertain || err instanceof CannotVerifyError ? 'unknown' : 'failed', alerts: n, error: why };
  }
}
