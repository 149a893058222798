/**
 * Stress: model answers. The real openai client against the local chat-completions server
 * (test/llm/fake-openai.ts) answers seed-corpus questions with fabricated answers — the curated
 * set (quote styles, currency, scale, unit, numbers from elsewhere, names in any case, swapped
 * roles, reversed negations) plus mechanical mutations of grounded answers (a number ×10 or +1,
 * another currency or unit, an actor the cited passage never names) — and counts how many the
 * bot would show. Grounded answers are run too, to count how many are wrongly refused.
 */
import pino from 'pino';
import { type App, openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createAnswerModel } from '../../src/llm/index.js';
import { askCase, FABRICATED, GROUNDED, type ModelCase } from '../../test/llm/fabricated.js';
import { completion, type FakeOpenAI, passagesOf, startFakeOpenAI } from '../../test/llm/fake-openai.js';
import { join } from 'node:path';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const OTHER_ACTORS = ['Mexico', 'mexico', 'Brazil', 'brazil', 'France', 'the Philippines', 'Japan', 'norway'];

/** Mutations of a grounded answer that are certainly wrong against its passage. */
function mutations(c: ModelCase, passage: string): ModelCase[] {
  const out: ModelCase[] = [];
  const num = /\d+(?:\.\d+)?/.exec(c.answer);
  if (num) {
    const n = Number(num[0]);
    for (const v of [n * 10, n + 1]) {
      const text = String(v);
      if (!passage.includes(text)) out.push({ ...c, kind: 'mutated number', answer: c.answer.replace(num[0], text) });
    }
  }
  const swaps: [RegExp, string][] = [
    [/\$(\d)/, '€$1'],
    [/dollars/, 'euros'],
    [/ hours/, ' days'],
    [/ years/, ' months'],
    [/ billion/, ' million'],
  ];
  for (const [re, to] of swaps) if (re.test(c.answer)) out.push({ ...c, kind: 'mutated unit or currency', answer: c.answer.replace(re, to) });
  for (const name of OTHER_ACTORS) {
    if (!passage.toLowerCase().includes(name.toLowerCase().replace(/^the /, ''))) out.push({ ...c, kind: 'added actor', answer: `${c.answer.replace(/\.$/, '')}, and ${name} agreed.` });
  }
  return out;
}

async function ask(app: App, fake: FakeOpenAI, c: ModelCase): Promise<{ shown: boolean; sent: boolean }> {
  const { result, sent } = await askCase(app, fake, c);
  return { shown: result.mode === 'llm', sent };
}

export async function run(): Promise<Record<string, number>> {
  const fake = await startFakeOpenAI();
  const config = loadConfig({ OPENAI_BASE_URL: fake.url, OPENAI_TIMEOUT_MS: '10000', OPENAI_DAILY_TOKENS: '0' });
  const model = await createAnswerModel(config, { log: pino({ level: 'silent' }) });
  const app = openApp({ db: ':memory:', seedsDir: SEEDS, model });
  try {
    // Mutations need the cited passage's text: read it from what the bot sends for a grounded answer.
    const mutated: ModelCase[] = [];
    for (const c of GROUNDED) {
      let passage = '';
      fake.script((req) => {
        passage = passagesOf(req).find((x) => x.text.includes(c.quote))?.text ?? '';
        return completion({ answer: null, citations: [] });
      });
      await app.kb.ask(c.question);
      mutated.push(...mutations(c, passage));
    }
    const fabricated = [...FABRICATED, ...mutated];
    let accepted = 0;
    let notSent = 0;
    const examples: string[] = [];
    for (const c of fabricated) {
      const r = await ask(app, fake, c);
      if (!r.sent) notSent++;
      else if (r.shown) {
        accepted++;
        if (examples.length < 5) examples.push(`${c.kind}: ${c.answer}`);
      }
    }
    let refused = 0;
    for (const c of GROUNDED) if (!(await ask(app, fake, c)).shown) refused++;
    // Links a model writes: each grounded answer with a link woven in, in every form.
    const LINKS = ['[here](https://evil.example/a)', 'https://evil.example/b', '<https://evil.example/c>', '<https://evil.example/d|here>', 'www.evil.example/e', '[x](<https://evil.example/f>)'];
    let withLink = 0;
    let linkCases = 0;
    for (const c of GROUNDED) {
      for (const l of LINKS) {
        linkCases++;
        fake.script((req) => {
          const p = passagesOf(req).find((x) => x.text.includes(c.quote));
          return completion({ answer: `${c.answer.replace(/\.$/, '')} ${l}.`, citations: p ? [{ id: p.id, quote: c.quote }] : [] });
        });
        const r = await app.kb.ask(c.question);
        if (r.mode === 'llm' && /[a-z]+:\/\/|www\.|\]\(|<http/i.test(r.answer ?? '')) withLink++;
      }
    }
    if (examples.length) process.stderr.write(`fabricated answers shown, e.g.:\n  ${examples.join('\n  ')}\n`);
    return {
      'fabricated model answers': fabricated.length - notSent,
      'fabricated model answers accepted': accepted,
      'grounded model answers': GROUNDED.length,
      'grounded model answers refused': refused,
      'model answers with a link': linkCases,
      'model answers shown with a link': withLink,
    };
  } finally {
    app.close();
    await fake.close();
  }
}
