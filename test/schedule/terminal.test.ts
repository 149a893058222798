/** The terminal surface as a Publisher: `npm start` without chat tokens prints scheduled digests. */
import { PassThrough } from 'node:stream';
import { afterEach, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/main.js';
import { SEEDS } from '../helpers.js';
import { FAKE, silent } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

it('a subscription typed in the terminal prints the digest there at its time', async () => {
  vi.useFakeTimers({ ...FAKE, now: new Date('2025-01-15T06:00:00Z') });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const bot = await startBot(loadConfig({ BRIEFING_DB: ':memory:', BRIEFING_SEEDS: SEEDS, BRIEFING_TZ: 'Asia/Kathmandu' }), { input, output, logger: silent });
  try {
    expect(bot.adapters.find((a) => a.name === 'terminal')?.publisher?.platform).toBe('terminal');
    input.write('/digest subscribe 12:30\n'); // BRIEFING_TZ is the default zone: 12:30 Kathmandu = 06:45 UTC
    await vi.waitUntil(() => text.includes('Digest subscribed'), { interval: 1 });
    expect(text).toContain('12:30 Asia/Kathmandu, every day. Next digest: Wed 15 Jan 2025, 12:30 (Asia/Kathmandu)');
    await vi.advanceTimersByTimeAsync(44 * 60_000);
    expect(text).not.toContain('[scheduled digest for #terminal]');
    await vi.advanceTimersByTimeAsync(60_000);
    await bot.scheduler?.idle();
    expect(text).toContain('[scheduled digest for #terminal]\nDigest — 24 Jan 2019');
    expect(text.split('[scheduled digest').length).toBe(2);
  } finally {
    input.end();
    await bot.done;
    await bot.stop();
  }
});
