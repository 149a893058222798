/**
 * The delivery ledger: one row per (platform, channel, local date), the key that makes a scheduled
 * digest exactly-once. Every transition is one conditional SQL statement, so two triggers in this
 * process, or this process and `npm run digest` on the same database file, cannot both claim a row,
 * and a run whose claim was taken over can no longer record anything.
 *
 *   (none) ──claim──▶ claimed ──before each request──▶ sending ──page confirmed──▶ claimed … ──▶ posted
 *                        │            │
 *                        │            ├──answer lost / 5xx──▶ pending, sending_at kept (the retry checks first)
 *                        │            └──cannot check──────▶ failed "outcome unknown" (reported, not re-posted)
 *                        ├──definite error──▶ pending (attempts left) | failed | disabled (ChannelGoneError)
 *                        └──unsubscribed meanwhile──▶ skipped
 *   claimed, left by a dead process ──recover──▶ pending now (no request was made: posted normally)
 *   sending, left by a dead process ──recover──▶ pending now, sending_at kept (checked before any re-post)
 *   (none) ──too late──▶ skipped
 *
 * `sending_at` is the earliest instant a request for page `pages_done` may have posted it; NULL when
 * no request is in doubt. `claim_owner` names the process holding the claim (see schedule/owner.ts).
 */
import type { Platform } from '../../commands/command.js';
import type { Statement } from 'better-sqlite3';
import type { Store } from './store.js';
import type { Occurrence, Schedule } from '../schedule/time.js';

/** 'posting' is the status older versions left while posting; it is recovered like 'sending'. */
export type DeliveryStatus = 'pending' | 'claimed' | 'sending' | 'posting' | 'posted' | 'failed' | 'disabled' | 'skipped';

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
  /** Last activity of the claim holder (claim, each request, each confirmed page). */
  claimedAt: string | null;
  claimOwner: string | null;
  /** A request for page `pagesDone` may have posted it, at this instant or later. */
  sendingAt: string | null;
  pagesDone: number;
  /** The platform's reference of the first page (Slack: its ts). */
  messageRef: string | null;
}

/** A row found claimed or sending by a process that is gone, now queued to be resumed. */
export interface Recovered extends DeliveryKey {
  /** 'sending' when a request may have been in flight (it is checked before any re-post). */
  was: 'claimed' | 'sending';
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
  claim_id: string | null;
  claim_owner: string | null;
  sending_at: string | null;
  pages_done: number;
  message_ref: string | null;
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
  claimOwner: r.claim_owner,
  sendingAt: r.sending_at,
  pagesDone: r.pages_done,
  messageRef: r.message_ref,
});

const PK = 'platform = @platform AND channel_id = @channelId AND local_date = @localDate';

/** Errors are stored for people to read; keep them short. */
const clip = (s: string) => (s.length > 500 ? `${s.slice(0, 497)}...` : s);

/** What a ledger row delivers: a scheduled digest, or a batch of alerts (src/schedule/alerts.ts). */
export type DeliveryKind = 'digest' | 'alert';

export class DeliveryLedger {
  /** `kind`: this ledger's rows; retries and recovery only ever see rows of their own kind. */
  constructor(
    private readonly store: Store,
    readonly kind: DeliveryKind = 'digest',
  ) {}

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
  claim(k: DeliveryKey, dueAt: Date, late: boolean, claimId: string, now: Date, owner: string | null = null): boolean {
    return (
      this.sql(
          `INSERT INTO deliveries (platform, channel_id, local_date, status, attempts, due_at, late, claim_id, claimed_at, claim_owner, kind)
           VALUES (@platform, @channelId, @localDate, 'claimed', 1, @dueAt, @late, @claimId, @now, @owner, @kind)
           ON CONFLICT (platform, channel_id, local_date) DO NOTHING`,
        )
        .run({ ...k, dueAt: dueAt.toISOString(), late: late ? 1 : 0, claimId, now: now.toISOString(), owner, kind: this.kind }).changes === 1
    );
  }

  /** Record an occurrence that will not be posted (too late to catch up). False if a row exists. */
  recordSkipped(k: DeliveryKey, dueAt: Date, reason: string): boolean {
    return (
      this.sql(
          `INSERT INTO deliveries (platform, channel_id, local_date, status, attempts, last_error, due_at, late, kind)
           VALUES (@platform, @channelId, @localDate, 'skipped', 0, @reason, @dueAt, 1, @kind)
           ON CONFLICT (platform, channel_id, local_date) DO NOTHING`,
        )
        .run({ ...k, dueAt: dueAt.toISOString(), reason: clip(reason), kind: this.kind }).changes === 1
    );
  }

  /** Pending retries whose time has come, on these platforms. */
  dueRetries(now: Date, platforms: readonly Platform[]): Delivery[] {
    if (!platforms.length) return [];
    const marks = platforms.map(() => '?').join(', ');
    return (
      this.sql(`SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? AND kind = ? AND platform IN (${marks}) ORDER BY next_attempt_at`)
        .all(now.toISOString(), this.kind, ...platforms) as Row[]
    ).map(toDelivery);
  }

  /** Claim a retry: true only for the one caller that moved the row from 'pending' to 'claimed'. */
  claimRetry(k: DeliveryKey, late: boolean, claimId: string, now: Date, owner: string | null = null): boolean {
    return (
      this.sql(
          `UPDATE deliveries SET status = 'claimed', attempts = attempts + 1, next_attempt_at = NULL, late = MAX(late, @late),
             claim_id = @claimId, claimed_at = @now, claim_owner = @owner
           WHERE ${PK} AND status = 'pending' AND next_attempt_at <= @now`,
        )
        .run({ ...k, late: late ? 1 : 0, claimId, now: now.toISOString(), owner }).changes === 1
    );
  }

  /**
   * Record "sending" just before a request. False when the claim is no longer ours (another run
   * recovered it): then nothing may be sent. The earliest instant in doubt is kept.
   */
  markSending(k: DeliveryKey, claimId: string, now: Date): boolean {
    return (
      this.sql(
        `UPDATE deliveries SET status = 'sending', sending_at = COALESCE(sending_at, @now), claimed_at = @now
         WHERE ${PK} AND claim_id = @claimId AND status IN ('claimed', 'sending')`,
      ).run({ ...k, claimId, now: now.toISOString() }).changes === 1
    );
  }

  /** The platform confirmed page `page`: nothing is in doubt any more. */
  pageSent(k: DeliveryKey, claimId: string, page: number, ref: string | null, now: Date): boolean {
    return (
      this.sql(
        `UPDATE deliveries SET status = 'claimed', pages_done = MAX(pages_done, @next), message_ref = COALESCE(message_ref, @ref),
           sending_at = NULL, claimed_at = @now
         WHERE ${PK} AND claim_id = @claimId AND status IN ('claimed', 'sending')`,
      ).run({ ...k, claimId, next: page + 1, ref, now: now.toISOString() }).changes === 1
    );
  }

  /** A check proved the page in doubt was not posted. */
  clearSending(k: DeliveryKey, claimId: string): void {
    this.sql(`UPDATE deliveries SET sending_at = NULL WHERE ${PK} AND claim_id = @claimId`).run({ ...k, claimId });
  }

  /** Settle a claimed row. Only the claimant's token can, so a late finisher never overwrites another. */
  posted(k: DeliveryKey, claimId: string, at: Date): boolean {
    return this.settle(k, claimId, { status: 'posted', posted_at: at.toISOString(), sending_at: null, last_error: null });
  }

  /**
   * A failed attempt: 'pending' with the next attempt time, or 'failed' when none is left.
   * `uncertain`: a request may have posted the page in doubt, so `sending_at` is kept for the check.
   */
  failed(k: DeliveryKey, claimId: string, error: string, nextAttemptAt: Date | null, uncertain = false): boolean {
    return this.settle(k, claimId, {
      status: nextAttemptAt ? 'pending' : 'failed',
      last_error: clip(error),
      next_attempt_at: nextAttemptAt?.toISOString() ?? null,
      ...(uncertain ? {} : { sending_at: null }),
    });
  }

  disabled(k: DeliveryKey, claimId: string, error: string): boolean {
    return this.settle(k, claimId, { status: 'disabled', last_error: clip(error) });
  }

  /** A claimed delivery that should not be posted after all (the channel unsubscribed meanwhile). */
  dropped(k: DeliveryKey, claimId: string, reason: string): boolean {
    return this.settle(k, claimId, { status: 'skipped', last_error: clip(reason) });
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
   * Rows left claimed or sending by a run that is gone: its owner is certainly dead (`isDead`), or
   * it did nothing since `staleBefore`. Rows of `self` are never taken. Each becomes 'pending',
   * due now, through one conditional update on the old claim (so only one recoverer wins, and the
   * old run, if it was alive after all, can record nothing more). A 'claimed' row made no request:
   * it is simply posted; a 'sending' row keeps `sending_at`, so the retry checks before re-posting.
   */
  recover(now: Date, staleBefore: Date, self: string | null, isDead: (owner: string | null) => boolean): Recovered[] {
    const rows = this.sql("SELECT * FROM deliveries WHERE status IN ('claimed', 'sending', 'posting') AND kind = ?").all(this.kind) as Row[];
    const take = this.sql(
      `UPDATE deliveries SET status = 'pending', next_attempt_at = @now, claim_id = NULL, claim_owner = NULL,
         attempts = CASE WHEN status = 'claimed' THEN MAX(attempts - 1, 0) ELSE attempts END,
         sending_at = CASE WHEN status = 'claimed' THEN sending_at ELSE COALESCE(sending_at, claimed_at, due_at) END,
         last_error = CASE WHEN status = 'claimed' THEN last_error ELSE 'interrupted while posting (the bot stopped)' END
       WHERE ${PK} AND status = @status AND claim_id IS @claimId`,
    );
    const out: Recovered[] = [];
    for (const r of rows) {
      if (self && r.claim_owner === self) continue;
      const stale = (r.claimed_at ?? '') < staleBefore.toISOString();
      if (!stale && !isDead(r.claim_owner)) continue;
      const k = { platform: r.platform, channelId: r.channel_id, localDate: r.local_date };
      if (take.run({ ...k, status: r.status, claimId: r.claim_id, now: now.toISOString() }).changes === 1) {
        out.push({ ...k, was: r.status === 'claimed' && !r.sending_at ? 'claimed' : 'sending' });
      }
    }
    return out;
  }

  /** Only the claimant's token can settle, so a late finisher never overwrites another's row. */
  private settle(k: DeliveryKey, claimId: string, set: Record<string, string | null>): boolean {
    const cols = Object.keys(set)
      .map((c) => `${c} = @${c}`)
      .join(', ');
    return this.sql(`UPDATE deliveries SET ${cols} WHERE ${PK} AND claim_id = @claimId AND status IN ('claimed', 'sending')`).run({ ...k, ...set, claimId }).changes === 1;
  }
}

/** A delivery's key as one string. */
export function deliveryId(k: DeliveryKey): string {
  return `${k.platform}/${k.channelId}/${k.localDate}`;
}
