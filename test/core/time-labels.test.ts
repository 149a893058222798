/**
 * Live-blog entry labels as news sites print them (src/core/read/time-labels.ts): American
 * "4:25 p.m.", British "3.05pm" and "17.45 BST", "11:15 GMT", "Updated 1.30pm"; a zone abbreviation
 * with one fixed offset places the entry at that offset, an ambiguous one ("ET", "CST") is the
 * article's zone. Lines that only contain a time are labels; sentences with a time are not.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/core/read/segment.js';
import { parseTimeLabel, readTimeLabel } from '../../src/core/read/time-labels.js';

describe('entry labels', () => {
  it('reads American, British and 24-hour labels, after "Updated" or "Posted"', () => {
    expect(parseTimeLabel('4:25 p.m.')).toBe(16 * 60 + 25);
    expect(parseTimeLabel('1 p.m.')).toBe(13 * 60);
    expect(parseTimeLabel('Noon')).toBe(12 * 60);
    expect(parseTimeLabel('16:25')).toBe(16 * 60 + 25);
    expect(parseTimeLabel('3.05pm')).toBe(15 * 60 + 5);
    expect(parseTimeLabel('9.40am')).toBe(9 * 60 + 40);
    expect(parseTimeLabel('Updated 1.30pm')).toBe(13 * 60 + 30);
    expect(parseTimeLabel('Posted at 08:10')).toBe(8 * 60 + 10);
    expect(parseTimeLabel('Last updated: 22:05 GMT')).toBe(22 * 60 + 5);
  });

  it('a zone with one offset is kept; an ambiguous one is the article\'s zone', () => {
    expect(readTimeLabel('17.45 BST')).toEqual({ minutes: 17 * 60 + 45, offset: 60 });
    expect(readTimeLabel('11:15 GMT')).toEqual({ minutes: 11 * 60 + 15, offset: 0 });
    expect(readTimeLabel('9 p.m. (CET)')).toEqual({ minutes: 21 * 60, offset: 60 });
    expect(readTimeLabel('4:25 p.m. EST')).toEqual({ minutes: 16 * 60 + 25, offset: -300 });
    expect(readTimeLabel('4:25 p.m. ET')).toEqual({ minutes: 16 * 60 + 25 });
    expect(readTimeLabel('10:00 CST')).toEqual({ minutes: 10 * 60 });
  });

  it('a sentence, a score or a year is no label', () => {
    for (const line of ['Protesters gathered at 9 p.m.', '2019', '16.5', 'Updated', 'GMT', '25:10', '3.75pm', 'Noon prayers ended early.']) {
      expect(parseTimeLabel(line), line).toBeNull();
    }
  });
});

describe('a British live blog', () => {
  it('dates every entry; "11:15 GMT" at its own offset, the rest at the article\'s (BST in October)', () => {
    const text = [
      'Pipeline: live updates',
      '17.45 BST',
      'Ostmark expelled three diplomats.',
      '3.05pm',
      'Turkey offered to mediate.',
      'Updated 1.30pm',
      'The Reval Union summoned the ambassador.',
      '11:15 GMT',
      'The United States said it supports the investigation.',
      '9.40am',
      'Investigators recovered fragments of a device.',
    ].join('\n\n');
    const ats = segment(text, '2026-10-18', 'Europe/London')
      .filter((s) => s.kind === 'body')
      .map((s) => s.entryAt);
    expect(ats).toEqual(['2026-10-18T17:45:00+01:00', '2026-10-18T15:05:00+01:00', '2026-10-18T13:30:00+01:00', '2026-10-18T11:15:00Z', '2026-10-18T09:40:00+01:00']);
  });
});
