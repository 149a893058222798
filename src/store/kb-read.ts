/** Read queries of the knowledge base (events: kb-events.ts; full-text search: kb-search.ts; row shapes: kb-rows.ts). */
import type { ActorRow, ClaimJoin, DocScope, DocSummaryRow, FigureRow, StanceRow } from './kb-rows.js';
import { EventReader } from './kb-events.js';
import { SentenceSearch, type SearchRow } from './kb-search.js';
import type { Store } from './store.js';

export type { ActorRow, ClaimJoin, DocScope, DocSummaryRow, EventRow, EventSourceRow, FigureRow, StanceRow } from './kb-rows.js';

export class KbReader extends EventReader {
  private readonly fts: SentenceSearch;

  constructor(store: Store) {
    super(store);
    this.fts = new SentenceSearch(store);
  }

  actors(): ActorRow[] {
    return this.db.prepare('SELECT * FROM actors WHERE mentions > 0 OR id IN (SELECT actor_id FROM claims) ORDER BY mentions DESC, name').all() as ActorRow[];
  }

  actor(id: string): ActorRow | undefined {
    return this.db.prepare('SELECT * FROM actors WHERE id = ?').get(id) as ActorRow | undefined;
  }

  people(): ActorRow[] {
    return this.db.prepare("SELECT * FROM actors WHERE kind = 'person'").all() as ActorRow[];
  }

  /** An actor's claims without their text: what stance aggregation needs. */
  claimsLight(actorId: string): { side: string | null; strength: 'firm' | 'leaning' | 'neutral'; at: string | null; sentenceId: number; docId: string; cue: string | null; background: number }[] {
    return this.db.prepare('SELECT side, strength, at, sentence_id AS sentenceId, doc_id AS docId, cue, background FROM claims WHERE actor_id = ?').all(actorId) as {
      side: string | null;
      strength: 'firm' | 'leaning' | 'neutral';
      at: string | null;
      sentenceId: number;
      docId: string;
      cue: string | null;
      background: number;
    }[];
  }

  /** Replace an actor's position history: one row per day its position began or changed ('' = undated). */
  saveHistory(actorId: string, rows: { day: string; alignment: string; strength: string | null }[]): void {
    this.db.prepare('DELETE FROM stance_history WHERE actor_id = ?').run(actorId);
    const insert = this.db.prepare('INSERT OR REPLACE INTO stance_history (actor_id, day, alignment, strength) VALUES (?, ?, ?, ?)');
    for (const r of rows) insert.run(actorId, r.day, r.alignment, r.strength);
  }

  /** Every actor's position as of a day (YYYY-MM-DD): the latest history row on or before it. Actors with none yet are absent. */
  stancesAsOf(day: string): { actor_id: string; alignment: string; strength: string | null }[] {
    return this.db
      .prepare(
        `SELECT h.actor_id, h.alignment, h.strength FROM stance_history h
         WHERE h.day = (SELECT MAX(day) FROM stance_history x WHERE x.actor_id = h.actor_id AND x.day <= ?)`,
      )
      .all(day) as { actor_id: string; alignment: string; strength: string | null }[];
  }

  /** Whether position histories are missing for a corpus that has stances (a database from before they existed). */
  historyMissing(): boolean {
    return this.db.prepare('SELECT 1 FROM stances WHERE NOT EXISTS (SELECT 1 FROM stance_history) LIMIT 1').get() !== undefined;
  }

  claimActors(): string[] {
    return (this.db.prepare('SELECT DISTINCT actor_id FROM claims').all() as { actor_id: string }[]).map((r) => r.actor_id);
  }

  saveStance(s: StanceRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO stances (actor_id, alignment, strength, summary, change, last_at, evidence, n_claims, n_docs)
         VALUES (@actor_id, @alignment, @strength, '', @change, @last_at, @evidence, @n_claims, @n_docs)`,
      )
      .run(s);
  }

  stance(actorId: string): StanceRow | undefined {
    return this.db.prepare('SELECT actor_id, alignment, strength, change, last_at, evidence, n_claims, n_docs FROM stances WHERE actor_id = ?').get(actorId) as StanceRow | undefined;
  }

  /** The claims of an actor made in these sentences (its stored evidence), with their text and source. */
  claimsIn(actorId: string, sentenceIds: number[]): ClaimJoin[] {
    if (sentenceIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT c.side, c.strength, c.at, c.precision, c.sentence_id AS sentenceId, c.speaker, c.doc_id AS docId, d.source, d.url, s.text
         FROM claims c JOIN sentences s ON s.id = c.sentence_id JOIN documents d ON d.id = c.doc_id
         WHERE c.actor_id = ? AND c.sentence_id IN (${sentenceIds.map(() => '?').join(',')})`,
      )
      .all(actorId, ...sentenceIds) as ClaimJoin[];
  }

  stances(): { actor_id: string; alignment: string; strength: string | null }[] {
    return this.db.prepare('SELECT actor_id, alignment, strength FROM stances').all() as { actor_id: string; alignment: string; strength: string | null }[];
  }

  /**
   * Figures of one kind in a digest's articles, oldest first, read lazily: the digest stops after
   * the few it shows. Use no other query on this connection until the iteration ends.
   */
  figures(scope: DocScope, kind: string): IterableIterator<FigureRow> {
    // Articles in ingest order (the order of their index entries), figures in text order: the
    // order of figure ids, read without sorting, so the first few come first.
    const where = 'day' in scope ? 'substr(d.published, 1, 10) = ? ORDER BY d.rowid' : 'd.ingested_at > ? ORDER BY d.ingested_at, d.rowid';
    return this.db
      .prepare(`SELECT f.kind, f.value, COALESCE(NULLIF(f.text, ''), (SELECT text FROM sentences WHERE id = f.sentence_id)) AS text, f.doc_id AS docId, d.source, f.at FROM documents d CROSS JOIN figures f ON f.doc_id = d.id AND f.kind = ? WHERE ${where}, f.id`)
      .iterate(kind, 'day' in scope ? scope.day : scope.since) as IterableIterator<FigureRow>;
  }

  documents(): DocSummaryRow[] {
    return this.db
      .prepare('SELECT d.id, d.title, d.source, d.published, d.url, (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences FROM documents d ORDER BY d.published DESC, d.id')
      .all() as DocSummaryRow[];
  }

  /** The first `limit` articles of a news day by id (-1: all of them). */
  documentsOn(day: string, limit = -1): DocSummaryRow[] {
    return this.db.prepare('SELECT id, title, source, published, url, 0 AS sentences FROM documents WHERE substr(published, 1, 10) = ? ORDER BY id LIMIT ?').all(day, limit) as DocSummaryRow[];
  }

  /** How many articles a news day has. */
  countOn(day: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE substr(published, 1, 10) = ?').get(day) as { n: number }).n;
  }

  /** The first `limit` articles ingested after an instant (ISO), oldest first (-1: all of them). */
  documentsIngestedAfter(since: string, limit = -1): DocSummaryRow[] {
    return this.db.prepare('SELECT id, title, source, published, url, 0 AS sentences FROM documents WHERE ingested_at > ? ORDER BY published, id LIMIT ?').all(since, limit) as DocSummaryRow[];
  }

  /** How many articles were ingested after an instant (ISO), and the newest news day among them. */
  ingestedAfter(since: string): { count: number; newestDay: string | null } {
    return this.db.prepare('SELECT COUNT(*) AS count, MAX(substr(published, 1, 10)) AS newestDay FROM documents WHERE ingested_at > ?').get(since) as { count: number; newestDay: string | null };
  }

  /** How many articles the corpus holds, and when the newest was ingested (for /crisis list). */
  corpusStats(): { articles: number; lastIngestedAt: string | null } {
    return this.db.prepare('SELECT COUNT(*) AS articles, MAX(ingested_at) AS lastIngestedAt FROM documents').get() as { articles: number; lastIngestedAt: string | null };
  }

  hasHash(hash: string): string | undefined {
    return (this.db.prepare('SELECT id FROM documents WHERE hash = ?').get(hash) as { id: string } | undefined)?.id;
  }

  hasDoc(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
  }

  /** Full-text search over sentences, best first (kb-search.ts). */
  search(match: string, limit: number, opts: { bm25?: boolean; window?: number } = {}): SearchRow[] {
    return this.fts.search(match, limit, opts);
  }

  /** Whether any sentence has the word (a misspelt name has none). */
  hasWord(word: string): boolean {
    return this.fts.hasWord(word);
  }

  /**
   * What the actors said in quotation marks, newest report first (by the sentence's time, else the
   * article's publication; within one report, in the article's order): the quote, its sentence (the
   * citation) and its article.
   */
  quotesBy(actorIds: string[], limit: number): { quote: string; text: string; docId: string; source: string; at: string | null; published: string }[] {
    if (actorIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT q.text AS quote, s.text, q.doc_id AS docId, d.source, s.at, d.published FROM quotes q
         JOIN sentences s ON s.id = q.sentence_id JOIN documents d ON d.id = q.doc_id
         WHERE q.speaker_id IN (${actorIds.map(() => '?').join(',')}) ORDER BY COALESCE(s.at, d.published) DESC, q.id LIMIT ?`,
      )
      .all(...actorIds, limit) as { quote: string; text: string; docId: string; source: string; at: string | null; published: string }[];
  }

  /** One article's stored metadata, with the file it was read from (for `briefing explain`). */
  document(id: string): { id: string; title: string; source: string; published: string; timezone: string; path: string | null; hash: string } | undefined {
    return this.db.prepare('SELECT id, title, source, published, timezone, path, hash FROM documents WHERE id = ?').get(id) as
      | { id: string; title: string; source: string; published: string; timezone: string; path: string | null; hash: string }
      | undefined;
  }

  /** One article's stored sentences in order. */
  documentSentences(id: string): { seq: number; para: number; kind: string; text: string }[] {
    return this.db.prepare('SELECT seq, para, kind, text FROM sentences WHERE doc_id = ? ORDER BY seq').all(id) as { seq: number; para: number; kind: string; text: string }[];
  }

  /** The sentences just before sentence `id` in its article (at most `n`), nearest first. */
  sentencesBefore(id: number, n: number): { id: number; text: string }[] {
    return this.db
      .prepare('SELECT b.id, b.text FROM sentences s JOIN sentences b ON b.doc_id = s.doc_id AND b.seq < s.seq AND b.seq >= s.seq - ? WHERE s.id = ? ORDER BY b.seq DESC')
      .all(n, id) as { id: number; text: string }[];
  }

  sentenceActors(ids: number[]): Map<number, string[]> {
    return this.linked('SELECT sentence_id AS id, actor_id AS a FROM mentions WHERE sentence_id IN', ids);
  }
}
