/**
 * "Did X blame Y?" is routed (src/core/answer/blamed.ts): the sentences where X is the one blaming Y,
 * "Yes." or "No." for a denied verb; never a sentence where the blame is someone else's, and "not in
 * the corpus" when no article says it. Made-up crises: test/fixtures/velsund, test/fixtures/qa9-tarnak.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOn, fixture, freshApp } from '../helpers.js';

const velsund = askOn('velsund', { beforeAll, afterAll });
const tarnak = askOn('qa9-tarnak', { beforeAll, afterAll });

describe('did X blame Y', () => {
  it('X before the verb, Y after it: yes, with the sentence', async () => {
    expect(await velsund('Did Britain blame the Reval Union?')).toBe('Yes. Britain held the Reval Union responsible for the attack and summoned its ambassador.');
    expect(await velsund('Does Britain hold the Reval Union responsible?')).toMatch(/^Yes\. Britain held the Reval Union responsible/);
    // The asker's words are a name ("the army" for the government's side).
    expect(await tarnak('Did the rebels accuse the army?')).toMatch(/^Yes\. 12:30 — The rebels accuse the army of firing/);
    expect(await tarnak('Does Vesk accuse the inquiry of bias?')).toMatch(/Anton Vesk accused the inquiry of bias/);
  });

  it('a pronoun opening the sentence is the actor the sentence before opens with; that sentence is cited first', async () => {
    const r = await velsund.kb().ask('Did the Reval Union accuse Ostmark?');
    expect(r.answer).toMatch(/^Yes\. It accused Ostmark of staging the blasts/);
    expect(r.citations[0]?.quote).toMatch(/The Reval Union vowed to respond in kind/);
  });

  it('look-alikes: the blame is another\'s, or nobody says it — not in the corpus, never yes', async () => {
    // "The rebels accuse the army …": the army blames no one there.
    expect(await tarnak('Did the army blame the rebels?')).toBeNull();
    // "He said the rebels had staged the attack": no verb of blame; answer less.
    expect(await tarnak('Did Vesk blame the rebels?')).toBeNull();
    expect(await velsund('Did China blame the Reval Union?')).toBeNull();
    expect(await velsund('Did Ostmark blame Britain?')).toBeNull();
    const r = await tarnak.kb().ask('Did the United States blame the rebels?');
    expect(r.answer).toBeNull();
    expect(r.note).toMatch(/^Not in the corpus/);
  });

  it('declining to blame anyone is no ("too early to assign blame")', async () => {
    expect(await velsund('Did France blame the Reval Union?')).toBe("No. France said it was too early to assign blame but backed Ostmark's call for an international investigation.");
  });

  it('"pointed the finger at" blames, a pronoun\'s too', async () => {
    const marenia = freshApp(fixture('qa9-marenia'));
    try {
      expect((await marenia.kb.ask('Did Rosa Imre blame the IMF?')).answer).toBe('Yes. She points the finger at the IMF for the wage freeze.');
      expect((await marenia.kb.ask('Did Benn blame the IMF?')).answer).toBeNull();
    } finally {
      marenia.cleanup();
    }
  });

  it('a denial is no', async () => {
    expect(await tarnak('Did Germany blame the army?')).toMatch(/^No\. Germany did not blame the Belmoran army directly/);
    // "… but stopped short of blaming either side": "either side" names no actor, so retrieval answers with the sentence.
    expect(await tarnak('Did the United States blame either side?')).toMatch(/stopped short of blaming either side/);
  });
});

describe('the blamer by any of its names', () => {
  it('a demonym naming a body, and a participle after the clause ("The Misravan delegation walked out …, accusing Abrenia of …")', async () => {
    const nerat = freshApp(fixture('u8-nerat'));
    try {
      expect((await nerat.kb.ask('Did Misrava blame Abrenia?')).answer).toMatch(/^Yes\. The Misravan delegation walked out of the talks/);
      // "An Abrenian negotiator said Misrava had 'never wanted a deal'" blames no one in so many words.
      expect((await nerat.kb.ask('Did Abrenia blame Misrava?')).answer).toBeNull();
    } finally {
      nerat.cleanup();
    }
  });
});

describe('a long clause between the blamer and the verb', () => {
  it('"X said …, and he accused Y" is yes; a denial far back in another clause is not this verb\'s', async () => {
    const ostrel = freshApp(fixture('ostrel'));
    try {
      expect((await ostrel.kb.ask('Did Hollan blame Valkar?')).answer).toMatch(/^Yes\. Ostreli President Viktor Hollan said his country would not be lectured/);
      // "Belarus blamed Valkar for the deaths, while Norway urged both countries to return to talks."
      expect((await ostrel.kb.ask('Did Norway blame Valkar?')).answer).toBeNull();
      expect((await ostrel.kb.ask('Did Belarus blame Valkar?')).answer).toMatch(/^Yes\. Belarus blamed Valkar for the deaths/);
    } finally {
      ostrel.cleanup();
    }
  });

  it('"… but stopped short of formally blaming Y" is no', async () => {
    const lunvik = freshApp(fixture('lunvik'));
    try {
      expect((await lunvik.kb.ask('Did the United States blame Drovania?')).answer).toMatch(/^No\. The United States said the attack bore "all the hallmarks"/);
      expect((await lunvik.kb.ask('Did Kazakhstan blame Drovania?')).answer).toMatch(/^No\. Kazakhstan stopped short of blaming Drovania/);
    } finally {
      lunvik.cleanup();
    }
  });
});
