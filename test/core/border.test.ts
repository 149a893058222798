/**
 * Stances and answers in a border closure and refugee crisis between two neighbours (made-up: Valkar
 * closes its border and accuses Ostrel of weaponising migrants; push-backs, aid agencies counting
 * arrivals and deaths, a crossing reopened; 2035), written for these constructions only: sending
 * border guards to help a side, shelter offered to migrants (no side), demanding that X free a crew,
 * urging both countries to talk.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a border closure and refugee crisis',
  'ostrel',
  [
    ['Latvia', 'valkar', 'firm', 'expressed solidarity with Valkar'],
    ['Estonia', 'valkar', 'firm', 'expressed solidarity with Valkar'],
    ['Lithuania', 'valkar', 'firm', 'expressed solidarity with Valkar'],
    ['European Union', 'valkar', 'leaning', 'threatened new sanctions against Ostrel'],
    ['Russia', 'ostrel', 'leaning', 'accused Valkar of violating international law'],
    ['Poland', 'valkar', 'firm', 'send 500 border guards to help Valkar'], // sending border guards to help X
    ['Slovakia', 'valkar', 'firm', 'to help Valkari troops'], // "to the Ostreli border" is a place
    ['Hungary', 'valkar', 'firm', 'legitimate act of self-defence'], // X's act called legitimate
    ['Finland', 'valkar', 'leaning', 'called on Ostrel to stop flying migrants'],
    ['Sweden', 'valkar', 'leaning', 'demanded that Ostrel free the crew'], // "demanded that X free …"
    ['Belarus', 'ostrel', 'leaning', 'blamed Valkar for the deaths'],
    ['Norway', 'neutral', null, 'urged both countries to return to talks'], // both countries
    ['Amnesty International', 'neutral', null, 'independent investigation'],
    ['Germany', 'neutral', null, 'deeply concerned'],
  ],
  (app) => {
    it('offering shelter or taking in refugees takes no side, whichever side of the border they are on', () => {
      for (const q of ['Portugal', 'Ireland', 'Spain', 'Italy', 'Austria', 'Red Cross', 'International Organization for Migration']) {
        expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
      }
    });

    it('answers counts, dates and who-questions from the aid agencies and officials', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many people are stranded at the border?')).answer).toContain('4,300');
      expect((await kb.ask('How many border guards will Poland send?')).answer).toContain('500');
      expect((await kb.ask('When did Valkar reopen the crossing?')).answer).toBe('19 Aug 2035');
      expect((await kb.ask('When will Valkari and Ostreli officials meet again?')).answer).toBe('23 Aug 2035');
      expect((await kb.ask('Who is Marta Sokol?')).answer).toMatch(/interior minister/i);
    });

    it('live-blog entries at their local time; the closure on Tuesday', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2035-08-16T19:45:00+03:00');
      expect(ats).toContain('2035-08-14');
      expect(ats).toContain('2035-08-19');
    });
  },
);
