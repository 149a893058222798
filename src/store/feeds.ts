/** Feeds followed per crisis, their polling state, and the items seen (for duplicates). */
import type { Store } from './store.js';

/** A followed feed and how its polling went. */
export interface FeedRow {
  url: string;
  crisis: string;
  addedBy: string | null;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  lastError: string | null;
  /** Consecutive failed polls (the backoff grows with them). */
  failures: number;
  /** Not polled by the schedule before this instant (ISO); null: at once. */
  nextPollAt: string | null;
  /** Articles this feed added to the corpus. */
  articles: number;
}

/** added | duplicate | skipped (not about the crisis) | failed (retried up to a limit). */
export type ItemStatus = 'added' | 'duplicate' | 'skipped' | 'failed';

export interface ItemRow {
  feedUrl: string;
  urlKey: string;
  canonicalKey: string | null;
  contentKey: string | null;
  status: ItemStatus;
  docId: string | null;
  attempts: number;
}

const FEED_COLS = `url, crisis, added_by AS addedBy, added_at AS addedAt, etag, last_modified AS lastModified, last_polled_at AS lastPolledAt,
  last_ok_at AS lastOkAt, last_error AS lastError, failures, next_poll_at AS nextPollAt, articles`;
const ITEM_COLS = `feed_url AS feedUrl, url_key AS urlKey, canonical_key AS canonicalKey, content_key AS contentKey, status, doc_id AS docId, attempts`;

export class FeedStore {
  /** `crisis` is the default crisis id: every call without one is about it. */
  constructor(
    private readonly store: Store,
    readonly crisis: string,
  ) {}

  /** Follow a feed; false when it was followed already. */
  add(url: string, addedBy: string | null, now: Date, crisis = this.crisis): boolean {
    return (
      this.store.prepare('INSERT OR IGNORE INTO feeds (crisis, url, added_by, added_at) VALUES (?, ?, ?, ?)').run(crisis, url, addedBy, now.toISOString()).changes > 0
    );
  }

  /** Stop following a feed; its articles stay in the corpus. */
  remove(url: string, crisis = this.crisis): boolean {
    return this.store.tx(() => {
      const n = this.store.prepare('DELETE FROM feeds WHERE crisis = ? AND url = ?').run(crisis, url).changes;
      this.store.prepare("DELETE FROM feed_items WHERE crisis = ? AND feed_url = ? AND status != 'added'").run(crisis, url);
      return n > 0;
    });
  }

  get(url: string, crisis = this.crisis): FeedRow | null {
    return (this.store.prepare(`SELECT ${FEED_COLS} FROM feeds WHERE crisis = ? AND url = ?`).get(crisis, url) as FeedRow | undefined) ?? null;
  }

  list(crisis = this.crisis): FeedRow[] {
    return this.store.prepare(`SELECT ${FEED_COLS} FROM feeds WHERE crisis = ? ORDER BY added_at, url`).all(crisis) as FeedRow[];
  }

  /** Feeds the schedule should poll now. */
  due(now: Date, crisis = this.crisis): FeedRow[] {
    return this.store
      .prepare(`SELECT ${FEED_COLS} FROM feeds WHERE crisis = ? AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY next_poll_at, url`)
      .all(crisis, now.toISOString()) as FeedRow[];
  }

  /** Record a successful poll (a 304 included). */
  pollOk(url: string, r: { at: Date; next: Date; etag: string | null; lastModified: string | null; added: number }, crisis = this.crisis): void {
    this.store
      .prepare(
        `UPDATE feeds SET last_polled_at = @at, last_ok_at = @at, last_error = NULL, failures = 0, next_poll_at = @next,
           etag = @etag, last_modified = @lastModified, articles = articles + @added WHERE crisis = @crisis AND url = @url`,
      )
      .run({ url, crisis, at: r.at.toISOString(), next: r.next.toISOString(), etag: r.etag, lastModified: r.lastModified, added: r.added });
  }

  /** Record a failed poll: the error, one more failure, and when to try again. */
  pollFailed(url: string, r: { at: Date; next: Date; error: string }, crisis = this.crisis): void {
    this.store
      .prepare('UPDATE feeds SET last_polled_at = @at, last_error = @error, failures = failures + 1, next_poll_at = @next WHERE crisis = @crisis AND url = @url')
      .run({ url, crisis, at: r.at.toISOString(), next: r.next.toISOString(), error: r.error });
  }

  /** The item this feed already listed under this URL, if any. */
  item(feedUrl: string, urlKey: string, crisis = this.crisis): ItemRow | null {
    return (this.store.prepare(`SELECT ${ITEM_COLS} FROM feed_items WHERE crisis = ? AND feed_url = ? AND url_key = ?`).get(crisis, feedUrl, urlKey) as ItemRow | undefined) ?? null;
  }

  /** A story already in the corpus from any feed: by its URL or canonical URL, or by its content. */
  knownStory(q: { keys: string[]; contentKey?: string }, crisis = this.crisis): ItemRow | null {
    for (const k of q.keys) {
      const r = this.store
        .prepare(`SELECT ${ITEM_COLS} FROM feed_items WHERE crisis = ? AND (url_key = ? OR canonical_key = ?) AND status IN ('added', 'duplicate') LIMIT 1`)
        .get(crisis, k, k) as ItemRow | undefined;
      if (r) return r;
    }
    if (!q.contentKey) return null;
    return (
      (this.store.prepare(`SELECT ${ITEM_COLS} FROM feed_items WHERE crisis = ? AND content_key = ? AND status IN ('added', 'duplicate') LIMIT 1`).get(crisis, q.contentKey) as
        | ItemRow
        | undefined) ?? null
    );
  }

  /** Record what became of an item (a failure counts an attempt). */
  recordItem(r: Omit<ItemRow, 'attempts'> & { error?: string | null; at: Date }, crisis = this.crisis): void {
    this.store
      .prepare(
        `INSERT INTO feed_items (crisis, feed_url, url_key, canonical_key, content_key, status, doc_id, attempts, error, seen_at)
         VALUES (@crisis, @feedUrl, @urlKey, @canonicalKey, @contentKey, @status, @docId, @attempts, @error, @at)
         ON CONFLICT (crisis, feed_url, url_key) DO UPDATE SET canonical_key = excluded.canonical_key, content_key = excluded.content_key,
           status = excluded.status, doc_id = excluded.doc_id, attempts = feed_items.attempts + excluded.attempts, error = excluded.error`,
      )
      .run({ ...r, crisis, attempts: r.status === 'failed' ? 1 : 0, error: r.error ?? null, at: r.at.toISOString() });
  }
}
