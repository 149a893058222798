/**
 * Streaming ingest on a pool of worker threads. Files are read, checked and extracted by workers
 * (a few in flight per worker, so memory stays bounded) and written by this thread in input order,
 * in batches. Each file has a time budget: a worker that exceeds it is stopped, the file gets a
 * one-line error, and a fresh worker takes over the rest. Workers extract speculatively with their
 * own gazetteer; this thread accepts an extraction only when the people it could depend on are
 * the same in its own gazetteer (relevance.ts), else extracts again, so the knowledge base is
 * exactly what one thread would build (accept.ts). Whenever this thread would wait, it extracts the next items
 * itself the same way (its spare lane: an Extractor with a gazetteer of its own), so both cores
 * stay busy. If no worker starts, everything runs on this thread.
 */
import { statSync } from 'node:fs';
import type { Briefing, IncomingArticle, IngestHooks } from '../core/briefing.js';
import type { IngestFileResult } from '../core/types.js';
import { InOrderWriter, type Pending } from './accept.js';
import { Extractor } from './extractor.js';
import { type IngestItem, inThread, isFile, LockGaps, readItem } from './in-thread.js';
import { poolSize, type Slot, WorkerPool } from './pool.js';

export type { IngestItem };

export interface StreamOptions {
  onProgress?: (done: number, total: number) => void;
  /** Expected number of items, for progress (a generator has no length). */
  total?: number;
  /** Worker threads; default poolSize(). 0 runs everything on this thread. */
  workers?: number;
  /** Time budget of one file, per started megabyte (default 10 s: a 5 MB file gets 50 s). */
  budgetMs?: number;
  /** Fault injection: `at` as in Briefing.ingest, and `beforeBatch` before a batch takes the write lock. */
  hooks?: IngestHooks & { beforeBatch?(n: number): void };
  /** Test hook: this thread's spare lane extracts every n-th item (besides what it takes when it would wait). */
  localEvery?: number;
  /** Test hook: workers spin forever on a file whose path contains this. */
  hangOn?: string;
  /** Workers replaced at most this many times in a run (default 1000); then this thread finishes alone. */
  maxRestarts?: number;
  /** The database file, so workers can skip articles already stored (null: no such check). */
  dbPath?: string | null;
}

export interface StreamResult {
  results: IngestFileResult[];
  /** Threads that took part: the workers plus this one. */
  threads: number;
  /** Extractions redone on this thread because a worker's view of people differed. */
  reextracted: number;
  /** Workers replaced after a file exceeded its budget or crashed one. */
  restarts: number;
  /** Worker gazetteers reset to this thread's people after a rejected extraction. */
  resets: number;
  /** Items this thread's spare lane extracted while it would otherwise have waited (see localOk). */
  extractedHere: number;
}

/** Articles written per transaction at most. */
const BATCH = 256;
/** A transaction stays open at most this long (a written article is visible to others by then). */
const FLUSH_MS = 200;
/** Results waiting to be written at most, beyond which the spare lane stops extracting ahead. */
const AHEAD = 128;

/**
 * Whether this thread's spare lane may extract an item instead of a worker. Only small in-memory
 * articles and plain-text or Markdown files: a file that could hang a parser (HTML) stays on a
 * worker, under its time budget (nothing can stop a parse on the thread that runs it).
 */
function localOk(item: IngestItem, bytes: number): boolean {
  if (bytes > 256 * 1024) return false;
  return !isFile(item) || /\.(?:txt|text|md|markdown)$/i.test(item.path);
}

function sizeOf(item: IngestItem): number {
  if (!isFile(item)) return item.text.length;
  try {
    return statSync(item.path).size;
  } catch {
    return 0;
  }
}

/** Ingest a stream of files or articles; one result per item, in order. */
export async function ingestStream(kb: Briefing, items: Iterable<IngestItem>, o: StreamOptions = {}): Promise<StreamResult> {
  const nWorkers = o.workers ?? poolSize();
  const run = kb.newRun(o.hooks);
  const results: IngestFileResult[] = [];
  const source = items[Symbol.iterator]();
  let reported = 0;
  let seqNext = 0;
  const progress = () => o.onProgress?.(++reported, Math.max(o.total ?? 0, seqNext));
  // The refresh after the run reads every touched actor's claims: in slices, so a bot ingesting a
  // feed keeps answering meanwhile (Briefing.finishRunInSlices).
  const finish = () => kb.finishRunInSlices(run, () => new Promise<void>((r) => setImmediate(r)));
  const alone = async (): Promise<StreamResult> => {
    const results = inThread(kb, source, run, progress);
    await finish();
    return { results, threads: 1, reextracted: 0, restarts: 0, resets: 0, extractedHere: 0 };
  };
  if (nWorkers === 0) return alone();

  let extractedHere = 0;
  const done = new Map<number, Pending>();
  // Who extracted a result: a worker, or this thread's spare lane.
  const origin = new Map<number, Slot | 'lane'>();
  let wake: (() => void) | null = null;
  const pool = new WorkerPool({
    size: nWorkers,
    init: () => ({ type: 'init', crisis: kb.crisis, people: kb.knownPeople(), now: run.now.getTime(), db: o.dbPath ?? null, hangOn: o.hangOn }),
    onResult: (seq, m, from) => {
      done.set(seq, m);
      if (from) origin.set(seq, from);
    },
    onChange: () => wake?.(),
    budgetMs: o.budgetMs ?? 10_000,
    maxRestarts: o.maxRestarts ?? 1000,
  });
  // Fall back to this thread when no worker becomes ready.
  if (!(await pool.started(20_000))) {
    await pool.stop();
    return alone();
  }

  // This thread's spare lane, made on first use.
  let lane: Extractor | null = null;
  const writer = new InOrderWriter(kb, run, pool, () => lane);
  const laneOk = (item: IngestItem, bytes: number) => o.hangOn === undefined && localOk(item, bytes);
  /** Read, check and extract an item on the spare lane: a result like a worker's. */
  const onLane = (seq: number, item: IngestItem) => {
    lane ??= new Extractor(kb.crisis, kb.knownPeople());
    extractedHere++;
    origin.set(seq, 'lane');
    const a = readItem(item);
    if ('ok' in a) return done.set(seq, a);
    const c = kb.check(a, seq, isFile(item) ? run.now : null);
    if ('ok' in c) return done.set(seq, c);
    // Already stored (a folder ingested again): nothing to extract, as a worker skips it.
    const dup = kb.reader.hasHash(c.hash);
    if (dup) return done.set(seq, { type: 'dup', seq, path: c.path, docId: dup });
    try {
      done.set(seq, { type: 'local', seq, ...lane.extract(c) });
    } catch (err) {
      done.set(seq, { path: c.path, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  };

  let exhausted = false;
  /** The next new item, numbered, or null when the source is done. */
  const pull = (): { seq: number; item: IngestItem; bytes: number } | null => {
    if (exhausted) return null;
    const next = source.next();
    if (next.done) {
      exhausted = true;
      return null;
    }
    return { seq: seqNext++, item: next.value, bytes: sizeOf(next.value) };
  };

  /** Fill the workers' windows: a stopped worker's items first, then new ones. */
  const dispatch = () => {
    if (pool.alive().length === 0) return;
    pool.resend();
    while (!pool.full) {
      const p = pull();
      if (!p) return;
      if (o.localEvery !== undefined && p.seq % o.localEvery === o.localEvery - 1 && laneOk(p.item, p.bytes)) onLane(p.seq, p.item);
      else pool.send(p.seq, p.item, p.bytes);
    }
  };

  /**
   * Spare time: take the next new item (past the workers' windows) and extract it here, ahead of
   * its turn. False when there is none to take, or enough results already wait to be written.
   */
  const extractAhead = (): boolean => {
    if (done.size >= AHEAD) return false;
    const p = pull();
    if (!p) return false;
    if (laneOk(p.item, p.bytes)) onLane(p.seq, p.item);
    else pool.send(p.seq, p.item, p.bytes);
    return true;
  };

  let written = 0;
  // The batch being written: open from its first article until it holds BATCH or is FLUSH_MS old.
  let open = false;
  let inBatch = 0;
  let openedAt = 0;
  let reopenAt = 0;
  // The lock is left free 25 ms after each commit (the spare lane extracts meanwhile), 110 ms every 2 s.
  const gaps = new LockGaps(25);
  const commit = () => {
    if (!open) return;
    open = false;
    kb.commitBatch(run);
    reopenAt = Date.now() + gaps.next();
  };
  try {
    dispatch();
    for (;;) {
      // Write what is ready, in order, as it comes: a result that waited for a batch to fill would
      // outlive the young generation, and the collector's copying and promoting it cost the writer
      // more than writing it (measured). At most 32 at a time, then the workers' messages come in.
      let wrote = 0;
      const mayWrite = open || Date.now() >= reopenAt;
      while (mayWrite && done.has(written) && wrote < 32) {
        if (!open) {
          o.hooks?.beforeBatch?.(run.batches + 1);
          kb.beginBatch(run);
          open = true;
          inBatch = 0;
          openedAt = Date.now();
        }
        const seq = written;
        results[seq] = writer.write(done.get(seq) as Pending, origin.get(seq), seq);
        done.delete(seq);
        origin.delete(seq);
        progress();
        written++;
        wrote++;
        if (++inBatch >= BATCH) commit();
        if (wrote % 16 === 0) dispatch();
      }
      const finished = exhausted && pool.idle && !done.has(written);
      if (open && (finished || Date.now() - openedAt >= FLUSH_MS)) commit();
      if (wrote > 0) {
        dispatch();
        await new Promise<void>((r) => setImmediate(r));
        continue;
      }
      if (finished) break;
      if (pool.alive().length === 0) {
        // Every worker died and none could be replaced: finish on this thread, in order, one new
        // item at a time (no time budget here: nothing can stop a parse on the thread that runs it).
        for (const [seq, item] of pool.takeAll()) done.set(seq, { type: 'here', item });
        if (!done.has(written)) {
          const p = pull();
          if (p) done.set(p.seq, { type: 'here', item: p.item });
          continue;
        }
        // The next item waits for the lock to come back (a gap after a commit): read no further.
        await new Promise<void>((r) => setTimeout(r, Math.max(1, reopenAt - Date.now())));
        continue;
      }
      dispatch();
      if (extractAhead()) {
        // Let the workers' messages in between two items.
        await new Promise<void>((r) => setImmediate(r));
        continue;
      }
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, done.has(written) ? Math.max(1, reopenAt - Date.now()) : FLUSH_MS);
      });
      wake = null;
    }
  } catch (err) {
    if (open) kb.abortBatch(run);
    throw err;
  } finally {
    // Wait for the workers to stop: their heaps are freed before the refresh below reads every
    // touched actor's claims, which is when an ingest's memory peaks.
    await pool.stop();
  }
  await finish();
  return { results, threads: nWorkers + 1, restarts: pool.restarts, reextracted: writer.reextracted, resets: writer.resets, extractedHere };
}

/** The former two-thread entry point: articles in memory, progress, an expected total. */
export async function ingestPipelined(
  kb: Briefing,
  articles: Iterable<IncomingArticle>,
  onProgress?: (done: number, total: number) => void,
  total = Array.isArray(articles) ? articles.length : 0,
): Promise<StreamResult> {
  return ingestStream(kb, articles, { onProgress, total });
}
