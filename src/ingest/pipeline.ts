/**
 * Large ingests on two threads: a worker extracts articles (the CPU-heavy half) while this thread
 * writes the previous ones to SQLite. Results, atomicity and duplicate handling are those of
 * Briefing.ingest; if the worker cannot start, that single-threaded path is used instead.
 */
import { Worker } from 'node:worker_threads';
import type { Briefing, IncomingArticle, PreparedArticle } from '../core/briefing.js';
import type { IngestFileResult } from '../core/types.js';
import type { FromWorker, ToWorker } from './extract-worker.js';

/** Articles in flight to the worker: enough to keep it busy while this thread writes a batch. */
const WINDOW = 120;
/** Articles written per transaction. */
const BATCH = 50;

async function startWorker(kb: Briefing): Promise<Worker | null> {
  // A plain-JS entry that registers tsx, then loads extract-worker.ts.
  const url = new URL('./extract-worker.mjs', import.meta.url);
  let worker: Worker;
  try {
    // A small young generation: the worker's garbage is per article, and the process stays lean.
    worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  } catch {
    return null;
  }
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 15_000);
    worker.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    worker.once('message', (m: FromWorker) => {
      clearTimeout(timer);
      resolve(m.type === 'ready');
    });
    worker.postMessage({ type: 'init', crisis: kb.crisis, people: kb.knownPeople() } satisfies ToWorker);
  });
  if (!ready) {
    await worker.terminate();
    return null;
  }
  return worker;
}

/** Ingest on two threads; falls back to one when a worker cannot be started. */
export async function ingestPipelined(
  kb: Briefing,
  articles: Iterable<IncomingArticle>,
  onProgress?: (done: number, total: number) => void,
  total = Array.isArray(articles) ? articles.length : 0,
): Promise<{ results: IngestFileResult[]; threads: 1 | 2 }> {
  const worker = await startWorker(kb);
  if (!worker) return { results: kb.ingest([...articles], onProgress), threads: 1 };
  try {
    const run = kb.newRun();
    // Articles are read and prepared lazily, as the window allows: only those in flight are in memory.
    const results: IngestFileResult[] = [];
    const source = articles[Symbol.iterator]();
    const inFlight = new Map<number, { index: number; p: PreparedArticle }>();
    let index = 0;
    let exhausted = false;
    let reported = 0;
    const progress = () => onProgress?.(++reported, Math.max(total, index));
    const inbox: FromWorker[] = [];
    let wake: (() => void) | null = null;
    let crashed: Error | null = null;
    worker.on('message', (m: FromWorker) => {
      inbox.push(m);
      wake?.();
    });
    worker.on('error', (err) => {
      crashed = err;
      wake?.();
    });
    let sent = 0;
    let written = 0;
    const send = () => {
      while (!exhausted && sent - written < WINDOW) {
        const next = source.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const i = index++;
        const p = kb.prepareArticle(next.value, i, run);
        if ('ok' in p) {
          results[i] = p;
          progress();
          continue;
        }
        inFlight.set(sent, { index: i, p });
        worker.postMessage({ type: 'extract', seq: sent, meta: p.meta, text: p.text } satisfies ToWorker);
        sent++;
      }
    };
    send();
    type Result = Exclude<FromWorker, { type: 'ready' }>;
    const done = new Map<number, Result>();
    while (written < sent || !exhausted) {
      if (written === sent) {
        send();
        continue;
      }
      if (inbox.length === 0 && !crashed) await new Promise<void>((r) => (wake = r));
      wake = null;
      if (crashed) throw crashed;
      for (const m of inbox.splice(0)) if (m.type !== 'ready') done.set(m.seq, m);
      let ready = 0;
      while (done.has(written + ready)) ready++;
      if (ready < BATCH && !(exhausted && written + ready === sent)) continue;
      // Write the ready prefix in one transaction, each article in its own savepoint.
      kb.store.tx(() => {
        for (let k = 0; k < ready; k++) {
          const seq = written + k;
          const m = done.get(seq) as Result;
          done.delete(seq);
          const { index: i, p } = inFlight.get(seq) as { index: number; p: PreparedArticle };
          inFlight.delete(seq);
          if (m.type === 'failed') results[i] = { path: p.path, ok: false, error: m.error };
          else {
            kb.learnPeople(m.people);
            results[i] = kb.writeArticle(p, () => m.x, run);
          }
          progress();
        }
      });
      written += ready;
      send();
    }
    kb.finishRun(run);
    return { results, threads: 2 };
  } finally {
    await worker.terminate();
  }
}
