/**
 * "Why did X do it?" (src/core/answer/causes.ts): the reason a sentence ties to that act and that
 * doer is the answer, opening with the words that tie it ("Citing", "In response to", "After").
 * A sentence that only names the act is no answer; a reason for someone else's act is none either.
 * On the seeds and on a made-up mutiny (test/fixtures/ostavia).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askOn, freshApp } from '../helpers.js';

const ostavia = askOn('ostavia', { beforeAll, afterAll });
let seeds: ReturnType<typeof freshApp>;
beforeAll(() => {
  seeds = freshApp(join(import.meta.dirname, '..', '..', 'seeds'));
});
afterAll(() => seeds.cleanup());

describe('why', () => {
  it('answers with the reason a sentence ties to the asked act', async () => {
    expect(await ostavia('Why did Velis dismiss Malen?')).toBe('Citing failures of command');
    expect(await ostavia('Why did Belmar close its border?')).toBe('In response to the mutiny');
    const r = await seeds.kb.ask('Why did Maduro break relations with the US?');
    expect(r.answer).toBe('After the U.S. and others announced their support for Guaido');
    expect(r.citations[0]?.quote).toMatch(/^After the U\.S\. and others announced their support for Guaido, Maduro fired back/);
    expect((await seeds.kb.ask('Why did Maduro expel US diplomats?')).answer).toMatch(/^(?:Because U\.S\. President Donald Trump on Wednesday recognized|After the U\.S\. and others announced)/);
  });

  it("gives the doer's own word on it when no sentence states a reason", async () => {
    expect(await ostavia('Why did the Legion turn back?')).toMatch(/^Korvash said his men had turned back .* to avoid "spilling Ostavian blood\."/);
  });

  it('says "not in the corpus" when sentences only name the act', async () => {
    // The only sentences with "mutiny" are a headline and descriptions of it.
    expect(await ostavia('Why did Korvash mutiny?')).toBeNull();
    // Malen dismissed nobody: the reason is for Velis's act.
    expect(await ostavia('Why did Malen dismiss Velis?')).not.toBe('Citing failures of command');
  });
});
