/**
 * Stances and answers in a ceasefire negotiation between a government and an armed group (made-up:
 * Delvoria and the Harrow Liberation Front, 2033), written for these constructions only: brokers and
 * guarantors, welcoming or endorsing a deal (no side), accusing one party of violating the truce,
 * a prisoner exchange with counts and dates.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a ceasefire negotiation',
  'delvoria',
  [
    ['United States', 'government', 'leaning', 'accused the Harrow Liberation Front of violating the truce'],
    ['Iran', 'hlf', 'firm', 'expressed support for the Front'],
    ['Uganda', 'government', 'firm', 'help the government'],
    ['Canada', 'hlf', 'leaning', 'from its list of terrorist organisations'], // delisting, the opposite of a designation ("its list of" is no designation)
    ['Thailand', 'government', 'leaning', 'warned the Front against further attacks'], // "X, a guarantor of the deal, warned Y against …"
    ['Nigeria', 'hlf', 'leaning', 'lift the siege'], // told to lift a siege
    ['Tanzania', 'neutral', null, 'hailed the signing of the agreement'],
    ['Djibouti', 'government', 'leaning', 'called the rebels terrorists'],
    ['Angola', 'hlf', 'leaning', 'a grave violation of the ceasefire'], // X's act a violation of the ceasefire
    ['South Sudan', 'government', 'firm', 'now supports the government'], // a side inside the relative clause ("who had backed the rebels") is not the one acting
    ['Egypt', 'neutral', null, 'welcomed the deal'], // welcoming a deal both sides signed
    ['African Union', 'neutral', null, 'welcomed the deal'],
    ['Norway', 'neutral', null, 'welcomed the swap'],
    ['Kenya', 'neutral', null, 'both parties'],
    ['Ethiopia', 'neutral', null, 'called on both sides to respect the ceasefire'],
    ['United Nations Security Council', 'neutral', null, 'endorsed the Doha agreement'], // endorsing an agreement
  ],
  (app) => {
    it('reservations about a deal, a broker, or a splinter group refusing a ceasefire take no side of the two', () => {
      for (const q of ['Russia', 'Qatar', 'Red Ridge Brigade']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('a truce only reported ("signed a ceasefire", "under the Doha ceasefire, the Red Cross said") and a dateline ("DOHA (…) -") state nobody\'s position', () => {
      for (const q of ['Red Cross', 'United Nations', 'Qatar']) {
        const s = app().kb.stance(q);
        expect(s.strength).toBeNull();
        expect(s.evidence).toEqual([]);
      }
    });

    it('answers counts and dates of the exchange and the talks', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many prisoners were exchanged?')).answer).toContain('412');
      expect((await kb.ask('How many people have been killed?')).answer).toContain('9,000');
      // "killed more than 9,000 people and displaced 1.2 million": each count by the verb that acts on it.
      expect((await kb.ask('How many people have been displaced?')).answer).toBe('1.2 million');
      expect((await kb.ask('When will the next round of talks open?')).answer).toBe('9 Jul 2033');
      expect((await kb.ask('When did the government and the rebels sign the ceasefire?')).answer).toBe('6 Jun 2033');
      expect((await kb.ask('Who is Ruth Wanjala?')).answer).toMatch(/foreign minister/i);
    });

    it('the walk-out is an event at its live-blog time', () => {
      const t = app().kb.timeline({ limit: 100 });
      const out = t.events.find((e) => e.text.startsWith('HLF negotiators pulled out'));
      expect(out?.at).toBe('2033-06-24T15:20:00+03:00');
    });
  },
);
