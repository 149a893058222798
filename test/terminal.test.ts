/** The embedded default: `npm start` with no chat tokens runs the terminal chat through startBot. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startBot } from '../src/main.js';
import { SEEDS } from './helpers.js';

async function session(lines: string[], opts: { prompt?: boolean } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const bot = await startBot(loadConfig({ BRIEFING_DB: ':memory:', BRIEFING_SEEDS: SEEDS, LOG_LEVEL: 'silent' }), { input, output, ...opts });
  expect(bot.adapters.map((a) => a.name)).toContain('terminal');
  for (const l of lines) input.write(`${l}\n`);
  input.end(); // a closed stdin ends the chat cleanly
  await bot.done;
  await bot.stop();
  return text;
}

describe('terminal chat', () => {
  it('answers the commands a user types and ends on a closed stdin', async () => {
    const out = await session(['/help', '/stance Russia', '/stance the kremlin', '/timeline limit:2', '/digest', '/ask How old is Guaido?', '/actors']);
    expect(out).toContain('/stance <actor>');
    expect(out).toContain('Russia: Backs Maduro government');
    expect(out).toContain('Vladimir Putin; The Associated Press, 24 Jan 2019, 2:30 p.m. (UTC-4)');
    expect(out).toContain('2 most important of');
    expect(out).toContain('Digest — 24 Jan 2019');
    expect(out).toMatch(/How old is Guaido\?\n35\n/);
    expect(out).toContain('Actors in the corpus');
  });

  it('explains bad input and keeps going', async () => {
    const out = await session(['/stance', '/timeline limit:abc', '/nope', 'hello', '/stance Atlantis', '/digest subscribe 25:00']);
    expect(out).toContain('Missing actor');
    expect(out).toContain('Bad limit "abc"');
    expect(out).toContain('Unknown command /nope');
    expect(out).toMatch(/\nhello\nNot in the corpus: no article here answers that\.\n/); // plain text is a question
    expect(out).toContain('“Atlantis” is not named in the corpus');
    expect(out).toContain('Bad time "25:00"');
  });
});

describe('a conversation', () => {
  it('the prompt comes back after every answer, and plain text is a question for /ask', async () => {
    const out = await session(['/stance Russia', 'How old is Guaido?', 'hello there', '/nope'], { prompt: true });
    // a prompt after the banner, then one after each of the four answers
    expect(out.match(/(^|\n)> /g)).toHaveLength(5);
    expect(out).toMatch(/How old is Guaido\?\n35\n/);
    expect(out).toContain('hello there\nNot in the corpus: no article here answers that.');
    expect(out.match(/Not in the corpus/g)).toHaveLength(1);
    expect(out).not.toContain('Extractive answer: quoted from the corpus\n\n> hello'); // no footer under nothing quoted
    expect(out.endsWith('\n> ')).toBe(true);
  });

  it('exit or quit ends it', async () => {
    const out = await session(['/stance Cuba', 'exit', '/stance Russia']);
    expect(out).toContain('Cuba: Backs');
    expect(out).not.toContain('Russia: Backs');
  });

  it('`npm start` with no tokens: the chat on stdout, no log lines below warning on stderr', () => {
    const ROOT = join(import.meta.dirname, '..');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|SLACK_|LOG_|BRIEFING_|OPENAI_)/.test(k)));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      input: '/stance Russia\n',
      encoding: 'utf8',
      env: { ...env, BRIEFING_DB: ':memory:', BRIEFING_SEEDS: SEEDS },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Terminal chat: no DISCORD_TOKEN or SLACK_BOT_TOKEN found');
    expect(r.stdout).toContain('Russia: Backs Maduro government');
    expect(r.stderr).toBe('');
  });
});
