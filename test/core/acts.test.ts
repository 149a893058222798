/**
 * Stances stated through acts, people named in many ways, and dates read forward and back, on a
 * made-up coup (Norland, 2031) written for these constructions only.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
beforeAll(() => {
  app = freshApp(join(import.meta.dirname, '..', 'fixtures', 'norland'));
});
afterAll(() => app.cleanup());

describe('stances stated through acts', () => {
  it.each([
    ['Iceland', 'hale', 'leaning'], // "condemned the coup against X": the coup is the junta's act
    ['Chile', 'hale', 'leaning'], // "imposed sanctions on the junta"
    ['Kenya', 'neutral', null], // "the only way out was a negotiated solution", said by its minister
    ['Mongolia', 'neutral', null], // "an internal affair"
    ['Peru', 'hale', 'firm'], // "granted asylum to"
    ['Bolivia', 'hale', 'leaning'], // "condemned the detention of X" backs X
    ['Oman', 'council', 'firm'], // "telephoned X to congratulate him": X is the object, "him" is X
    ['Ghana', 'hale', 'leaning'], // "called on the junta to step down"
    ['Jordan', 'neutral', null], // "urged all parties to exercise restraint"
    ['Latvia', 'hale', 'leaning'], // "No country should recognise the junta"
    ['Samoa', 'hale', 'leaning'], // "did not consider X the legitimate leader"
    ['Tonga', 'neutral', null], // criticism of both sides takes neither
    ['Guinea', 'neutral', null], // "El-Tahir's office said he called for calm"
    ['Belarus', 'council', 'leaning'], // "objected to a draft statement blaming X" backs X
    ['Armenia', 'council', 'leaning'], // "opposed sanctions on the junta"
    ['Estonia', 'hale', 'leaning'], // a quote whose speaker comes after it: `"…," the minister said`
    ['Portugal', 'hale', 'firm'], // "LISBON — Portugal on Monday recognized …": a dateline, then the subject
    ['Pacific Forum', 'hale', 'leaning'], // suspending the country aims at whoever holds power
    ['Qatar', 'council', 'firm'], // "supplied the junta with drones", in a reported clause
    ['Sweden', 'hale', 'leaning'], // "called on the junta to return to barracks"
    ['Unity Party', 'council', 'leaning'], // "turned on her": a pronoun for the side the passage is about
    ['Freedom Bloc', 'council', 'leaning'], // "deputies from Hale's Freedom Bloc voted with the junta"
    ['Laos', 'hale', 'firm'],
    ['Greece', 'hale', 'firm'],
    ['Uruguay', 'hale', 'leaning'],
    ['Finland', 'council', 'leaning'],
    ['Netherlands', 'neutral', null],
    ['Japan', 'hale', 'leaning'], // calling the takeover "another military coup"
    ['Australia', 'hale', 'leaning'], // "loan guarantees for" a side // "X told Y …, according to a Dutch government spokesman" // "had said" is background to the day's news; "according to a Finnish statement" // "A and B followed suit": the previous sentence's act is theirs too // "X and Y, which back Z, have condemned …": Z is inside the parenthetical
    ['Denmark', 'council', 'firm'], // "the new government": the side that took power, by its role
    ['Serbia', 'council', 'firm'], // "the Norlandic government": whoever holds power
    ['Norway', 'hale', 'leaning'], // "suspended official visits to and from Norland" // "also sent their congratulations": to the side the passage is about // a quote whose speaker comes after it: `"…," the minister said`
  ])('%s → %s (%s)', (q, alignment, strength) => {
    const s = app.kb.stance(q);
    expect(s).toMatchObject({ found: true, alignment, strength });
    // A position, neutral included, is shown with the sentence that states it.
    expect(s.evidence.length).toBeGreaterThan(0);
  });

  it('"remains accused of arming …" is no stated position', () => {
    expect(app.kb.stance('Moldova')).toMatchObject({ found: true, alignment: 'neutral', evidence: [] });
  });

  it('a later act changes the position, shown with both dates', () => {
    const s = app.kb.stance('Fiji'); // "called for a swift return to civilian rule", then "congratulated"
    expect(s).toMatchObject({ alignment: 'council', strength: 'firm' });
    expect(s.change?.from).toMatchObject({ alignment: 'hale', strength: 'leaning' });
  });
});

it('stated neutrality later undoes a position; a call for calm would not', () => {
  const s = app.kb.stance('Lithuania'); // recognised X, then "respects the choice of the … people"
  expect(s).toMatchObject({ alignment: 'neutral', strength: null });
  expect(s.change?.from).toMatchObject({ alignment: 'hale', strength: 'firm' });
});

describe('people', () => {
  it.each([
    ['Emil Sandor', 'council'], // "Emil Sandor, the Omani foreign minister,"
    ['Pope Leo', 'neutral'], // a religious title with one name
    ['Nurlan', 'neutral'], // a given name alone, for "Kazakh President Nurlan Abenov"
    ['Ana Ruiz', 'neutral'], // "Col. Ana Ruiz, a spokeswoman"
    ['Tomas Berg', 'neutral'], // "Norland's president-elect, Tomas Berg,"
    ['Tahir', 'neutral'], // "Abdel Karim el-Tahir": a particle in the surname
    ['Ilse Kalnina', 'hale'],
    ['Yara Olsen', 'neutral'],
    ['Ana Tove', 'neutral'],
    ['Lina Korsak', 'neutral'], // "X, who spoke to Y …, urged restraint": Y is not the speaker // "She said …" after "U.N. Secretary-General Ana Tove flew …": the person is the subject // "X said Malta would respect …": a speaker of no known office speaks for it // a quote's speaker after it: "…," Latvia's prime minister, X, said
  ])('%s is found', (q, alignment) => {
    expect(app.kb.stance(q)).toMatchObject({ found: true, alignment });
  });

  it('a similar surname with another given name is another person; a surname followed by more name is not that person', () => {
    const actors = app.kb.actors();
    expect(actors.find((a) => a.name === 'Peter Odedo')?.affiliation).toBe('cameroon');
    expect(actors.find((a) => a.name === 'Amara Odede')?.affiliation).toBe('kenya');
    expect(app.kb.stance('Amara Odede')).toMatchObject({ alignment: 'neutral' });
    expect(app.kb.stance('Chad')).toMatchObject({ alignment: 'council', strength: 'leaning' });
  });

  it('a title before a comma gives the country: Latvia’s prime minister is Latvian', () => {
    expect(app.kb.actors().find((a) => a.name === 'Ilse Kalnina')?.affiliation).toBe('latvia');
  });
});

describe('dates', () => {
  const events = () => app.kb.timeline({ limit: 100 }).events;
  it('"will meet on Thursday" is the coming Thursday, scheduled', () => {
    expect(events().find((e) => /will meet on Thursday/.test(e.text))).toMatchObject({ at: '2031-12-25', scheduled: true });
  });
  it('a month and day without a year is the next one when the sentence looks ahead', () => {
    expect(events().find((e) => /March 3/.test(e.text))?.at).toBe('2032-03-03');
  });
  it('two weekdays in one sentence are two events', () => {
    const ats = events().filter((e) => /Vessa/.test(e.text)).map((e) => e.at);
    expect(ats).toEqual(['2031-12-13', '2031-12-14']);
  });
  it('a day before its month, a reported future, and "the same day"', () => {
    expect(events().find((e) => /30 December/.test(e.text))).toMatchObject({ at: '2031-12-30', scheduled: true });
    expect(events().find((e) => /reopen the airport/.test(e.text))).toMatchObject({ at: '2031-12-23', scheduled: true });
    expect(events().find((e) => /closed the border/.test(e.text))?.at).toBe('2031-12-17');
  });
  it('a dated sentence without an act verb is still an event', () => {
    expect(events().find((e) => /passed the budget/.test(e.text))?.at).toBe('2031-12-16');
  });
});
