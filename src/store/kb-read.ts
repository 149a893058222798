/** Read queries of the knowledge base (full-text search: kb-search.ts; row shapes: kb-rows.ts). */
import type { ActorRow, ClaimJoin, DocScope, DocSummaryRow, EventRow, EventSourceRow, FigureRow, StanceRow } from './kb-rows.js';
import { SentenceSearch, type SearchRow } from './kb-search.js';
import type { Store } from './store.js';

export type { ActorRow, ClaimJoin, DocScope, DocSummaryRow, EventRow, EventSourceRow, FigureRow, StanceRow } from './kb-rows.js';

/**
 * An event's text: its first report's sentence, read from that sentence (kb-write stores it once,
 * in sentences); databases written before keep a copy in events.text, used as it is.
 */
const EVENT_TEXT = "COALESCE(NULLIF(e.text, ''), (SELECT text FROM sentences WHERE id = e.sentence_id)) AS text";
/** An event row as questions read it. */
const EVENT_COLS = `e.id, e.day, e.at, e.precision, ${EVENT_TEXT}, e.kind, e.scheduled, e.importance, e.n_sources`;

export class KbReader {
  /**
   * From this many events on, an actor's timeline walks the importance index instead of reading
   * all of the actor's events: about limit x events / manyEvents rows. (Tests lower it.)
   */
  static manyEvents = 2000;

  private readonly fts: SentenceSearch;

  constructor(private readonly store: Store) {
    this.fts = new SentenceSearch(store);
  }

  /** Statements are cached by the store; queries built with a variable number of ? stay few. */
  private get db() {
    return this.store;
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
   * Events in a window, most important first; optionally only those involving some actors. Costs
   * stay bounded as the corpus grows: a one-day window walks the (day, importance) index and stops
   * at `limit`; a longer window reads its own events; an actor's whole history (no window) is read
   * in full only when it is short, else the importance index is walked until `limit` of its events
   * turn up. Only `total` for an actor without a window counts all of that actor's events.
   */
  events(opts: { from?: string; to?: string; actorIds?: string[]; limit: number }): { rows: EventRow[]; total: number } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (opts.from && opts.from === opts.to) {
      where.push('e.day = ?');
      args.push(opts.from);
    } else {
      if (opts.from) {
        where.push('e.day >= ?');
        args.push(opts.from);
      }
      if (opts.to) {
        where.push('e.day <= ?');
        args.push(opts.to);
      }
    }
    const actors = opts.actorIds ?? [];
    const list = actors.map(() => '?').join(',');
    if (actors.length && where.length === 0) {
      const n = (this.db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM event_actors WHERE actor_id IN (${list}) LIMIT ${KbReader.manyEvents})`).get(...actors) as { n: number }).n;
      const rows = (
        n < KbReader.manyEvents
          ? this.db.prepare(`SELECT ${EVENT_COLS} FROM events e WHERE e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN (${list})) ORDER BY e.importance DESC, e.id LIMIT ?`)
          : this.db.prepare(`SELECT ${EVENT_COLS} FROM events e WHERE EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor_id IN (${list})) ORDER BY e.importance DESC, e.id LIMIT ?`)
      ).all(...actors, opts.limit) as EventRow[];
      const total =
        actors.length === 1
          ? (this.db.prepare('SELECT COUNT(*) AS n FROM event_actors WHERE actor_id = ?').get(actors[0]) as { n: number }).n
          : (this.db.prepare(`SELECT COUNT(*) AS n FROM (SELECT DISTINCT event_id FROM event_actors WHERE actor_id IN (${list}))`).get(...actors) as { n: number }).n;
      return { rows, total };
    }
    if (actors.length) {
      where.push(`EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor_id IN (${list}))`);
      args.push(...actors);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db.prepare(`SELECT ${EVENT_COLS} FROM events e ${w} ORDER BY e.importance DESC, e.id LIMIT ?`).all(...args, opts.limit) as EventRow[];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM events e ${w}`).get(...args) as { n: number }).n;
    return { rows, total };
  }

  /** How many events each of these days has (involving the actors, if given): reads those days only. */
  dayCounts(days: string[], opts: { actorIds?: string[] }): Map<string, number> {
    const out = new Map<string, number>();
    if (days.length === 0) return out;
    const actors = opts.actorIds ?? [];
    const has = actors.length ? ` AND EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor_id IN (${actors.map(() => '?').join(',')}))` : '';
    const rows = this.db.prepare(`SELECT e.day, COUNT(*) AS n FROM events e WHERE e.day IN (${days.map(() => '?').join(',')})${has} GROUP BY e.day`).all(...days, ...actors) as { day: string; n: number }[];
    for (const r of rows) out.set(r.day, r.n);
    return out;
  }

  /**
   * The first `cap` articles (in ingest order) that report each event, in publication order. An
   * event can be reported by hundreds of articles: reading them all would make a timeline's cost
   * grow with the corpus, so the index on (event_id, sentence_id) lets each read stop at `cap`.
   */
  eventSources(ids: number[], cap: number): Map<number, EventSourceRow[]> {
    const out = new Map<number, EventSourceRow[]>();
    const st = this.db.prepare(
      'SELECT d.id AS docId, d.source, d.title, d.url, d.published FROM event_sources es JOIN documents d ON d.id = es.doc_id WHERE es.event_id = ? ORDER BY es.sentence_id LIMIT ?',
    );
    for (const id of ids) {
      const rows = st.all(id, cap) as EventSourceRow[];
      rows.sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
      out.set(id, rows);
    }
    return out;
  }

  eventActors(ids: number[]): Map<number, string[]> {
    return this.linked('SELECT event_id AS id, actor_id AS a FROM event_actors WHERE event_id IN', ids);
  }

  scheduled(fromDay: string, limit: number): EventRow[] {
    return this.db.prepare(`SELECT ${EVENT_COLS} FROM events e WHERE e.scheduled = 1 AND e.day >= ? ORDER BY e.day, e.importance DESC LIMIT ?`).all(fromDay, limit) as EventRow[];
  }

  /** Scheduled events from `fromDay` on that an article published by `asOf` (YYYY-MM-DD) reported: what was known that day. */
  scheduledKnownBy(fromDay: string, asOf: string, limit: number): EventRow[] {
    // Nothing published after the day (the usual digest: the newest day): every scheduled event was known.
    if ((this.newestDay() ?? '') <= asOf) return this.scheduled(fromDay, limit);
    const known = 'EXISTS (SELECT 1 FROM event_sources es JOIN documents d ON d.id = es.doc_id WHERE es.event_id = e.id AND substr(d.published, 1, 10) <= ?)';
    // The check runs on the first candidates in order only (run on every scheduled event of a large
    // corpus it costs tens of milliseconds): the next 50, then the next 500. Beyond those the list
    // may be shorter than `limit`, never later than the day.
    const sql = `SELECT * FROM (SELECT ${EVENT_COLS} FROM events e WHERE e.scheduled = 1 AND e.day >= ? ORDER BY e.day, e.importance DESC LIMIT ?) e
         WHERE ${known} ORDER BY day, importance DESC LIMIT ?`;
    let rows: EventRow[] = [];
    for (const window of [limit * 10, limit * 100]) {
      rows = this.db.prepare(sql).all(fromDay, window, asOf, limit) as EventRow[];
      if (rows.length >= limit) break;
    }
    return rows;
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

  /** Events reported by articles ingested after an instant (ISO), most important first. */
  eventsIngestedAfter(since: string, limit: number): EventRow[] {
    return this.eventsReportedBy('d.ingested_at > ?', since, limit);
  }

  /** The most important events the articles published on a day reported, whatever day they are dated. */
  eventsReportedOn(day: string, limit: number): EventRow[] {
    return this.eventsReportedBy('substr(d.published, 1, 10) = ?', day, limit);
  }

  /** Events reported by the articles `where` selects (an indexed condition on documents d), most important first. */
  private eventsReportedBy(where: string, arg: string, limit: number): EventRow[] {
    return this.db
      .prepare(
        `SELECT ${EVENT_COLS} FROM events e
         WHERE e.id IN (SELECT es.event_id FROM documents d JOIN event_sources es ON es.doc_id = d.id WHERE ${where}) ORDER BY e.importance DESC, e.id LIMIT ?`,
      )
      .all(arg, limit) as EventRow[];
  }

  /** How many articles the corpus holds, and when the newest was ingested (for /crisis list). */
  corpusStats(): { articles: number; lastIngestedAt: string | null } {
    return this.db.prepare('SELECT COUNT(*) AS articles, MAX(ingested_at) AS lastIngestedAt FROM documents').get() as { articles: number; lastIngestedAt: string | null };
  }

  newestDay(): string | null {
    return (this.db.prepare('SELECT MAX(substr(published, 1, 10)) AS d FROM documents').get() as { d: string | null }).d;
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

  /** Actor ids linked to each of `ids` by a link table: `sql` selects (id, a) and ends in `IN`. */
  private linked(sql: string, ids: number[]): Map<number, string[]> {
    const out = new Map<number, string[]>();
    if (ids.length === 0) return out;
    const rows = this.db.prepare(`${sql} (${ids.map(() => '?').join(',')})`).all(...ids) as { id: number; a: string }[];
    for (const r of rows) {
      const list = out.get(r.id);
      if (list) list.push(r.a);
      else out.set(r.id, [r.a]);
    }
    return out;
  }
}
