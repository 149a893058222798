/** A worker's extraction packed for the writing thread comes back equal (src/ingest/wire.ts). */
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { SYNTH_CRISIS, synthArticles } from '../../bench/synth.js';
import { Extractor } from '../../src/ingest/extractor.js';
import { checkArticle } from '../../src/ingest/prepare.js';
import { loadCrisis, seedArticles } from '../../src/ingest/seeds.js';
import { pack, unpack } from '../../src/ingest/wire.js';

describe('wire', () => {
  it('packs and unpacks every extraction of the seeds and of synthetic articles to an equal one, through structured cloning', () => {
    const seeds = new Extractor(loadCrisis('seeds'), []);
    const synth = new Extractor(SYNTH_CRISIS, []);
    const specs = [
      ...seedArticles('seeds').map((a, i) => seeds.extract(checkArticle(a, i, null))),
      ...[...synthArticles(300)].map((a, i) => synth.extract(checkArticle(a, i, null))),
    ];
    let events = 0;
    for (const sp of specs) {
      expect(unpack(deserialize(serialize(pack(sp))))).toStrictEqual(sp);
      events += sp.x.events.length;
    }
    expect(events).toBeGreaterThan(100);
  });

  it('sends an event text once when it is the sentence text, and a text of its own as it is', () => {
    const sp = new Extractor(SYNTH_CRISIS, []).extract(checkArticle([...synthArticles(1)][0] as never, 0, null));
    const e = sp.x.events[0];
    if (!e) throw new Error('the synthetic article has events');
    expect(pack(sp).ev[4]).toBeNull();
    const own = { ...sp, x: { ...sp.x, events: [{ ...e, text: 'A text of its own.' }] } };
    expect(pack(own).ev[4]).toBe('A text of its own.');
    expect(unpack(pack(own)).x.events[0]?.text).toBe('A text of its own.');
  });
});
