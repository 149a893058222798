/**
 * Lexicons run a regex only where one of its prefixes stands (src/core/read/lexicon.ts, prefixes
 * read off each regex's source by src/core/read/prefixes.ts): they must find exactly what a full
 * scan finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUE_REGEXES, EVENT_KINDS } from '../../src/core/read/cues.js';
import { DATE_REGEXES } from '../../src/core/read/dates.js';
import { FIGURE_REGEXES } from '../../src/core/read/figures.js';
import { Lexicon, lowerKeepingOffsets } from '../../src/core/read/lexicon.js';
import { prefixes } from '../../src/core/read/prefixes.js';

describe('prefixes of a regex', () => {
  it('reads literals, groups, optional parts, classes and quantifiers', () => {
    expect(prefixes(String.raw`\bsanction(?:s|ed)?\b`)).toEqual(['san']);
    expect(prefixes(String.raw`\b(?:a |an )?(?:grave )?violation of`)?.sort()).toEqual(['a g', 'a v', 'an ', 'gra', 'vio']);
    expect(prefixes(String.raw`\brecogni[sz]e\b|\bno\b`)?.sort()).toEqual(['no', 'rec']);
    expect(prefixes(String.raw`\b(?:is|was) (?:\w+ )?coup`)?.sort()).toEqual(['is ', 'was']);
    expect(prefixes(String.raw`\bn['’]t\b`)?.sort()).toEqual(["n't", 'n’t']);
    // Lookbehinds consume nothing; the prefix is what follows them.
    expect(prefixes(String.raw`(?<!il)\blegitimate\b`)).toEqual(['leg']);
    expect(prefixes(String.raw`(?<=\b(?:urg(?:e|ed)) that \S+ )\b(?:must )?halt\b`)?.sort()).toEqual(['hal', 'mus']);
    // Digits are one symbol; without the i flag, case stays.
    expect(prefixes(String.raw`\b\d{1,3}-year-old\b|\b(?:19|20)\d{2}\b`)?.sort()).toEqual(['0-y', '00-', '000']);
    expect(prefixes(String.raw`\b(Jan(?:uary|\.)?|May)\s+\d`, false)?.sort()).toEqual(['Jan', 'May']);
    // Under the i flag a letter is keyed as the text is lower-cased, accents included ("É" and "é"
    // are equal to such a regex); a word may not start with one (\b before "É" needs a letter before it).
    expect(prefixes(String.raw`\baÉb`)).toEqual(['aéb']);
    expect(new Lexicon([/\baÉb/gi]).scan('x aÉb aéb AÉB').all(0).map((m) => m.index)).toEqual([2, 6, 10]);
    expect(prefixes(String.raw`\bÉtat`)).toBeNull();
  });

  it('gives up where a match could start elsewhere than at a word start, or with anything', () => {
    expect(prefixes(String.raw`sanction`)).toBeNull(); // no \b: could start inside a word
    expect(prefixes(String.raw`\bfoo|bar`)).toBeNull(); // one alternative without \b
    expect(prefixes(String.raw`\b\w+ing\b`)).toBeNull(); // starts with any word character
    expect(prefixes(String.raw`\b(?:x)?\s+y`)).toBeNull(); // may start with a space
    expect(prefixes(String.raw`\b(?:a|`)).toBeNull(); // not a regex this reader knows
  });

  it('lower-cases the text keeping every offset (İ alone stays as it is)', () => {
    const t = 'İstanbul ÉTAT Sanctions';
    expect(lowerKeepingOffsets(t)).toHaveLength(t.length);
    expect(lowerKeepingOffsets(t)).toBe('İstanbul état sanctions');
  });
});

function sentencesOf(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...sentencesOf(p));
    else if (/\.(?:txt|md)$/.test(d.name)) out.push(...readFileSync(p, 'utf8').split(/(?<=[.!?”"])\s+|\n+/));
  }
  return out;
}

describe('the lexicons through the prefilter', () => {
  const sentences = [...sentencesOf('seeds'), ...sentencesOf('test/fixtures'), 'Tokyo (AP) — NORWAY CONDEMNED the coup; it did not recognise Sow, and won’t back the junta.', 'İstanbul, 3 May 2019: at least 1,200 people were killed; 45 percent; $30 million; the 47-year-old general.'];
  const lists: [string, readonly RegExp[], number][] = [
    ['cues', CUE_REGEXES, 0],
    ['event kinds', EVENT_KINDS.map((k) => k.re), 0],
    ['figures', FIGURE_REGEXES, 1], // money may start with a currency sign
    ['dates', DATE_REGEXES, 0],
  ];

  it.each(lists)('%s: prefixes for all but what cannot have them', (_, regexes, unfiltered) => {
    expect(new Lexicon(regexes).scanned.filter(Boolean)).toHaveLength(unfiltered);
  });

  it.each(lists)('%s: exactly the matches a full scan finds, on every sentence of the seeds and fixtures', (_, regexes) => {
    const lexicon = new Lexicon(regexes);
    let compared = 0;
    for (const text of sentences) {
      const scan = lexicon.scan(text);
      regexes.forEach((re, k) => {
        const full = scan === null ? [] : [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => [m.index, m[0]]);
        expect(scan.all(k).map((m) => [m.index, m[0]]), `${re.source.slice(0, 40)} on "${text}"`).toEqual(full);
        compared += full.length;
      });
    }
    expect(compared).toBeGreaterThan(20);
  });
});
