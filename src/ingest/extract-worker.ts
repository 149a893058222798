/**
 * A worker thread of the ingest pool: it reads a file (or takes an article), checks it, and
 * extracts it ahead of its turn with a gazetteer of its own (extractor.ts).
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { IncomingArticle } from '../core/briefing.js';
import type { ArticleMeta, CrisisConfig } from '../core/types.js';
import { Extractor } from './extractor.js';
import { checkArticle } from './prepare.js';
import { readArticle } from './read.js';
import type { PersonDef } from './relevance.js';
import { pack, type WireSpeculation } from './wire.js';

export type { PersonDef };

/** A unit of work: a file to read (with metadata flags that override its own) or an article. */
export type IngestTask = { seq: number; file: { path: string; flags: ArticleMeta } } | { seq: number; article: IncomingArticle };

export type ToWorker =
  | { type: 'init'; crisis: CrisisConfig; people: PersonDef[]; now: number; db: string | null; hangOn?: string }
  | ({ type: 'task' } & IngestTask)
  | { type: 'learn'; people: PersonDef[] }
  | { type: 'reset'; people: PersonDef[] };

export type FromWorker =
  | { type: 'ready' }
  | ({ type: 'done'; seq: number } & WireSpeculation)
  | { type: 'dup'; seq: number; path: string; docId: string }
  | { type: 'failed'; seq: number; path: string; error: string };

let extractor: Extractor | null = null;
let now = new Date();
let hashes: Database.Statement | null = null;
let hangOn: string | undefined;

function pathOf(t: IngestTask): string {
  return 'file' in t ? t.file.path : (t.article.path ?? t.article.id ?? t.article.title ?? `article ${t.seq + 1}`);
}

function work(t: IngestTask): FromWorker {
  if (!extractor) throw new Error('extract worker used before init');
  let a: IncomingArticle;
  if ('file' in t) {
    const r = readArticle(t.file.path);
    const flags = Object.fromEntries(Object.entries(t.file.flags).filter(([, v]) => v !== undefined));
    a = { ...r.meta, ...flags, path: t.file.path, text: r.text };
  } else a = t.article;
  // Test hook: a file that never finishes parsing (the time budget must stop it).
  if (hangOn && (a.path ?? '').includes(hangOn)) for (;;);
  // Files come from outside: their publication date may be at most a day after now.
  const c = checkArticle(a, t.seq, 'file' in t ? now : null);
  const dup = hashes?.get(c.hash) as { id: string } | undefined;
  if (dup) return { type: 'dup', seq: t.seq, path: c.path, docId: dup.id };
  return { type: 'done', seq: t.seq, ...pack(extractor.extract(c)) };
}

parentPort?.on('message', (msg: ToWorker) => {
  if (msg.type === 'reset') {
    // This gazetteer holds people a rejected extraction made up: start again from the writer's.
    extractor?.reset(msg.people);
    return;
  }
  if (msg.type === 'init') {
    extractor = new Extractor(msg.crisis, msg.people);
    now = new Date(msg.now);
    hangOn = msg.hangOn;
    if (msg.db) {
      // A read-only look at stored hashes skips extracting what is already in the corpus.
      try {
        hashes = new Database(msg.db, { readonly: true, fileMustExist: true }).prepare('SELECT id FROM documents WHERE hash = ?');
      } catch {
        hashes = null;
      }
    }
    parentPort?.postMessage({ type: 'ready' } satisfies FromWorker);
    return;
  }
  if (msg.type === 'learn') {
    extractor?.learn(msg.people);
    return;
  }
  try {
    parentPort?.postMessage(work(msg));
  } catch (err) {
    parentPort?.postMessage({ type: 'failed', seq: msg.seq, path: pathOf(msg), error: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
  }
});
