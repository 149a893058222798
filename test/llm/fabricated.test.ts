/**
 * Fabricated model answers against the seed corpus, through the real openai client and the local
 * chat-completions server: every one falls back to the extractive answer, and every grounded one
 * is shown. Each answer cites, with a verbatim quote, a passage the bot really sent, so only the
 * answer's own text is at fault.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createAnswerModel } from '../../src/llm/index.js';
import { SEEDS } from '../helpers.js';
import { askCase, FABRICATED, GROUNDED, type ModelCase } from './fabricated.js';
import { type FakeOpenAI, startFakeOpenAI } from './fake-openai.js';

let fake: FakeOpenAI;
let app: App;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  const config = loadConfig({ OPENAI_BASE_URL: fake.url, OPENAI_TIMEOUT_MS: '5000', OPENAI_DAILY_TOKENS: '0' });
  const model = await createAnswerModel(config, { log: pino({ level: 'silent' }) });
  app = openApp({ db: ':memory:', seedsDir: SEEDS, model });
});
afterAll(async () => {
  app?.close();
  await fake?.close();
});

/** Ask the case's question with the model answering the case's answer; what the bot showed. */
async function run(c: ModelCase): Promise<{ mode: string; note?: string; sent: boolean; answer: string | null }> {
  const { result: r, sent } = await askCase(app, fake, c);
  return { mode: r.mode, note: r.note, sent, answer: r.answer };
}

describe('fabricated model answers', () => {
  it(`refuses all ${FABRICATED.length} (at least 50), each for a stated reason`, async () => {
    expect(FABRICATED.length).toBeGreaterThanOrEqual(50);
    const accepted: string[] = [];
    const kinds = new Set<string>();
    for (const c of FABRICATED) {
      const r = await run(c);
      // The passage was sent to the model and cited: the refusal is the grounding check's.
      expect(r.sent, `passage for "${c.quote}" not sent`).toBe(true);
      if (r.mode !== 'extractive') accepted.push(`${c.kind}: ${c.answer}`);
      else expect(r.note, c.answer).toMatch(/^The model's answer was not supported by the sources \(.+\); showing the extractive answer\.$/);
      kinds.add(c.kind.replace(/ \(.*\)$/, '').replace(/^quote .*/, 'quote'));
    }
    expect(accepted).toEqual([]);
    expect([...kinds].sort()).toEqual(
      ['currency', 'lower-case name', 'negation', 'number', 'number from another passage', 'number from the date', 'quote', 'roles swapped', 'scale', 'unit', 'wrong name'].sort(),
    );
  }, 60_000);

  it(`shows all ${GROUNDED.length} grounded answers written in the model's own words`, async () => {
    const refused: string[] = [];
    for (const c of GROUNDED) {
      const r = await run(c);
      expect(r.sent).toBe(true);
      if (r.mode !== 'llm') refused.push(`${c.kind}: ${c.answer} -> ${r.note}`);
    }
    expect(refused).toEqual([]);
  }, 30_000);

  it('strips links from what the model writes, keeping their text', async () => {
    const r = await run({
      question: 'How much money has China given Venezuela?',
      quote: 'China has given Venezuela $65 billion',
      kind: 'links',
      answer: 'China has given [Venezuela](https://evil.example/x) $65 billion, <https://evil.example/z|The Associated Press> reports https://evil.example/y www.evil.example/z.',
    });
    expect(r.mode).toBe('llm');
    expect(r.answer).toBe('China has given Venezuela $65 billion, The Associated Press reports.');
    expect(r.answer).not.toMatch(/https?:|www\.|\]\(|</);
  });
});
