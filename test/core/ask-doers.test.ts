/**
 * "Who <did something>?" asks for the one who did it: an actor before the verb (its subject) or its
 * agent ("by X"), never an actor the sentence names after the verb. A sentence whose subject is a
 * pronoun ("It accused Ostmark of staging the blasts, and said Belarus would …") names no one: the
 * answer is the sentence, not Belarus. Made-up crisis: test/fixtures/velsund.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/core/answer/question.js';
import { askOn, fixture, freshApp, SEEDS } from '../helpers.js';

const answer = askOn('velsund', { beforeAll, afterAll });

describe('who did it', () => {
  it('the subject before the verb', async () => {
    expect(await answer('Who offered to mediate?')).toBe('Turkey');
    expect(await answer("Who summoned Ostmark's ambassador?")).toBe('Reval Union');
    expect(await answer('Who held the Reval Union responsible?')).toBe('United Kingdom');
    expect(await answer('Who expelled three diplomats?')).toBe('Ostmark');
  });

  it('never the dateline: where the reporter files from acts in nothing', async () => {
    // "UNITED NATIONS (Harbor Wire) — The Reval Union on Monday vetoed …"
    expect(await answer('Who vetoed the resolution?')).toBe('Reval Union');
  });

  it('never an actor named after the verb: a pronoun subject names no one', async () => {
    const r = await answer('Who accused Ostmark of staging the blasts?');
    expect(r).not.toBe('Belarus');
    expect(r).toMatch(/^It accused Ostmark of staging the blasts/);
  });

  it('a participle after a noun has no subject: "a patrol boat seized on Friday" names no seizer', async () => {
    const ostrel = freshApp(fixture('ostrel'));
    try {
      const seized = (await ostrel.kb.ask('Who seized the patrol boat?')).answer;
      expect(seized).not.toMatch(/^(?:Finland|Sweden|Ostrel|Valkar)$/);
      expect((await ostrel.kb.ask('Who closed the border?')).answer).toBe('Valkar');
    } finally {
      ostrel.cleanup();
    }
  });

  it('a demonym naming a body is the side ("The Misravan delegation walked out"); an act the sentence does not state names no one', async () => {
    const nerat = freshApp(fixture('u8-nerat'));
    try {
      expect((await nerat.kb.ask('Who walked out of the talks?')).answer).toBe('Misrava');
      // No sentence says who mediated; "The Misravan delegation walked out of the talks" is no mediation.
      // Since session 8 a sentence that neither names the doer nor states the act is no answer at all.
      expect((await nerat.kb.ask('Who mediated the talks?')).answer).toBeNull();
    } finally {
      nerat.cleanup();
    }
  });

  it('on the seeds: who recognised Guaido is one who did, never Maduro (named after the verb)', async () => {
    const seeds = freshApp(SEEDS);
    try {
      const r = await seeds.kb.ask('Who recognized Guaido?');
      expect(r.answer).not.toMatch(/Maduro/);
      expect(r.answer).toBe('Donald Trump');
    } finally {
      seeds.cleanup();
    }
  });

  it('reads the active verb of the question, not a passive or a role', () => {
    expect(parseQuestion('Who recognized Guaido?').act).toBe('recogniz');
    expect(parseQuestion('Who has denied any involvement?').act).toBe('den');
    expect(parseQuestion('Who is accused of arming the junta?').act).toBeUndefined();
    expect(parseQuestion('Who is the British ambassador?').act).toBeUndefined();
  });
});

describe('an agent named through its state (session 8)', () => {
  const ostavia = askOn('ostavia', { beforeAll, afterAll });
  it('"brokered by Belmar\'s President Luka Sorin" is the person, not the state', async () => {
    expect(await ostavia('Who brokered the deal?')).toBe('Luka Sorin');
  });
});
