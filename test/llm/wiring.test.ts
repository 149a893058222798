/**
 * The model wired in as the bot and the CLI build it from settings: the terminal chat through
 * startBot, and `briefing ask --json`, both against the local OpenAI-compatible server.
 */
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as cli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/main.js';
import { SEEDS } from '../helpers.js';
import { answerCiting, type FakeOpenAI, startFakeOpenAI } from './fake-openai.js';

const AGE_QUOTE = 'Guaido, the 35-year-old leader of the National Assembly';
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.reset();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('model wiring', () => {
  it('the terminal chat (startBot) answers /ask with the model and says so', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => {
      text += c.toString();
    });
    fake.script(answerCiting('Guaido is 35, @here.', AGE_QUOTE));
    const bot = await startBot(loadConfig({ BRIEFING_DB: ':memory:', BRIEFING_SEEDS: SEEDS, LOG_LEVEL: 'silent', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'local' }), { input, output });
    input.write('/ask How old is Guaido?\n/stance Russia\n');
    input.end();
    await bot.done;
    await bot.stop();
    expect(text).toContain('Guaido is 35.');
    expect(text).not.toContain('@here');
    expect(text).toContain('Answer written by a model and checked against the quotes');
    expect(text).toContain('Russia: Backs Maduro government');
    expect(fake.requests).toHaveLength(1); // only /ask asks the model
  });

  it('`briefing ask --json` reports mode llm, and a rejected answer as extractive with its note', async () => {
    vi.stubEnv('BRIEFING_DB', ':memory:');
    vi.stubEnv('BRIEFING_SEEDS', SEEDS);
    vi.stubEnv('OPENAI_BASE_URL', fake.url);
    vi.stubEnv('OPENAI_API_KEY', '');
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out += String(s);
      return true;
    });
    fake.script(answerCiting('Guaido is 35.', AGE_QUOTE), answerCiting('Guaido is 36.', AGE_QUOTE));
    expect(await cli(['ask', 'How', 'old', 'is', 'Guaido?', '--json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ answer: 'Guaido is 35.', mode: 'llm', citations: [{ source: 'CBC News' }] });
    out = '';
    expect(await cli(['ask', 'How', 'old', 'is', 'Guaido?', '--json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ answer: '35', mode: 'extractive', note: expect.stringMatching(/number "36"/) });
    expect(fake.requests).toHaveLength(2);
  });
});
