/**
 * Stances around a coup (made-up: Tamaro, 2030), written for these constructions only: measures
 * aimed at the country fall on the junta that holds it, and "in Tamaro" is a place, not an aim.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a coup',
  'tamaro',
  [
    ['Algeria', 'cnsp', 'leaning', 'opposed any military intervention in Tamaro'], // opposing an intervention backs whoever holds power; "in Tamaro" is not its target
    ['Nigeria', 'sow', 'leaning', 'to restore Sow to power'], // restoring X to power
    ['Canada', 'sow', 'leaning', 'paused development aid to Tamaro'], // aid paused to the country aims at the junta
    ['Russia', 'cnsp', 'leaning', 'hailed the coup'], // hailing the coup: the coup is the junta's act
    ['Guinea', 'cnsp', 'firm', 'solidarity with the military rulers'],
    ['Spain', 'sow', 'leaning', 'release of Sow'],
    ['Switzerland', 'neutral', null, 'called on all parties'],
    ['Togo', 'neutral', null, 'offered to mediate'],
    ['Hamid Bello', 'cnsp', 'leaning', "Hamid, who faces corruption charges, has praised the junta's reforms"], // a given name, then ", who": the person named before
  ],
  (app) => {
    it.each([
      ['India', 'Few expect India to recognise the junta'], // someone else expects it not to happen
      ['United States', 'has yet to recognise the junta'], // not done yet
      ['Turkey', 'refused to condemn the coup'], // refusing to act is no act
      ['Egypt', "Egypt's failure to condemn the coup"],
      ['Kenya', 'reports that it had recognised the junta were false'], // an act called false
      ['Qatar', 'denied supplying weapons to the junta'], // an act denied
      ['China', 'unlikely to back either side'], // and a question: "Will China recognise the junta?"
      ['Chad', 'If Chad recognised the junta, others would follow'], // a hypothesis
      ['Niger', 'Whether Niger will back the junta remains unclear'],
      ['Norway', "Norway's support for Sow has waned"], // support said to be fading
      ['Ghana', 'Ghanaian students rallied in support of Sow'], // a nationality, not the state
    ])('%s takes no side: "%s"', (q) => {
      expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('"Tehran\'s support for the junta": the possessor holds the support, not the sentence\'s subject', () => {
      expect(app().kb.stance('Iran')).toMatchObject({ alignment: 'cnsp' });
      expect(app().kb.stance('Sweden').alignment).not.toBe('cnsp');
      // "reaffirmed Dakar's support for X": the subject conveys the possessor's position; both hold it.
      expect(app().kb.stance('Senegal')).toMatchObject({ alignment: 'sow', strength: 'firm' });
    });

    it('"Russian state media" speak for the state', () => {
      expect(app().kb.stance('Russia')).toMatchObject({ alignment: 'cnsp', strength: 'leaning' });
    });

    it('"Who backs the junta?" is answered from the stance roster, firm first, each cited with its evidence', async () => {
      const r = await app().kb.ask('Who backs the junta?');
      expect(r.answer).toMatch(/^Backing the military junta \(CNSP\): /);
      expect(r.answer).toContain('Guinea');
      expect(r.answer).not.toContain('Spain');
      // The first three backers named are cited, each with the sentence that states its position.
      expect(r.citations).toHaveLength(3);
      const first = (r.answer ?? '').replace(/^[^:]*: /, '').split(', ').slice(0, 3).map((n) => n.replace(/ \(leaning\)\.?$|\.$/, ''));
      for (const [i, name] of first.entries()) expect(r.citations[i]?.quote).toBe(app().kb.stance(name).evidence[0]?.quote);
      const against = await app().kb.ask('Who opposes the junta?');
      expect(against.answer).toContain('Spain (leaning)');
      expect(against.answer).not.toContain('Guinea');
      // Not a side: an ordinary question.
      expect((await app().kb.ask('Who backs Mexico?')).answer).toBeNull();
    });

    it('"Gambia\'s president, who had backed the junta, condemned the coup": the head of the clause acts; the pluperfect is background', () => {
      expect(app().kb.stance('Gambia')).toMatchObject({ alignment: 'sow', strength: 'leaning' });
    });

    it.each([
      ['Ireland', 'sow', 'The coup was condemned by Ireland and Iceland'],
      ['Iceland', 'sow', 'The coup was condemned by Ireland and Iceland'],
      ['Belarus', 'cnsp', 'Recognition of the junta was announced by Belarus'],
      ['Eritrea', 'cnsp', 'The junta has been backed by Eritrea'],
    ])('a passive act is its agent\'s: %s → %s ("%s")', (q, alignment, quote) => {
      const s = app().kb.stance(q);
      expect(s.alignment).toBe(alignment);
      expect(s.evidence[0]?.quote).toContain(quote);
    });

    it('"Nobody should recognise this junta": a negated subject, and "this junta" is the junta', () => {
      expect(app().kb.stance('Zambia')).toMatchObject({ alignment: 'sow', strength: 'leaning' });
    });

    it('an act someone else expects is at most a leaning', () => {
      expect(app().kb.stance('Burkina Faso')).toMatchObject({ alignment: 'cnsp', strength: 'leaning' });
    });

    it('"…," said a spokesman for the Malian government: the government holds what the quote says', () => {
      // (Mali was only "expected to side with the junta" before: a leaning; its spokesman now states it.)
      expect(app().kb.stance('Mali')).toMatchObject({ alignment: 'cnsp', strength: 'firm' });
      expect(app().kb.stance('Mali').evidence[0]?.quote).toContain('said a spokesman for the Malian government');
    });

    it('evacuating citizens, or closing a border (a security measure as often as a sanction), takes no side', () => {
      for (const q of ['Morocco', 'Benin']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });
  },
);
