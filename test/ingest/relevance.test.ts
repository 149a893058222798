/** The words a worker reports for the writer's people check (src/ingest/relevance.ts). */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/text.js';
import { articleWords, PeopleIndex } from '../../src/ingest/relevance.js';
import { Gazetteer } from '../../src/core/read/gazetteer.js';

describe('articleWords', () => {
  it('reads line by line exactly what one pass over the whole text reads', () => {
    const text = 'Norland’s President Tomas Berg said on Monday.\nThe U.S. and the E.U. backed Díaz’s call,\n“We will not abandon them,” said Zoë Ångström.\nNo accents here: Marek rejected the talks.';
    const whole = new Set(tokenize(text).map((t) => t.norm));
    const w = articleWords(text);
    expect(new Set(w.words)).toEqual(whole);
    expect(w.caps).toEqual(expect.arrayContaining(['norland', 'angstrom', 'marek', 'president']));
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
