/**
 * Ingest items (files or in-memory articles) on this thread: `--workers 0`, and the pool's
 * fallback when no worker starts. No time budget here: nothing can stop a parse on the thread that
 * runs it.
 */
import type { Briefing, IncomingArticle, IngestRun } from '../core/briefing.js';
import { extractDocument } from '../core/read/extract.js';
import type { ArticleMeta, IngestFileResult } from '../core/types.js';
import { readArticle } from './read.js';

/** A file to read (flags override its own metadata) or an article already in memory. */
export type IngestItem = { path: string; flags?: ArticleMeta; text?: undefined } | IncomingArticle;

export function isFile(item: IngestItem): item is { path: string; flags?: ArticleMeta } {
  return typeof (item as IncomingArticle).text !== 'string';
}

export function itemPath(item: IngestItem, seq: number): string {
  return isFile(item) ? item.path : (item.path ?? item.id ?? item.title ?? `article ${seq + 1}`);
}

/** Read a file item on this thread (the fallback path): an article, or a failed result. */
export function readItem(item: IngestItem): IncomingArticle | IngestFileResult {
  if (!isFile(item)) return item;
  try {
    const r = readArticle(item.path);
    const flags = Object.fromEntries(Object.entries(item.flags ?? {}).filter(([, v]) => v !== undefined));
    return { ...r.meta, ...flags, path: item.path, text: r.text };
  } catch (err) {
    return { path: item.path, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * How long the write lock stays free after a commit, so another process's writer waiting on it (the
 * bot recording a delivery, a second ingest) gets it well inside its 5 s busy timeout: SQLite's
 * busy handler looks again every 100 ms at most, so a gap of 110 ms every 2 s always lets it in,
 * and `short` gaps between (the pipeline's writer extracts meanwhile) let it in sooner.
 */
export class LockGaps {
  private lastLong = Date.now();

  constructor(private readonly short: number) {}

  next(): number {
    const now = Date.now();
    if (now - this.lastLong < 2000) return this.short;
    this.lastLong = now;
    return 110;
  }
}

/** Wait on this thread (it has nothing else to do while it leaves the lock to others). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Everything on this thread, file by file, in batches (no time budget: nothing can stop a hung parse
 * here). The caller finishes the run (Briefing.finishRun or finishRunInSlices).
 */
export function inThread(kb: Briefing, source: Iterator<IngestItem>, run: IngestRun, progress: () => void): IngestFileResult[] {
  const results: IngestFileResult[] = [];
  let seq = 0;
  let end = false;
  // One thread has nothing else to do while the lock is free: long gaps only.
  const gaps = new LockGaps(0);
  while (!end) {
    const started = Date.now();
    kb.writeBatch(run, () => {
      for (let k = 0; k < 256 && (k === 0 || Date.now() - started < 500); k++) {
        const next = source.next();
        if (next.done) {
          end = true;
          return;
        }
        const i = seq++;
        const a = readItem(next.value);
        if ('ok' in a) results[i] = a;
        else {
          const c = kb.check(a, i, isFile(next.value) ? run.now : null);
          results[i] = 'ok' in c ? c : kb.writeArticle(c, () => extractDocument({ id: c.id, source: c.source, published: c.published, timezone: c.timezone }, c.text, kb.gazetteer), run);
        }
        progress();
      }
    });
    const gap = end ? 0 : gaps.next();
    if (gap > 0) pause(gap);
  }
  return results;
}

