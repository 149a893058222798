/**
 * A made-up border bombing and cross-border strikes (test/fixtures/karesh), written before the
 * code ran on it, with what a careful analyst answers. It found a wrong side ("condemned the strikes
 * as a violation of Solmark's sovereignty" read as against Solmark), a militia named after the Red
 * Crescent taken for the Red Crescent, and a "who" answer naming the state a group is based in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOn } from '../helpers.js';

const ask = askOn('karesh', { beforeAll, afterAll });
const side = (name: string) => {
  const r = ask.kb().stance(name);
  return r.found ? `${r.alignment}/${r.strength ?? ''}` : 'not found';
};

describe('the Karesh strikes', () => {
  it('reads each actor as an analyst would', () => {
    expect(side('Turkey')).toBe('solmark/leaning');
    expect(side('Israel')).toBe('daravia/firm');
    expect(side('United States')).toMatch(/^daravia\//);
    for (const n of ['China', 'Britain', 'Russia', 'Saudi Arabia']) expect(side(n), n).toBe('neutral/');
    // Condemning the bombing is not a side: it was a militant group's, not Solmark's.
    for (const n of ['France', 'Japan']) expect(side(n), n).toBe('neutral/');
    expect(ask.kb().actors().map((a) => a.name)).not.toContain('Red Crescent');
  });

  it('answers who did it with the doer, not the state it is based in', async () => {
    expect(await ask('Who claimed responsibility for the attack?')).toBe('the Red Crescent Brigade');
    expect(await ask('Who shot down the Daravian jet?')).toBe('Solmark');
    expect(await ask('How many soldiers were killed in Karesh?')).toBe('31 Daravian soldiers');
    expect(await ask('When was the pilot returned?')).toBe('23 Apr 2044');
    expect((await ask.kb().ask('Does Turkey support Solmark?')).answer).toMatch(/^It leans that way\. Turkey leans toward Solmark/);
  });
});
