/**
 * The writing thread's side of speculative extraction: each result, in input order, is written
 * with the extraction made ahead of its turn only when the people it could depend on are the same
 * in this thread's gazetteer (relevance.ts), else the article is extracted again here, so the
 * knowledge base is exactly what one thread would build. People this thread defines are passed on
 * to the workers and the spare lane; a worker or lane that made up people differently is reset.
 */
import type { Briefing, IngestRun } from '../core/briefing.js';
import { extractDocument } from '../core/read/extract.js';
import type { Gazetteer } from '../core/read/gazetteer.js';
import type { IngestFileResult } from '../core/types.js';
import type { FromWorker, ToWorker } from './extract-worker.js';
import type { Extractor, Speculation } from './extractor.js';
import { type IngestItem, isFile, readItem } from './in-thread.js';
import type { Slot, WorkerPool } from './pool.js';
import { PeopleIndex, trackPeople } from './relevance.js';
import { unpack } from './wire.js';

/** An item this thread reads and extracts itself when its turn comes (every worker is gone). */
export interface Here {
  type: 'here';
  item: IngestItem;
}
/** An item this thread's spare lane extracted (a worker's come packed: wire.ts). */
export type Local = { type: 'local'; seq: number } & Speculation;
/** A result waiting for its turn to be written. */
export type Pending = FromWorker | IngestFileResult | Here | Local;

const trackers = new WeakMap<Gazetteer, Set<string>>();
function tracker(gaz: Gazetteer): Set<string> {
  let t = trackers.get(gaz);
  if (!t) {
    t = trackPeople(gaz);
    trackers.set(gaz, t);
  }
  return t;
}

export class InOrderWriter {
  /** Extractions redone here because a worker's (or the lane's) view of people differed. */
  reextracted = 0;
  /** Worker or lane gazetteers reset to this thread's people after a rejected extraction. */
  resets = 0;
  private readonly touched: Set<string>;
  private readonly index: PeopleIndex;

  constructor(
    private readonly kb: Briefing,
    private readonly run: IngestRun,
    private readonly pool: WorkerPool,
    private readonly lane: () => Extractor | null,
  ) {
    this.touched = tracker(kb.gazetteer);
    this.index = new PeopleIndex(kb.gazetteer);
    this.touched.clear();
  }

  /** Write one result whose turn has come; `from` is who extracted it. */
  write(m: Pending, from: Slot | 'lane' | undefined, seq: number): IngestFileResult {
    const { kb, run } = this;
    if ('ok' in m) return m;
    if (m.type === 'here') return this.writeHere(m.item, seq);
    if (m.type === 'failed') return { path: m.path, ok: false, error: m.error };
    if (m.type === 'dup') return { path: m.path, ok: true, docId: m.docId, duplicate: true };
    if (m.type !== 'done' && m.type !== 'local') return { path: '?', ok: false, error: 'unexpected message' };
    const sp = m.type === 'local' ? m : unpack(m);
    this.drain();
    const same = this.index.fingerprint(sp.words) === sp.fp;
    const r = kb.writeArticle(
      sp.c,
      () => {
        if (same) {
          kb.learnPeople(sp.changed);
          return sp.x;
        }
        this.reextracted++;
        return extractDocument({ id: sp.c.id, source: sp.c.source, published: sp.c.published, timezone: sp.c.timezone }, sp.c.text, kb.gazetteer);
      },
      run,
    );
    this.drain();
    if (!same && from && (from === 'lane' || !from.dead)) this.resetIfSpoilt(sp, from);
    return r;
  }

  private writeHere(item: IngestItem, seq: number): IngestFileResult {
    const { kb, run } = this;
    const a = readItem(item);
    if ('ok' in a) return a;
    const c = kb.check(a, seq, isFile(item) ? run.now : null);
    if ('ok' in c) return c;
    this.drain();
    const r = kb.writeArticle(c, () => extractDocument({ id: c.id, source: c.source, published: c.published, timezone: c.timezone }, c.text, kb.gazetteer), run);
    this.drain();
    return r;
  }

  /** Bring the people index up to date with this thread's gazetteer, and tell the workers and the lane. */
  private drain(): void {
    if (this.touched.size === 0) return;
    this.index.update(this.touched);
    const people = [...this.touched].map((id) => this.index.def(id)).filter((d) => d !== undefined);
    this.touched.clear();
    this.pool.broadcast({ type: 'learn', people } satisfies ToWorker);
    this.lane()?.learn(people);
  }

  /**
   * People the worker (or the lane) made up or shaped differently stay in its gazetteer and would
   * spoil every later article naming them: reset it to this thread's people.
   */
  private resetIfSpoilt(sp: Speculation, from: Slot | 'lane'): void {
    const spoilt = sp.changed.some((p) => {
      const mine = this.index.def(p.id);
      return !mine || mine.affiliation !== p.affiliation || mine.aliases.join('\u001f') !== p.aliases.join('\u001f');
    });
    if (!spoilt) return;
    this.resets++;
    if (from === 'lane') this.lane()?.reset(this.kb.knownPeople());
    else from.w.postMessage({ type: 'reset', people: this.kb.knownPeople() } satisfies ToWorker);
  }
}
