/**
 * Free questions answered from the knowledge base's structured answers (src/core/answer/routed.ts):
 * an actor's position, whether it backs a side, what it said, what happened on a day. On the seeds
 * and on a made-up crisis (test/fixtures/velsund); look-alikes fall through to retrieval.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.js';

let seeds: ReturnType<typeof freshApp>;
let velsund: ReturnType<typeof freshApp>;
beforeAll(() => {
  seeds = freshApp(join(import.meta.dirname, '..', '..', 'seeds'));
  velsund = freshApp(join(import.meta.dirname, '..', 'fixtures', 'velsund'));
});
afterAll(() => {
  seeds.cleanup();
  velsund.cleanup();
});

describe("an actor's position", () => {
  it('is its stance, with its evidence', async () => {
    for (const q of ['What is the US position?', "What is America's stance on the crisis?", 'What is the position of the United States?', 'Where does the US stand?']) {
      const r = await seeds.kb.ask(q);
      expect(r.answer, q).toMatch(/^United States backs Guaidó and the National Assembly, on \d+ statements/);
      expect(r.citations.length, q).toBeGreaterThan(0);
    }
    expect((await seeds.kb.ask('Where does Turkey stand?')).answer).toMatch(/^Turkey backs Maduro government/);
  });

  it('named with no position: not in the corpus, said so', async () => {
    const r = await velsund.kb.ask("What is Hungary's position?");
    expect(r.answer).toBeNull();
    expect(r.note).toMatch(/^No position stated: Hungary is named in the corpus, but no article states a position/);
  });
});

describe('whether an actor backs a side', () => {
  it('yes, leaning, no or no side, from the stance', async () => {
    expect((await seeds.kb.ask('Does China back Maduro?')).answer).toMatch(/^Yes\. China backs Maduro government/);
    expect((await seeds.kb.ask('Does China back Guaido?')).answer).toMatch(/^No\. China backs Maduro government/);
    expect((await seeds.kb.ask('Does Spain support Guaido?')).answer).toMatch(/^It leans that way\. Spain leans toward Guaidó/);
    expect((await seeds.kb.ask('Does Russia oppose Guaido?')).answer).toMatch(/^Yes\. Russia backs Maduro government/);
    expect((await velsund.kb.ask('Does Turkey back Ostmark?')).answer).toMatch(/^No side: Turkey takes no side/);
  });

  it('"the military", "the army": the one armed forces the corpus names', async () => {
    expect((await seeds.kb.ask('Did the military back Maduro?')).answer).toMatch(/^Yes\. Venezuelan armed forces backs Maduro government/);
    expect(seeds.kb.stance('the army').actor?.name).toBe('Venezuelan armed forces');
  });

  it('an actor with no stated position is not answered yes or no', async () => {
    const r = await velsund.kb.ask('Did Hungary back Ostmark?');
    expect(r.answer).toBeNull();
    expect(r.note).toMatch(/^No position stated: /);
  });
});

describe('what an actor said', () => {
  it('its own quotes, or sentences where it is the one speaking; never one that only names it', async () => {
    const maduro = await seeds.kb.ask('What did Maduro say?');
    expect(maduro.answer).toMatch(/^Maduro said Thursday that if U\.S\. officials had any sense/);
    expect(maduro.citations.map((c) => c.quote).join('\n')).not.toMatch(/Peskov said|Borrell/);
    const pompeo = await seeds.kb.ask('What did Pompeo say?');
    expect(pompeo.answer).toMatch(/^Pompeo told the diplomats to stay/);
    expect(pompeo.citations.map((c) => c.quote).join('\n')).not.toMatch(/Hunt says he plans/);
  });

  it('a quote of its own is the answer; a fragment is given with its sentence', async () => {
    const r = await velsund.kb.ask('What did Pavel Strand say?');
    expect(r.answer).toBe('“These accusations are absurd and dangerous”');
    const hunt = await seeds.kb.ask('What did Hunt say?');
    expect(hunt.answer).toMatch(/^Jeremy Hunt said Thursday during a visit to Washington/);
  });
});

describe('what happened on a day', () => {
  it("that day's most important event, citing the day's top events", async () => {
    const r = await velsund.kb.ask('What happened on October 18?');
    expect(r.answer).toMatch(/^18 Oct 2041: /);
    expect(r.citations).toHaveLength(3);
    expect((await seeds.kb.ask('What happened on January 23?')).answer).toMatch(/^23 Jan 2019: /);
  });

  it('a day with no events is not answered with another day', async () => {
    const r = await velsund.kb.ask('What happened on March 3?');
    expect(r.answer ?? '').not.toMatch(/^\d+ \w+ 2041:/);
  });
});
