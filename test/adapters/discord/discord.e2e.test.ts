/**
 * The Discord adapter end to end: the real discord.js client, started by startBot() exactly as
 * `npm start` does, talking to a local Discord (fake-discord.ts) over HTTP and WebSocket.
 * Expected content is derived from the same core calls, so these tests hold while the core grows.
 */
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { commands } from '../../../commands/index.js';
import { type Invocation, runInvocation } from '../../../commands/run.js';
import type { DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { slashCommands } from '../../../src/adapters/discord/register.js';
import { accentColor, COLORS, renderPages } from '../../../src/adapters/discord/render.js';
import { loadConfig } from '../../../src/config.js';
import type { View } from '../../../src/core/view.js';
import { askView, stanceView } from '../../../src/core/views.js';
import { type Bot, startBot } from '../../../src/main.js';
import { ChannelGoneError } from '../../../src/schedule/publisher.js';
import { registerDiscord } from '../../../scripts/register-discord.js';
import { FakeDiscord, type InteractionOpts, opt, PERMS, type RecordedRequest, type Sent } from './fake-discord.js';
import { expectWithinLimits } from './limits.js';

const EPHEMERAL = 64;
const CHANNEL = '700000000000000001';

let fake: FakeDiscord;
let bot: Bot;
let discord: DiscordAdapter;
const logs: Record<string, unknown>[] = [];

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: 'x',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    BRIEFING_DB: ':memory:',
    BRIEFING_SEEDS: 'seeds',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  bot = await startBot(loadConfig(env()), { logger });
  discord = bot.adapters.find((a) => a.name === 'discord') as DiscordAdapter;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

// --- helpers ---

let nextUser = 1;
/** A fresh user per test, so the per-user rate limit never leaks between tests. */
const newUser = () => String(510000000000000000n + BigInt(nextUser++));

const callbackPath = (s: Sent) => `/api/v10/interactions/${s.id}/${s.token}/callback`;

async function callback(s: Sent): Promise<RecordedRequest> {
  return fake.waitFor((r) => r.method === 'POST' && r.path === callbackPath(s) && r.status === 204);
}

/** The message the user sees: the callback's data, or, after a deferral, the edit or follow-up. */
async function answer(s: Sent): Promise<{ type: number; message: any; request: RecordedRequest }> {
  const cb = await callback(s);
  if (cb.body.type !== 5) return { type: cb.body.type, message: cb.body.data, request: cb };
  const edit = await fake.waitFor(
    (r) => r.status === 200 && r.path.startsWith(`/api/v10/webhooks/${fake.applicationId}/${s.token}`) && (r.method === 'PATCH' || r.method === 'POST'),
  );
  return { type: 5, message: edit.body, request: edit };
}

/** What the commands layer answers for the same invocation, rendered by the adapter's renderer. */
async function expected(inv: Invocation, canManage = false): Promise<{ view: View; pages: ReturnType<typeof renderPages> }> {
  const { view } = await runInvocation(inv, bot.app.context('discord', CHANNEL, 'someone', canManage));
  return { view, pages: renderPages(view) };
}

function expectReplyMatches(message: any, view: View): void {
  const pages = renderPages(view);
  expect(message.embeds).toEqual(pages[0]);
  expect(message.allowed_mentions).toEqual({ parse: [] });
  expect(Boolean((message.flags ?? 0) & EPHEMERAL)).toBe(Boolean(view.ephemeral));
  expect(message.components?.length ?? 0).toBe(pages.length > 1 ? 1 : 0);
  expectWithinLimits(message.embeds, message.content ?? '');
}

const as = (o: InteractionOpts = {}): InteractionOpts => ({ userId: newUser(), ...o });

// --- tests ---

describe('start-up', () => {
  test('logs in through DISCORD_API_URL: gateway/bot, IDENTIFY with the token and the Guilds intent', () => {
    expect(fake.requests[0]?.path).toBe('/api/v10/gateway/bot');
    expect(fake.requests[0]?.headers.authorization).toBe('Bot x');
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: 'x', intents: 1 });
    expect(discord.applicationId).toBe(fake.applicationId);
    expect(discord.publisher.platform).toBe('discord');
  });

  test('registers the commands from commands/ globally (GET, then PUT because they differed)', () => {
    const route = `/api/v10/applications/${fake.applicationId}/commands`;
    const calls = fake.requests.filter((r) => r.path === route);
    expect(calls.map((r) => r.method)).toEqual(['GET', 'PUT']);
    const put = calls[1]?.body as { name: string; options: { name: string; type: number }[] }[];
    expect(put).toEqual(slashCommands(commands));
    expect(put.map((c) => c.name)).toEqual(['stance', 'timeline', 'digest', 'ask', 'actors', 'sources', 'help']);
    expect(put.find((c) => c.name === 'digest')?.options.map((o) => `${o.name}:${o.type}`)).toEqual(['now:1', 'subscribe:1', 'unsubscribe:1', 'status:1']);
  });

  test('a restart with the same commands does not rewrite them; a guild id registers in that guild', async () => {
    const puts = () => fake.requests.filter((r) => r.method === 'PUT').length;
    const before = puts();
    const again = await startBot(loadConfig(env()), { logger: pino({ level: 'silent' }) });
    await again.stop();
    expect(puts()).toBe(before);

    const guild = await startBot(loadConfig(env({ DISCORD_GUILD_ID: '600000000000000009' })), { logger: pino({ level: 'silent' }) });
    await guild.stop();
    const guildRoute = `/api/v10/applications/${fake.applicationId}/guilds/600000000000000009/commands`;
    expect(fake.requests.filter((r) => r.path === guildRoute).map((r) => r.method)).toEqual(['GET', 'PUT']);
    expect(fake.commands.get('600000000000000009')?.map((c) => c.name)).toEqual(commands.map((c) => c.name));
  });

  test('npm run register: in sync → no PUT; --force → PUT; without a token → a clear message', async () => {
    const out: string[] = [];
    const puts = () => fake.requests.filter((r) => r.method === 'PUT').length;
    const before = puts();
    expect(await registerDiscord(env(), { out: (l) => out.push(l) })).toBe(0);
    expect(puts()).toBe(before);
    expect(out.at(-1)).toMatch(/^Already in sync: 7 commands/);
    const noAppId = env();
    delete (noAppId as Record<string, string | undefined>).DISCORD_APPLICATION_ID;
    expect(await registerDiscord(noAppId, { force: true, out: (l) => out.push(l) })).toBe(0);
    expect(puts()).toBe(before + 1);
    expect(out.at(-1)).toMatch(/^Registered 7 commands/);
    expect(fake.requests.some((r) => r.path === '/api/v10/applications/@me')).toBe(true);
    expect(await registerDiscord({ BRIEFING_DB: ':memory:' }, { out: (l) => out.push(l) })).toBe(2);
    expect(out.at(-1)).toMatch(/DISCORD_TOKEN is required/);
  });

  test('a wrong token fails start-up with a message naming the setting', async () => {
    fake.failOnce('GET', /\/gateway\/bot$/, 401, { message: '401: Unauthorized', code: 0 });
    await expect(startBot(loadConfig(env()), { logger: pino({ level: 'silent' }) })).rejects.toThrow(/DISCORD_TOKEN/);
  });
});

describe('commands', () => {
  test('/stance Russia: the core answer as an embed coloured by side, not ephemeral when found', async () => {
    const { message, type } = await answer(fake.command('stance', [opt.str('actor', 'Russia')], as()));
    const view = stanceView(bot.app.kb.stance('Russia'), bot.app.kb.crisis);
    expect(type).toBe(4);
    expect(message.embeds[0].title).toBe(view.title);
    expect(message.embeds[0].color).toBe(accentColor(view.accent));
    expectReplyMatches(message, view);
  });

  test('/stance with an unknown actor: an ephemeral answer that says what to try', async () => {
    const { message } = await answer(fake.command('stance', [opt.str('actor', 'Atlantis Republic')], as()));
    const view = stanceView(bot.app.kb.stance('Atlantis Republic'), bot.app.kb.crisis);
    expect(view.ephemeral).toBe(true);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.embeds[0].title).toContain('Atlantis Republic');
    expectReplyMatches(message, view);
  });

  test('/timeline with every option', async () => {
    const options = { actor: 'Russia', from: '2019-01-20', to: '2019-01-31', limit: 5 };
    const s = fake.command('timeline', [opt.str('actor', 'Russia'), opt.str('from', '2019-01-20'), opt.str('to', '2019-01-31'), opt.int('limit', 5)], as());
    const { message, type } = await answer(s);
    expect(type).toBe(4);
    expectReplyMatches(message, (await expected({ command: 'timeline', options })).view);
  });

  test.each([
    ['limit:0', [opt.int('limit', 0)], /limit/],
    ['from:2019-13-45', [opt.str('from', '2019-13-45')], /from "2019-13-45"/],
  ])('/timeline %s → an ephemeral red error with the fix', async (_label, options, title) => {
    const { message, type } = await answer(fake.command('timeline', options, as()));
    expect(type).toBe(4);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.embeds[0].color).toBe(COLORS.error);
    expect(message.embeds[0].title).toMatch(title);
    expect(message.embeds[0].description).toMatch(/Usage: \/timeline/);
  });

  test('/digest now defers (type 5), then edits the original with the digest', async () => {
    const s = fake.command('digest', [opt.sub('now')], as());
    const cb = await callback(s);
    expect(cb.body).toEqual({ type: 5, data: { flags: 0 } });
    const { message, request } = await answer(s);
    expect(request.method).toBe('PATCH');
    expect(request.path).toBe(`/api/v10/webhooks/${fake.applicationId}/${s.token}/messages/@original`);
    expectReplyMatches(message, (await expected({ command: 'digest', subcommand: 'now', options: {} })).view);
  });

  test('/digest now with a bad date answers the error at once and privately (no public "thinking…")', async () => {
    const { message, type } = await answer(fake.command('digest', [opt.sub('now', [opt.str('date', '2019-13-45')])], as()));
    expect(type).toBe(4);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.embeds[0].color).toBe(COLORS.error);
  });

  test('/digest subscribe needs Manage Channels; status and unsubscribe follow', async () => {
    const channelId = '700000000000000042';
    const sub = opt.sub('subscribe', [opt.str('time', '07:30'), opt.str('timezone', 'Europe/Paris')]);
    const refused = await answer(fake.command('digest', [sub], as({ channelId, permissions: PERMS.sendMessages })));
    expect(refused.message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.message.embeds[0].color).toBe(COLORS.error);
    expect(refused.message.embeds[0].title).toMatch(/permission to manage this channel/);
    expect(bot.app.subscriptions.get('discord', channelId)).toBeNull();

    const ok = await answer(fake.command('digest', [sub], as({ channelId, permissions: PERMS.manageChannels })));
    expect(ok.type).toBe(4);
    expect(ok.message.flags & EPHEMERAL).toBe(0);
    expect(ok.message.embeds[0].title).toBe('Digest subscribed');
    expect(ok.message.embeds[0].description).toContain('07:30 Europe/Paris');
    expect(bot.app.subscriptions.get('discord', channelId)).toMatchObject({ time: '07:30', timezone: 'Europe/Paris', days: 'daily' });

    const status = await answer(fake.command('digest', [opt.sub('status')], as({ channelId })));
    expect(status.message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(status.message.embeds[0].description).toContain('07:30 Europe/Paris');

    const admin = await answer(fake.command('digest', [opt.sub('unsubscribe')], as({ channelId, permissions: PERMS.administrator })));
    expect(admin.message.embeds[0].title).toBe('Digest unsubscribed');
    expect(bot.app.subscriptions.get('discord', channelId)).toBeNull();
    const none = await answer(fake.command('digest', [opt.sub('status')], as({ channelId })));
    expect(none.message.embeds[0].title).toBe('No subscription');
  });

  test('/ask defers (type 5) and edits @original with the cited answer', async () => {
    const question = 'How many people have died?';
    const s = fake.command('ask', [opt.str('question', question)], as());
    expect((await callback(s)).body.type).toBe(5);
    const { message, request } = await answer(s);
    expect(request.method).toBe('PATCH');
    expectReplyMatches(message, askView(await bot.app.kb.ask(question)));
  });

  test.each(['actors', 'sources', 'help'])('/%s', async (name) => {
    const { message, type } = await answer(fake.command(name, [], as()));
    expect(type).toBe(4);
    expectReplyMatches(message, (await expected({ command: name, options: {} })).view);
  });
});

describe('autocomplete', () => {
  test('/stance actor: type 8 with at most 25 choices, those the core suggests for the prefix', async () => {
    const s = fake.autocomplete('stance', [opt.str('actor', 'Ru', true)], as());
    const cb = await callback(s);
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices).toEqual(bot.app.kb.suggest('Ru', 25).slice(0, 25));
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });

  test('/timeline actor autocompletes too; an option without autocomplete gets no choices', async () => {
    const t = await callback(fake.autocomplete('timeline', [opt.str('actor', 'Ven', true)], as()));
    expect(t.body).toEqual({ type: 8, data: { choices: bot.app.kb.suggest('Ven', 25).slice(0, 25) } });
    const z = await callback(fake.autocomplete('digest', [opt.sub('subscribe', [opt.str('timezone', 'Eur', true)])], as()));
    expect(z.body).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('pagination', () => {
  const longSources = Array.from({ length: 80 }, (_, i) => ({
    docId: `doc${i}`,
    title: `Article number ${i} about the crisis in Venezuela and the region`,
    source: 'The Associated Press',
    published: '2019-01-24',
    url: null,
    sentences: 10,
  }));

  test('a long answer gets Previous/Next; Next by the asker updates to page 2; others are refused; expiry removes the buttons', async () => {
    vi.spyOn(bot.app.kb, 'sources').mockReturnValue(longSources);
    const asker = newUser();
    const s = fake.command('sources', [], { userId: asker });
    const { message } = await answer(s);
    const pages = (await expected({ command: 'sources', options: {} })).pages;
    expect(pages.length).toBeGreaterThan(2);
    expectReplyMatches(message, (await expected({ command: 'sources', options: {} })).view);
    const buttons = message.components[0].components as { custom_id: string; disabled: boolean; label: string }[];
    expect(buttons.map((b) => b.label)).toEqual(['◀ Previous', `1 / ${pages.length}`, 'Next ▶']);
    expect(buttons.map((b) => b.disabled)).toEqual([true, true, false]);
    const next = buttons[2]?.custom_id as string;
    const stateId = /^page:([0-9a-f]+):1:next$/.exec(next)?.[1] as string;
    expect(discord.pages.get(stateId)?.userId).toBe(asker);
    const onMessage = fake.message(message);

    // Someone else presses Next: an ephemeral refusal, the message is untouched.
    const other = await callback(fake.button(next, onMessage, as()));
    expect(other.body.type).toBe(4);
    expect(other.body.data.flags).toBe(EPHEMERAL);
    expect(other.body.data.embeds[0].title).toMatch(/Only the person who asked/);
    expect(other.body.data.allowed_mentions).toEqual({ parse: [] });

    // The asker presses Next: type 7 (update) with page 2 and moved buttons.
    const mine = await callback(fake.button(next, onMessage, { userId: asker }));
    expect(mine.body.type).toBe(7);
    expect(mine.body.data.embeds).toEqual(pages[1]);
    expect(mine.body.data.embeds.at(-1).footer.text).toContain(`Page 2/${pages.length}`);
    expect(mine.body.data.components[0].components.map((b: { custom_id: string }) => b.custom_id)).toEqual([
      `page:${stateId}:0:prev`,
      `page:${stateId}:1:at`,
      `page:${stateId}:2:next`,
    ]);
    expect(mine.body.data.allowed_mentions).toEqual({ parse: [] });

    // Expiry (what the 10-minute timer does): the buttons are taken off the original message.
    await discord.pages.expire(stateId);
    const removed = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${fake.applicationId}/${s.token}/messages/@original`);
    expect(removed.body.components).toEqual([]);
    expect(removed.body.allowed_mentions).toEqual({ parse: [] });

    // A stale press: buttons removed from that message, and a polite private note.
    const stale = fake.button(`page:${stateId}:2:next`, onMessage, { userId: asker });
    expect((await callback(stale)).body).toMatchObject({ type: 7, data: { components: [] } });
    const note = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${fake.applicationId}/${stale.token}`);
    expect(note.body.flags).toBe(EPHEMERAL);
    expect(note.body.embeds[0].title).toMatch(/expired/);
  });
});

describe('safety', () => {
  test('@everyone, <@123> and <@&456> in user input ping nobody', async () => {
    const text = '@everyone <@123> <@&456> @here';
    const stance = await answer(fake.command('stance', [opt.str('actor', text)], as()));
    expect(stance.message.allowed_mentions).toEqual({ parse: [] });
    const ask = await answer(fake.command('ask', [opt.str('question', `${text} who won?`)], as()));
    expect(ask.message.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(ask.message.embeds)).toContain('@everyone');
  });

  test('per-user rate limit: the 6th command in 10 s gets a polite ephemeral answer; others are unaffected', async () => {
    const u = newUser();
    const sent = Array.from({ length: 6 }, () => fake.command('help', [], { userId: u }));
    const answers = await Promise.all(sent.map(answer));
    const limited = answers.filter((a) => /faster than I can answer/.test(a.message.embeds[0].title));
    expect(limited).toHaveLength(1);
    expect(limited[0]?.message.flags).toBe(EPHEMERAL);
    const other = await answer(fake.command('help', [], as()));
    expect(other.message.embeds[0].title).not.toMatch(/faster/);
  });

  test('a failure inside a command is logged with context, and the user gets an ephemeral reply', async () => {
    vi.spyOn(bot.app.kb, 'stance').mockImplementation(() => {
      throw new Error('boom in core');
    });
    const u = newUser();
    const { message } = await answer(fake.command('stance', [opt.str('actor', 'Russia')], { userId: u }));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.embeds[0].title).toBe('Something went wrong answering that.');
    const line = logs.find((l) => l.msg === 'command failed' && l.user === u);
    expect(line).toMatchObject({ adapter: 'discord', command: 'stance', options: { actor: 'Russia' }, channel: CHANNEL });
    expect((line?.err as { message: string }).message).toBe('boom in core');
  });

  test('a failure in the adapter itself is logged and still answered', async () => {
    vi.spyOn(bot.app, 'context').mockImplementation(() => {
      throw new Error('boom in adapter');
    });
    const u = newUser();
    const { message } = await answer(fake.command('help', [], { userId: u }));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.embeds[0].title).toBe('Something went wrong answering that.');
    expect(logs.find((l) => l.msg === 'interaction failed' && l.user === u)).toMatchObject({ command: 'help', type: 2 });
  });

  test('a failure after deferring replaces the public "thinking…" with a private answer', async () => {
    vi.spyOn(bot.app.kb, 'ask').mockRejectedValue(new Error('model down'));
    const s = fake.command('ask', [opt.str('question', 'anything?')], as());
    expect((await callback(s)).body.type).toBe(5);
    await fake.waitFor((r) => r.method === 'DELETE' && r.path === `/api/v10/webhooks/${fake.applicationId}/${s.token}/messages/@original`);
    const follow = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${fake.applicationId}/${s.token}`);
    expect(follow.body.flags).toBe(EPHEMERAL);
    expect(follow.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('resilience', () => {
  test('a 429 on the reply is retried by discord.js and the reply arrives', async () => {
    fake.rateLimitOnce('POST', /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/, 0.2);
    const s = fake.command('help', [], as());
    const { message } = await answer(s);
    const tries = fake.requests.filter((r) => r.path === callbackPath(s));
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    expect(message.embeds[0].title).toMatch(/crisis-briefing/);
    expect(logs.some((l) => l.msg === 'discord answered 429; retrying')).toBe(true);
  });

  test('a 429 on the deferred edit is retried too', async () => {
    fake.rateLimitOnce('PATCH', /^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 0.2);
    const s = fake.command('ask', [opt.str('question', 'Who called it a coup?')], as());
    const { message } = await answer(s);
    const edits = fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(s.token));
    expect(edits.map((r) => r.status)).toEqual([429, 200]);
    expect(message.embeds.length).toBeGreaterThan(0);
  });

  test('a dropped gateway connection is resumed and later commands are answered', async () => {
    const identifies = fake.identifies.length;
    await fake.dropConnection();
    expect(fake.resumes.at(-1)).toMatchObject({ token: 'x', session_id: fake.primary });
    expect(fake.identifies.length).toBe(identifies);
    const { message } = await answer(fake.command('help', [], as()));
    expect(message.embeds[0].title).toMatch(/crisis-briefing/);
  });

  test('a gateway that closes normally (1000) gets a fresh IDENTIFY and later commands are answered', async () => {
    const identifies = fake.identifies.length;
    await fake.dropConnection(1000);
    expect(fake.identifies.length).toBe(identifies + 1);
    const { message } = await answer(fake.command('help', [], as()));
    expect(message.embeds[0].title).toMatch(/crisis-briefing/);
  });
});

describe('publisher', () => {
  test('posts a view to a channel over REST with no mentions', async () => {
    const view: View = { kind: 'digest', title: 'Digest — 24 Jan 2019', accent: { kind: 'info' }, lead: '@everyone look', blocks: [{ type: 'text', text: 'x' }] };
    await discord.publisher.publish('700000000000000077', view);
    const post = await fake.waitFor((r) => r.method === 'POST' && r.path === '/api/v10/channels/700000000000000077/messages');
    expect(post.body).toEqual({ embeds: renderPages(view)[0], allowed_mentions: { parse: [] } });
  });

  test('Unknown Channel (404), Missing Access (50001) → ChannelGoneError; other errors are rethrown as is', async () => {
    const view: View = { kind: 'digest', title: 'Digest', accent: { kind: 'info' }, blocks: [] };
    fake.goneChannels.add('700000000000000404');
    await expect(discord.publisher.publish('700000000000000404', view)).rejects.toBeInstanceOf(ChannelGoneError);
    fake.failOnce('POST', /\/channels\/700000000000000403\/messages$/, 403, { message: 'Missing Access', code: 50001 });
    await expect(discord.publisher.publish('700000000000000403', view)).rejects.toBeInstanceOf(ChannelGoneError);
    fake.failOnce('POST', /\/channels\/700000000000000400\/messages$/, 400, { message: 'Invalid Form Body', code: 50035 });
    const err = await discord.publisher.publish('700000000000000400', view).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ChannelGoneError);
  });
});

describe('every message the bot sent', () => {
  test('carries allowed_mentions { parse: [] } and fits Discord limits', () => {
    const messages = fake.requests.filter(
      (r) =>
        (r.method === 'POST' && /\/callback$/.test(r.path) && [4, 7].includes(r.body?.type)) ||
        (/^\/api\/v10\/webhooks\//.test(r.path) && ['POST', 'PATCH'].includes(r.method)) ||
        (r.method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path)),
    );
    expect(messages.length).toBeGreaterThan(30);
    for (const r of messages) {
      const body = /\/callback$/.test(r.path) ? r.body.data : r.body;
      expect(body.allowed_mentions, `${r.method} ${r.path}`).toEqual({ parse: [] });
      if (body.embeds) expectWithinLimits(body.embeds, body.content ?? '');
    }
  });
});
