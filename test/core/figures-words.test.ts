/** Figures written in words: deadlines "within six weeks", "ten days to", tolls of "two dozen". */
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/core/read/figures.js';

const f = (s: string) => findFigures(s).map((x) => [x.kind, x.value]);

describe('figures in words', () => {
  it('deadlines in weeks and months, and in words', () => {
    expect(f('The council promised elections within six weeks.')).toEqual([['deadline', 'within six weeks']]);
    expect(f('The bloc gave the generals ten days to restore the government.')).toEqual([['deadline', 'ten days to restore']]);
    expect(f('A vote will be held in two months.')).toEqual([['deadline', 'in two months']]);
  });
  it('"two dozen" as a toll', () => {
    expect(f('Two dozen people were killed in the clashes.')).toEqual([['deaths', 'Two dozen people were killed']]);
  });
});
