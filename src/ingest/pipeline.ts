/**
 * Streaming ingest on a pool of worker threads. Files are read, checked and extracted by workers
 * (a few in flight per worker, so memory stays bounded) and written by this thread in input order,
 * in batches. Each file has a time budget: a worker that exceeds it is stopped, the file gets a
 * one-line error, and a fresh worker takes over the rest. Workers extract speculatively with their
 * own gazetteer; this thread accepts an extraction only when the people it could depend on are
 * the same in its own gazetteer (relevance.ts), else extracts again, so the knowledge base is
 * exactly what one thread would build. If no worker starts, everything runs on this thread.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Briefing, IncomingArticle, IngestHooks } from '../core/briefing.js';
import { extractDocument } from '../core/read/extract.js';
import type { Gazetteer } from '../core/read/gazetteer.js';
import type { IngestFileResult } from '../core/types.js';
import type { FromWorker, IngestTask, ToWorker } from './extract-worker.js';
import { type IngestItem, inThread, isFile, itemPath, readItem, toResult } from './in-thread.js';
import { LIMITS } from './prepare.js';
import { PeopleIndex, trackPeople } from './relevance.js';

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
  /** Test hook: this thread also extracts every n-th item itself, as it does when it has spare time. */
  localEvery?: number;
  /** Test hook: workers spin forever on a file whose path contains this. */
  hangOn?: string;
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
  /** Items this thread extracted itself while it would otherwise have waited (see localOk). */
  extractedHere: number;
}

/** Articles written per transaction at most. */
const BATCH = 64;
/** A ready result waits at most this long before it is written. */
const FLUSH_MS = 200;
/** How often the writer's share of extraction is adjusted to its recent waiting. */
const SHARE_PERIOD_MS = 250;

/**
 * Workers for this machine: one core stays with the writer (this thread), the others extract, at
 * most 4. On two cores that is one worker: measured on the shared 2-core machine, a second worker
 * cost more CPU (its own start-up, JIT warm-up and gazetteer) than it saved.
 */
export function poolSize(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

const trackers = new WeakMap<Gazetteer, Set<string>>();
function tracker(gaz: Gazetteer): Set<string> {
  let t = trackers.get(gaz);
  if (!t) {
    t = trackPeople(gaz);
    trackers.set(gaz, t);
  }
  return t;
}

/** An item this thread extracts itself, when it writes it (see keepsLocal). */
interface Local {
  type: 'local';
  item: IngestItem;
}

/**
 * Whether this thread may extract an item itself instead of a worker (it then does so when it
 * writes the item, with its own gazetteer, so nothing is redone). Only small in-memory articles
 * and plain-text or Markdown files: a file that could hang a parser (HTML) stays on a worker,
 * under its time budget.
 */
function localOk(item: IngestItem, bytes: number): boolean {
  if (bytes > 256 * 1024) return false;
  return !isFile(item) || /\.(?:txt|text|md|markdown)$/i.test(item.path);
}

interface Slot {
  w: Worker;
  queue: number[];
  ready: boolean;
  readyAt: number;
  lastDone: number;
  dead: boolean;
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
  const stats = { reextracted: 0, restarts: 0, resets: 0, extractedHere: 0 };
  const touched = tracker(kb.gazetteer);
  const index = new PeopleIndex(kb.gazetteer);
  touched.clear();

  const slots: Slot[] = [];
  let wake: (() => void) | null = null;
  const poke = () => wake?.();
  const tasks = new Map<number, { task: IngestTask; path: string; bytes: number; sentAt: number; slot: Slot | null }>();
  const done = new Map<number, FromWorker | IngestFileResult | Local>();
  const retry: number[] = [];
  const origin = new Map<number, Slot>();
  let inFlightBytes = 0;
  // The writer's spare time: it extracts a share of the new items itself (see localOk), when it
  // writes them. The share follows how long the writer waited for results lately: up while it
  // waits, down once it is busy all the time, so both threads stay busy whichever is faster on
  // this machine. A writer that is the bottleneck never waits, so its share falls to none.
  let share = 0;
  let owed = 0;
  let waited = 0;
  let period = Date.now();
  const rebalance = () => {
    const now = Date.now();
    if (now - period < SHARE_PERIOD_MS) return;
    const idle = waited / (now - period);
    if (idle > 0.1) share = Math.min(0.5, share + 0.05);
    else if (idle < 0.03) share = Math.max(0, share - 0.05);
    waited = 0;
    period = now;
  };

  const budget = (bytes: number) => (o.budgetMs ?? 10_000) * Math.max(1, Math.ceil(bytes / 1048576));

  const spawn = (): Slot | null => {
    let w: Worker;
    try {
      // Compiled, the worker is plain JS; from TypeScript, a small .mjs entry registers tsx first.
      const compiled = import.meta.url.endsWith('.js');
      w = new Worker(new URL(compiled ? './extract-worker.js' : './extract-worker.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 } });
    } catch {
      return null;
    }
    const slot: Slot = { w, queue: [], ready: false, readyAt: 0, lastDone: 0, dead: false };
    w.on('message', (m: FromWorker) => {
      if (slot.dead) return;
      if (m.type === 'ready') {
        slot.ready = true;
        slot.readyAt = Date.now();
      } else if (tasks.has(m.seq)) {
        slot.queue = slot.queue.filter((s) => s !== m.seq);
        slot.lastDone = Date.now();
        inFlightBytes -= tasks.get(m.seq)?.bytes ?? 0;
        tasks.delete(m.seq);
        done.set(m.seq, m);
        origin.set(m.seq, slot);
      }
      poke();
    });
    const fail = (why: string) => {
      if (slot.dead) return;
      kill(slot, why);
      poke();
    };
    w.on('error', (err) => fail(`could not be read or parsed (${err.message.split('\n')[0]})`));
    w.on('exit', () => fail('could not be read or parsed (the reader stopped)'));
    w.postMessage({ type: 'init', crisis: kb.crisis, people: kb.knownPeople(), now: run.now.getTime(), db: o.dbPath ?? null, hangOn: o.hangOn } satisfies ToWorker);
    slots.push(slot);
    return slot;
  };

  /** Stop a worker: its current file fails with `why`, the files queued behind it go to another. */
  const kill = (slot: Slot, why: string) => {
    slot.dead = true;
    void slot.w.terminate();
    const [head, ...rest] = slot.queue;
    slot.queue = [];
    if (head !== undefined && slot.ready) {
      const t = tasks.get(head);
      inFlightBytes -= t?.bytes ?? 0;
      tasks.delete(head);
      done.set(head, { path: t?.path ?? `article ${head + 1}`, ok: false, error: why });
      retry.push(...rest);
    } else if (head !== undefined) retry.push(head, ...rest);
    retry.sort((a, b) => a - b);
    for (const s of [head, ...rest]) {
      const t = s === undefined ? undefined : tasks.get(s);
      if (t) t.slot = null;
    }
    if (slots.filter((s) => !s.dead).length < nWorkers && stats.restarts < 1000) {
      stats.restarts++;
      spawn();
    }
  };

  const alive = () => slots.filter((s) => !s.dead);
  let exhausted = false;
  // Files sent to workers and not back yet: enough that a worker never waits while this thread
  // writes a batch (measured: with 8 in flight the worker sat idle a quarter of the time).
  const WINDOW = 48 * Math.max(1, nWorkers);

  const dispatch = () => {
    const live = alive();
    if (live.length === 0) return;
    for (;;) {
      const outstanding = tasks.size;
      if (retry.length === 0 && (exhausted || outstanding >= WINDOW || inFlightBytes > 32 * 1048576)) return;
      let seq: number;
      if (retry.length) seq = retry.shift() as number;
      else {
        const next = source.next();
        if (next.done) {
          exhausted = true;
          continue;
        }
        seq = seqNext++;
        const item = next.value;
        let bytes = 0;
        if (isFile(item)) {
          try {
            bytes = statSync(item.path).size;
          } catch {
            bytes = 0;
          }
        } else bytes = item.text.length;
        const forced = o.localEvery !== undefined && seq % o.localEvery === o.localEvery - 1;
        if (!forced) owed = Math.min(1, owed + share);
        if ((owed >= 1 || forced) && o.hangOn === undefined && localOk(item, bytes)) {
          if (!forced) owed -= 1;
          stats.extractedHere++;
          done.set(seq, { type: 'local', item });
          continue;
        }
        const task: IngestTask = isFile(item) ? { seq, file: { path: item.path, flags: item.flags ?? {} } } : { seq, article: item };
        tasks.set(seq, { task, path: itemPath(item, seq), bytes: Math.min(bytes, LIMITS.fileBytes), sentAt: 0, slot: null });
        inFlightBytes += Math.min(bytes, LIMITS.fileBytes);
      }
      const t = tasks.get(seq);
      if (!t) continue;
      const slot = live.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
      t.slot = slot;
      t.sentAt = Date.now();
      slot.queue.push(seq);
      slot.queue.sort((a, b) => a - b);
      slot.w.postMessage({ type: 'task', ...t.task } satisfies ToWorker);
    }
  };

  // Start the pool; fall back to this thread when no worker becomes ready.
  for (let i = 0; i < nWorkers; i++) spawn();
  if (nWorkers > 0) {
    const started = Date.now();
    while (!slots.some((s) => s.ready) && alive().length > 0 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 10));
  }
  if (!slots.some((s) => s.ready && !s.dead)) {
    for (const s of slots) {
      s.dead = true;
      void s.w.terminate();
    }
    return { results: inThread(kb, source, run, progress), threads: 1, reextracted: 0, restarts: 0, resets: 0, extractedHere: 0 };
  }

  /** Bring the people index up to date with this thread's gazetteer, and tell the workers. */
  const drain = () => {
    if (touched.size === 0) return;
    index.update(touched);
    const people = [...touched].map((id) => index.def(id)).filter((d) => d !== undefined);
    touched.clear();
    for (const s of alive()) s.w.postMessage({ type: 'learn', people } satisfies ToWorker);
  };

  const writeOne = (m: FromWorker | IngestFileResult | Local, from: Slot | undefined, seq: number): IngestFileResult => {
    if ('ok' in m) return m;
    if (m.type === 'local') {
      const a = readItem(m.item);
      if ('ok' in a) return a;
      const c = kb.check(a, seq, isFile(m.item) ? run.now : null);
      if ('ok' in c) return c;
      drain();
      const r = kb.writeArticle(c, () => extractDocument({ id: c.id, source: c.source, published: c.published, timezone: c.timezone }, c.text, kb.gazetteer), run);
      drain();
      return r;
    }
    if (m.type === 'failed') return { path: m.path, ok: false, error: m.error };
    if (m.type === 'dup') return { path: m.path, ok: true, docId: m.docId, duplicate: true };
    if (m.type !== 'done') return { path: '?', ok: false, error: 'unexpected message' };
    drain();
    const same = index.fingerprint(m.words) === m.fp;
    const r = kb.writeArticle(
      m.c,
      () => {
        if (same) {
          kb.learnPeople(m.changed);
          return m.x;
        }
        stats.reextracted++;
        return extractDocument({ id: m.c.id, source: m.c.source, published: m.c.published, timezone: m.c.timezone }, m.c.text, kb.gazetteer);
      },
      run,
    );
    drain();
    if (!same && from && !from.dead) {
      // People the worker made up or shaped differently stay in its gazetteer and would spoil
      // every later article naming them: reset it to this thread's people.
      const spoilt = m.changed.some((p) => {
        const mine = index.def(p.id);
        return !mine || mine.affiliation !== p.affiliation || mine.aliases.join('\u001f') !== p.aliases.join('\u001f');
      });
      if (spoilt) {
        stats.resets++;
        from.w.postMessage({ type: 'reset', people: kb.knownPeople() } satisfies ToWorker);
      }
    }
    return r;
  };

  let written = 0;
  let readySince = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    for (const s of alive()) {
      const head = s.queue[0];
      if (head === undefined || !s.ready) continue;
      const t = tasks.get(head);
      if (!t) continue;
      const limit = budget(t.bytes);
      if (now - Math.max(t.sentAt, s.readyAt, s.lastDone) > limit) kill(s, `took longer than ${Math.round(limit / 1000)} s to read and parse (the limit for its size); skipped`);
    }
    poke();
  }, 50);
  try {
    dispatch();
    for (;;) {
      let ready = 0;
      while (done.has(written + ready)) ready++;
      const finished = exhausted && tasks.size === 0 && retry.length === 0;
      if (ready > 0 && readySince === 0) readySince = Date.now();
      if (ready > 0 && (ready >= BATCH || finished || Date.now() - readySince >= FLUSH_MS)) {
        const n = Math.min(ready, BATCH);
        o.hooks?.beforeBatch?.(run.batches + 1);
        kb.writeBatch(run, () => {
          for (let k = 0; k < n; k++) {
            const seq = written + k;
            const m = done.get(seq) as FromWorker | IngestFileResult | Local;
            results[seq] = writeOne(m, origin.get(seq), seq);
            done.delete(seq);
            origin.delete(seq);
            progress();
            // Keep the workers' windows full while this batch is written, or they wait for it.
            if (k % 16 === 15) dispatch();
          }
        });
        written += n;
        readySince = 0;
        if (o.localEvery === undefined) rebalance();
        dispatch();
        continue;
      }
      if (finished && ready === 0) break;
      if (alive().length === 0) {
        // Every worker died and none could be replaced: finish on this thread.
        for (const [seq, t] of [...tasks].sort((a, b) => a[0] - b[0])) {
          const item = 'file' in t.task ? { path: t.task.file.path, flags: t.task.file.flags } : t.task.article;
          done.set(seq, toResult(kb, run, item, seq));
          inFlightBytes -= t.bytes;
          tasks.delete(seq);
        }
        retry.length = 0;
        continue;
      }
      dispatch();
      const waitFrom = Date.now();
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, FLUSH_MS);
      });
      wake = null;
      if (o.localEvery === undefined) {
        waited += Date.now() - waitFrom;
        rebalance();
      }
    }
  } finally {
    clearInterval(timer);
    for (const s of slots) s.dead = true;
    // Wait for the workers to stop (a second at most): their heaps are freed before the refresh
    // below reads every touched actor's claims, which is when an ingest's memory peaks.
    await Promise.race([Promise.allSettled(slots.map((s) => s.w.terminate())), new Promise((r) => setTimeout(r, 1000).unref())]);
  }
  kb.finishRun(run);
  return { results, threads: nWorkers + 1, ...stats };
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
