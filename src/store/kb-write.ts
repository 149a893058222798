/** Writes one article's extraction into the store, merging events that other articles already reported. */
import type { Extraction } from '../core/read/extract.js';
import type { ActorDef } from '../core/read/gazetteer.js';
import type { ActorRow } from './kb-rows.js';
import type { EventIndex } from './event-index.js';
import type { Store } from './store.js';

/** What one stored sentence, quote or event text may carry (longer ones are cut with "…"). */
export const MAX_TEXT = 2_000;

function capText(t: string): string {
  if (t.length <= MAX_TEXT) return t;
  const cut = t.lastIndexOf(' ', MAX_TEXT - 1);
  return `${t.slice(0, cut > MAX_TEXT / 2 ? cut : MAX_TEXT - 1).trimEnd()}…`;
}

export interface DocRow {
  id: string;
  title: string;
  source: string;
  published: string;
  timezone: string;
  url: string | null;
  path: string | null;
  hash: string;
  bytes: number;
  ingestedAt: string;
}

const PRECISION_RANK: Record<string, number> = { minute: 3, day: 2, month: 1, year: 0 };

/** One actor row as an article leaves it (its mentions: this article's): the upsert writeDocument would run, deferred (ActorTally). */
type ActorUpdate = ActorRow;

/**
 * The actor rows of an ingest batch, written once per actor when the batch ends instead of once
 * per article: the same final rows (mentions summed, the last known affiliation, the latest
 * aliases; name and kind from the first insert), a tenth of the statements. Only articles whose
 * savepoint succeeded are added (Briefing.writeArticle), and nothing in a batch reads these rows.
 */
export class ActorTally {
  private readonly rows = new Map<string, ActorUpdate>();

  add(updates: readonly ActorUpdate[]): void {
    for (const u of updates) {
      const r = this.rows.get(u.id);
      if (!r) this.rows.set(u.id, { ...u });
      else {
        r.mentions += u.mentions;
        if (u.affiliation !== null) r.affiliation = u.affiliation;
        r.aliases = u.aliases;
      }
    }
  }

  /** Write every row (in the batch's transaction) and start empty. */
  flush(store: Store): void {
    const up = store.prepare(
      `INSERT INTO actors (id, name, kind, affiliation, aliases, mentions) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET mentions = mentions + excluded.mentions,
         affiliation = COALESCE(excluded.affiliation, actors.affiliation), aliases = excluded.aliases`,
    );
    for (const r of this.rows.values()) up.run(r.id, r.name, r.kind, r.affiliation, r.aliases, r.mentions);
    this.rows.clear();
  }

  clear(): void {
    this.rows.clear();
  }
}

/** Rows per multi-row INSERT at most (a statement per count up to this is compiled once, and cached). */
const ROWS_PER_INSERT = 32;

/**
 * Insert rows given as one flat list of values (`width` per row), many rows per statement: one
 * call into SQLite for up to 32 rows instead of one each (calls, not b-tree work, are most of what
 * a small row costs). `head` is the statement up to VALUES. Returns the rowid of the last row.
 */
function insertRows(store: Store, head: string, width: number, values: unknown[]): number {
  let last = 0;
  const rows = values.length / width;
  const one = `(${new Array(width).fill('?').join(', ')})`;
  for (let r = 0; r < rows; r += ROWS_PER_INSERT) {
    const n = Math.min(ROWS_PER_INSERT, rows - r);
    const st = store.prepare(`${head} VALUES ${new Array(n).fill(one).join(', ')}`);
    last = Number(st.run(n === rows ? values : values.slice(r * width, (r + n) * width)).lastInsertRowid);
  }
  return last;
}

/** Write one article's extraction; returns its actor rows, for the batch's ActorTally. */
export function writeDocument(store: Store, index: EventIndex, doc: DocRow, x: Extraction, actorDef: (id: string) => ActorDef | undefined): ActorUpdate[] {
  const db = store;
  db.prepare(
    `INSERT INTO documents (id, title, source, published, timezone, url, path, hash, bytes, ingested_at)
     VALUES (@id, @title, @source, @published, @timezone, @url, @path, @hash, @bytes, @ingestedAt)`,
  ).run(doc);
  // Sentences in one statement: their rowids are consecutive (INTEGER PRIMARY KEY is max + 1, and
  // this connection holds the write lock), so the last one gives them all.
  const sentenceRows: unknown[] = [];
  for (const s of x.sentences) sentenceRows.push(doc.id, s.seq, s.kind, s.para, capText(s.text), s.at, s.precision);
  const lastSentence = x.sentences.length ? insertRows(db, 'INSERT INTO sentences (doc_id, seq, kind, para, text, at, precision)', 7, sentenceRows) : 0;
  const sentenceId = new Map<number, number>();
  const counts = new Map<string, number>();
  const mentionRows: unknown[] = [];
  x.sentences.forEach((s, i) => {
    const id = lastSentence - x.sentences.length + 1 + i;
    sentenceId.set(s.seq, id);
    for (const a of s.actors) {
      mentionRows.push(id, a);
      counts.set(a, (counts.get(a) ?? 0) + 1);
    }
  });
  if (mentionRows.length) insertRows(db, 'INSERT OR IGNORE INTO mentions (sentence_id, actor_id)', 2, mentionRows);
  for (const p of x.people) if (!counts.has(p.id)) counts.set(p.id, 0);
  const people = new Map(x.people.map((p) => [p.id, p]));
  const actors: ActorUpdate[] = [];
  for (const [id, n] of counts) {
    const def = actorDef(id);
    if (!def) continue;
    const person = people.get(id);
    const aff = person ? (person.explicit ? person.affiliation : null) : (def.affiliation ?? null);
    actors.push({ id, name: def.name, kind: def.kind, affiliation: aff ?? (def.kind === 'person' ? (def.affiliation ?? null) : null), aliases: JSON.stringify(def.aliases), mentions: n });
  }
  const claimRows: unknown[] = [];
  for (const c of x.claims) {
    const s = x.sentences[c.seq];
    claimRows.push(c.actorId, c.side, c.strength, sentenceId.get(c.seq), doc.id, s?.at ?? null, s?.precision ?? null, c.speaker, c.cue, c.background ? 1 : 0);
  }
  if (claimRows.length) insertRows(db, 'INSERT INTO claims (actor_id, side, strength, sentence_id, doc_id, at, precision, speaker, cue, background)', 10, claimRows);
  const insEvent = db.prepare('INSERT INTO events (day, at, precision, text, kind, scheduled, sig, weight, n_sources, sentence_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)');
  const insEvSource = db.prepare('INSERT OR IGNORE INTO event_sources (event_id, doc_id, sentence_id) VALUES (?, ?, ?)');
  // n_sources counts an event's rows in event_sources: one more when this article's row is new.
  const countSource = db.prepare('UPDATE events SET n_sources = n_sources + ?, weight = MAX(weight, ?) WHERE id = ?');
  const sharpen = db.prepare('UPDATE events SET at = ?, precision = ? WHERE id = ?');
  const eventActorRows: unknown[] = [];
  for (const e of x.events) {
    const sid = sentenceId.get(e.seq) as number;
    const same = index.find(e.day, e.sig, doc.id, e.at, e.precision);
    let eventId: number;
    if (same) {
      eventId = same.id;
      if ((PRECISION_RANK[e.precision] ?? 0) > (PRECISION_RANK[same.precision] ?? 0)) {
        sharpen.run(e.at, e.precision, eventId);
        same.precision = e.precision;
        same.at = e.at;
      }
      same.docs.add(doc.id);
    } else {
      // The text is the sentence's, stored once in sentences ('' here; kb-read joins it back).
      eventId = Number(insEvent.run(e.day, e.at, e.precision, capText(e.text) === capText(x.sentences[e.seq]?.text ?? '') ? '' : capText(e.text), e.kind, e.scheduled ? 1 : 0, JSON.stringify(e.sig), e.weight, sid).lastInsertRowid);
      index.add(e.day, { id: eventId, sig: new Set(e.sig), precision: e.precision, at: e.at, docs: new Set([doc.id]) });
    }
    const added = insEvSource.run(eventId, doc.id, sid).changes;
    for (const a of e.actors) eventActorRows.push(eventId, a);
    if (same) countSource.run(added, e.weight, eventId);
  }
  if (eventActorRows.length) insertRows(db, 'INSERT OR IGNORE INTO event_actors (event_id, actor_id)', 2, eventActorRows);
  const quoteRows: unknown[] = [];
  for (const q of x.quotes) quoteRows.push(sentenceId.get(q.seq), doc.id, capText(q.text), q.speakerId, q.speaker);
  if (quoteRows.length) insertRows(db, 'INSERT INTO quotes (sentence_id, doc_id, text, speaker_id, speaker)', 5, quoteRows);
  // A figure's text is its sentence's, stored once in sentences ('' here; kb-read joins it back).
  const figureRows: unknown[] = [];
  for (const f of x.figures) figureRows.push(sentenceId.get(f.seq), doc.id, f.kind, f.value, '', f.at, f.day);
  if (figureRows.length) insertRows(db, 'INSERT INTO figures (sentence_id, doc_id, kind, value, text, at, day)', 7, figureRows);
  return actors;
}

/**
 * Index the sentences stored since the last call for full-text search: one statement per ingest
 * batch, in the batch's transaction, instead of one per sentence (a fifth of the writer's time).
 * Sentences of an article rolled back were never stored, so they are never indexed.
 */
export function indexNewSentences(store: Store): void {
  const through = (store.prepare("SELECT value FROM kb_meta WHERE key = 'fts_through'").get() as { value: number } | undefined)?.value ?? 0;
  const last = (store.prepare('SELECT MAX(id) AS id FROM sentences').get() as { id: number | null }).id ?? 0;
  if (last <= through) return;
  store.prepare('INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ? AND id <= ?').run(through, last);
  store.prepare("INSERT INTO kb_meta (key, value) VALUES ('fts_through', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(last);
}

/** Importance of every event: kind weight, how many articles report it, how central its actors are. */
export function refreshImportance(store: Store): void {
  store.db.exec(`
    UPDATE events SET importance = weight + 2.0 * (n_sources - 1) + 2.0 * COALESCE(
      (SELECT MAX(a.mentions) FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = events.id), 0)
      / MAX(1, COALESCE((SELECT MAX(mentions) FROM actors WHERE kind != 'side'), 0))`);
  // (A corpus that names no actor but the sides has no maximum: SQLite's MAX(1, NULL) is NULL.)
}

// ------------------------------------------------------------ derived state and concurrent writers

/** The row of ingest_dirty that stands for "event importance must be recomputed". */
const IMPORTANCE = '';

/**
 * Mark what an ingest batch changed, in the batch's own transaction: the actors whose stance must be
 * recomputed and event importance. A crash before the refresh leaves the marks, and the next start
 * (or the next ingest) repairs them: derived state cannot stay stale.
 */
export function markDirty(store: Store, actors: Iterable<string>): void {
  const ins = store.prepare('INSERT OR IGNORE INTO ingest_dirty (actor_id) VALUES (?)');
  ins.run(IMPORTANCE);
  for (const a of actors) ins.run(a);
}

/** What is marked dirty: whether importance is, and which actors' stances. */
export function dirty(store: Store): { importance: boolean; actors: string[] } {
  const ids = (store.prepare('SELECT actor_id FROM ingest_dirty').all() as { actor_id: string }[]).map((r) => r.actor_id);
  return { importance: ids.includes(IMPORTANCE), actors: ids.filter((id) => id !== IMPORTANCE) };
}

export function hasDirty(store: Store): boolean {
  return store.prepare('SELECT 1 FROM ingest_dirty LIMIT 1').get() !== undefined;
}

export function clearDirty(store: Store): void {
  store.prepare('DELETE FROM ingest_dirty').run();
}

/** The corpus version: bumped by every committed ingest batch, so a writer sees another's commits. */
export function kbVersion(store: Store): number {
  return (store.prepare("SELECT value FROM kb_meta WHERE key = 'version'").get() as { value: number } | undefined)?.value ?? 0;
}

export function bumpVersion(store: Store): number {
  store.prepare("INSERT INTO kb_meta (key, value) VALUES ('version', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1").run();
  return kbVersion(store);
}
