/**
 * A worker thread of the ingest pool: it reads a file (or takes an article), checks it, and
 * extracts it with its own gazetteer, reporting the people it defined or extended and a
 * fingerprint of the people the extraction could depend on (see relevance.ts). The main thread
 * writes in order and accepts the extraction only if its own gazetteer gives the same fingerprint.
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { IncomingArticle } from '../core/briefing.js';
import { type Extraction, extractDocument } from '../core/read/extract.js';
import { Gazetteer } from '../core/read/gazetteer.js';
import type { ArticleMeta, CrisisConfig } from '../core/types.js';
import { type CheckedArticle, checkArticle } from './prepare.js';
import { readArticle } from './read.js';
import { type ArticleWords, articleWords, PeopleIndex, type PersonDef, trackPeople } from './relevance.js';

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
  | { type: 'done'; seq: number; c: CheckedArticle; x: Extraction; changed: PersonDef[]; words: ArticleWords; fp: string }
  | { type: 'dup'; seq: number; path: string; docId: string }
  | { type: 'failed'; seq: number; path: string; error: string };

let crisis: CrisisConfig | null = null;
let gaz: Gazetteer | null = null;
let index: PeopleIndex | null = null;
let touched = new Set<string>();
let now = new Date();
let hashes: Database.Statement | null = null;
let hangOn: string | undefined;

function start(c: CrisisConfig, people: PersonDef[]): void {
  gaz = new Gazetteer(c);
  touched = trackPeople(gaz);
  index = new PeopleIndex(gaz);
  learn(people);
}

function learn(people: PersonDef[]): void {
  if (!gaz) return;
  for (const p of people) {
    const def = gaz.define({ id: p.id, name: p.name, kind: 'person', affiliation: p.affiliation, aliases: [] });
    if (p.affiliation) def.affiliation = p.affiliation;
    for (const a of p.aliases) gaz.addAlias(p.id, a, a.includes(' ') ? 'person' : 'surname', true);
  }
  index?.update(people.map((p) => p.id));
  touched.clear();
}

function pathOf(t: IngestTask): string {
  return 'file' in t ? t.file.path : (t.article.path ?? t.article.id ?? t.article.title ?? `article ${t.seq + 1}`);
}

function work(t: IngestTask): FromWorker {
  if (!gaz || !index) throw new Error('extract worker used before init');
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
  const words = articleWords(c.text);
  const fp = index.fingerprint(words);
  touched.clear();
  const x = extractDocument({ id: c.id, source: c.source, published: c.published, timezone: c.timezone }, c.text, gaz);
  index.update(touched);
  const changed = [...touched].map((id) => index?.def(id)).filter((d): d is PersonDef => d !== undefined);
  touched.clear();
  return { type: 'done', seq: t.seq, c, x, changed, words, fp };
}

parentPort?.on('message', (msg: ToWorker) => {
  if (msg.type === 'reset') {
    // This gazetteer holds people a rejected extraction made up: start again from the writer's.
    if (crisis) start(crisis, msg.people);
    return;
  }
  if (msg.type === 'init') {
    crisis = msg.crisis;
    start(msg.crisis, []);
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
    learn(msg.people);
    parentPort?.postMessage({ type: 'ready' } satisfies FromWorker);
    return;
  }
  if (msg.type === 'learn') {
    learn(msg.people);
    return;
  }
  try {
    parentPort?.postMessage(work(msg));
  } catch (err) {
    parentPort?.postMessage({ type: 'failed', seq: msg.seq, path: pathOf(msg), error: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
  }
});
