/**
 * A second made-up crisis (Kestria, 2032), written as a wire story in phrasing the rules were not
 * built on: apposition ages, "weighing whether to recognize", "have not taken a position".
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
beforeAll(() => {
  app = freshApp(join(import.meta.dirname, '..', 'fixtures', 'kestria'));
});
afterAll(() => app.cleanup());

describe('an unseen crisis', () => {
  it.each([
    ['United States', 'assembly', 'firm'], // "said it supports the parliament's decision"
    ['China', 'palace', 'firm'], // "expressed its firm support for the Vale government"
    ['Sri Lanka', 'palace', 'firm'], // a president quoted: "stands with Prime Minister Vale"
    ['Nepal', 'assembly', 'firm'], // British spelling: "recognised"
    ['Japan', 'assembly', 'leaning'], // "weighing whether to recognize"
    ['India', 'neutral', null], // "urged all sides to show restraint"
    ['Pakistan', 'neutral', null], // "have not taken a position"
  ])('%s → %s (%s)', (q, alignment, strength) => {
    expect(app.kb.stance(q)).toMatchObject({ found: true, alignment, strength });
  });

  it('evidence for a neutral actor is the sentence that says so', () => {
    expect(app.kb.stance('Bangladesh').evidence[0]?.quote).toBe('Pakistan and Bangladesh have not taken a position, diplomats said.');
  });

  it('dates the vote and the deaths from the publication day, and answers an apposition age', async () => {
    const t = app.kb.timeline({ limit: 20 });
    expect(t.events.find((e) => /voted on Tuesday/.test(e.text))?.at).toBe('2032-09-14');
    expect(t.events.find((e) => /9 people died/.test(e.text))?.at).toBe('2032-09-13');
    expect((await app.kb.ask('How old is Ruth Anand?')).answer).toBe('47');
    expect((await app.kb.ask('How many people died?')).answer).toBe('At least 9 people died');
  });

  it('a list before "said" speaks together, and declining recognition while offering to mediate is neutral', () => {
    const text = 'Neighbours split\n\nBhutan and Maldives said they would not recognize Speaker Ruth Anand and offered to mediate between the two sides.';
    const [r] = app.kb.ingest([{ text, source: 'Wire', published: '2032-09-17', timezone: 'UTC', path: 'split.txt' }]);
    expect(r?.ok).toBe(true);
    for (const q of ['Bhutan', 'Maldives']) {
      const s = app.kb.stance(q);
      expect(s, q).toMatchObject({ found: true, alignment: 'neutral' });
      expect(s.evidence[0]?.quote, q).toMatch(/^Bhutan and Maldives said/);
    }
  });
});
