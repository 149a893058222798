/**
 * Stances in a crackdown on protests (made-up: Veska, 2029), written for these constructions only:
 * a government against a protest movement, where what is done to protesters decides the side.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a crackdown on protests',
  'veska',
  [
    ['Norway', 'protesters', 'leaning', 'condemned the use of excessive force against demonstrators'], // force used against X is done to X
    ['Canada', 'protesters', 'leaning', 'to release detained protesters'], // "urged … to release X"
    ['Austria', 'protesters', 'leaning', 'investigation into the killings of protesters'], // an inquiry into the killings of X
    ['Belgium', 'protesters', 'leaning', 'to respect the right to peaceful assembly'], // told to respect rights: an order to whoever is addressed
    ['Iceland', 'protesters', 'leaning', 'had lost all legitimacy'], // "X has lost all legitimacy"
    ['Russia', 'government', 'leaning', 'orchestrated from abroad'], // unrest blamed on foreign hands backs whoever holds power
    ['China', 'government', 'leaning', 'colour revolution'],
    ['Armenia', 'government', 'leaning', 'help the government restore order'], // helping to restore order
    ['Kyrgyzstan', 'government', 'leaning', 'had the right to restore order'],
    ['Sweden', 'protesters', 'firm', 'support for the peaceful protesters'],
    ['Tajikistan', 'government', 'leaning', 'praised the restraint shown by the security forces'],
    ['Luxembourg', 'neutral', null, 'was very concerned'], // concern, with an adverb, is a stated position of no side
    ['Malta', 'neutral', null, 'an independent investigation'], // an inquiry into nobody in particular
    ['Portugal', 'neutral', null, 'warned that the violence could spread'], // a warning that violence could spread
  ],
  (app) => {
    it('staying out of internal affairs, or meeting someone, takes no side', () => {
      for (const q of ['Slovakia', 'Croatia']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });
  },
);
