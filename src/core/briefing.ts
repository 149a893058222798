/**
 * The knowledge base as the commands see it: one object answering the questions. It reads from the
 * store; ingestion writes through it. It imports no SDK, reads no environment, and gets time from a Clock.
 */
import { clearDirty, dirty, hasDirty, kbVersion } from '../store/kb-write.js';
import { Batches } from './batches.js';
import { type CheckedArticle, checkPublished } from '../ingest/prepare.js';
import { checkIncoming, type IncomingArticle, type IngestHooks, ingestArticles, type IngestRun, writeArticle } from './article-writer.js';
import { type ActorRow, KbReader } from '../store/kb-read.js';
import type { Store } from '../store/store.js';
import { askQuestion } from './answer/ask.js';
import { ActorDirectory } from './answer/directory.js';
import { buildDigest, type DigestOptions } from './answer/digest.js';
import type { Extraction } from './read/extract.js';
import type { AnswerModel } from './answer/grounding.js';
import { Gazetteer } from './read/gazetteer.js';
import { AlertCollector } from './changes/collect.js';
import { positionsInSlices, refreshPositions, savePositions } from './changes/refresh.js';
import { type AlertRow, AlertStore } from '../store/alerts.js';
import { answerStance } from './answer/stance-answer.js';
import { buildTimeline } from './answer/timeline.js';
import type {
  ArticleMeta,
  ActorRef,
  ActorSummary,
  AskResult,
  Clock,
  CrisisConfig,
  DigestResult,
  IngestFileResult,
  SourceSummary,
  StanceResult,
  TimelineQuery,
  TimelineResult,
} from './types.js';

export interface BriefingOptions {
  clock?: Clock;
  /** An optional language model for /ask; without it every answer is extractive. */
  model?: AnswerModel;
}

export type { CheckedArticle, IncomingArticle, IngestHooks, IngestRun };

export class Briefing {
  readonly clock: Clock;
  readonly gazetteer: Gazetteer;
  readonly reader: KbReader;
  readonly model: AnswerModel | undefined;
  private readonly batches: Batches;
  /** The corpus's actors as users reach them (resolution, autocomplete, roster). */
  private readonly directory: ActorDirectory;
  /** Bumped whenever people were reloaded from another writer's commits. */
  peopleVersion = 0;
  /** SQLite's data_version when the read caches were last known fresh (see sync()). */
  private seenDataVersion: number;

  constructor(
    readonly store: Store,
    readonly crisis: CrisisConfig,
    opts: BriefingOptions = {},
  ) {
    this.clock = opts.clock ?? { now: () => new Date() };
    this.model = opts.model;
    this.gazetteer = new Gazetteer(crisis);
    this.reader = new KbReader(store);
    this.directory = new ActorDirectory(this.reader, this.gazetteer);
    this.batches = new Batches(store, () => {
      this.learnPeople(this.reader.people().map((p) => ({ id: p.id, name: p.name, affiliation: p.affiliation, aliases: JSON.parse(p.aliases) as string[] })));
      this.peopleVersion++;
    });
    // A database from before position histories: build them once, so digests of earlier days work.
    if (this.reader.historyMissing()) {
      try {
        this.refresh();
      } catch {
        // Another process holds the write lock: the next start builds them.
      }
    }
    this.seenDataVersion = store.dataVersion();
    // People found in earlier articles are known by name in later ones ("Petrov" alone).
    for (const p of this.reader.people()) {
      this.gazetteer.define({ id: p.id, name: p.name, kind: 'person', affiliation: p.affiliation, aliases: [] });
      for (const a of JSON.parse(p.aliases) as string[]) this.gazetteer.addAlias(p.id, a, a.includes(' ') ? 'person' : 'surname', true);
    }
    // Derived state left stale by an ingest that stopped before its refresh is repaired now.
    if (hasDirty(store)) {
      try {
        this.repair();
      } catch {
        // Another process holds the write lock: it (or the next start) repairs it.
      }
    }
  }

  /**
   * Make what another process wrote visible: when the database changed under this connection
   * (SQLite's data_version moved), drop the cached actor index and summaries, forget the event
   * index, and learn the people the other process found. Called at the start of every question
   * and ingest run; costs one PRAGMA when nothing changed. (This connection's own writes do not
   * move data_version; refresh() invalidates for them.)
   */
  sync(): void {
    const v = this.store.dataVersion();
    if (v === this.seenDataVersion) return;
    this.seenDataVersion = v;
    this.directory.invalidate();
    this.batches.events.clear();
    this.learnPeople(this.reader.people().map((p) => ({ id: p.id, name: p.name, affiliation: p.affiliation, aliases: JSON.parse(p.aliases) as string[] })));
  }

  // ---------------------------------------------------------------- ingestion

  /**
   * Ingest articles; each one lands whole or not at all. Articles are written in batches, each
   * batch one write transaction (taken with BEGIN IMMEDIATE, so another process's commits are seen
   * and never overwritten) and each article in its own savepoint, so a failure rolls back that
   * article only. Returns one result per article. (src/ingest/pipeline.ts does the same with
   * reading and extraction on worker threads, under a time budget per file.)
   */
  ingest(articles: IncomingArticle[], onProgress?: (done: number, total: number) => void, hooks?: IngestHooks): IngestFileResult[] {
    return ingestArticles(this, articles, onProgress, hooks);
  }

  /** State of one ingest run: actors whose stance must be refreshed, counts, hooks. */
  newRun(hooks: IngestHooks = {}): IngestRun {
    this.sync();
    return { touched: new Set(), added: 0, written: 0, batches: 0, hooks, now: this.clock.now() };
  }

  /** Check and clean an article (pure); an invalid one is a failed result already. */
  check(a: IncomingArticle, index: number, latest: Date | null = null): CheckedArticle | IngestFileResult {
    return checkIncoming(a, index, latest);
  }

  /**
   * Run `fn` (which calls writeArticle) as one batch, one write transaction (batches.ts). Returns
   * whether another writer had committed since this one last looked.
   */
  writeBatch(run: IngestRun, fn: () => void): boolean {
    return this.batches.write(run, fn);
  }

  /** The same batch opened by hand, written across turns of the event loop: then commitBatch or abortBatch. */
  beginBatch(run: IngestRun): boolean {
    return this.batches.begin(run);
  }

  commitBatch(run: IngestRun): void {
    this.batches.commit(run);
  }

  abortBatch(run: IngestRun): void {
    this.batches.abort(run);
  }

  /**
   * Write one checked article in its own savepoint, inside writeBatch: a duplicate of a stored
   * (or concurrently stored) article is reported as one; `extract` runs only for new articles.
   */
  writeArticle(c: CheckedArticle, extract: () => Extraction, run: IngestRun): IngestFileResult {
    return writeArticle({ store: this.store, reader: this.reader, gazetteer: this.gazetteer, batches: this.batches, clock: this.clock }, c, extract, run);
  }

  /**
   * After a run: recompute what depends on the whole corpus (event importance, the stances of the
   * actors marked dirty by this or any other writer) and clear the marks, in one transaction.
   */
  finishRun(run: IngestRun): void {
    if (run.added === 0 && !hasDirty(this.store)) return;
    run.hooks.at?.('refresh', run.batches);
    this.repair();
  }

  /**
   * finishRun for a caller that must stay responsive (a bot ingesting a feed): the positions are
   * read and aggregated an actor at a time, awaiting `pause` between actors, and written in one
   * short transaction. If another writer committed or refreshed meanwhile, the refresh is done
   * again as finishRun does it, so the result is always the one finishRun gives.
   */
  async finishRunInSlices(run: IngestRun, pause: () => Promise<void>): Promise<void> {
    if (run.added === 0 && !hasDirty(this.store)) return;
    run.hooks.at?.('refresh', run.batches);
    const version = kbVersion(this.store);
    const marks = dirty(this.store);
    const before = new Set(marks.actors);
    const alerts = new AlertCollector(this.store, this.reader, this.crisis, this.clock.now(), this.gazetteer.arena);
    const positions = await positionsInSlices(this.reader, alerts, marks.actors, pause);
    const done = this.store.writeTx(() => {
      const now = dirty(this.store);
      const same = kbVersion(this.store) === version && now.importance === marks.importance && now.actors.length === marks.actors.length && now.actors.every((id) => before.has(id));
      if (!same) return false;
      if (!marks.importance && marks.actors.length === 0) return true;
      savePositions(this.store, this.reader, alerts, positions);
      clearDirty(this.store);
      return true;
    });
    if (done) this.directory.invalidate();
    else this.repair();
  }

  /** Recompute derived state marked dirty (by an ingest that may have crashed before its refresh). */
  repair(): void {
    this.store.writeTx(() => {
      const d = dirty(this.store);
      if (!d.importance && d.actors.length === 0) return;
      this.refresh(new Set(d.actors));
      clearDirty(this.store);
    });
  }

  /** Teach this knowledge base people another thread discovered. */
  learnPeople(people: { id: string; name: string; affiliation: string | null; aliases: string[] }[]): void {
    for (const p of people) this.gazetteer.learnPerson(p);
  }

  /** The people the gazetteer knows, to seed another thread's gazetteer. */
  knownPeople(): { id: string; name: string; affiliation: string | null; aliases: string[] }[] {
    return [...this.gazetteer.actors.values()].filter((a) => a.kind === 'person').map((a) => ({ id: a.id, name: a.name, affiliation: a.affiliation ?? null, aliases: [...a.aliases] }));
  }

  /** Recompute what depends on the whole corpus: event importance, and the stances of `actors` (default all). */
  refresh(actors?: Set<string>): void {
    this.store.writeTx(() => refreshPositions(this.store, this.reader, this.crisis, this.clock.now(), this.gazetteer.arena, actors));
    this.directory.invalidate();
  }

  // ---------------------------------------------------------------- actors (answer/directory.ts)

  /** An actor as answers show it: id, name and kind. */
  ref(row: ActorRow | undefined, id: string): ActorRef {
    return this.directory.ref(row, id);
  }

  /** Resolve a user's name for an actor (see ActorDirectory.resolve). */
  resolve(query: string): { id: string | null; suggestions: string[] } {
    this.sync();
    return this.directory.resolve(query);
  }

  /** Autocomplete: corpus actors whose name or alias starts with, contains, or nearly matches the text. */
  suggest(prefix: string, limit = 25): { name: string; value: string }[] {
    this.sync();
    return this.directory.suggest(prefix, limit);
  }

  // ---------------------------------------------------------------- questions

  stance(query: string): StanceResult {
    this.sync();
    return answerStance(this, query);
  }

  timeline(q: TimelineQuery = {}): TimelineResult {
    this.sync();
    return buildTimeline(this, q);
  }

  digest(opts: DigestOptions = {}): DigestResult {
    this.sync();
    return buildDigest(this, opts);
  }

  async ask(question: string): Promise<AskResult> {
    this.sync();
    return askQuestion(this, question, this.model);
  }

  actors(): ActorSummary[] {
    this.sync();
    return this.directory.summaries();
  }

  /** The changes detected at ingest (stance, figures, scheduled events), oldest first. */
  alerts(): AlertRow[] {
    this.sync();
    return new AlertStore(this.store).all();
  }

  /** The newest alert's id (0 when none): where a new alert subscription starts. */
  lastAlertId(): number {
    return new AlertStore(this.store).maxId();
  }

  sources(): SourceSummary[] {
    this.sync();
    return this.reader.documents().map((d) => ({ docId: d.id, title: d.title, source: d.source, published: d.published, url: d.url, sentences: d.sentences }));
  }

  /** Whether an article of the corpus names this actor. */
  inCorpus(id: string): boolean {
    return this.directory.inCorpus(id);
  }

  /** Actor ids an actor stands for in events: itself and the people who speak for it. */
  actorFamily(id: string): string[] {
    return this.directory.actorFamily(id);
  }
}

/** "2019-01-24", "2019-01-24T10:00:00Z", "January 24, 2019" -> an ISO date or date-time; null when invalid or out of range. */
export function normalizePublished(p: string | undefined, now: Date = new Date()): string | null {
  const r = checkPublished(p, now);
  return 'value' in r ? r.value : null;
}
