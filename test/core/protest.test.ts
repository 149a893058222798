/**
 * Stances and answers in a mass protest movement against an elected government (made-up: Brevania,
 * 2032: a court lets the government delay the election, protests, an impeachment vote), written for
 * these constructions only: what third countries tell the government to do, and what they do to it.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'protests against an elected government',
  'brevania',
  [
    ['Germany', 'opposition', 'leaning', 'urged the government to listen to the protesters'], // told to listen to X
    ['Sweden', 'opposition', 'leaning', 'police violence against protesters'], // an inquiry into violence against X
    ['Hungary', 'government', 'firm', 'stood by Telmann'], // "stood by X"
    ['Slovakia', 'government', 'firm', 'stood firmly by the Brevanian government'],
    ['Poland', 'opposition', 'leaning', 'called on Telmann to step down'],
    ['Serbia', 'government', 'leaning', 'financed from abroad'],
    ['European Union', 'opposition', 'leaning', 'suspended 120 million euros in budget support'], // a sum of aid suspended
    ['Azerbaijan', 'government', 'firm', 'congratulated Telmann'],
    ['France', 'opposition', 'leaning', 'questioned the legitimacy of the court ruling'],
    ['Lithuania', 'opposition', 'leaning', 'called for early elections'], // early elections: against whoever holds power
    ['Greece', 'opposition', 'leaning', "summoned Brevania's ambassador"], // the country named inside the measure: whoever holds power
    ['Moldova', 'government', 'leaning', 'hooligans'], // calling X hooligans, thugs or terrorists
    ['Montenegro', 'government', 'firm', 'Telmann has our full support'], // "X has our support", the speaker after the quote
    ['Romania', 'opposition', 'leaning', 'urged him to listen to the protesters'], // an order to a pronoun: the side named earlier
    ['Austria', 'government', 'leaning', "to accept the court's ruling"], // told to accept a ruling
    ['Spain', 'opposition', 'leaning', 'urging Telmann to reverse the ruling'], // told to reverse a ruling
    ['Portugal', 'opposition', 'leaning', 'urging Telmann to reverse the ruling'],
    ['United States', 'neutral', null, 'urged restraint on all sides'],
    ['Russia', 'neutral', null, 'internal affair'],
  ],
  (app) => {
    it('offering to host talks between both sides takes no side', () => {
      for (const q of ['Turkey', 'China', 'Belarus']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });

    it('answers counts and dates of the unrest', async () => {
      const kb = app().kb;
      expect((await kb.ask('How many people have been arrested since Wednesday?')).answer).toContain('264');
      expect((await kb.ask('How many people were injured?')).answer).toContain('37');
      expect((await kb.ask('When will the opposition hold a general strike?')).answer).toBe('10 Mar 2032');
      expect((await kb.ask('Who is Alma Ferro?')).answer).toMatch(/Constitutional Court/);
    });

    it('"a day after the court ruled" dates the ruling; a general strike is no military event', () => {
      const events = app().kb.timeline({ limit: 100 }).events;
      expect(events.some((e) => e.at === '2032-03-02' && e.text.includes('Constitutional Court ruled'))).toBe(true);
      expect(events.find((e) => e.text.includes('general strike'))).toMatchObject({ at: '2032-03-10', kind: 'protest' });
    });

    it('the impeachment vote is an event at its live-blog time', () => {
      const t = app().kb.timeline({ limit: 100 });
      const vote = t.events.find((e) => e.text.startsWith('Parliament rejected the opposition'));
      expect(vote?.at).toBe('2032-03-05T23:20:00+02:00');
    });
  },
);
