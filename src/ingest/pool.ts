/**
 * The ingest pipeline's worker threads: starting them, handing them items, a time budget per item,
 * and replacing a worker that exceeds it or crashes. A worker's results go to `onResult`; the
 * pipeline (pipeline.ts) writes them in order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IngestFileResult } from '../core/types.js';
import type { FromWorker, IngestTask, ToWorker } from './extract-worker.js';
import { type IngestItem, isFile, itemPath } from './in-thread.js';
import { LIMITS } from './prepare.js';

/**
 * Workers for this machine: one core stays with the writer (the main thread), the others extract,
 * at most 4. On two cores that is one worker: measured on the shared 2-core machine, a second
 * worker cost more CPU (its own start-up, JIT warm-up and gazetteer) than it saved.
 */
export function poolSize(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

export interface Slot {
  w: Worker;
  queue: number[];
  ready: boolean;
  readyAt: number;
  lastDone: number;
  dead: boolean;
}

interface Task {
  task: IngestTask;
  path: string;
  bytes: number;
  sentAt: number;
}

/** Items sent to workers and not back yet, per worker: enough that a worker never waits while the writer writes a batch. */
const WINDOW_PER_WORKER = 48;
/** Bytes of files in flight at most (big files wait their turn). */
const MAX_IN_FLIGHT_BYTES = 32 * 1048576;

export interface PoolOptions {
  size: number;
  /** The message that starts a worker (its crisis, people, clock, database). */
  init: () => ToWorker;
  /** A result of item `seq`: a worker's message, or a failure the pool decided (budget, crash). */
  onResult: (seq: number, m: FromWorker | IngestFileResult, from: Slot | null) => void;
  /** Something changed (a result, a worker ready or gone): the pipeline should look again. */
  onChange: () => void;
  /** Time budget of one item, per started megabyte. */
  budgetMs: number;
  /** Workers replaced at most this many times. */
  maxRestarts: number;
}

export class WorkerPool {
  readonly slots: Slot[] = [];
  private readonly tasks = new Map<number, Task>();
  /** Items of a stopped worker that never started, to hand to another (in order). */
  private readonly retry: number[] = [];
  private inFlightBytes = 0;
  restarts = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly o: PoolOptions) {
    for (let i = 0; i < o.size; i++) this.spawn();
    this.timer = setInterval(() => this.checkBudgets(), 50);
  }

  alive(): Slot[] {
    return this.slots.filter((s) => !s.dead);
  }

  /** Wait until a worker is ready (false: none became ready in time, or all died). */
  async started(timeoutMs: number): Promise<boolean> {
    const t0 = Date.now();
    while (!this.slots.some((s) => s.ready) && this.alive().length > 0 && Date.now() - t0 < timeoutMs) await new Promise((r) => setTimeout(r, 10));
    return this.slots.some((s) => s.ready && !s.dead);
  }

  /** Nothing in flight and nothing to retry. */
  get idle(): boolean {
    return this.tasks.size === 0 && this.retry.length === 0;
  }

  /** Whether the windows are full (or big files fill the memory allowance). */
  get full(): boolean {
    return this.tasks.size >= WINDOW_PER_WORKER * Math.max(1, this.o.size) || this.inFlightBytes > MAX_IN_FLIGHT_BYTES;
  }

  /** Hand the items of a stopped worker to the others; false when there were none. */
  resend(): boolean {
    if (this.retry.length === 0) return false;
    while (this.retry.length) this.post(this.retry.shift() as number);
    return true;
  }

  /** A new item for the workers. */
  send(seq: number, item: IngestItem, bytes: number): void {
    const task: IngestTask = isFile(item) ? { seq, file: { path: item.path, flags: item.flags ?? {} } } : { seq, article: item };
    const b = Math.min(bytes, LIMITS.fileBytes);
    this.tasks.set(seq, { task, path: itemPath(item, seq), bytes: b, sentAt: 0 });
    this.inFlightBytes += b;
    this.post(seq);
  }

  broadcast(m: ToWorker): void {
    for (const s of this.alive()) s.w.postMessage(m);
  }

  /** Every item still in flight, in order (when every worker is gone); the pool forgets them. */
  takeAll(): [number, IngestItem][] {
    const out = [...this.tasks].sort((a, b) => a[0] - b[0]).map(([seq, t]): [number, IngestItem] => [seq, 'file' in t.task ? { path: t.task.file.path, flags: t.task.file.flags } : t.task.article]);
    this.tasks.clear();
    this.retry.length = 0;
    this.inFlightBytes = 0;
    return out;
  }

  /** Stop every worker; resolves when they are gone (a second at most), so their heaps are freed. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const s of this.slots) s.dead = true;
    await Promise.race([Promise.allSettled(this.slots.map((s) => s.w.terminate())), new Promise((r) => setTimeout(r, 1000).unref())]);
  }

  /** Hand item `seq` to the least busy live worker. */
  private post(seq: number): void {
    const t = this.tasks.get(seq);
    const live = this.alive();
    if (!t || live.length === 0) return;
    const slot = live.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
    t.sentAt = Date.now();
    slot.queue.push(seq);
    slot.queue.sort((a, b) => a - b);
    slot.w.postMessage({ type: 'task', ...t.task } satisfies ToWorker);
  }

  private spawn(): Slot | null {
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
      } else if (this.tasks.has(m.seq)) {
        slot.queue = slot.queue.filter((s) => s !== m.seq);
        slot.lastDone = Date.now();
        this.inFlightBytes -= this.tasks.get(m.seq)?.bytes ?? 0;
        this.tasks.delete(m.seq);
        this.o.onResult(m.seq, m, slot);
      }
      this.o.onChange();
    });
    const fail = (why: string) => {
      if (slot.dead) return;
      this.kill(slot, why);
      this.o.onChange();
    };
    w.on('error', (err) => fail(`could not be read or parsed (${err.message.split('\n')[0]})`));
    w.on('exit', () => fail('could not be read or parsed (the reader stopped)'));
    w.postMessage(this.o.init());
    this.slots.push(slot);
    return slot;
  }

  /** Stop a worker: its current item fails with `why`, the items queued behind it go to another. */
  private kill(slot: Slot, why: string): void {
    slot.dead = true;
    void slot.w.terminate();
    const [head, ...rest] = slot.queue;
    slot.queue = [];
    if (head !== undefined && slot.ready) {
      const t = this.tasks.get(head);
      this.inFlightBytes -= t?.bytes ?? 0;
      this.tasks.delete(head);
      this.o.onResult(head, { path: t?.path ?? `article ${head + 1}`, ok: false, error: why }, null);
      this.retry.push(...rest);
    } else if (head !== undefined) this.retry.push(head, ...rest);
    this.retry.sort((a, b) => a - b);
    if (this.alive().length < this.o.size && this.restarts < this.o.maxRestarts) {
      this.restarts++;
      this.spawn();
    }
  }

  /** A worker whose current item is over its time budget is stopped. */
  private checkBudgets(): void {
    const now = Date.now();
    for (const s of this.alive()) {
      const head = s.queue[0];
      if (head === undefined || !s.ready) continue;
      const t = this.tasks.get(head);
      if (!t) continue;
      const limit = this.o.budgetMs * Math.max(1, Math.ceil(t.bytes / 1048576));
      if (now - Math.max(t.sentAt, s.readyAt, s.lastDone) > limit) this.kill(s, `took longer than ${Math.round(limit / 1000)} s to read and parse (the limit for its size); skipped`);
    }
    this.o.onChange();
  }
}
