/** Settings: `.env` under the environment, one-line errors naming the setting, the start-up log, log levels. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readEnvironment, SETTINGS } from '../src/config.js';
import { loggerFor } from '../src/log.js';
import { startBot } from '../src/main.js';
import { SEEDS, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function dotenv(text: string): string {
  const dir = join(tmp.dir, `d${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  writeFileSync(join(dir, '.env'), text);
  return dir;
}

describe('.env', () => {
  it('is read from the working directory; a value already in the environment wins', () => {
    const cwd = dotenv('# comment\nDISCORD_TOKEN=from-file\nexport BRIEFING_TZ="Europe/Paris"\nPORT=4000 # inline comment\n');
    const e = readEnvironment({ cwd, env: { PORT: '5000' } });
    expect(e.file).toBe(join(cwd, '.env'));
    expect(e.env).toMatchObject({ DISCORD_TOKEN: 'from-file', BRIEFING_TZ: 'Europe/Paris', PORT: '5000' });
    expect([...e.fromFile].sort()).toEqual(['BRIEFING_TZ', 'DISCORD_TOKEN']);
    const c = loadConfig(e.env, e);
    expect(c).toMatchObject({ DISCORD_TOKEN: 'from-file', BRIEFING_TZ: 'Europe/Paris', PORT: 5000 });
  });

  it('no file is fine; an empty value is the same as unset; an unknown name is a warning with the nearest setting', () => {
    expect(readEnvironment({ cwd: tmp.dir, env: {} })).toMatchObject({ file: null, warnings: [] });
    const cwd = dotenv('DISCORD_TOKNE=abc\nLOG_LEVEL=\nBRIEFING_DB=\n');
    const e = readEnvironment({ cwd, env: {} });
    expect(e.warnings).toEqual(['.env: unknown setting DISCORD_TOKNE (ignored); did you mean DISCORD_TOKEN?']);
    const c = loadConfig(e.env, e);
    expect(c.LOG_LEVEL).toBeUndefined();
    expect(c.BRIEFING_DB).toBe('data/briefing.db');
    expect(c.DISCORD_TOKEN).toBeUndefined();
  });

  it('a present but invalid setting is one line naming it, where it came from, and what it should be', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'eighty' }, 'Bad settings: PORT in .env: must be a whole number from 0 to 65535 (got "eighty")'],
      [{ LOG_LEVEL: 'loud' }, 'Bad settings: LOG_LEVEL in .env: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
      [{ BRIEFING_TZ: 'Mars/Olympus' }, 'Bad settings: BRIEFING_TZ in .env: must be an IANA time zone such as Europe/Paris (got "Mars/Olympus")'],
      [{ BRIEFING_SCHEDULER: 'maybe' }, 'Bad settings: BRIEFING_SCHEDULER in .env: must be on or off (got "maybe")'],
      [{ BRIEFING_CATCHUP_HOURS: 'lots' }, 'Bad settings: BRIEFING_CATCHUP_HOURS in .env: must be a number of hours from 0 to 48 (got "lots")'],
      [{ DISCORD_APPLICATION_ID: 'my-app' }, 'Bad settings: DISCORD_APPLICATION_ID in .env: must be the numeric Application ID from the Developer Portal (got "my-app")'],
      [{ SLACK_APP_TOKEN: 'xoxb-wrong', SLACK_BOT_TOKEN: 'xoxb-1' }, 'Bad settings: SLACK_APP_TOKEN in .env: must be an app-level token starting with xapp-'],
    ];
    for (const [vars, line] of cases) {
      const cwd = dotenv(Object.entries(vars).map(([k, v]) => `${k}=${v}`).join('\n'));
      const e = readEnvironment({ cwd, env: {} });
      let err: unknown;
      try {
        loadConfig(e.env, e);
      } catch (x) {
        err = x;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toBe(line);
      expect((err as Error).message).not.toMatch(/Invalid|expected|received/);
    }
    // from the environment, the same line without "in .env"
    expect(() => loadConfig({ PORT: '-1' })).toThrow('Bad settings: PORT: must be a whole number from 0 to 65535 (got "-1")');
  });
});

describe('.env.example', () => {
  it('copied to .env as it is, starts the terminal chat: every name known, every setting documented, nothing invalid', () => {
    const e = readEnvironment({ file: join(import.meta.dirname, '..', '.env.example'), env: {} });
    expect(e.warnings).toEqual([]);
    const c = loadConfig(e.env, e);
    expect(c.DISCORD_TOKEN ?? c.SLACK_BOT_TOKEN).toBeUndefined();
    expect(c.LOG_LEVEL).toBeUndefined(); // the terminal stays quiet
    expect([...e.fromFile].sort()).toEqual(expect.arrayContaining(['BRIEFING_DB', 'BRIEFING_SEEDS', 'PORT']));
    const text = readFileSync(join(import.meta.dirname, '..', '.env.example'), 'utf8');
    for (const k of SETTINGS) expect(text, k).toMatch(new RegExp(`^${k}=`, 'm'));
  });
});

describe('start-up log and log levels', () => {
  it('says which surfaces started and why the terminal was chosen', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => {
      text += c.toString();
    });
    const bot = await startBot(loadConfig({ BRIEFING_DB: ':memory:', BRIEFING_SEEDS: SEEDS }), { input, output, logger, environment: { file: '/srv/bot/.env', warnings: ['.env: unknown setting X (ignored)'] } });
    input.end();
    await bot.done;
    await bot.stop();
    expect(lines.find((l) => l.msg === 'started: terminal (no DISCORD_TOKEN or SLACK_BOT_TOKEN found in the environment or .env)')).toMatchObject({ surfaces: ['terminal'], settings: '/srv/bot/.env', level: 30 });
    expect(lines.find((l) => l.msg === '.env: unknown setting X (ignored)')).toMatchObject({ level: 40 });
    expect(text).toContain('Terminal chat: no DISCORD_TOKEN or SLACK_BOT_TOKEN found in the environment or .env.');
  });

  it('the terminal logs warnings only unless LOG_LEVEL says otherwise; chat bots log info; LOG_FILE takes the lines', () => {
    expect(loggerFor({}, true).level).toBe('warn');
    expect(loggerFor({ LOG_LEVEL: 'debug' }, true).level).toBe('debug');
    expect(loggerFor({}, false).level).toBe('info');
    const file = join(tmp.dir, 'logs', 'bot.log');
    const log = loggerFor({ LOG_FILE: file }, true);
    expect(log.level).toBe('info');
    log.info('into the file');
    expect(JSON.parse(readFileSync(file, 'utf8').trim())).toMatchObject({ msg: 'into the file' });
  });
});
