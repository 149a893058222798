/**
 * The knowledge base as the commands see it: one object answering the questions. It reads from the
 * store; ingestion writes through it. It imports no SDK, reads no environment, and gets time from a Clock.
 */
import { createHash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import { DateTime } from 'luxon';
import { EventIndex, refreshImportance, writeDocument } from '../store/kb-write.js';
import { type ActorRow, KbReader } from '../store/kb-read.js';
import type { Store } from '../store/store.js';
import { askQuestion } from './answer/ask.js';
import { buildDigest, type DigestOptions } from './answer/digest.js';
import { type DocMeta, type Extraction, extractDocument } from './read/extract.js';
import type { AnswerModel } from './answer/grounding.js';
import { Gazetteer } from './read/gazetteer.js';
import { aggregate } from './answer/stance.js';
import { answerStance } from './answer/stance-answer.js';
import { fold, normKey, slug } from './text.js';
import { buildTimeline } from './answer/timeline.js';
import { zoneFromDateline } from './read/zones.js';
import type {
  ActorKind,
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

/** An article ready for ingestion: text plus metadata (from front matter, flags or the manifest). */
export interface IncomingArticle extends ArticleMeta {
  path?: string;
  text: string;
}

/** The corpus's actors, with their names normalised for resolution and autocomplete. */
interface CorpusIndex {
  rows: ActorRow[];
  byId: Map<string, ActorRow>;
  entries: { row: ActorRow; keys: string[]; folded: string[] }[];
}

/** One ingest run's bookkeeping (see Briefing.newRun). */
export interface IngestRun {
  /** hash -> doc id of the articles taken in this run. */
  hashes: Map<string, string>;
  ids: Set<string>;
  touched: Set<string>;
  added: number;
}

/** A validated article with its id, ready to extract and write. */
export interface PreparedArticle {
  path: string;
  text: string;
  hash: string;
  title: string;
  source: string;
  url: string | null;
  file: string | null;
  meta: DocMeta;
}

export class Briefing {
  readonly clock: Clock;
  readonly gazetteer: Gazetteer;
  readonly reader: KbReader;
  readonly model: AnswerModel | undefined;
  private readonly events: EventIndex;
  private actorCache: CorpusIndex | null = null;
  private summaryCache: ActorSummary[] | null = null;

  constructor(
    readonly store: Store,
    readonly crisis: CrisisConfig,
    opts: BriefingOptions = {},
  ) {
    this.clock = opts.clock ?? { now: () => new Date() };
    this.model = opts.model;
    this.gazetteer = new Gazetteer(crisis);
    this.reader = new KbReader(store);
    this.events = new EventIndex(store);
    // People found in earlier articles are known by name in later ones ("Petrov" alone).
    for (const p of this.reader.people()) {
      this.gazetteer.define({ id: p.id, name: p.name, kind: 'person', affiliation: p.affiliation, aliases: [] });
      for (const a of JSON.parse(p.aliases) as string[]) this.gazetteer.addAlias(p.id, a, a.includes(' ') ? 'person' : 'surname', true);
    }
  }

  // ---------------------------------------------------------------- ingestion

  /**
   * Ingest articles; each one lands whole or not at all. Articles are written in batches inside
   * one transaction, each in its own savepoint, so a failure rolls back that article only while
   * commits stay few. Returns one result per article. (src/ingest/pipeline.ts does the same with
   * extraction on a second thread, for large ingests.)
   */
  ingest(articles: IncomingArticle[], onProgress?: (done: number, total: number) => void): IngestFileResult[] {
    const results: IngestFileResult[] = [];
    const run = this.newRun();
    const BATCH = 200;
    for (let b = 0; b < articles.length; b += BATCH) {
      this.store.tx(() => {
        articles.slice(b, b + BATCH).forEach((a, j) => {
          const i = b + j;
          const p = this.prepareArticle(a, i, run);
          if ('ok' in p) results.push(p);
          else results.push(this.writeArticle(p, () => extractDocument(p.meta, p.text, this.gazetteer), run));
          onProgress?.(i + 1, articles.length);
        });
      });
    }
    this.finishRun(run);
    return results;
  }

  /** State of one ingest run: hashes and ids taken so far, actors whose stance must be refreshed. */
  newRun(): IngestRun {
    return { hashes: new Map(), ids: new Set(), touched: new Set(), added: 0 };
  }

  /** Validate an article and give it an id; a duplicate or an invalid article is a result already. */
  prepareArticle(a: IncomingArticle, index: number, run: IngestRun): PreparedArticle | IngestFileResult {
    const path = a.path ?? a.id ?? a.title ?? `article ${index + 1}`;
    try {
      const published = normalizePublished(a.published);
      if (!published) throw new Error(`no valid publication date (give "published: YYYY-MM-DD" in front matter or --published)`);
      // Without a zone in the metadata, the dateline city's zone ("TOKYO (AP) —"), else UTC.
      const timezone = a.timezone ?? zoneFromDateline(a.text) ?? 'UTC';
      if (!isZone(timezone)) throw new Error(`unknown time zone "${timezone}"`);
      if (!a.source) throw new Error('no outlet (give "source:" in front matter or --source)');
      const text = a.text.replace(/\r\n?/g, '\n');
      const hash = createHash('sha256').update(text.trim()).digest('hex');
      const dup = this.reader.hasHash(hash) ?? run.hashes.get(hash);
      if (dup) return { path, ok: true, docId: dup, duplicate: true };
      const title = a.title ?? text.trim().split('\n')[0]?.slice(0, 200) ?? 'Untitled';
      let id = a.id ?? `${slug(title).slice(0, 48)}-${hash.slice(0, 8)}`;
      if (this.reader.hasDoc(id) || run.ids.has(id)) id = `${id}-${hash.slice(0, 8)}`;
      run.hashes.set(hash, id);
      run.ids.add(id);
      return { path, text, hash, title, source: a.source, url: a.url ?? null, file: a.path ?? null, meta: { id, source: a.source, published, timezone } };
    } catch (err) {
      return { path, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Extract (via `extract`) and write one prepared article in its own savepoint. */
  writeArticle(p: PreparedArticle, extract: () => Extraction, run: IngestRun): IngestFileResult {
    try {
      this.store.tx(() => {
        const x = extract();
        for (const c of x.claims) run.touched.add(c.actorId);
        writeDocument(
          this.store,
          this.events,
          { id: p.meta.id, title: p.title, source: p.source, published: p.meta.published, timezone: p.meta.timezone, url: p.url, path: p.file, hash: p.hash, bytes: Buffer.byteLength(p.text), ingestedAt: this.clock.now().toISOString() },
          x,
          (aid) => this.gazetteer.actors.get(aid),
        );
      });
      run.added++;
      return { path: p.path, ok: true, docId: p.meta.id };
    } catch (err) {
      this.events.clear(); // the index may hold events of the rolled-back article
      run.hashes.delete(p.hash);
      return { path: p.path, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** After a run: refresh what depends on the whole corpus, if anything was added. */
  finishRun(run: IngestRun): void {
    if (run.added > 0) this.refresh(run.touched);
  }

  /** Teach this knowledge base people another thread discovered. */
  learnPeople(people: { id: string; name: string; affiliation: string | null; aliases: string[] }[]): void {
    for (const p of people) {
      const known = this.gazetteer.actors.get(p.id);
      if (known && known.aliases.length === p.aliases.length && known.affiliation === p.affiliation) continue;
      const def = this.gazetteer.define({ id: p.id, name: p.name, kind: 'person', affiliation: p.affiliation, aliases: [] });
      if (p.affiliation) def.affiliation = p.affiliation;
      for (const a of p.aliases) this.gazetteer.addAlias(p.id, a, a.includes(' ') ? 'person' : 'surname', true);
    }
  }

  /** The people the gazetteer knows, to seed another thread's gazetteer. */
  knownPeople(): { id: string; name: string; affiliation: string | null; aliases: string[] }[] {
    return [...this.gazetteer.actors.values()].filter((a) => a.kind === 'person').map((a) => ({ id: a.id, name: a.name, affiliation: a.affiliation ?? null, aliases: [...a.aliases] }));
  }

  /** Recompute what depends on the whole corpus: event importance, and the stances of `actors` (default all). */
  refresh(actors?: Set<string>): void {
    this.store.tx(() => {
      refreshImportance(this.store);
      for (const id of actors ?? this.reader.claimActors()) {
        const claims = this.reader.claimsLight(id);
        const agg = aggregate(claims);
        if (!agg) continue;
        const ids: number[] = [];
        for (const c of [...agg.support, ...(agg.previous ? [agg.previous] : [])]) if (!ids.includes(c.sentenceId) && ids.length < 5) ids.push(c.sentenceId);
        // The previous position's evidence stays in the list even when five newer sentences exist.
        if (agg.previous && !ids.includes(agg.previous.sentenceId)) ids[ids.length - 1] = agg.previous.sentenceId;
        this.reader.saveStance({
          actor_id: id,
          alignment: agg.alignment,
          strength: agg.strength,
          change: agg.change ? JSON.stringify(agg.change) : null,
          last_at: agg.support[0]?.at ?? null,
          evidence: JSON.stringify(ids),
          n_claims: claims.length,
          n_docs: new Set(claims.map((c) => c.docId)).size,
        });
      }
    });
    this.actorCache = null;
    this.summaryCache = null;
  }

  // ---------------------------------------------------------------- actors

  private corpusActors(): ActorRow[] {
    return this.corpusIndex().rows;
  }

  /**
   * The actors the corpus names, with their names normalised once per ingest: resolution and
   * autocomplete (every keystroke) read this instead of re-parsing aliases.
   */
  private corpusIndex(): CorpusIndex {
    if (!this.actorCache) {
      const rows = this.reader.actors();
      const entries = rows.map((row) => {
        const names = [row.name, ...(JSON.parse(row.aliases) as string[])];
        return { row, keys: names.map((n) => normKey(n).replace(/^the /, '')), folded: names.map((n) => fold(n.toLowerCase())) };
      });
      this.actorCache = { rows, entries, byId: new Map(rows.map((r) => [r.id, r])) };
    }
    return this.actorCache;
  }

  /** An actor as answers show it: id, name and kind. */
  ref(row: ActorRow | undefined, id: string): ActorRef {
    const def = this.gazetteer.actors.get(id);
    return { id, name: row?.name ?? def?.name ?? id, kind: (row?.kind ?? def?.kind ?? 'group') as ActorKind };
  }

  /** Resolve a user's name for an actor: alias, person, demonym, seat of power, or a near miss. */
  resolve(query: string): { id: string | null; suggestions: string[] } {
    const { byId, entries } = this.corpusIndex();
    const q = query.trim();
    const direct = this.gazetteer.lookup(q) ?? this.gazetteer.lookup(q.replace(/^the\s+/i, ''));
    if (direct && (byId.has(direct) || this.gazetteer.arena.has(direct))) return { id: direct, suggestions: [] };
    const key = normKey(q).replace(/^the /, '');
    const byPart = personByNamePart(entries, key);
    if (byPart) return { id: byPart, suggestions: [] };
    let best: { id: string; d: number; mentions: number } | null = null;
    for (const { row: a, keys } of entries) {
      for (const nk of keys) {
        const d = distance(key, nk);
        const max = nk.length <= 4 ? 0 : nk.length <= 6 ? 1 : 2;
        if (d <= max && (!best || d < best.d || (d === best.d && a.mentions > best.mentions))) best = { id: a.id, d, mentions: a.mentions };
      }
    }
    if (best) return { id: best.id, suggestions: [] };
    return { id: null, suggestions: this.suggest(q, 3).map((s) => s.name) };
  }

  /** Autocomplete: corpus actors whose name or alias starts with, contains, or nearly matches the text. */
  suggest(prefix: string, limit = 25): { name: string; value: string }[] {
    const key = fold(prefix.trim().toLowerCase()).replace(/^the /, '');
    const scored: { a: ActorRow; s: number }[] = [];
    for (const { row: a, folded: names } of this.corpusIndex().entries) {
      if (a.kind === 'side' && !key) continue;
      let s = 0;
      if (!key) s = 1;
      else if (names.some((n) => n.startsWith(key))) s = 4;
      else if (names.some((n) => n.split(/[\s-]+/).some((w) => w.startsWith(key)))) s = 3;
      else if (key.length >= 4 && names.some((n) => n.includes(key))) s = 2;
      else if (key.length >= 4 && names.some((n) => distance(n, key) <= (key.length <= 5 ? 1 : 2) || (key.length >= 5 && distance(n.slice(0, key.length), key) <= 1))) s = 1;
      if (s > 0) scored.push({ a, s });
    }
    scored.sort((x, y) => y.s - x.s || y.a.mentions - x.a.mentions || x.a.name.localeCompare(y.a.name));
    return scored.slice(0, limit).map(({ a }) => ({ name: a.name.slice(0, 100), value: a.name.slice(0, 100) }));
  }

  // ---------------------------------------------------------------- questions

  stance(query: string): StanceResult {
    return answerStance(this, query);
  }

  timeline(q: TimelineQuery = {}): TimelineResult {
    return buildTimeline(this, q);
  }

  digest(opts: DigestOptions = {}): DigestResult {
    return buildDigest(this, opts);
  }

  async ask(question: string): Promise<AskResult> {
    return askQuestion(this, question, this.model);
  }

  actors(): ActorSummary[] {
    this.summaryCache ??= this.buildActors();
    return this.summaryCache;
  }

  private buildActors(): ActorSummary[] {
    const stances = new Map(this.reader.stances().map((s) => [s.actor_id, s]));
    return this.corpusActors()
      .filter((a) => a.kind !== 'side' && !this.gazetteer.arena.has(a.id))
      .map((a) => {
        const s = stances.get(a.id);
        return {
          id: a.id,
          name: a.name,
          kind: a.kind as ActorKind,
          aliases: JSON.parse(a.aliases) as string[],
          mentions: a.mentions,
          alignment: s?.alignment ?? null,
          strength: (s?.strength as ActorSummary['strength']) ?? null,
          affiliation: a.affiliation,
        };
      });
  }

  sources(): SourceSummary[] {
    return this.reader.documents().map((d) => ({ docId: d.id, title: d.title, source: d.source, published: d.published, url: d.url, sentences: d.sentences }));
  }

  /** Whether an article of the corpus names this actor. */
  inCorpus(id: string): boolean {
    return this.corpusIndex().byId.has(id);
  }

  /** Actor ids an actor stands for in events: itself and the people who speak for it. */
  actorFamily(id: string): string[] {
    return [id, ...this.corpusActors().filter((a) => a.affiliation === id).map((a) => a.id)];
  }
}

const zones = new Map<string, boolean>();
/** Whether a name is an IANA time zone (cached: checking costs more than ingesting a paragraph). */
function isZone(tz: string): boolean {
  let ok = zones.get(tz);
  if (ok === undefined) {
    ok = DateTime.local().setZone(tz).isValid;
    zones.set(tz, ok);
  }
  return ok;
}

/** "2019-01-24", "2019-01-24T10:00:00Z", "January 24, 2019" -> an ISO date or date-time; null when invalid. */
export function normalizePublished(p: string | undefined): string | null {
  if (!p) return null;
  const s = p.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) ? s : null;
  }
  const iso = DateTime.fromISO(s, { setZone: true });
  if (iso.isValid) return iso.toISO({ suppressMilliseconds: true });
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/**
 * The one person in the corpus whose name holds the query as whole words ("Xi" for "Xi Jinping",
 * "Faki" for "Moussa Faki Mahamat"): how people are often called, and not a guess.
 */
function personByNamePart(entries: CorpusIndex['entries'], key: string): string | null {
  if (key.length < 2) return null;
  const padded = ` ${key} `;
  let hit: string | null = null;
  for (const { row, keys } of entries) {
    if (row.kind !== 'person') continue;
    if (!keys.some((k) => ` ${k} `.includes(padded))) continue;
    if (hit && hit !== row.id) return null;
    hit = row.id;
  }
  return hit;
}
