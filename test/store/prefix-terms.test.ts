/**
 * Issue 12: full-text prefix terms (`kill*`) are expanded to the words they match before FTS5
 * runs them (the same rows, read lazily). The expansion must give exactly what the prefix query
 * gives, and see words this connection or another one wrote since.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNTH_CRISIS, synthArticles } from '../../bench/synth.js';
import { Briefing } from '../../src/core/briefing.js';
import { SentenceSearch } from '../../src/store/kb-search.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => {
  SentenceSearch.expandPrefixes = true;
  tmp.cleanup();
});

const article = (id: string, text: string) => ({ id, text, source: 'Wire', published: '2031-03-01', timezone: 'UTC' });

describe('prefix terms', () => {
  it('match the rows the prefix query matches, and words written since', () => {
    const path = join(tmp.dir, 'kb.db');
    const kb = new Briefing(new Store(path), SYNTH_CRISIS);
    kb.ingest([...synthArticles(60, 3)]);
    const queries = ['(people*) AND (kill* OR death* OR dead*) AND (near*) AND (bord*)', 'recogni*', '(aid* OR assist*) AND (pledg*)', 'zzz*', '"year old" AND (lia*)', 'a*'];
    const run = (q: string, bm25: boolean) => kb.reader.search(q, 60, { bm25 }).map((r) => [r.id, r.rank]);
    for (const bm25 of [false, true]) {
      for (const q of queries) {
        SentenceSearch.expandPrefixes = false;
        const plain = run(q, bm25);
        SentenceSearch.expandPrefixes = true;
        expect(run(q, bm25), q).toEqual(plain);
      }
    }
    expect(kb.reader.search('killings*', 10, { bm25: false })).toHaveLength(0);
    // A word this connection writes after the expansion was cached.
    kb.ingest([article('late', 'Late news\n\nThe killings near the border drew condemnation from Norway.')]);
    expect(kb.reader.search('killings*', 10, { bm25: false }).map((r) => r.docId)).toEqual(['late']);
    // And one another connection writes.
    const other = new Briefing(new Store(path), SYNTH_CRISIS);
    other.ingest([article('later', 'Later news\n\nKillingsworth, a town near the border, was shelled.')]);
    expect(kb.reader.search('killings*', 10, { bm25: false }).map((r) => r.docId).sort()).toEqual(['late', 'later']);
    other.store.close();
    kb.store.close();
  });
});
