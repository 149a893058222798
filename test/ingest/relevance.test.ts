/** The words a worker reports for the writer's people check (src/ingest/relevance.ts). */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../src/core/text.js';
import { articleWords, PeopleIndex } from '../../src/ingest/relevance.js';
import { Gazetteer } from '../../src/core/read/gazetteer.js';
import { synthArticles } from '../../bench/synth.js';

/** The sets articleWords must give: every token's norm, and capitalised long tokens, from tokenize. */
function fromTokens(text: string) {
  const words = new Set<string>();
  const caps = new Set<string>();
  for (const line of text.split('\n')) for (const t of tokenize(line)) {
    words.add(t.norm);
    if (t.cased.length >= 5 && /^\p{Lu}/u.test(t.raw)) {
      caps.add(t.cased.toLowerCase());
      if (t.raw !== t.cased) caps.add(t.raw.toLowerCase());
    }
  }
  return { words, caps };
}

describe('articleWords', () => {
  it('reads line by line exactly what one pass over the whole text reads', () => {
    const text = 'Norland’s President Tomas Berg said on Monday.\nThe U.S. and the E.U. backed Díaz’s call,\n“We will not abandon them,” said Zoë Ångström.\nNo accents here: Marek rejected the talks.';
    const whole = new Set(tokenize(text).map((t) => t.norm));
    const w = articleWords(text);
    expect(new Set(w.words)).toEqual(whole);
    expect(w.caps).toEqual(expect.arrayContaining(['norland', 'angstrom', 'marek', 'president']));
  });

  it('gives what tokenize gives, without building tokens: possessives, abbreviations, apostrophes, every fixture and synthetic article', () => {
    const texts = [
      "The U.S.'s envoy, the States' view, Smith's. A.s. a.m. U.K. Kenya's O'Neill's #tag @user 3.5 v.2 'quoted' Mr. Berg's ALLCAPS Ab'c Paris.",
      ...[...synthArticles(200)].map((a) => a.text),
    ];
    const root = join(import.meta.dirname, '..', 'fixtures');
    for (const dir of readdirSync(root, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of readdirSync(join(root, dir.name))) if (/\.(?:txt|md)$/.test(f)) texts.push(readFileSync(join(root, dir.name, f), 'utf8'));
    }
    expect(texts.length).toBeGreaterThan(250);
    for (const text of texts) {
      const w = articleWords(text);
      const want = fromTokens(text);
      expect(new Set(w.words)).toEqual(want.words);
      expect(new Set(w.caps)).toEqual(want.caps);
    }
  });

  it('finds a person by a word of the name, and a misspelt surname by one edit', () => {
    const gaz = new Gazetteer({ id: 'x', name: 'X', arena: [], actors: [], sides: [{ id: 'a', label: 'A', aliases: ['A'] }, { id: 'b', label: 'B', aliases: ['B'] }] });
    gaz.define({ id: 'person:lindqvist', name: 'Anna Lindqvist', kind: 'person', affiliation: null, aliases: [] });
    const index = new PeopleIndex(gaz);
    expect(index.fingerprint(articleWords('Lindqvist spoke.'))).toContain('person:lindqvist');
    expect(index.fingerprint(articleWords('Lindquist spoke.'))).toContain('person:lindqvist');
    expect(index.fingerprint(articleWords('Nobody spoke.'))).not.toContain('person:lindqvist');
  });
});
