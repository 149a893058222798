/**
 * Stances in a disputed election (made-up: Corvania, 2027), written for these constructions only:
 * an incumbent against a challenger, where acts toward the country aim at whoever holds power.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a disputed election',
  'corvania',
  [
    ['Russia', 'dorin', 'firm', 'hailed the "convincing victory" of'], // hailing a victory congratulates it
    ['United States', 'opposition', 'leaning', 'urged Dorin to step aside'], // telling a leader to step aside or hand over power
    ['Norway', 'opposition', 'firm', 'was the rightful winner'], // "X was the rightful winner"
    ['Venezuela', 'dorin', 'firm', 'stood firmly with Dorin'], // standing with someone, with an adverb
    ['Argentina', 'opposition', 'leaning', 'recalled its ambassador from Corvania'], // a diplomatic protest aims at whoever holds power
    ['China', 'dorin', 'firm', 'congratulated Dorin'],
    ['Germany', 'opposition', 'leaning', 'neither free nor fair'],
    ['European Union', 'opposition', 'leaning', 'would not recognise the results'],
    ['United Kingdom', 'opposition', 'leaning', 'travel bans'],
    ['Mexico', 'neutral', null, 'offered to mediate'],
    ['Senegal', 'dorin', 'firm', 'threw its weight behind Dorin'], // "threw its weight behind X"
    ['Costa Rica', 'opposition', 'leaning', 'called the vote a farce'], // the vote called a farce is the incumbent's
    ['Australia', 'opposition', 'leaning', 'cut diplomatic ties with Corvania'], // cutting ties with the country aims at whoever holds power
    ['Peru', 'opposition', 'leaning', 'backed calls for Dorin to step down'], // backing a call: the call's order says the side
    ['Ecuador', 'dorin', 'leaning', 'rejected calls for Dorin to resign'], // rejecting a call for X to go backs X
    ['Spain', 'opposition', 'leaning', 'would recognise Marsh if'], // a conditional recognition is a leaning
    ['Italy', 'neutral', null, 'refrained from taking sides'],
    ['Austria', 'opposition', 'leaning', 'in rejecting the results'], // rejecting the results is aimed at the incumbent
    ['Belgium', 'opposition', 'leaning', 'questioned the legitimacy of the vote'],
    ['Chile', 'opposition', 'leaning', 'lacked legitimacy'],
    ['Colombia', 'opposition', 'leaning', 'would not recognise Dorin'],
    ['Thailand', 'dorin', 'firm', "recognised Dorin's victory"],
  ],
  (app) => {
    it('joining calls for a recount, or concern, is not taken as a side', () => {
      expect(app().kb.stance('Canada').alignment).not.toBe('dorin');
      expect(['neutral', null]).toContain(app().kb.stance('Japan').alignment);
    });
  },
);
