/**
 * People met again: a person first named bare and later after a title that gives a country takes
 * that country (and their positions count for it); a person whose country is known keeps it when a
 * later title names another. Made-up articles about the synthetic crisis (Corvania, 2031).
 */
import { describe, expect, it } from 'vitest';
import { SYNTH_CRISIS } from '../../bench/synth.js';
import { Briefing } from '../../src/core/briefing.js';
import { Store } from '../../src/store/store.js';

const article = (id: string, day: string, text: string) => ({ id, text: `${id}\n\n${text}`, source: 'Wire', published: `2031-03-${day}`, timezone: 'UTC' });
const person = (kb: Briefing, name: string) => kb.actors().find((a) => a.name === name);

describe('a person named again with a title', () => {
  it('takes the country the title gives, and speaks for it', () => {
    const kb = new Briefing(new Store(':memory:'), SYNTH_CRISIS);
    kb.ingest([
      article('a', '02', 'Ingrid Solberg met members of the rebel council in the north on Monday.'),
      article('b', '03', 'Norwegian Foreign Minister Ingrid Solberg arrived in the capital on Tuesday.'),
      article('c', '04', 'Solberg said on Wednesday that she stands with the Northern Front.'),
    ]);
    expect(person(kb, 'Ingrid Solberg')).toMatchObject({ affiliation: 'norway' });
    expect(kb.stance('Norway')).toMatchObject({ alignment: 'front' });
  });

  it('keeps a country already known when a later title names another', () => {
    const kb = new Briefing(new Store(':memory:'), SYNTH_CRISIS);
    kb.ingest([
      article('a', '02', 'Norwegian Foreign Minister Ingrid Solberg arrived in the capital on Monday.'),
      article('b', '03', 'Swedish Foreign Minister Ingrid Solberg met the rebel council on Tuesday.'),
    ]);
    expect(person(kb, 'Ingrid Solberg')).toMatchObject({ affiliation: 'norway' });
  });
});
