/**
 * Stances and answers in a cyberattack attributed to a state (made-up: hospitals and the grid of
 * Vastland knocked out, Vastland attributes the attack to Korvath's military intelligence, allies
 * join the attribution, the EU sanctions five officers; 2037), written before the code was run:
 * "joined the attribution", "there was no proof that X had carried out the attack".
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a state-attributed cyberattack',
  'u6-vastland',
  [
    ['Estonia', 'vastland', 'firm', 'expressed solidarity with Vastland'],
    ['Finland', 'vastland', 'firm', 'expressed solidarity with Vastland'],
    ['United Kingdom', 'vastland', 'leaning', 'joined the attribution'], // the attribution the article described earlier
    ['Netherlands', 'vastland', 'leaning', 'joined the attribution'],
    ['European Union', 'vastland', 'leaning', "imposed sanctions on five officers of Korvath's military intelligence"],
    ['Iran', 'korvath', 'leaning', 'no proof that Korvath had carried out the attack'], // an attribution denied backs X
    ['Belarus', 'korvath', 'leaning', 'accused Vastland of staging'],
    ['China', 'neutral', null, 'urged all parties'],
  ],
  (app) => {
    it('declining to comment, studying the evidence and offering technical help take no side', () => {
      for (const q of ['India', 'Brazil', 'Germany']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('answers counts and who-questions', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many homes were left without electricity?')).answer).toContain('300,000');
      expect((await kb.ask('How many operations were postponed?')).answer).toContain('2,400');
      // "hit" and "affected" find what an attack "knocked out"; a verb the articles never use does not.
      expect((await kb.ask('How many hospitals were hit?')).answer).toContain('14 hospitals');
      expect((await kb.ask('How many hospitals were affected?')).answer).toContain('14 hospitals');
      expect((await kb.ask('How many hospitals were bombed?')).answer).toBeNull();
      expect((await kb.ask('Who is Lena Brix?')).answer).toMatch(/interior minister/i);
      expect((await kb.ask('Who is Viktor Halm?')).answer).toMatch(/commander/i);
    });

    it('live-blog entries at their local time; weekdays read back from publication', () => {
      const ats = app().kb.timeline({ limit: 100 }).events.map((e) => e.at);
      expect(ats).toContain('2037-11-02');
      expect(ats).toContain('2037-11-05T20:20:00+01:00');
      expect(ats).toContain('2037-11-05T18:05:00+01:00');
      expect(ats).toContain('2037-11-12');
    });
  },
);
