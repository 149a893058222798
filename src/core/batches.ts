/**
 * An ingest batch is one write transaction: it first catches up with other writers (their people,
 * their events), and before it commits it writes the batch's actor rows and full-text index and marks
 * the derived state it made stale, all in the same transaction. Taken by a function (`write`), or by
 * hand across turns of the event loop (`begin`, then `commit` or `abort`: the pipeline writes each
 * result as it arrives). Briefing owns one; `events` and `actorRows` are what its articles add to.
 */
import { EventIndex } from '../store/event-index.js';
import { ActorTally, bumpVersion, indexNewSentences, kbVersion, markDirty } from '../store/kb-write.js';
import type { Store } from '../store/store.js';
import type { IngestRun } from './briefing.js';

export class Batches {
  /** Event merging across articles (kb-write.ts). */
  readonly events: EventIndex;
  /** The actor rows of the batch being written (flushed at its end). */
  readonly actorRows = new ActorTally();
  /** The corpus version this knowledge base has caught up with. */
  private seenVersion: number;
  private addedBefore = 0;

  /** `otherWriter`: another process committed since this one last looked (learn the people it found). */
  constructor(
    private readonly store: Store,
    private readonly otherWriter: () => void,
  ) {
    this.events = new EventIndex(store);
    this.seenVersion = kbVersion(store);
  }

  /** Run `fn` (which writes articles) as one batch. Returns whether another writer had committed since this one last looked. */
  write(run: IngestRun, fn: () => void): boolean {
    let synced = false;
    try {
      this.store.writeTx(() => {
        synced = this.open(run);
        fn();
        this.close(run);
      });
    } catch (err) {
      // Rolled back: the events this batch indexed in memory are not in the store.
      run.batchTouched = undefined;
      this.events.clear();
      throw err;
    }
    this.done(run);
    return synced;
  }

  begin(run: IngestRun): boolean {
    this.store.begin();
    try {
      return this.open(run);
    } catch (err) {
      this.abort(run);
      throw err;
    }
  }

  commit(run: IngestRun): void {
    try {
      this.close(run);
      this.store.commit();
    } catch (err) {
      this.abort(run);
      throw err;
    }
    this.done(run);
  }

  /** Roll the open batch back (what it wrote is gone, so are the events it indexed). */
  abort(run: IngestRun): void {
    run.batchTouched = undefined;
    this.actorRows.clear();
    this.events.clear();
    this.store.rollback();
  }

  private open(run: IngestRun): boolean {
    this.actorRows.clear();
    const synced = this.catchUp();
    this.addedBefore = run.added;
    run.batchTouched = new Set<string>();
    return synced;
  }

  private close(run: IngestRun): void {
    const touched = run.batchTouched ?? new Set<string>();
    run.batchTouched = undefined;
    if (run.added > this.addedBefore) {
      this.actorRows.flush(this.store);
      indexNewSentences(this.store);
      markDirty(this.store, touched);
      this.seenVersion = bumpVersion(this.store);
    }
  }

  private done(run: IngestRun): void {
    run.batches++;
    run.hooks.at?.('commit', run.batches);
  }

  /**
   * Another process committed since this knowledge base last looked: forget cached events and learn
   * the people it found, so what this one writes next is what a sequential ingest would write.
   */
  private catchUp(): boolean {
    const v = kbVersion(this.store);
    if (v === this.seenVersion) return false;
    this.seenVersion = v;
    this.events.clear();
    this.otherWriter();
    return true;
  }
}
