/**
 * Issue 12: actor rows are written once per ingest batch (kb-write.ts ActorTally), not once per
 * article. The rows must be exactly those one upsert per article gives: mentions summed, the last
 * known affiliation, the latest aliases; and an article rolled back adds nothing.
 */
import { describe, expect, it } from 'vitest';
import { SYNTH_CRISIS, synthArticles } from '../../bench/synth.js';
import { Briefing } from '../../src/core/briefing.js';
import { Store } from '../../src/store/store.js';

const article = (id: string, day: string, text: string) => ({ id, text: `${id}\n\n${text}`, source: 'Wire', published: `2031-03-${day}`, timezone: 'UTC' });
/** Made-up articles with many countries and people, and one person named in three articles in a row. */
const corpus = () => [
  ...synthArticles(12, 7),
  article('a', '02', 'Ingrid Solberg met the rebel council in the north on Monday.'),
  article('b', '03', 'Norwegian Foreign Minister Ingrid Solberg said Norway backs the Northern Front.'),
  article('c', '04', 'Solberg repeated on Wednesday that Oslo would not recognise the Arden government.'),
  ...synthArticles(6, 8),
];
const open = () => new Briefing(new Store(':memory:'), SYNTH_CRISIS);
const rows = (kb: Briefing) => kb.store.db.prepare('SELECT * FROM actors ORDER BY id').all();

describe('actor rows by batch', () => {
  it('one batch gives the rows one article per batch gives', () => {
    const articles = corpus();
    const together = open();
    together.ingest(articles);
    const apart = open();
    for (const a of articles) apart.ingest([a]);
    expect(rows(together).length).toBeGreaterThan(20);
    const solberg = rows(together).find((r) => (r as { name: string }).name === 'Ingrid Solberg') as { affiliation: string | null; aliases: string; mentions: number };
    expect(solberg).toMatchObject({ mentions: 3 });
    expect(JSON.parse(solberg.aliases)).toContain('Solberg');
    expect(rows(together)).toEqual(rows(apart));
  });

  /** The corpus ingested with article `k` failing as it is written, and without article `k`. */
  const withFailure = (articles: ReturnType<typeof corpus>, k: number) => {
    const kb = open();
    const res = kb.ingest(articles, undefined, {
      at: (stage, n) => {
        if (stage === 'write' && n === k) throw new Error('disk full');
      },
    });
    expect(res[k]).toMatchObject({ ok: false });
    const without = open();
    without.ingest(articles.filter((_, i) => i !== k));
    return { kb, without };
  };
  const stances = (kb: Briefing) => kb.store.db.prepare('SELECT actor_id, alignment, strength FROM stances ORDER BY 1').all();

  it('an article rolled back adds nothing to the rows', () => {
    // It names only countries (no person the gazetteer would learn from it).
    const failing = article('x', '05', 'Norway and Sweden condemned the shelling of the border town on Thursday.');
    const { kb, without } = withFailure([...corpus().slice(0, 5), failing, ...corpus().slice(5)], 5);
    expect(rows(kb)).toEqual(rows(without));
  });

  it('an article rolled back teaches the rest of the run no one (its people are forgotten)', () => {
    // Synthetic article 1 names people of its own; later articles name people with the same
    // surnames, which it would otherwise make them read as its people.
    const { kb, without } = withFailure(corpus(), 1);
    expect(rows(kb)).toEqual(rows(without));
    expect(stances(kb)).toEqual(stances(without));
  });
});
