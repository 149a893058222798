/** A misspelt surname finds the person one edit away, through an index (src/core/read/surnames.ts). */
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { Gazetteer } from '../../src/core/read/gazetteer.js';
import { SurnameIndex } from '../../src/core/read/surnames.js';

const gazetteer = () => new Gazetteer({ id: 'x', name: 'X', arena: [], actors: [], sides: [{ id: 'a', label: 'A', aliases: ['A'] }, { id: 'b', label: 'B', aliases: ['B'] }] });

describe('personNear', () => {
  it('finds a surname one substitution, insertion or deletion away, never two, and only with the same first letter', () => {
    const gaz = gazetteer();
    gaz.define({ id: 'person:mogherini', name: 'Federica Mogherini', kind: 'person', affiliation: null, aliases: [] });
    expect(gaz.personNear('Mogherini')).toBe('person:mogherini');
    expect(gaz.personNear('Mogherni')).toBe('person:mogherini');
    expect(gaz.personNear('Mogherinni')).toBe('person:mogherini');
    expect(gaz.personNear('Mogharini')).toBe('person:mogherini');
    expect(gaz.personNear('Mugharini')).toBeUndefined();
    expect(gaz.personNear('Nogherini')).toBeUndefined();
    expect(gaz.personNear('Mog')).toBeUndefined();
  });

  it('gives the first person defined when two are near, and forgets a definition rolled back', () => {
    const gaz = gazetteer();
    gaz.define({ id: 'person:anna-berger', name: 'Anna Berger', kind: 'person', affiliation: null, aliases: [] });
    gaz.define({ id: 'person:tom-bergen', name: 'Tom Bergen', kind: 'person', affiliation: null, aliases: [] });
    expect(gaz.personNear('Bergel')).toBe('person:anna-berger');
    gaz.journal();
    gaz.define({ id: 'person:ivo-halvorsen', name: 'Ivo Halvorsen', kind: 'person', affiliation: null, aliases: [] });
    expect(gaz.personNear('Halvorson')).toBe('person:ivo-halvorsen');
    gaz.undo();
    expect(gaz.personNear('Halvorson')).toBeUndefined();
  });

  it('agrees with a scan of every person in definition order, over many look-alike names', () => {
    const index = new SurnameIndex();
    const people: { id: string; name: string }[] = [];
    const parts = ['Kar', 'Kal', 'Mar', 'Mer', 'Lind', 'Lund', 'sson', 'sen', 'ova', 'ev'];
    for (let i = 0; i < 300; i++) {
      const p = { id: `p${i}`, name: `Given ${parts[i % 6]}${parts[6 + ((i * 7) % 4)]}${'ae'[i % 2]}` };
      people.push(p);
      index.add(p);
    }
    const scan = (w: string) => people.find((p) => {
      const sur = p.name.split(' ').pop() ?? '';
      return w.length >= 5 && sur.length >= 5 && sur[0] === w[0] && distance(sur.toLowerCase(), w.toLowerCase()) <= 1;
    })?.id;
    const words = people.flatMap((p) => {
      const s = p.name.split(' ').pop() ?? '';
      return [s, `${s}x`, s.slice(0, -1), `${s.slice(0, 2)}q${s.slice(3)}`, s.toUpperCase(), `K${s.slice(1)}`];
    });
    for (const w of words) expect(index.near(w, () => true)).toBe(scan(w));
  });
});
