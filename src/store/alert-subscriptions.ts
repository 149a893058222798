/**
 * Alert subscriptions per channel and crisis, in the app's main store. `cursor` is the id of the
 * last alert of the crisis's knowledge base this channel has had (or was subscribed after): a
 * channel only ever receives alerts detected after it subscribed.
 */
import type { Platform } from '../../commands/command.js';
import type { AlertKind } from '../core/changes/detect.js';
import type { Store } from './store.js';

/** A channel's alert subscription for one crisis. */
export interface AlertSubscription {
  platform: Platform;
  channelId: string;
  /** The crisis id (`kb.crisis.id`) whose alerts it receives. */
  crisis: string;
  kinds: AlertKind[];
  cursor: number;
  createdBy: string;
  createdAt: string;
  enabled: boolean;
  disabledReason: string | null;
  /** When its latest batch was claimed (batches are at most one per BRIEFING_ALERT_MINUTES). */
  lastBatchAt: string | null;
}

interface Row {
  platform: Platform;
  channel_id: string;
  crisis: string;
  kinds: string;
  cursor: number;
  created_by: string;
  created_at: string;
  enabled: number;
  disabled_reason: string | null;
  last_batch_at: string | null;
}

const toSub = (r: Row): AlertSubscription => ({
  platform: r.platform,
  channelId: r.channel_id,
  crisis: r.crisis,
  kinds: r.kinds.split(',').filter(Boolean) as AlertKind[],
  cursor: r.cursor,
  createdBy: r.created_by,
  createdAt: r.created_at,
  enabled: r.enabled === 1,
  disabledReason: r.disabled_reason,
  lastBatchAt: r.last_batch_at,
});

const PK = 'platform = @platform AND channel_id = @channelId AND crisis = @crisis';

/** The key of one subscription. */
export interface AlertSubKey {
  platform: Platform;
  channelId: string;
  crisis: string;
}

/** What the /alerts command uses. */
export type AlertSubscriptionPort = Pick<AlertSubscriptionStore, 'subscribe' | 'unsubscribe' | 'get' | 'latestDelivery'>;

export class AlertSubscriptionStore {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Subscribe (or change the kinds of) a channel. A new or paused subscription starts at `cursor`
   * (the newest alert now); an active one keeps its place, so nothing pending is skipped.
   */
  subscribe(k: AlertSubKey & { kinds: readonly AlertKind[]; createdBy: string; cursor: number }): { sub: AlertSubscription; created: boolean } {
    const existed = this.get(k);
    this.store
      .prepare(
        `INSERT INTO alert_subscriptions (platform, channel_id, crisis, kinds, cursor, created_by, created_at, enabled)
         VALUES (@platform, @channelId, @crisis, @kinds, @cursor, @createdBy, @now, 1)
         ON CONFLICT (platform, channel_id, crisis) DO UPDATE SET kinds = excluded.kinds, created_by = excluded.created_by,
           cursor = CASE WHEN enabled = 1 THEN cursor ELSE excluded.cursor END, enabled = 1, disabled_reason = NULL`,
      )
      .run({ ...k, kinds: k.kinds.join(','), now: this.now().toISOString() });
    return { sub: this.get(k) as AlertSubscription, created: !existed?.enabled };
  }

  unsubscribe(k: AlertSubKey): boolean {
    return this.store.prepare(`DELETE FROM alert_subscriptions WHERE ${PK}`).run(k).changes > 0;
  }

  get(k: AlertSubKey): AlertSubscription | null {
    const r = this.store.prepare(`SELECT * FROM alert_subscriptions WHERE ${PK}`).get(k) as Row | undefined;
    return r ? toSub(r) : null;
  }

  /** Enabled subscriptions on these platforms. */
  enabled(platforms: readonly Platform[]): AlertSubscription[] {
    if (!platforms.length) return [];
    const marks = platforms.map(() => '?').join(', ');
    return (this.store.prepare(`SELECT * FROM alert_subscriptions WHERE enabled = 1 AND platform IN (${marks})`).all(...platforms) as Row[]).map(toSub);
  }

  /** Claim the right to start a batch: true for one caller per window (last_batch_at before `notAfter`). */
  startBatch(k: AlertSubKey, at: Date, notAfter: Date): boolean {
    return (
      this.store
        .prepare(`UPDATE alert_subscriptions SET last_batch_at = @at WHERE ${PK} AND enabled = 1 AND (last_batch_at IS NULL OR last_batch_at <= @notAfter)`)
        .run({ ...k, at: at.toISOString(), notAfter: notAfter.toISOString() }).changes === 1
    );
  }

  /** The channel has had every alert up to `cursor` (it never moves back). */
  advance(k: AlertSubKey, cursor: number): void {
    this.store.prepare(`UPDATE alert_subscriptions SET cursor = MAX(cursor, @cursor) WHERE ${PK}`).run({ ...k, cursor });
  }

  /** Whether a batch of this channel and crisis is still being delivered (pending a retry, claimed or sending). */
  hasOpenBatch(k: AlertSubKey): boolean {
    const p = batchPrefix(k.crisis);
    return (
      this.store
        .prepare(
          `SELECT 1 FROM deliveries WHERE platform = ? AND channel_id = ? AND kind = 'alert' AND substr(local_date, 1, ?) = ?
           AND status IN ('pending', 'claimed', 'sending', 'posting') LIMIT 1`,
        )
        .get(k.platform, k.channelId, p.length, p) !== undefined
    );
  }

  disable(k: AlertSubKey, reason: string): void {
    this.store.prepare(`UPDATE alert_subscriptions SET enabled = 0, disabled_reason = @reason WHERE ${PK}`).run({ ...k, reason });
  }

  /** The newest alert delivery of a channel, for /alerts status. */
  latestDelivery(k: AlertSubKey): { status: string; attempts: number; lastError: string | null; postedAt: string | null; dueAt: string } | null {
    const r = this.store
      .prepare(
        `SELECT status, attempts, last_error AS lastError, posted_at AS postedAt, due_at AS dueAt FROM deliveries
         WHERE platform = ? AND channel_id = ? AND kind = 'alert' AND substr(local_date, 1, ?) = ? ORDER BY due_at DESC LIMIT 1`,
      )
      .get(k.platform, k.channelId, batchPrefix(k.crisis).length, batchPrefix(k.crisis)) as { status: string; attempts: number; lastError: string | null; postedAt: string | null; dueAt: string } | undefined;
    return r ?? null;
  }
}

/** A batch's ledger key (the `local_date` column of its delivery row): `alerts:<crisis>:<after>-<upTo>`. */
export function batchKey(crisis: string, after: number, upTo: number): string {
  return `${batchPrefix(crisis)}${after}-${upTo}`;
}

export function batchPrefix(crisis: string): string {
  return `alerts:${crisis}:`;
}

/** The alert ids a batch key covers, or null when it is not one. */
export function parseBatchKey(key: string): { crisis: string; after: number; upTo: number } | null {
  const m = /^alerts:(.+):(\d+)-(\d+)$/.exec(key);
  return m ? { crisis: m[1] as string, after: Number(m[2]), upTo: Number(m[3]) } : null;
}
