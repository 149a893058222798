/**
 * Following feeds: add, remove, list, and poll. A poll fetches the feed (conditionally), reads each
 * new item's page through the HTML reader (the same path as file ingest), skips items that do not
 * concern the crisis and stories already in the corpus (by canonical URL or content), and ingests
 * the rest with the item's title, outlet, date and URL. A failing feed backs off.
 */
import type { Briefing, IncomingArticle } from '../../core/briefing.js';
import type { Clock, IngestFileResult } from '../../core/types.js';
import type { FeedRow, FeedStore, ItemStatus } from '../../store/feeds.js';
import { HtmlError, readHtml } from '../html.js';
import { ingestStream } from '../pipeline.js';
import { MAX_BYTES, withHeadline } from '../read.js';
import { FeedError } from './errors.js';
import { FetchError, type FetchPolicy, fetchText, vetUrl } from './fetch.js';
import { contentKey, relevance, urlKey } from './match.js';
import { type FeedItem, FeedParseError, parseFeed } from './parse.js';

/** What one poll of one feed did (the CLI's `feed poll --json` prints these). */
export interface PollResult {
  url: string;
  ok: boolean;
  added: number;
  duplicates: number;
  skipped: number;
  failed: number;
  error: string | null;
}

export interface FeedSettings {
  /** Minutes between polls of a healthy feed (BRIEFING_FEED_MINUTES). */
  minutes: number;
  policy: FetchPolicy;
}

/** Items read per poll, at most (a feed may list thousands). */
const MAX_ITEMS = 50;
/** Time one poll may spend reading item pages; the rest wait for the next poll. */
const POLL_BUDGET_MS = 3 * 60_000;
/** A page that failed this many times is not tried again. */
const MAX_ATTEMPTS = 3;
/** Longest wait between polls of a failing feed. */
const MAX_BACKOFF_MS = 24 * 3600_000;
/** Feeds per crisis, at most. */
const MAX_FEEDS = 200;
/** From this many articles in one poll, extraction runs on the pipeline's worker threads. */
const PIPELINE_FROM = 100;

export { FeedError };

function errorText(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0]?.slice(0, 300) ?? 'error';
}

export class FeedService {
  private readonly concerns: (text: string) => boolean;

  constructor(
    private readonly kb: Briefing,
    readonly store: FeedStore,
    private readonly settings: FeedSettings,
    private readonly clock: Clock = kb.clock,
  ) {
    this.concerns = relevance(kb.crisis, kb.gazetteer);
  }

  /** Follow a feed: the URL must be http(s) and, unless allowed, not resolve to a private address. */
  async add(raw: string, addedBy: string | null): Promise<{ added: boolean; feed: FeedRow }> {
    let url: string;
    try {
      url = (await vetUrl(raw.trim(), this.settings.policy)).url.href;
    } catch (err) {
      throw new FeedError(errorText(err));
    }
    if (!this.store.get(url) && this.store.list().length >= MAX_FEEDS) throw new FeedError(`this crisis already follows ${MAX_FEEDS} feeds; remove one first`);
    const added = this.store.add(url, addedBy, this.clock.now());
    return { added, feed: this.store.get(url) as FeedRow };
  }

  /** Poll feeds once: every feed, or only those due by the schedule and their backoff. */
  async pollAll(which: 'all' | 'due', signal?: AbortSignal): Promise<PollResult[]> {
    const feeds = which === 'all' ? this.store.list() : this.store.due(this.clock.now());
    const out: PollResult[] = [];
    for (const f of feeds) {
      if (signal?.aborted) break;
      out.push(await this.poll(f, signal));
    }
    return out;
  }

  /** Poll one feed; never throws (a failure is recorded, backs the feed off, and is returned). */
  async poll(feed: FeedRow, signal?: AbortSignal): Promise<PollResult> {
    const r: PollResult = { url: feed.url, ok: false, added: 0, duplicates: 0, skipped: 0, failed: 0, error: null };
    const started = this.clock.now();
    try {
      const res = await fetchText(feed.url, this.settings.policy, {
        accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
        etag: feed.etag,
        lastModified: feed.lastModified,
        signal,
      });
      let complete = true;
      if (!res.notModified) {
        const parsed = parseFeed(res.body, res.url);
        complete = await this.items(feed, parsed.items.slice(0, MAX_ITEMS), parsed.title, r, signal);
      }
      r.ok = true;
      const now = this.clock.now();
      // Items left for lack of time: forget the validators, so the next poll reads the feed again.
      const validators = complete ? { etag: res.etag, lastModified: res.lastModified } : { etag: null, lastModified: null };
      this.store.pollOk(feed.url, { at: now, next: new Date(now.getTime() + this.settings.minutes * 60_000), ...validators, added: r.added });
    } catch (err) {
      // Stopping the bot is not the feed's failure: nothing is recorded, the next start polls again.
      if (signal?.aborted) return { ...r, error: 'cancelled' };
      r.error = err instanceof FeedParseError || err instanceof FetchError ? err.message : errorText(err);
      // Backoff: the interval, doubled for each failure in a row, at most a day; a Retry-After wins if longer.
      const base = Math.max(1, this.settings.minutes) * 60_000;
      let wait = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(feed.failures, 16));
      if (err instanceof FetchError && err.retryAfterMs) wait = Math.max(wait, Math.min(err.retryAfterMs, MAX_BACKOFF_MS));
      this.store.pollFailed(feed.url, { at: started, next: new Date(this.clock.now().getTime() + wait), error: r.error });
    }
    return r;
  }

  /** Read, filter and ingest a feed's new items; false when time ran out before the last one. */
  private async items(feed: FeedRow, items: FeedItem[], feedTitle: string | undefined, r: PollResult, signal?: AbortSignal): Promise<boolean> {
    const until = Date.now() + POLL_BUDGET_MS;
    let complete = true;
    const pending: { key: string; canonicalKey: string | null; contentKey: string; article: IncomingArticle }[] = [];
    const seenKeys = new Set<string>();
    const seenContent = new Set<string>();
    const record = (key: string, status: ItemStatus, extra: { canonicalKey?: string | null; contentKey?: string | null; docId?: string | null; error?: string | null } = {}) =>
      this.store.recordItem({ feedUrl: feed.url, urlKey: key, canonicalKey: extra.canonicalKey ?? null, contentKey: extra.contentKey ?? null, status, docId: extra.docId ?? null, error: extra.error ?? null, at: this.clock.now() });
    for (const item of items) {
      if (signal?.aborted) break;
      if (Date.now() > until) {
        complete = false;
        break;
      }
      if (!item.url) continue;
      const key = urlKey(item.url);
      if (seenKeys.has(key)) continue;
      seenKeys.add(key);
      const before = this.store.item(feed.url, key);
      // Already handled by this feed (a failed page is retried a few times).
      if (before && (before.status !== 'failed' || before.attempts >= MAX_ATTEMPTS)) continue;
      if (this.store.knownStory({ keys: [key] })) {
        r.duplicates++;
        record(key, 'duplicate');
        continue;
      }
      let page: Awaited<ReturnType<typeof fetchText>>;
      let read: ReturnType<typeof readHtml>;
      try {
        page = await fetchText(item.url, { ...this.settings.policy, maxBytes: Math.min(this.settings.policy.maxBytes, MAX_BYTES) }, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5', signal });
        if (page.contentType && !/html|xml|text\/plain/i.test(page.contentType)) throw new FeedError(`not a web page (${page.contentType.split(';')[0]})`);
        read = readHtml(page.body, page.url);
      } catch (err) {
        if (signal?.aborted) break; // stopping: this page is not the feed's failure
        r.failed++;
        record(key, 'failed', { error: err instanceof FetchError || err instanceof HtmlError || err instanceof FeedError ? err.message : errorText(err) });
        continue;
      }
      const canonical = read.meta.canonical ? urlKey(read.meta.canonical) : null;
      const finalKey = urlKey(page.url);
      const title = item.title ?? read.meta.title;
      const text = withHeadline(read.text, title);
      const ck = contentKey(read.text);
      if (!read.text.trim()) {
        r.failed++;
        record(key, 'failed', { error: 'no article text on the page' });
        continue;
      }
      if (!this.concerns(`${title ?? ''}\n${read.text}`)) {
        r.skipped++;
        record(key, 'skipped', { canonicalKey: canonical, contentKey: ck });
        continue;
      }
      const keys = [finalKey, ...(canonical ? [canonical] : [])].filter((k) => k !== key);
      if (seenContent.has(ck) || (canonical && seenKeys.has(canonical) && canonical !== key) || this.store.knownStory({ keys, contentKey: ck })) {
        r.duplicates++;
        record(key, 'duplicate', { canonicalKey: canonical, contentKey: ck });
        continue;
      }
      seenContent.add(ck);
      if (canonical) seenKeys.add(canonical);
      const published = item.published ?? read.meta.published;
      const source = item.outlet ?? read.meta.source ?? feedTitle ?? new URL(page.url).hostname;
      if (!published) {
        r.failed++;
        record(key, 'failed', { error: 'no publication date in the feed or on the page' });
        continue;
      }
      pending.push({ key, canonicalKey: canonical, contentKey: ck, article: { text, title, source, published, url: read.meta.canonical ?? page.url, path: item.url } });
    }
    if (pending.length === 0) return complete;
    const results = await ingest(this.kb, pending.map((p) => p.article));
    pending.forEach((p, i) => {
      const res = results[i];
      if (res?.ok && res.duplicate) {
        r.duplicates++;
        record(p.key, 'duplicate', { canonicalKey: p.canonicalKey, contentKey: p.contentKey, docId: res.docId ?? null });
      } else if (res?.ok) {
        r.added++;
        record(p.key, 'added', { canonicalKey: p.canonicalKey, contentKey: p.contentKey, docId: res.docId ?? null });
      } else {
        r.failed++;
        record(p.key, 'failed', { error: res?.error ?? 'not ingested' });
      }
    });
    return complete;
  }
}

/** The ingest pipeline's public entry: on this thread for a few articles, with its workers for many. */
async function ingest(kb: Briefing, articles: IncomingArticle[]): Promise<IngestFileResult[]> {
  return (await ingestStream(kb, articles, { total: articles.length, workers: articles.length >= PIPELINE_FROM ? undefined : 0 })).results;
}
