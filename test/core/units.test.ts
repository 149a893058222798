/** Unit tests of the pure text machinery. */
import { describe, expect, it } from 'vitest';
import { findCues } from '../../src/core/read/cues.js';
import { findDates } from '../../src/core/read/dates.js';
import { findFigures } from '../../src/core/read/figures.js';
import { parseTimeLabel, segment, splitSentences } from '../../src/core/read/segment.js';
import { fold, tokenize } from '../../src/core/text.js';
import { formatWhen } from '../../src/core/when.js';

describe('segment', () => {
  it('keeps abbreviations inside sentences', () => {
    expect(splitSentences('The U.S. Embassy in Caracas closed. Officials left on Jan. 24 at noon. Gen. Smith said so.')).toEqual([
      'The U.S. Embassy in Caracas closed.',
      'Officials left on Jan. 24 at noon.',
      'Gen. Smith said so.',
    ]);
  });

  it('finds headline, captions, headings, entries with local times (12:15 a.m. is 00:15)', () => {
    const text = 'Big headline\n\nA first paragraph about events.\n\nA caption here. (Jane Doe/Reuters)\n\nSection heading\n\n12:15 a.m.\nAn entry sentence.\n1 p.m.\nAnother entry.';
    const s = segment(text, '2030-06-01', 'Europe/Berlin');
    expect(s.map((x) => x.kind)).toEqual(['headline', 'body', 'caption', 'caption', 'heading', 'body', 'body']);
    // The blog runs forward in time here, so both entries are on the publication day.
    expect(s[5]?.entryAt).toBe('2030-06-01T00:15:00+02:00');
    expect(s[6]?.entryAt).toBe('2030-06-01T13:00:00+02:00');
  });

  it('collapses any whitespace inside a line to one space and keeps line breaks (CR, CRLF, LF)', () => {
    const text = 'Head\u00a0\u00a0line \t here\r\n\r\n  Norway \u2003 backed   the\tFront on Monday.\u00a0\rA second\u2028paragraph follows.\n';
    expect(segment(text, '2030-06-01', 'UTC').map((x) => [x.kind, x.text])).toEqual([
      ['headline', 'Head line here'],
      ['body', 'Norway backed the Front on Monday.'],
      ['body', 'A second paragraph follows.'],
    ]);
  });
});

describe('entry headers', () => {
  it.each([
    ['4:25 p.m.', 16 * 60 + 25],
    ['1 p.m.', 13 * 60],
    ['12:15 a.m.', 15],
    ['1:45 P.M.', 13 * 60 + 45],
    ['Noon', 12 * 60],
    ['Midnight', 0],
    ['16:25', 16 * 60 + 25],
    ['9.05', 9 * 60 + 5],
    ['The meeting ended at 4 p.m. sharp.', null],
    ['2019', null],
  ])('%s', (line, minutes) => {
    expect(parseTimeLabel(line)).toBe(minutes);
  });
});

describe('dates', () => {
  const on = (s: string, pub = '2019-01-24') => findDates(s, pub).map((d) => [d.value, d.precision, d.future]);
  it('resolves weekdays against the publication day (a Thursday)', () => {
    expect(on('He spoke on Wednesday.')).toEqual([['2019-01-23', 'day', false]]);
    expect(on('It happened Thursday.')).toEqual([['2019-01-24', 'day', false]]);
    expect(on('The council will meet on Saturday.')).toEqual([['2019-01-26', 'day', true]]);
    expect(on('On Monday, troops rebelled.')).toEqual([['2019-01-21', 'day', false]]);
  });
  it('resolves months, years and relative words', () => {
    expect(on('He visited Moscow in December.')).toEqual([['2018-12', 'month', false]]);
    expect(on('his May 2018 re-election')).toEqual([['2018-05', 'month', false]]);
    expect(on('the May 20 election')).toEqual([['2018-05-20', 'day', false]]);
    expect(on('a coup attempt in 2016')).toEqual([['2016', 'year', false]]);
    expect(on('a day earlier')).toEqual([['2019-01-23', 'day', false]]);
    expect(on('last month')).toEqual([['2018-12', 'month', false]]);
  });
});

describe('cues, figures, text', () => {
  it('hedges and negations are not firm support', () => {
    expect(findCues('Australia is considering recognizing him').map((c) => c.type)).toEqual(['hedge']);
    expect(findCues('the statement stops short of recognizing him').map((c) => c.type)).toEqual(['withhold', 'withhold']);
    expect(findCues('the U.S. doesn’t recognize Maduro').map((c) => c.type)).toEqual(['criticize']);
    expect(findCues('Maduro is not the “legitimate” leader').map((c) => c.type)).toEqual(['criticize']);
    expect(findCues('seeking Russia’s political support').map((c) => c.type)).toEqual(['ignore']);
    expect(findCues('Japan said it was weighing whether to recognize her').map((c) => c.type)).toEqual(['hedge']);
    expect(findCues('Pakistan and Bangladesh have not taken a position').map((c) => c.type)).toEqual(['neutral']);
    expect(findCues('Britain condemned the move as unconstitutional').map((c) => c.type)).toEqual(['criticize', 'criticize']);
  });
  it('figures', () => {
    const f = (s: string) => findFigures(s).map((x) => [x.kind, x.value]);
    expect(f('At least 14 people were killed.')).toEqual([['deaths', 'At least 14 people were killed']]);
    expect(f('China has given $65 billion in loans.')).toEqual([['money', '$65 billion']]);
    expect(f('diplomats have 72 hours to leave')).toEqual([['deadline', '72 hours to leave']]);
    expect(f('the 35-year-old leader')).toEqual([['age', '35-year-old']]);
  });
  it('folds accents and dots for matching', () => {
    expect(fold('Guaidó Nicolás')).toBe('Guaido Nicolas');
    expect(tokenize('The U.S. and Russia’s envoy').map((t) => [t.cased, t.poss])).toEqual([
      ['The', false],
      ['US', false],
      ['and', false],
      ['Russia', true],
      ['envoy', false],
    ]);
  });
  it('formats times with their offset', () => {
    expect(formatWhen('2019-01-24T14:30:00-04:00')).toBe('24 Jan 2019, 2:30 p.m. (UTC-4)');
    expect(formatWhen('2019-01')).toBe('Jan 2019');
    expect(formatWhen(null)).toBe('undated');
  });
});
