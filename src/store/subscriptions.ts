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
  };
}

export class SubscriptionStore implements SubscriptionPort {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  upsert(sub: Omit<Subscription, 'enabled' | 'disabledReason' | 'lastDelivered'>): Subscription {
    this.store.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel_id, time, timezone, days, created_by, created_at, enabled)
         VALUES (@platform, @channelId, @time, @timezone, @days, @createdBy, @createdAt, 1)
         ON CONFLICT (platform, channel_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone,
           days = excluded.days, created_by = excluded.created_by, enabled = 1, disabled_reason = NULL`,
      )
      .run({ ...sub, createdAt: this.now().toISOString() });
    return this.get(sub.platform, sub.channelId) as Subscription;
  }

  remove(platform: Platform, channelId: string): boolean {
    return this.store.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId).changes > 0;
  }

  get(platform: Platform, channelId: string): Subscription | null {
    const r = this.store.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?').get(platform, channelId) as Row | undefined;
    return r ? toSub(r) : null;
  }

  list(): Subscription[] {
    return (this.store.db.prepare('SELECT * FROM subscriptions ORDER BY platform, channel_id').all() as Row[]).map(toSub);
  }

  disable(platform: Platform, channelId: string, reason: string): void {
    this.store.db.prepare('UPDATE subscriptions SET enabled = 0, disabled_reason = ? WHERE platform = ? AND channel_id = ?').run(reason, platform, channelId);
  }
}
