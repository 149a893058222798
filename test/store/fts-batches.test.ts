/**
 * Issue 12: sentences are indexed for full-text search once per ingest batch, in the batch's own
 * transaction (kb-write.ts indexNewSentences): what a batch stores is searchable after it, an
 * article rolled back leaves nothing in the index, and a database from before keeps its index.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNTH_CRISIS } from '../../bench/synth.js';
import { Briefing } from '../../src/core/briefing.js';
import { migrations } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const article = (id: string, text: string) => ({ id, text, source: 'Wire', published: '2031-03-01', timezone: 'UTC' });
const found = (kb: Briefing, q: string) => kb.reader.search(q, 10, { bm25: false }).map((r) => r.docId);
/** Every sentence is in the index exactly once: the index's own integrity check, and a count. */
const indexed = (store: Store) => {
  store.db.exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
  return (store.db.prepare("SELECT COUNT(*) AS n FROM sentences_fts WHERE sentences_fts MATCH 'the OR and OR of OR a'").get() as { n: number }).n;
};

describe('full-text index by batch', () => {
  it('indexes what each batch stored, once, and nothing of an article rolled back', () => {
    const store = new Store(join(tmp.dir, 'a.db'));
    const kb = new Briefing(store, SYNTH_CRISIS);
    // (These articles name no actor at all: the refresh after them must not fail either.)
    kb.ingest([article('one', 'First\n\nThe envoys met in the capital on Monday.'), article('two', 'Second\n\nA convoy of aid trucks crossed the border.')]);
    expect(found(kb, 'envoys')).toEqual(['one']);
    expect(found(kb, 'convoy')).toEqual(['two']);
    // The second article of this batch fails while it is written: its savepoint rolls back.
    const res = kb.ingest([article('three', 'Third\n\nThe harbour reopened to shipping.'), article('four', 'Fourth\n\nThe lighthouse keepers went on strike.')], undefined, {
      at: (stage, n) => {
        if (stage === 'write' && n === 1) throw new Error('disk full');
      },
    });
    expect(res.map((r) => r.ok)).toEqual([true, false]);
    expect(found(kb, 'harbour')).toEqual(['three']);
    expect(found(kb, 'lighthouse')).toEqual([]);
    // A later batch reuses the rolled-back rowids: they are indexed with the new text only.
    kb.ingest([article('five', 'Fifth\n\nThe glaciers retreated again this year.')]);
    expect(found(kb, 'glaciers')).toEqual(['five']);
    expect(found(kb, 'lighthouse')).toEqual([]);
    const sentences = (store.db.prepare('SELECT COUNT(*) AS n FROM sentences').get() as { n: number }).n;
    expect(indexed(store)).toBeLessThanOrEqual(sentences);
    store.close();
  });

  it('a database written before keeps its index and its mentions: the migrations carry them over', () => {
    const path = join(tmp.dir, 'b.db');
    const kb = new Briefing(new Store(path), SYNTH_CRISIS);
    kb.ingest([article('old', 'Old\n\nThe ferry from Norway sank near the island, Sweden said.')]);
    kb.store.close();
    // As a database from before these versions: no pointer, every sentence already in the index,
    // mentions keyed by actor with an index by sentence.
    const raw = new Database(path);
    const mentions = raw.prepare('SELECT sentence_id, actor_id FROM mentions ORDER BY 1, 2').all();
    expect(mentions.length).toBeGreaterThan(1);
    raw.exec(`DELETE FROM kb_meta WHERE key = 'fts_through';
      CREATE TABLE old_mentions (actor_id TEXT NOT NULL, sentence_id INTEGER NOT NULL, PRIMARY KEY (actor_id, sentence_id)) WITHOUT ROWID;
      INSERT INTO old_mentions SELECT actor_id, sentence_id FROM mentions; DROP TABLE mentions; ALTER TABLE old_mentions RENAME TO mentions;
      CREATE INDEX mentions_sentence ON mentions(sentence_id);`);
    raw.pragma(`user_version = ${migrations.findIndex((m) => m.includes("'fts_through'"))}`);
    raw.close();
    const again = new Briefing(new Store(path), SYNTH_CRISIS);
    expect(again.store.db.prepare('SELECT sentence_id, actor_id FROM mentions ORDER BY 1, 2').all()).toEqual(mentions);
    again.ingest([article('new', 'New\n\nThe ferry service resumed.')]);
    expect(found(again, 'ferry').sort()).toEqual(['new', 'old']);
    expect(() => indexed(again.store)).not.toThrow();
    again.store.close();
  });
});
