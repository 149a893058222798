/** The embedded default: `npm start` with no chat tokens runs the terminal chat through startBot. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startBot } from '../src/main.js';
import { SEEDS } from './helpers.js';

async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const bot = await startBot(loadConfig({ BRIEFING_DB: ':memory:', BRIEFING_SEEDS: SEEDS, LOG_LEVEL: 'silent' }), { input, output });
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
    expect(out).toContain('Unknown command /hello');
    expect(out).toContain('“Atlantis” is not named in the corpus');
    expect(out).toContain('Bad time "25:00"');
  });
});
