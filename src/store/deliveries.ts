/**
 * The delivery ledger: one row per (platform, channel, local date), the key that makes a scheduled
 * digest exactly-once. Every transition is one conditional SQL statement, so two triggers in this
 * process, or this process and `npm run digest` on the same database file, cannot both claim a row.
 *
 *   (none) ──claim──▶ posting ──▶ posted
 *                        │  ├────▶ pending ──claim retry──▶ posting …   (error, attempts left)
 *                        │  ├────▶ failed                               (error, no attempts left)
 *                        │  └────▶ disabled                             (ChannelGoneError)
 *                        └─(left by a crash)─▶ failed "outcome unknown"  (never re-posted)
 *   (none) ──too late──▶ skipped
 *
 * (Kept next to the scheduler for now; it is the only SQL outside src/store.)
 */
import type { Platform } from '../../commands/command.js';
import type { Statement } from 'better-sqlite3';
import type { Store } from './store.js';
import type { Occurrence, Schedule } from '../schedule/time.js';

export type DeliveryStatus = 'pending' | 'posting' | 'posted' | 'failed' | 'disabled' | 'skipped';

export interface Delivery {
  platform: Platform;
  channelId: string;
  localDate: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  /** ISO instant the digest was scheduled for. */
  dueAt: string;
  postedAt: string | null;
  late: boolean;
  /** When a 'pending' row is retried. */
  nextAttemptAt: string | null;
  claimedAt: string | null;
}

/** The primary key of a delivery. */
export interface DeliveryKey {
  platform: Platform;
  channelId: string;
  localDate: string;
}

/** A subscribed channel whose occurrence has no ledger row yet. */
export interface Unsettled {
  platform: Platform;
  channelId: string;
}

interface Row {
  platform: Platform;
  channel_id: string;
  local_date: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  due_at: string;
  posted_at: string | null;
  late: number;
  next_attempt_at: string | null;
  claimed_at: string | null;
}

const toDelivery = (r: Row): Delivery => ({
  platform: r.platform,
  channelId: r.channel_id,
  localDate: r.local_date,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  dueAt: r.due_at,
  postedAt: r.posted_at,
  late: r.late === 1,
  nextAttemptAt: r.next_attempt_at,
  claimedAt: r.claimed_at,
});

const PK = 'platform = @platform AND channel_id = @channelId AND local_date = @localDate';

/** Errors are stored for people to read; keep them short. */
const clip = (s: string) => (s.length > 500 ? `${s.slice(0, 497)}...` : s);

export class DeliveryLedger {
  constructor(private readonly store: Store) {}

  /** Prepared statements by SQL text: the sweep runs every minute, preparing is the costly part. */
  private readonly statements = new Map<string, Statement>();

  private sql(text: string): Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.store.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  get(k: DeliveryKey): Delivery | null {
    const r = this.sql(`SELECT * FROM deliveries WHERE ${PK}`).get(k) as Row | undefined;
    return r ? toDelivery(r) : null;
  }

  /** Distinct schedules of enabled subscriptions on these platforms. */
  schedules(platforms: readonly Platform[]): Schedule[] {
    if (!platforms.length) return [];
    const marks = platforms.map(() => '?').join(', ');
    const sql = `SELECT DISTINCT time, timezone, days FROM subscriptions WHERE enabled = 1 AND platform IN (${marks}) ORDER BY time, timezone, days`;
    return this.sql(sql).all(...platforms) as Schedule[];
  }

  /**
   * Enabled subscriptions with this schedule that were in effect when the occurrence was due and
   * have no ledger row for its local date yet. One query per schedule, however many channels.
   */
  unsettled(s: Schedule, occ: Occurrence, platforms: readonly Platform[]): Unsettled[] {
    if (!platforms.length) return [];
    const marks = platforms.map(() => '?').join(', ');
    // No ORDER BY: it makes SQLite walk the primary key instead of the schedule index (15x slower at 5,000 rows).
    return this.sql(
      `SELECT s.platform AS platform, s.channel_id AS channelId FROM subscriptions s
       WHERE s.enabled = 1 AND s.time = ? AND s.timezone = ? AND s.days = ? AND s.platform IN (${marks})
         AND COALESCE(s.updated_at, s.created_at) <= ?
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.platform = s.platform AND d.channel_id = s.channel_id AND d.local_date = ?)`,
    ).all(s.time, s.timezone, s.days, ...platforms, occ.dueAt.toISOString(), occ.localDate) as Unsettled[];
  }

  /** Claim a first attempt: true only for the one caller that created the row. */
  claim(k: DeliveryKey, dueAt: Date, late: boolean, claimId: string, now: Date): boolean {
    return (
      this.sql(
          `INSERT INTO deliveries (platform, channel_id, local_date, status, attempts, due_at, late, claim_id, claimed_at)
           VALUES (@platform, @channelId, @localDate, 'posting', 1, @dueAt, @late, @claimId, @now)
           ON CONFLICT (platform, channel_id, local_date) DO NOTHING`,
        )
        .run({ ...k, dueAt: dueAt.toISOString(), late: late ? 1 : 0, claimId, now: now.toISOString() }).changes === 1
    );
  }

  /** Record an occurrence that will not be posted (too late to catch up). False if a row exists. */
  recordSkipped(k: DeliveryKey, dueAt: Date, reason: string): boolean {
    return (
      this.sql(
          `INSERT INTO deliveries (platform, channel_id, local_date, status, attempts, last_error, due_at, late)
           VALUES (@platform, @channelId, @localDate, 'skipped', 0, @reason, @dueAt, 1)
           ON CONFLICT (platform, channel_id, local_date) DO NOTHING`,
        )
        .run({ ...k, dueAt: dueAt.toISOString(), reason: clip(reason) }).changes === 1
    );
  }

  /** Pending retries whose time has come, on these platforms. */
  dueRetries(now: Date, platforms: readonly Platform[]): Delivery[] {
    if (!platforms.length) return [];
    const marks = platforms.map(() => '?').join(', ');
    return (
      this.sql(`SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? AND platform IN (${marks}) ORDER BY next_attempt_at`)
        .all(now.toISOString(), ...platforms) as Row[]
    ).map(toDelivery);
  }

  /** Claim a retry: true only for the one caller that moved the row from 'pending' to 'posting'. */
  claimRetry(k: DeliveryKey, late: boolean, claimId: string, now: Date): boolean {
    return (
      this.sql(
          `UPDATE deliveries SET status = 'posting', attempts = attempts + 1, next_attempt_at = NULL, late = MAX(late, @late),
             claim_id = @claimId, claimed_at = @now
           WHERE ${PK} AND status = 'pending' AND next_attempt_at <= @now`,
        )
        .run({ ...k, late: late ? 1 : 0, claimId, now: now.toISOString() }).changes === 1
    );
  }

  /** Settle a claimed row. Only the claimant's token can, so a late finisher never overwrites another. */
  posted(k: DeliveryKey, claimId: string, at: Date): void {
    this.settle(k, claimId, { status: 'posted', posted_at: at.toISOString() });
  }

  /** A failed attempt: 'pending' with the next attempt time, or 'failed' when none is left. */
  failed(k: DeliveryKey, claimId: string, error: string, nextAttemptAt: Date | null): void {
    this.settle(k, claimId, { status: nextAttemptAt ? 'pending' : 'failed', last_error: clip(error), next_attempt_at: nextAttemptAt?.toISOString() ?? null });
  }

  disabled(k: DeliveryKey, claimId: string, error: string): void {
    this.settle(k, claimId, { status: 'disabled', last_error: clip(error) });
  }

  /** A claimed delivery that should not be posted after all (the channel unsubscribed meanwhile). */
  dropped(k: DeliveryKey, claimId: string, reason: string): void {
    this.settle(k, claimId, { status: 'skipped', last_error: clip(reason) });
  }

  /** A pending retry that will not run (unsubscribed, or too late): 'skipped' with the reason. */
  abandon(k: DeliveryKey, reason: string): boolean {
    return (
      this.sql(`UPDATE deliveries SET status = 'skipped', next_attempt_at = NULL, last_error = @reason WHERE ${PK} AND status = 'pending'`).run({
        ...k,
        reason: clip(reason),
      }).changes === 1
    );
  }

  /**
   * Rows left in 'posting' by a process that stopped mid-post: the post may or may not have
   * reached the channel, and there is no way to ask. They become 'failed' (outcome unknown) and
   * are never re-posted: at most once in that narrow window. Rows this process is posting are kept.
   */
  expireStale(claimedBefore: Date, keep: ReadonlySet<string>): DeliveryKey[] {
    const rows = this.sql("SELECT platform, channel_id, local_date FROM deliveries WHERE status = 'posting' AND (claimed_at IS NULL OR claimed_at < ?)")
      .all(claimedBefore.toISOString()) as Pick<Row, 'platform' | 'channel_id' | 'local_date'>[];
    const out: DeliveryKey[] = [];
    const mark = this.sql(
      `UPDATE deliveries SET status = 'failed', last_error = 'interrupted while posting (the bot stopped); not re-posted, to avoid a duplicate'
       WHERE ${PK} AND status = 'posting'`,
    );
    for (const r of rows) {
      const k = { platform: r.platform, channelId: r.channel_id, localDate: r.local_date };
      if (keep.has(deliveryId(k))) continue;
      if (mark.run(k).changes === 1) out.push(k);
    }
    return out;
  }

  private settle(k: DeliveryKey, claimId: string, set: Record<string, string | null>): void {
    const cols = Object.keys(set)
      .map((c) => `${c} = @${c}`)
      .join(', ');
    this.sql(`UPDATE deliveries SET ${cols} WHERE ${PK} AND claim_id = @claimId`).run({ ...k, ...set, claimId });
  }
}

/** A delivery's key as one string. */
export function deliveryId(k: DeliveryKey): string {
  return `${k.platform}/${k.channelId}/${k.localDate}`;
}
