/**
 * Full-text search over the stored sentences (SQLite FTS5, indexed once per ingest batch by
 * kb-write.ts indexNewSentences): ranked or newest-first matches, and prefix terms expanded to the
 * words they match.
 */
import type { Store } from './store.js';

/** A matching sentence with its article's outlet and link. */
export interface SearchRow {
  id: number;
  text: string;
  kind: string;
  at: string | null;
  docId: string;
  source: string;
  url: string | null;
  rank: number;
}

export class SentenceSearch {
  constructor(private readonly store: Store) {}

  /** Statements are cached by the store. */
  private get db() {
    return this.store;
  }

  /**
   * Full-text search over sentences, best first. With `bm25`, FTS5's BM25 ranks at most `window`
   * matching sentences, the most recently ingested (on a large corpus a common term matches tens
   * of thousands of rows, and BM25 costs ~15 µs a row). Without it, the newest matches come first
   * with rank 0: right when every match already contains every concept of the question.
   */
  search(
    match: string,
    limit: number,
    opts: { bm25?: boolean; window?: number } = {},
  ): SearchRow[] {
    const bm25 = opts.bm25 ?? true;
    // Without BM25 the rows are the same; with it, a prefix's score is not its words' (kept as is).
    if (!bm25 && SentenceSearch.expandPrefixes) match = this.expandPrefixes(match);
    const inner = bm25
      ? 'SELECT rowid AS rid, bm25(sentences_fts) AS rank FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?'
      : 'SELECT rowid AS rid, 0 AS rank FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?';
    return this.db
      .prepare(
        `SELECT s.id, s.text, s.kind, s.at, s.doc_id AS docId, d.source, d.url, f.rank
         FROM (${inner}) f JOIN sentences s ON s.id = f.rid JOIN documents d ON d.id = s.doc_id
         ORDER BY f.rank, f.rid ${bm25 ? '' : 'DESC'} LIMIT ?`,
      )
      .all(match, opts.window ?? (bm25 ? 250 : limit), limit) as SearchRow[];
  }

  /** Whether any sentence has the word (a misspelt name has none). */
  hasWord(word: string): boolean {
    try {
      return this.db.prepare('SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT 1').get(`"${word.replace(/"/g, '')}"`) !== undefined;
    } catch {
      return true;
    }
  }

  /** Prefix terms are expanded to the words they match (see expandPrefixes); a static so a check can compare. */
  static expandPrefixes = true;

  /**
   * `kill*` -> `("kill" OR "killed" OR "killing" OR "kills")`: the same rows. FTS5 answers a prefix
   * term by reading and merging the whole doclist of every word it matches (on a large corpus,
   * tens of thousands of rows for a common word) before it can apply AND or LIMIT; single words
   * are read lazily, and AND skips through them with their doclist indexes. A prefix matching more
   * than 24 words stays a prefix. The words of a prefix are cached until the database changes.
   */
  private expandPrefixes(match: string): string {
    // Another connection's commits change data_version; this connection's own writes, total_changes().
    const version = `${this.store.dataVersion()}:${this.db.prepare('SELECT total_changes()').pluck().get() as number}`;
    if (version !== this.vocabVersion) {
      this.vocab.clear();
      this.vocabVersion = version;
    }
    return match.replace(/(?<=^|[\s(])([a-z0-9]+)\*(?=$|[\s)])/g, (whole: string, prefix: string) => {
      let words = this.vocab.get(prefix);
      if (words === undefined) {
        words = this.prefixWords(prefix);
        if (this.vocab.size >= 1000) this.vocab.clear();
        this.vocab.set(prefix, words);
      }
      return words === null ? whole : `(${words.map((w) => `"${w}"`).join(' OR ')})`;
    });
  }

  /** The indexed words starting with `prefix` (null: none, or too many to list). */
  private prefixWords(prefix: string): string[] | null {
    if (!this.vocabReady) {
      // A view of the full-text index's terms, on this connection only (no migration).
      this.store.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sentences_terms USING fts5vocab(main, sentences_fts, 'row')");
      this.vocabReady = true;
    }
    // The words from `prefix` up to the next prefix of the same length ("kill" -> "kilm").
    const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    const rows = this.db.prepare('SELECT term FROM temp.sentences_terms WHERE term >= ? AND term < ? LIMIT 25').pluck().all(prefix, next) as string[];
    return rows.length === 0 || rows.length > 24 || rows.some((w) => w.includes('"')) ? null : rows;
  }

  private readonly vocab = new Map<string, string[] | null>();
  private vocabVersion = '';
  private vocabReady = false;
}
