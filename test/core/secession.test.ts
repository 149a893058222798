/**
 * Stances on a secession (made-up: Varnia's referendum in Corland, 2031), written for these
 * constructions only: the separatists' acts are named in crisis.json ("referendum", "declaration
 * of independence"), and calling them illegal or without legal basis aims at the separatists.
 */
import { expect, it } from 'vitest';
import { describeStances } from './stance-cases.js';

describeStances(
  'a secession',
  'varnia',
  [
    ['France', 'central', 'leaning', 'called the referendum illegal'], // "called X illegal": X is the side's act
    ['Belgium', 'central', 'leaning', 'had no legal basis'], // "X had no legal basis"
    ['Serbia', 'separatists', 'firm', 'recognised the independence of Varnia'],
    ['Russia', 'separatists', 'leaning', 'welcomed the referendum'],
    ['European Union', 'central', 'leaning', 'would not recognise an independent Varnia'],
    ['Germany', 'central', 'leaning', "respected Corland's territorial integrity"], // upholding the state's territorial integrity is against the side breaking away (disputes.ts)
  ],
  (app) => {
    it('a call for dialogue takes no side', () => {
      for (const q of ['Austria']) expect(['neutral', null]).toContain(app().kb.stance(q).alignment);
    });
  },
);
