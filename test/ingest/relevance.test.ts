/** The words a worker reports for the writer's people check (src/ingest/relevance.ts). */
import { describe, expect, it } from 'vitest';
import { read } from '../../src/core/read/extract.js';
import { Gazetteer } from '../../src/core/read/gazetteer.js';
import { PeopleIndex, sentenceWords } from '../../src/ingest/relevance.js';

const words = (text: string) => sentenceWords(read({ id: 'a', source: 'S', published: '2024-01-01', timezone: 'UTC' }, text).tokens);

describe('sentenceWords', () => {
  it('gives every token of the sentences, and capitalised long ones (accents folded, possessives and dots dropped)', () => {
    const w = words('Norland’s President Tomas Berg said on Monday.\n\nThe U.S. and the E.U. backed Díaz’s call.\n\n“We will not abandon them,” said Zoë Ångström.\n\nNo accents here: Marek rejected the talks.');
    expect(w.words).toEqual(expect.arrayContaining(['norland', 'president', 'tomas', 'berg', 'us', 'eu', 'diaz', 'zoe', 'angstrom', 'marek', 'talks']));
    expect(w.caps).toEqual(expect.arrayContaining(['norland', 'president', 'angstrom', 'ångström', 'marek']));
    expect(w.caps).not.toContain('talks');
  });

  it('finds a person by a word of the name, and a misspelt surname by one edit', () => {
    const gaz = new Gazetteer({ id: 'x', name: 'X', arena: [], actors: [], sides: [{ id: 'a', label: 'A', aliases: ['A'] }, { id: 'b', label: 'B', aliases: ['B'] }] });
    gaz.define({ id: 'person:lindqvist', name: 'Anna Lindqvist', kind: 'person', affiliation: null, aliases: [] });
    const index = new PeopleIndex(gaz);
    expect(index.fingerprint(words('Lindqvist spoke.'))).toContain('person:lindqvist');
    expect(index.fingerprint(words('Lindquist spoke.'))).toContain('person:lindqvist');
    expect(index.fingerprint(words('Nobody spoke.'))).not.toContain('person:lindqvist');
  });
});
