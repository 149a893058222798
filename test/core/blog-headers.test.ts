/** A live blog that spans days and heads each day with its date ("Friday, Jan. 25"): entries take the header's day. */
import { describe, expect, it } from 'vitest';
import { parseDatedTime, parseDateHeader, segment } from '../../src/core/read/segment.js';

const at = (text: string, published: string, zone: string) =>
  segment(text, published, zone)
    .filter((s) => s.kind === 'body')
    .map((s) => [s.text, s.entryAt]);

describe('live-blog date headers', () => {
  it('reads a date alone on a line, with or without weekday and year, either order', () => {
    expect(parseDateHeader('Friday, Jan. 25', '2019-01-26')).toBe('2019-01-25');
    expect(parseDateHeader('THURSDAY 24 JANUARY 2019', '2019-01-26')).toBe('2019-01-24');
    expect(parseDateHeader('January 25, 2019', '2019-01-26')).toBe('2019-01-25');
    expect(parseDateHeader('Sept. 3rd', '2024-09-05')).toBe('2024-09-03');
    // Without a year: the year that puts it on or before the publication day.
    expect(parseDateHeader('Dec. 31', '2020-01-02')).toBe('2019-12-31');
    // Not a date header: an impossible day, a month alone, a sentence starting with a date.
    expect(parseDateHeader('Feb. 30', '2019-03-01')).toBeNull();
    expect(parseDateHeader('May', '2019-06-01')).toBeNull();
    expect(parseDateHeader('May 3 protests turn violent', '2019-06-01')).toBeNull();
  });

  it('dates a newest-first blog over a weekend gap and at equal times of day, which the midnight wrap alone cannot', () => {
    const blog = [
      'Crisis in Corvania: live updates',
      'Monday, March 4',
      '10:00 a.m.',
      'Norway recognised the council on Monday.',
      'Friday, March 1',
      '10:00 a.m.',
      'The council was formed.',
      '9:15 p.m.',
    ].join('\n\n');
    // The last line is a time with no entry text: still an entry line, not a sentence.
    expect(at(blog, '2024-03-04T12:00:00+01:00', 'Europe/Oslo')).toEqual([
      ['Norway recognised the council on Monday.', '2024-03-04T10:00:00+01:00'],
      ['The council was formed.', '2024-03-01T10:00:00+01:00'],
    ]);
  });

  it('dates an oldest-first blog by its headers, and the header lines are not sentences', () => {
    const blog = ['Day by day', 'Saturday 2 March', '8:00', 'Troops massed at the border.', '23:30', 'Shots were heard.', 'Sunday 3 March', '8:00', 'Talks began.'].join('\n\n');
    const body = at(blog, '2024-03-03', 'UTC');
    expect(body).toEqual([
      ['Troops massed at the border.', '2024-03-02T08:00:00Z'],
      ['Shots were heard.', '2024-03-02T23:30:00Z'],
      ['Talks began.', '2024-03-03T08:00:00Z'],
    ]);
    expect(segment(blog, '2024-03-03', 'UTC').map((s) => s.text)).not.toContain('Sunday 3 March');
  });

  it('reads an entry line that gives its day with its time, and dates the entries below it by that day', () => {
    expect(parseDatedTime('Friday, Jan. 25, 9:10 a.m.', '2019-01-26')).toEqual({ minutes: 550, day: '2019-01-25' });
    expect(parseDatedTime('Jan 24 16:25', '2019-01-26')).toEqual({ minutes: 985, day: '2019-01-24' });
    // A weekday alone: the last one on or before the publication day (2019-01-26 is a Saturday).
    expect(parseDatedTime('Thursday 9 p.m. ET', '2019-01-26')).toEqual({ minutes: 1260, day: '2019-01-24' });
    expect(parseDatedTime('Saturday, 8:00', '2019-01-26')).toEqual({ minutes: 480, day: '2019-01-26' });
    // Not entry lines: a sentence, a year, a timestamp after other words.
    expect(parseDatedTime('Protesters gathered at 9 p.m.', '2019-01-26')).toBeNull();
    expect(parseDatedTime('March 3 2024', '2024-03-05')).toBeNull();
    expect(parseDatedTime('Updated Jan. 25, 2019 9:10 a.m.', '2019-01-26')).toBeNull();
    const blog = ['Live', 'Tuesday, 9:30 a.m.', 'The envoy arrived.', '8:00 a.m.', 'Markets opened lower.', 'Friday, 10:00 a.m.', 'The council was formed.'].join('\n\n');
    expect(at(blog, '2024-03-05', 'UTC')).toEqual([
      ['The envoy arrived.', '2024-03-05T09:30:00Z'],
      ['Markets opened lower.', '2024-03-05T08:00:00Z'],
      ['The council was formed.', '2024-03-01T10:00:00Z'],
    ]);
  });

  it('leaves an article that is not a live blog as it was: a date line there is text', () => {
    const story = ['Talks resume', 'March 4', 'Norway recognised the council on Monday.'].join('\n\n');
    expect(segment(story, '2024-03-04', 'UTC').map((s) => s.text)).toContain('March 4');
  });
});
