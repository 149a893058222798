/**
 * One line per construction taught on the nuclear, border and dissident crises (khalvor, ostrel,
 * lunvik) and on the protest crisis (brevania), each with sentences that look alike but mean the
 * opposite or nothing: negation, a place instead of a side, a judgement with no accusation, an act
 * done to a side. Claims are read straight from extraction (holder→side/strength).
 */
import { describe, expect, it } from 'vitest';
import { probeClaims, sided } from './probe.js';

const claims = (fixture: string, text: string) => probeClaims(fixture, text, '2036-05-12');

describe('constructions of a nuclear standoff (khalvor)', () => {
  it.each([
    ['Russia said Khalvor had the right to enrich uranium.', 'russia→khalvor/firm'],
    ['Russia said Khalvor had the right to a peaceful nuclear programme.', 'russia→khalvor/firm'],
    ["Belarus reaffirmed Khalvor's right to enrich uranium.", 'belarus→khalvor/firm'],
    ["Egypt expressed reservations about Dunmere's threats of military action.", 'egypt→khalvor/leaning'],
    ["Turkey rejected Dunmere's claim that Khalvor was weeks away from a bomb.", 'turkey→khalvor/leaning'],
    ['Pakistan opposed any strike on Khalvori soil.', 'pakistan→khalvor/leaning'],
    ['Pakistan supported strikes on Khalvor.', 'pakistan→dunmere/leaning'], // backing an act done to X is against X
    ['Britain said Khalvor did not have the right to enrich uranium.', 'united-kingdom→dunmere/leaning'],
  ])('%s → %s', (sentence, claim) => {
    expect(claims('khalvor', sentence)).toContain(claim);
  });

  it.each([
    'Britain said Khalvor had no right to enrich uranium.',
    'Britain denied that Khalvor had the right to enrich uranium.',
    "Belarus did not reaffirm Khalvor's right to enrich uranium.",
    'Egypt expressed reservations about the deal.',
    "Turkey did not reject Dunmere's claim that Khalvor was close to a bomb.",
    'Turkey rejected the claim that Dunmere would strike.',
    'Canada did not condemn the expulsion of the inspectors.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims('khalvor', sentence))).toEqual([]);
  });

  it('reported speech, a negated saying, and an earlier act set against "now"', () => {
    expect(sided(claims('khalvor', 'Russia has never said Khalvor had the right to enrich uranium.'))).toEqual([]);
    expect(claims('khalvor', 'Pakistan, which backed Khalvor last year, now backs Dunmere.')).toEqual(['pakistan→dunmere/firm']);
    expect(claims('khalvor', 'Oman, which backs Khalvor, urged restraint.')).toContain('oman→khalvor/firm');
    // An adversary's claim of another's act is at most a leaning.
    expect(claims('ostrel', 'Ostrel claimed Poland had sent border guards to help Valkar.')).toEqual(['poland→valkar/leaning']);
  });

  it('a name before a document or measure is not its holder ("UN sanctions", "a Security Council statement")', () => {
    expect(claims('khalvor', 'France said it would trigger "snapback" UN sanctions unless Khalvor let the inspectors back.').filter((c) => c.startsWith('united-nations'))).toEqual([]);
    const blocked = claims('khalvor', 'Russia and China blocked a Security Council statement that would have condemned Khalvor.');
    expect(blocked).toContain('china→khalvor/leaning');
    expect(blocked.filter((c) => c.startsWith('united-nations-security-council'))).toEqual([]);
    expect(claims('khalvor', 'The UN said it would impose sanctions on Khalvor.')).toContain('united-nations→dunmere/leaning');
  });
});

describe('constructions of a border and refugee crisis (ostrel)', () => {
  it.each([
    ['Poland said it would send 500 border guards to help Valkar secure the frontier.', 'poland→valkar/firm'],
    ['Slovakia sent 200 soldiers to the Ostreli border to help Valkari troops.', 'slovakia→valkar/firm'],
    ['Sweden demanded that Ostrel free the crew of a Valkari patrol boat.', 'sweden→valkar/leaning'],
    // An order to free people is against the one asked where the text makes it their captor (captors.ts).
    ['Valkar seized the crew of an Ostreli trawler. Sweden demanded that Valkar free the crew.', 'sweden→ostrel/leaning'],
    ['Ostrel is holding the crew. Finland urged Ostrel to free the crew.', 'finland→valkar/leaning'],
    ['Norway urged both countries to return to talks.', 'norway→none/neutral'],
    ['Amnesty International called for an independent investigation into the deaths at the border.', 'amnesty-international→none/neutral'],
  ])('%s → %s', (sentence, claim) => {
    expect(claims('ostrel', sentence)).toContain(claim);
  });

  it.each([
    'Portugal offered shelter to 300 of the migrants stranded on the Ostreli side of the border.',
    'Slovakia sent 200 soldiers to the Ostreli border.',
    'Austria sent troops to the border with Ostrel.',
    'Russia sent troops into Ostrel.',
  ])('a side named as a place is not backed: %s', (sentence) => {
    expect(sided(claims('ostrel', sentence))).toEqual([]);
  });

  it.each([
    'Sweden did not demand that Ostrel free the crew.',
    'Finland did not call on Ostrel to release the crew.',
    'Finland urged Ostrel not to release the crew.',
  ])('an order not given: %s', (sentence) => {
    expect(sided(claims('ostrel', sentence))).toEqual([]);
  });

  it.each([
    'Sweden demanded that Valkar free the crew.', // whose crew, held by whom: the text does not say
    'Finland urged Ostrel to free the crew.',
  ])('an order to free people no captor is named for: %s', (sentence) => {
    expect(sided(claims('ostrel', sentence))).toEqual([]);
  });
});

describe('constructions after the poisoning of a dissident abroad (lunvik)', () => {
  it.each([
    ['Estonia expelled nine Drovanian diplomats in solidarity with Lunvik.', 'estonia→lunvik/firm'], // the demonym is the first act's object, not a side acting
    ['Serbia said the accusations against Drovania were "premature and politically motivated".', 'serbia→drovania/leaning'],
    ['Serbia rejected the accusations against Drovania.', 'serbia→drovania/leaning'],
    ['"We oppose the groundless accusations against Drovania," a Chinese foreign ministry spokesman said.', 'china→drovania/leaning'],
    ['Belarus condemned what it called "an anti-Drovanian campaign" in the West.', 'belarus→drovania/leaning'],
    ['France said there was no doubt that Drovania was behind the poisoning.', 'france→lunvik/leaning'],
    ["Estonia said Drovania's intelligence services were behind the killing.", 'estonia→lunvik/leaning'],
    ['Belarus said Lunvik was behind the poisoning.', 'belarus→drovania/leaning'],
  ])('%s → %s', (sentence, claim) => {
    expect(claims('lunvik', sentence)).toContain(claim);
  });

  it.each([
    'Serbia said the accusations against Drovania were not baseless.',
    "Serbia said Drovania's denials were baseless.", // whose claim is judged is too often inside it: nothing
    'Belarus called the charges "fabricated".',
    'Belarus backed the anti-Drovanian campaign.',
    'Police in Lunvik said two men were behind the attack.', // no side is the subject
    'Belarus said Drovania was not behind the attack.',
    'It is unclear whether Drovania was behind the attack, France said.',
  ])('no side: %s', (sentence) => {
    expect(sided(claims('lunvik', sentence))).toEqual([]);
  });
});

describe('constructions of unrest against a government (brevania) and after a coup (norland)', () => {
  it('warning against attempts to overthrow an elected government backs whoever holds power', () => {
    expect(claims('brevania', 'Hungary warned against attempts to overthrow an elected government.')).toContain('hungary→government/leaning');
    expect(sided(claims('brevania', 'Hungary did not warn against attempts to overthrow the elected government.'))).toEqual([]);
    // After a coup, which government is meant is unclear: nothing.
    expect(sided(claims('norland', 'Ghana warned against attempts to overthrow the elected government.'))).toEqual([]);
  });

  it('accusing foreign hands of fuelling the protests backs the government; accusing the government does not', () => {
    expect(claims('brevania', 'Serbia accused Western embassies of fuelling the protests.')).toContain('serbia→government/leaning');
    expect(claims('brevania', 'Serbia accused the government of fuelling the protests.')).not.toContain('serbia→government/leaning');
    expect(sided(claims('brevania', 'Serbia denied that Western embassies had fuelled the protests.'))).toEqual([]);
  });

  it('"urged X to free the protesters" backs whom it frees, like "release"', () => {
    expect(claims('brevania', 'Sweden urged the government to free the protesters.')).toContain('sweden→opposition/leaning');
  });
});
