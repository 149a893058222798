/**
 * Logs carry no token and no message body: the real discord.js client against the local Discord,
 * with the bot's own logger (createLogger), when Discord refuses an interaction reply or an edit.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createLogger, scrub, serializeError } from '../../../src/log.js';
import { type Bot, startBot } from '../../../src/main.js';
import { FakeDiscord, opt } from './fake-discord.js';

const BOT_TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789ab';
let fake: FakeDiscord;
let bot: Bot;
let raw = '';

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      raw += chunk.toString();
      cb();
    },
  });
  const env = { DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, BRIEFING_DB: ':memory:', BRIEFING_SEEDS: 'seeds' };
  bot = await startBot(loadConfig(env), { logger: createLogger('info', sink) });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const lines = () => raw.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('a Discord API error in the logs', () => {
  test('a refused interaction reply is logged without its token or its body', async () => {
    const marker = 'Zyxwvutsrqponm';
    fake.failOnce('POST', /\/interactions\/\d+\/[^/]+\/callback$/, 400, { message: 'Invalid Form Body', code: 50035, errors: { data: { embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'too long' }] } } } });
    const s = fake.command('stance', [opt.str('actor', marker)], { userId: '510000000000000901' });
    await fake.waitFor((r) => r.method === 'POST' && r.path.includes(`/interactions/${s.id}/`) && r.status === 204);
    await new Promise((r) => setTimeout(r, 50));
    const failed = lines().find((l) => l.msg === 'interaction failed');
    expect(failed).toBeDefined();
    const err = failed?.err as Record<string, unknown>;
    expect(err).toMatchObject({ type: 'DiscordAPIError[50035]', status: 400, method: 'POST', code: 50035 });
    expect(err.url).toMatch(new RegExp(`/v10/interactions/${s.id}/\\[redacted\\]/callback`));
    expect(raw).not.toContain(s.token);
    expect(raw).not.toContain(marker); // the reply's body (the answer naming the actor) is not logged
    expect(raw).not.toContain('requestBody');
  });

  test('a refused edit after a deferral is logged without the webhook token', async () => {
    fake.failOnce('PATCH', /\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 500, { message: 'Internal Server Error', code: 0 });
    fake.failOnce('PATCH', /\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 500, { message: 'Internal Server Error', code: 0 });
    fake.failOnce('PATCH', /\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 500, { message: 'Internal Server Error', code: 0 });
    fake.failOnce('PATCH', /\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 500, { message: 'Internal Server Error', code: 0 });
    const s = fake.command('ask', [opt.str('question', 'How old is Guaido?')], { userId: '510000000000000902' });
    await fake.waitFor((r) => r.method === 'POST' && r.path.includes(`/webhooks/${fake.applicationId}/${s.token}`), 15_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(lines().some((l) => l.msg === 'interaction failed')).toBe(true);
    expect(raw).not.toContain(s.token);
    expect(raw).toContain(`/webhooks/${fake.applicationId}/[redacted]`);
    expect(raw).not.toContain('35-year-old'); // the answer's body
    expect(raw).not.toContain(BOT_TOKEN);
  }, 20_000);
});

describe('scrub and serializeError', () => {
  test('every kind of token is redacted wherever it appears', () => {
    const s = scrub(
      `POST https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb246MTIz/callback and /webhooks/456/tokTok/messages/@original; Bot ${BOT_TOKEN}; Authorization: Bearer sk-abcdefghijklmnop; xoxb-1234-5678-abcdef xapp-1-A1-abc123 https://hooks.slack.com/commands/T1/2/abc`,
    );
    expect(s).toBe(
      'POST https://discord.com/api/v10/interactions/123/[redacted]/callback and /webhooks/456/[redacted]/messages/@original; Bot [redacted]; Authorization: Bearer [redacted]; [redacted] [redacted] https://hooks.slack.com/[redacted]',
    );
  });

  test('an error keeps its type, message, code, status and cause, and never its request body or headers', () => {
    const cause = Object.assign(new Error('socket hang up at /webhooks/1/secret-token'), { code: 'ECONNRESET' });
    const err = Object.assign(new Error('An API error occurred: channel_not_found', { cause }), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'channel_not_found' },
      requestBody: { json: { content: 'the whole message' } },
      config: { url: 'https://hooks.slack.com/commands/T1/2/abc', data: 'the whole message', headers: { Authorization: 'Bearer xoxb-1-2-3abcdef' } },
    });
    const out = serializeError(err) as Record<string, unknown>;
    expect(out).toMatchObject({ type: 'Error', message: 'An API error occurred: channel_not_found', code: 'slack_webapi_platform_error', error: 'channel_not_found', url: 'https://hooks.slack.com/[redacted]' });
    expect(out.cause).toMatchObject({ message: 'socket hang up at /webhooks/1/[redacted]', code: 'ECONNRESET' });
    expect(JSON.stringify(out)).not.toMatch(/whole message|xoxb|secret-token/);
  });

  test('above debug, body fields are dropped and long strings cut; at debug they stay (tokens never)', () => {
    let out = '';
    const sink = new Writable({
      write(c: Buffer, _e, cb) {
        out += c.toString();
        cb();
      },
    });
    const log = createLogger('debug', sink);
    log.info({ body: 'B'.repeat(5000), note: 'n'.repeat(5000), token: 'abc' }, 'info line');
    log.debug({ body: 'the body', token: 'abc' }, 'debug line');
    const [info, debug] = out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(info.body).toBe('[body omitted]');
    expect(info.note.length).toBeLessThan(2100);
    expect(info.token).toBe('[redacted]');
    expect(debug).toMatchObject({ body: 'the body', token: '[redacted]' });
  });
});
