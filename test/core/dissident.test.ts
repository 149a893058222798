/**
 * Stances and answers after the poisoning of a dissident abroad (made-up: Pavel Sarin, a Drovanian
 * journalist, poisoned in Lunvik; Drovania denies any involvement, diplomats are expelled, two men
 * arrested and charged, a trial date; 2036), written for these constructions only: expelling a
 * state's diplomats, stopping short of blaming, accusations against X called baseless, condemning
 * an "anti-X" campaign.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'the poisoning of a dissident abroad',
  'lunvik',
  [
    ['Estonia', 'lunvik', 'firm', 'in solidarity with Lunvik'],
    ['Latvia', 'lunvik', 'firm', 'in solidarity with Lunvik'],
    ['Finland', 'lunvik', 'firm', 'in solidarity with Lunvik'],
    ['United Kingdom', 'lunvik', 'leaning', 'expelled four Drovanian diplomats'],
    ['European Union', 'lunvik', 'leaning', 'imposed sanctions on six Drovanian officials'],
    ['Canada', 'lunvik', 'leaning', 'expelled two Drovanian diplomats'],
    ['Australia', 'lunvik', 'leaning', 'Australia followed suit'],
    ['Serbia', 'drovania', 'leaning', 'politically motivated'], // the accusations against X called premature or politically motivated
    ['China', 'drovania', 'leaning', 'groundless accusations against Drovania'], // opposing accusations against X
    ['Belarus', 'drovania', 'leaning', 'anti-Drovanian campaign'], // condemning an "anti-X" campaign backs X
    ['France', 'lunvik', 'leaning', 'Drovania was behind the poisoning'], // "X was behind the attack" (a sentence added after the first run, for this construction)
    ['Denmark', 'neutral', null, 'called for an independent investigation'],
    ['Norway', 'neutral', null, 'called for an independent investigation'],
    ['United States', 'neutral', null, 'stopped short of formally blaming Drovania'],
    ['Kazakhstan', 'neutral', null, 'stopped short of blaming Drovania'],
    ['Hungary', 'neutral', null, 'called for calm'],
  ],
  (app) => {
    it('declining to comment, or investigating, takes no side', () => {
      for (const q of ['India', 'Organisation for the Prohibition of Chemical Weapons']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('answers ages, dates of the arrest and the trial, and who-questions', async () => {
      const kb = app().kb;
      expect((await kb.ask('How old was Pavel Sarin?')).answer).toBe('52');
      // "set their trial for September 14" looks ahead (a date four months on, not last September).
      expect((await kb.ask('When will the trial open?')).answer).toBe('14 Sep 2036');
      // "When will …": of "on Tuesday charged two … men …, and set their trial for September 14", the date ahead.
      expect((await kb.ask('When will the trial of the two men open?')).answer).toBe('14 Sep 2036');
      expect((await kb.ask('When were the two Drovanian men arrested?')).answer).toBe('11 May 2036');
      expect((await kb.ask('How many Drovanian diplomats did Britain expel?')).answer).toMatch(/four|4/);
      expect((await kb.ask('Who is Eva Lind?')).answer).toMatch(/prime minister/i);
    });

    it('the arrest "on Sunday" is read back from the live blog; the trial is scheduled', () => {
      const events = app().kb.timeline({ limit: 100 }).events;
      expect(events.map((e) => e.at)).toContain('2036-05-12T20:50:00+02:00');
      expect(events.some((e) => e.at === '2036-05-11' && e.text.includes('arrested'))).toBe(true);
      expect(events.find((e) => e.at === '2036-09-14')?.scheduled).toBe(true);
    });
  },
);
