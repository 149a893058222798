/**
 * A digest of a day whose articles only look back ("two weeks on", "on Thursday" in Saturday's
 * paper) shows what those articles reported, each at its own date, not "no developments". Made-up
 * crisis: test/fixtures/u8-castrena (its last article, 27 Sep, dates every event earlier).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOn } from '../helpers.js';

const castrena = askOn('u8-castrena', { beforeAll, afterAll });

describe("a digest of a day that only looks back", () => {
  it("shows what the day's articles reported, at their own dates", () => {
    const d = castrena.kb().digest({ date: '2042-09-27' });
    expect(d.developments.length).toBeGreaterThan(0);
    expect(d.developments.every((e) => e.at < '2042-09-27')).toBe(true);
    expect(d.headline).not.toMatch(/^No dated developments/);
    expect(d.sources.map((s) => (s.published ?? '').slice(0, 10))).toEqual(['2042-09-27']);
  });

  it('a day with its own events keeps them', () => {
    const d = castrena.kb().digest({ date: '2042-09-15' });
    expect(d.developments.some((e) => e.at.startsWith('2042-09-1'))).toBe(true);
  });
});
