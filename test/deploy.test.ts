/**
 * Deploying for real (issue 9): a bot configured only through `.env`, started as `npm start` starts
 * it (a child process, its own working directory), connects to Discord and answers; and a running
 * bot sees an article that another process ingested into the same database, at the next question.
 * Discord is the local peer (fake-discord.ts) driven by the real discord.js client.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../src/adapters/discord/index.js';
import { loadConfig, SETTINGS } from '../src/config.js';
import { startBot } from '../src/main.js';
import { FakeDiscord, opt } from './adapters/discord/fake-discord.js';
import { Harness } from './adapters/discord/harness.js';
import { SEEDS, tempDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const ARTICLE = join(import.meta.dirname, 'fixtures', 'later', 'mexico-0125.md');

/** The test runner's environment without any of the bot's settings: only `.env` may configure the child. */
function bareEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !SETTINGS.includes(k))) as Record<string, string>;
}

/** The text of a reply's embeds. */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON
const textOf = (message: any): string => JSON.stringify(message.embeds ?? []);

describe('a bot configured only through .env', () => {
  const tmp = tempDir();
  const h = new Harness();
  let child: ChildProcess;
  let stderr = '';

  beforeAll(async () => {
    h.fake = await FakeDiscord.start();
    const env = h.env({ BRIEFING_DB: join(tmp.dir, 'kb.db'), BRIEFING_SEEDS: SEEDS, LOG_LEVEL: 'info' });
    writeFileSync(join(tmp.dir, '.env'), `# written by the test\n${Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n')}\n`);
    child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'src/main.ts')], { cwd: tmp.dir, env: bareEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    // Ready when it has registered its commands (after READY).
    await h.fake.waitFor((r) => r.method === 'PUT' && r.path.endsWith('/commands'), 60_000);
    await waitUntil(() => stderr.includes('"started: discord"'));
  }, 120_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await h.fake.close();
    tmp.cleanup();
  });

  it('connects with the token from .env and logs which surface started', () => {
    expect(h.fake.identifies[0]).toMatchObject({ token: 'x' });
    const started = stderr.split('\n').find((l) => l.includes('"started: discord"')) ?? '';
    expect(JSON.parse(started)).toMatchObject({ surfaces: ['discord'], settings: join(tmp.dir, '.env') });
  });

  it('answers a slash command', async () => {
    const { message } = await h.answer(h.fake.command('stance', [opt.str('actor', 'Russia')], h.as()));
    expect(textOf(message)).toContain('Russia: Backs Maduro government');
  });

  it('a present but invalid setting in .env stops the start with one line naming it', async () => {
    const bad = tempDir();
    try {
      writeFileSync(join(bad.dir, '.env'), 'PORT=eighty\nBRIEFING_SEEDS=seeds\n');
      const r = await promisify(execFile)(process.execPath, ['--import', TSX, join(ROOT, 'src/main.ts')], { cwd: bad.dir, env: bareEnv() }).catch((e) => e);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual(['Bad settings: PORT in .env: must be a whole number from 0 to 65535 (got "eighty")']);
    } finally {
      bad.cleanup();
    }
  });
});

describe('one knowledge base, many processes', () => {
  const tmp = tempDir();
  const h = new Harness();
  const db = join(tmp.dir, 'kb.db');

  beforeAll(async () => {
    h.fake = await FakeDiscord.start();
    h.bot = await startBot(loadConfig(h.env({ BRIEFING_DB: db, BRIEFING_SEEDS: SEEDS })), { logger: pino({ level: 'silent' }) });
    h.discord = h.bot.adapters.find((a) => a.name === 'discord') as DiscordAdapter;
  });
  afterAll(async () => {
    await h.bot?.stop();
    await h.fake?.close();
    tmp.cleanup();
  });

  it('an article ingested by the CLI in another process is answered by the running bot at the next question', async () => {
    const stance = async (actor: string) => textOf((await h.answer(h.fake.command('stance', [opt.str('actor', actor)], h.as()))).message);
    expect(await stance('Mexico')).toContain('“Mexico” is not named in the corpus');
    expect(h.bot.app.kb.suggest('Mex').map((s) => s.name)).not.toContain('Mexico');

    const r = await promisify(execFile)(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/main.ts'), 'ingest', ARTICLE], {
      cwd: ROOT,
      env: { ...bareEnv(), BRIEFING_DB: db, BRIEFING_SEEDS: SEEDS },
    });
    expect(r.stdout).toContain('Ingested 1 article.');

    // No restart: the bot's next question sees the new actor, its stance, and the person it introduced.
    const mexico = await stance('Mexico');
    expect(mexico).toContain('Mexico: Backs Guaidó and the National Assembly');
    expect(mexico).toContain('Mexico on Friday recognized Juan Guaido');
    expect(await stance('Robles')).toContain('Elena Robles');
    expect(h.bot.app.kb.suggest('Mex').map((s) => s.name)).toContain('Mexico');
    expect(h.bot.app.kb.actors().map((a) => a.name)).toContain('Mexico');
    expect(h.bot.app.kb.sources().map((s) => s.source)).toContain('Gulf Coast Courier');
  }, 60_000);
});

async function waitUntil(cond: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
