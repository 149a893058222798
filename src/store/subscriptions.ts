/** Digest subscriptions per channel, in SQLite. */
import type { Platform, Subscription, SubscriptionPort } from '../../commands/command.js';
import type { Store } from './store.js';

interface Row {
  platform: Platform;
  channel_id: string;
  time: string;
  timezone: string;
  days: 'daily' | 'weekdays';
  created_by: string;
  enabled: number;
  disabled_reason: string | null;
  last_delivered: string | null;
  crisis: string | null;
}

function toSub(r: Row): Subscription {
  return {
    platform: r.platform,
    channelId: r.channel_id,
    time: r.time,
    timezone: r.timezone,
    days: r.days,
    createdBy: r.created_by,
    enabled: r.enabled === 1,
    disabledReason: r.disabled_reason,
    lastDelivered: r.last_delivered,
    crisis: r.crisis,
  };
}

/** A channel's newest scheduled delivery, as /digest status shows it. */
export interface LatestDelivery {
  localDate: string;
  /** pending (a retry is planned) | claimed | sending | posted | failed | disabled | skipped */
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  postedAt: string | null;
}

/** Called after a subscription was added, changed, removed or disabled (the scheduler re-plans). */
export type SubscriptionListener = () => void;

export class SubscriptionStore implements SubscriptionPort {
  private readonly listeners = new Set<SubscriptionListener>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  upsert(sub: Omit<Subscription, 'enabled' | 'disabledReason' | 'lastDelivered'>): Subscription {
    this.store.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel_id, time, timezone, days, created_by, created_at, updated_at, enabled, crisis)
         VALUES (@platform, @channelId, @time, @timezone, @days, @createdBy, @createdAt, @createdAt, 1, @crisis)
         ON CONFLICT (platform, channel_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone,
           days = excluded.days, created_by = excluded.created_by, enabled = 1, disabled_reason = NULL,
           updated_at = excluded.updated_at, crisis = excluded.crisis`,
      )
      .run({ ...sub, crisis: sub.crisis ?? null, createdAt: this.now().toISOString() });
    this.changed();
    return this.get(sub.platform, sub.channelId) as Subscription;
  }

  remove(platform: Platform, channelId: string): boolean {
    const removed = this.store.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId).changes > 0;
    if (removed) this.changed();
    return removed;
  }

  get(platform: Platform, channelId: string): Subscription | null {
    const r = this.store.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?').get(platform, channelId) as Row | undefined;
    return r ? toSub(r) : null;
  }

  disable(platform: Platform, channelId: string, reason: string): void {
    this.store.db.prepare('UPDATE subscriptions SET enabled = 0, disabled_reason = ? WHERE platform = ? AND channel_id = ?').run(reason, platform, channelId);
    this.changed();
  }

  /** Record the instant a channel's digest was built: the next one covers what was added after it. */
  markDelivered(platform: Platform, channelId: string, at: string): void {
    this.store.db.prepare('UPDATE subscriptions SET last_delivered = ? WHERE platform = ? AND channel_id = ?').run(at, platform, channelId);
  }

  /** The newest scheduled delivery of a channel (the ledger row with the latest local date), for /digest status. */
  latestDelivery(platform: Platform, channelId: string): LatestDelivery | null {
    const r = this.store.db
      .prepare(
        `SELECT local_date AS localDate, status, attempts, last_error AS lastError, next_attempt_at AS nextAttemptAt, posted_at AS postedAt
         FROM deliveries WHERE platform = ? AND channel_id = ? AND kind = 'digest' ORDER BY local_date DESC LIMIT 1`,
      )
      .get(platform, channelId) as LatestDelivery | undefined;
    return r ?? null;
  }

  /** Be told when subscriptions change; returns the function that stops it. */
  onChange(listener: SubscriptionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) {
      try {
        l();
      } catch {
        // a listener's failure must not undo the user's change; listeners log their own errors
      }
    }
  }
}
