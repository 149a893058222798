/**
 * Writing articles into the knowledge base: an ingest run's bookkeeping, checking an incoming
 * article, and writing one in its own savepoint (what its extraction taught the gazetteer is
 * forgotten again if it is rolled back). Briefing exposes these as its ingestion methods.
 */
import { writeDocument } from '../store/kb-write.js';
import type { KbReader } from '../store/kb-read.js';
import type { Store } from '../store/store.js';
import { type CheckedArticle, checkArticle } from '../ingest/prepare.js';
import type { Batches } from './batches.js';
import type { Briefing } from './briefing.js';
import { type DocMeta, type Extraction, extractDocument } from './read/extract.js';
import type { Gazetteer } from './read/gazetteer.js';
import type { ArticleMeta, Clock, IngestFileResult } from './types.js';

/** An article ready for ingestion: text plus metadata (from front matter, flags or the manifest). */
export interface IncomingArticle extends ArticleMeta {
  path?: string;
  text: string;
}

/** Fault-injection points of an ingest, for tests of crashes at chosen moments. */
export interface IngestHooks {
  /**
   * Called inside an article's savepoint once it is written ('write', its index in the run), after
   * each batch commits ('commit', the batch count), and before the refresh ('refresh').
   */
  at?(point: 'write' | 'commit' | 'refresh', n: number): void;
}

/** One ingest run's bookkeeping (see Briefing.newRun). */
export interface IngestRun {
  // No map of the run's hashes and ids: the store answers for them (this connection sees its own
  // uncommitted articles), and such maps grew with every article of a long ingest.
  touched: Set<string>;
  /** Actors whose claims the current batch wrote. */
  batchTouched?: Set<string>;
  added: number;
  written: number;
  batches: number;
  hooks: IngestHooks;
  /** The run's "now": files from outside may be published at most a day after it. */
  now: Date;
}

/** The parts of a knowledge base an article is written through. */
export interface WriterParts {
  store: Store;
  reader: KbReader;
  gazetteer: Gazetteer;
  batches: Batches;
  clock: Clock;
}

/**
 * Ingest articles; each one lands whole or not at all. Articles are written in batches, each
 * batch one write transaction (taken with BEGIN IMMEDIATE, so another process's commits are seen
 * and never overwritten) and each article in its own savepoint, so a failure rolls back that
 * article only. Returns one result per article.
 */
export function ingestArticles(kb: Briefing, articles: IncomingArticle[], onProgress?: (done: number, total: number) => void, hooks?: IngestHooks): IngestFileResult[] {
  const results: IngestFileResult[] = [];
  const run = kb.newRun(hooks);
  let i = 0;
  while (i < articles.length) {
    // A batch ends after 200 articles or half a second, so another writer never waits long.
    const started = Date.now();
    kb.writeBatch(run, () => {
      for (let k = 0; k < 200 && i < articles.length && (k === 0 || Date.now() - started < 500); k++, i++) {
        const c = kb.check(articles[i] as IncomingArticle, i);
        results.push('ok' in c ? c : kb.writeArticle(c, () => extractDocument(docMeta(c), c.text, kb.gazetteer), run));
        onProgress?.(i + 1, articles.length);
      }
    });
  }
  kb.finishRun(run);
  return results;
}

/** Check and clean an article (pure); an invalid one is a failed result already. */
export function checkIncoming(a: IncomingArticle, index: number, latest: Date | null = null): CheckedArticle | IngestFileResult {
  try {
    return checkArticle(a, index, latest);
  } catch (err) {
    return { path: a.path ?? a.id ?? a.title ?? `article ${index + 1}`, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Write one checked article in its own savepoint, inside a batch: a duplicate of a stored (or
 * concurrently stored) article is reported as one; `extract` runs only for new articles.
 */
export function writeArticle(p: WriterParts, c: CheckedArticle, extract: () => Extraction, run: IngestRun): IngestFileResult {
  const dup = p.reader.hasHash(c.hash);
  if (dup) return { path: c.path, ok: true, docId: dup, duplicate: true };
  let id = c.id;
  if (p.reader.hasDoc(id)) id = `${id}-${c.hash.slice(0, 8)}`;
  if (p.reader.hasDoc(id)) return { path: c.path, ok: false, error: `id "${id}" is already taken by another article` };
  const n = run.written++;
  // What the extraction teaches the gazetteer is forgotten again if the article is rolled back.
  p.gazetteer.journal();
  try {
    let actors: ReturnType<typeof writeDocument> = [];
    p.store.savepoint(() => {
      const x = extract();
      for (const cl of x.claims) {
        run.touched.add(cl.actorId);
        run.batchTouched?.add(cl.actorId);
      }
      actors = writeDocument(
        p.store,
        p.batches.events,
        { id, title: c.title, source: c.source, published: c.published, timezone: c.timezone, url: c.url, path: c.file, hash: c.hash, bytes: c.bytes, ingestedAt: p.clock.now().toISOString() },
        x,
        (aid) => p.gazetteer.actors.get(aid),
      );
      run.hooks.at?.('write', n);
    });
    // Only once the article's savepoint succeeded: its actor rows land with the batch.
    p.gazetteer.keep();
    p.batches.actorRows.add(actors);
    run.added++;
    return { path: c.path, ok: true, docId: id };
  } catch (err) {
    p.gazetteer.undo();
    p.batches.events.clear(); // the index may hold events of the rolled-back article
    const again = p.reader.hasHash(c.hash);
    if (again) return { path: c.path, ok: true, docId: again, duplicate: true };
    return { path: c.path, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function docMeta(c: CheckedArticle): DocMeta {
  return { id: c.id, source: c.source, published: c.published, timezone: c.timezone };
}

