/**
 * The alerts a knowledge base detected (its own `alerts` table) and what detection remembers
 * between refreshes: the last figure and event it examined, and the highest figure of each kind.
 * Written inside the refresh's transaction, so an alert is stored exactly when its change is.
 */
import type { FigureFact, FigureMax } from '../core/changes/detect.js';
import type { Store } from './store.js';

/** One stored alert. */
export interface AlertRow {
  id: number;
  /** When the change happened: the evidence's time (ISO instant or date). */
  at: string;
  kind: string;
  actorId: string | null;
  actor: string | null;
  from: string | null;
  to: string | null;
  /** One line saying what changed. */
  text: string;
  /** The evidence sentence, verbatim. */
  quote: string;
  /** The outlet. */
  source: string;
  /** The article's own URL. */
  url: string | null;
  docId: string | null;
  /** When this knowledge base detected it (ISO). */
  detectedAt: string;
}

export type NewAlert = Omit<AlertRow, 'id'> & { sentenceId: number | null; published: string | null };

const COLS = `id, at, kind, actor_id AS actorId, actor, from_value AS "from", to_value AS "to", text, quote, source, url, doc_id AS docId, detected_at AS detectedAt`;

/** A new scheduled event with its evidence. */
export interface EventEvidence {
  id: number;
  day: string;
  at: string;
  text: string;
  scheduled: boolean;
  published: string;
  docId: string;
  source: string;
  url: string | null;
  quote: string;
  sentenceId: number;
}

export class AlertStore {
  constructor(private readonly store: Store) {}

  add(a: NewAlert): number {
    return Number(
      this.store
        .prepare(
          `INSERT INTO alerts (at, kind, actor_id, actor, from_value, to_value, text, quote, source, url, doc_id, published, sentence_id, detected_at)
           VALUES (@at, @kind, @actorId, @actor, @from, @to, @text, @quote, @source, @url, @docId, @published, @sentenceId, @detectedAt)`,
        )
        .run(a).lastInsertRowid,
    );
  }

  /** The highest alert id (0 when none): a new subscription's cursor. */
  maxId(): number {
    return (this.store.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM alerts').get() as { n: number }).n;
  }

  /** Alerts with afterId < id <= upTo, oldest first. */
  between(afterId: number, upTo: number): AlertRow[] {
    return this.store.prepare(`SELECT ${COLS} FROM alerts WHERE id > ? AND id <= ? ORDER BY id`).all(afterId, upTo) as AlertRow[];
  }

  /** Every alert, oldest first (the CLI filters them by time). */
  all(): AlertRow[] {
    return this.store.prepare(`SELECT ${COLS} FROM alerts ORDER BY id`).all() as AlertRow[];
  }

  mark(key: 'alerts_figure' | 'alerts_event' | 'alerts_maxima'): number {
    return (this.store.prepare('SELECT value FROM kb_meta WHERE key = ?').get(key) as { value: number } | undefined)?.value ?? 0;
  }

  setMark(key: 'alerts_figure' | 'alerts_event' | 'alerts_maxima', value: number): void {
    this.store.prepare('INSERT INTO kb_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Death tolls and counts written after figure `afterId`. */
  figuresAfter(afterId: number): IterableIterator<FigureFact> {
    // Streamed, not a list: an ingest of 100,000 articles leaves some 200,000 of them, a peak of
    // about 100 MB as objects. (The caller must not query this connection while it reads.)
    return this.store
      .prepare("SELECT id, kind, value, day, doc_id AS docId, sentence_id AS sentenceId FROM figures WHERE id > ? AND kind IN ('deaths', 'count') ORDER BY id")
      .iterate(afterId) as IterableIterator<FigureFact>;
  }

  /** Death tolls and counts up to figure `upTo` (to rebuild the maxima once, for a corpus from before them). */
  figuresUpTo(upTo: number): IterableIterator<FigureFact> {
    return this.store
      .prepare("SELECT id, kind, value, day, doc_id AS docId, sentence_id AS sentenceId FROM figures WHERE id <= ? AND kind IN ('deaths', 'count') ORDER BY id")
      .iterate(upTo) as IterableIterator<FigureFact>;
  }

  lastFigureId(): number {
    return (this.store.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM figures').get() as { n: number }).n;
  }

  lastEventId(): number {
    return (this.store.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM events').get() as { n: number }).n;
  }

  maxima(): Map<string, FigureMax> {
    const rows = this.store.prepare('SELECT key, amount, value, day FROM alert_figure_max').all() as FigureMax[];
    return new Map(rows.map((r) => [r.key, r]));
  }

  saveMaxima(m: ReadonlyMap<string, FigureMax>): void {
    const up = this.store.prepare('INSERT INTO alert_figure_max (key, amount, value, day) VALUES (@key, @amount, @value, @day) ON CONFLICT (key) DO UPDATE SET amount = excluded.amount, value = excluded.value, day = excluded.day');
    for (const v of m.values()) up.run(v);
  }

  /** A sentence with its article: the evidence of a figure. */
  sentence(id: number): { text: string; at: string | null; docId: string; source: string; url: string | null; published: string } | undefined {
    return this.store
      .prepare('SELECT s.text, s.at, d.id AS docId, d.source, d.url, d.published FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE s.id = ?')
      .get(id) as { text: string; at: string | null; docId: string; source: string; url: string | null; published: string } | undefined;
  }

  /** Events written after event `afterId`, with their article and sentence. */
  eventsAfter(afterId: number): EventEvidence[] {
    const rows = this.store
      .prepare(
        `SELECT e.id, e.day, e.at, e.text, e.scheduled, d.published, d.id AS docId, d.source, d.url, s.text AS quote, s.id AS sentenceId
         FROM events e JOIN sentences s ON s.id = e.sentence_id JOIN documents d ON d.id = s.doc_id
         WHERE e.id > ? AND e.scheduled = 1 ORDER BY e.id`,
      )
      .all(afterId) as (Omit<EventEvidence, 'scheduled'> & { scheduled: number })[];
    return rows.map((r) => ({ ...r, scheduled: r.scheduled === 1 }));
  }

  /** The most mentioned actor of an event that is not a side of the crisis, for the alert's actor. */
  eventActor(eventId: number, exclude: readonly string[]): { id: string; name: string } | undefined {
    const rows = this.store
      .prepare('SELECT a.id, a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ? ORDER BY a.mentions DESC')
      .all(eventId) as { id: string; name: string }[];
    return rows.find((r) => !exclude.includes(r.id)) ?? rows[0];
  }
}
