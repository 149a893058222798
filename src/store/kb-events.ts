/** Event queries of the knowledge base: timelines, digests, scheduled events (KbReader extends this). */
import type { EventRow, EventSourceRow } from './kb-rows.js';
import type { Store } from './store.js';

/**
 * An event's text: its first report's sentence, read from that sentence (kb-write stores it once,
 * in sentences); databases written before keep a copy in events.text, used as it is.
 */
const EVENT_TEXT = "COALESCE(NULLIF(e.text, ''), (SELECT text FROM sentences WHERE id = e.sentence_id)) AS text";
/** An event row as questions read it. */
const EVENT_COLS = `e.id, e.day, e.at, e.precision, ${EVENT_TEXT}, e.kind, e.scheduled, e.importance, e.n_sources`;

export class EventReader {
  /**
   * From this many events on, an actor's timeline walks the importance index instead of reading
   * all of the actor's events: about limit x events / manyEvents rows. (Tests lower it.)
   */
  static manyEvents = 2000;

  constructor(protected readonly store: Store) {}

  /** Statements are cached by the store; queries built with a variable number of ? stay few. */
  protected get db() {
    return this.store;
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
      const n = (this.db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM event_actors WHERE actor_id IN (${list}) LIMIT ${EventReader.manyEvents})`).get(...actors) as { n: number }).n;
      const rows = (
        n < EventReader.manyEvents
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

  newestDay(): string | null {
    return (this.db.prepare('SELECT MAX(substr(published, 1, 10)) AS d FROM documents').get() as { d: string | null }).d;
  }

  /** Actor ids linked to each of `ids` by a link table: `sql` selects (id, a) and ends in `IN`. */
  protected linked(sql: string, ids: number[]): Map<number, string[]> {
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
