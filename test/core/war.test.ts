/**
 * Stances in a war between two countries (made-up: Belmark and Astoria, 2028), written for these
 * constructions only: the sides are states, and acts are aimed at them by name or by their acts.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a war between two states',
  'astoria',
  [
    ['Chile', 'astoria', 'leaning', 'demanding that Belmark withdraw'], // "a resolution demanding that X withdraw": an order to X
    ['Serbia', 'belmark', 'firm', 'had a right to defend itself'], // X's right to defend itself
    ['Syria', 'belmark', 'firm', 'sent military advisers to Belmark'], // sending troops or advisers to a side
    ['Latvia', 'astoria', 'leaning', 'a violation of international law'], // the side's act called a violation of international law
    ['Finland', 'astoria', 'leaning', 'called on Belmark to withdraw'],
    ['Hungary', 'belmark', 'leaning', 'blamed Astoria'],
    ['Lithuania', 'astoria', 'leaning', 'accused Belmark'],
    ['Nicaragua', 'belmark', 'leaning', "condemned Astoria's shelling"],
    ['Belarus', 'belmark', 'leaning', 'vetoed a draft resolution condemning Belmark'],
    ['Poland', 'astoria', 'firm', 'voiced support'],
    ['Egypt', 'neutral', null, 'exercise maximum restraint'],
    ['Portugal', 'astoria', 'leaning', 'arms embargo on Belmark'], // an embargo on X
    ['Cyprus', 'belmark', 'leaning', 'lifted its arms embargo on Belmark'], // lifting one is the opposite
    ['Greece', 'belmark', 'leaning', 'distanced itself from Astoria'], // distancing oneself from X
    ['Denmark', 'astoria', 'leaning', 'designated the Belmarkian forces as a terrorist organisation'], // designating X a terrorist group
  ],
  (app) => {
    it('abstaining, or blaming "the West", takes no side', () => {
      for (const q of ['India', 'Iran']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });
  },
);
