/**
 * The cue prefilter (src/core/read/prefilter.ts) must find exactly what a full scan finds: its
 * prefixes are read off each regex's source, and a regex runs only where one stands.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUE_REGEXES } from '../../src/core/read/cues.js';
import { asciiLower, PrefixIndex, prefixes } from '../../src/core/read/prefilter.js';

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
  });

  it('gives up where a match could start elsewhere than at a word start, or with anything', () => {
    expect(prefixes(String.raw`sanction`)).toBeNull(); // no \b: could start inside a word
    expect(prefixes(String.raw`\bfoo|bar`)).toBeNull(); // one alternative without \b
    expect(prefixes(String.raw`\b\w+ing\b`)).toBeNull(); // starts with any word character
    expect(prefixes(String.raw`\b(?:x)?\s+y`)).toBeNull(); // may start with a space
    expect(prefixes(String.raw`\b(?:a|`)).toBeNull(); // not a regex this reader knows
  });

  it('lower-cases only A-Z, so offsets stay those of the text', () => {
    const t = 'İstanbul ÉTAT Sanctions';
    expect(asciiLower(t)).toHaveLength(t.length);
    expect(asciiLower(t)).toBe('İstanbul État sanctions'); // É and İ stay as they are
  });
});

/** Every match of a global regex, by a full scan. */
function scan(re: RegExp, text: string): [number, string][] {
  const out: [number, string][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m[0]]);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** Every match found by running the regex, anchored, only at its candidate word starts. */
function anchored(re: RegExp, text: string, cands: number[]): [number, string][] {
  const sticky = new RegExp(re.source, `${re.flags}y`);
  const out: [number, string][] = [];
  let pos = 0;
  for (const p of cands) {
    if (p < pos) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m) {
      out.push([m.index, m[0]]);
      pos = p + Math.max(1, m[0].length);
    }
  }
  return out;
}

function sentencesOf(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...sentencesOf(p));
    else if (/\.(?:txt|md)$/.test(d.name)) out.push(...readFileSync(p, 'utf8').split(/(?<=[.!?”"])\s+|\n+/));
  }
  return out;
}

describe('the cue lexicon through the prefilter', () => {
  const sentences = [...sentencesOf('seeds'), ...sentencesOf('test/fixtures'), 'Tokyo (AP) — NORWAY CONDEMNED the coup; it did not recognise Sow, and won’t back the junta.'];
  const index = new PrefixIndex(CUE_REGEXES);

  it('has prefixes for every entry (a full scan of every sentence is what it saves)', () => {
    expect(index.scanned.filter(Boolean)).toHaveLength(0);
  });

  it('finds exactly the matches a full scan finds, on every sentence of the seeds and fixtures', () => {
    let compared = 0;
    for (const text of sentences) {
      const cands = index.candidates(text);
      CUE_REGEXES.forEach((re, k) => {
        const full = scan(re, text);
        expect(anchored(re, text, cands[k] ?? []), `${re.source.slice(0, 40)} on "${text}"`).toEqual(full);
        compared += full.length;
      });
    }
    expect(compared).toBeGreaterThan(100);
  });
});
