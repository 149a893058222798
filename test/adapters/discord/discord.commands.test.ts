/**
 * The Discord adapter end to end, part 1: start-up, registration, every command, autocomplete and
 * pagination. The real discord.js client runs against a local Discord (fake-discord.ts); expected
 * content comes from the same core calls, so these tests hold while the core grows.
 */
import pino from 'pino';
import { describe, expect, test, vi } from 'vitest';
import { commands } from '../../../commands/index.js';
import { registerDiscord } from '../../../scripts/register-discord.js';
import { startDiscord } from '../../../src/adapters/discord/index.js';
import { slashCommands } from '../../../src/adapters/discord/register.js';
import { digestMessages } from '../../../src/adapters/discord/digest.js';
import { accentColor, COLORS, SIDE_PALETTE } from '../../../src/adapters/discord/render.js';
import { loadConfig } from '../../../src/config.js';
import type { StanceResult } from '../../../src/core/types.js';
import { askView, stanceView } from '../../../src/core/answer/views.js';
import { opt, PERMS } from './fake-discord.js';
import { EPHEMERAL, useDiscordBot } from './harness.js';
import { expectWithinLimits } from './limits.js';

const h = useDiscordBot();
const quiet = pino({ level: 'silent' });

describe('start-up', () => {
  test('logs in through DISCORD_API_URL: gateway/bot, IDENTIFY with the token and the Guilds intent', () => {
    expect(h.fake.requests[0]?.path).toBe('/api/v10/gateway/bot');
    expect(h.fake.requests[0]?.headers.authorization).toBe('Bot x');
    expect(h.fake.identifies).toHaveLength(1);
    expect(h.fake.identifies[0]).toMatchObject({ token: 'x', intents: 1 });
    expect(h.discord.applicationId).toBe(h.fake.applicationId);
    expect(h.discord.publisher.platform).toBe('discord');
  });

  test('registers the commands from commands/ globally (GET, then PUT because they differed)', () => {
    const route = `/api/v10/applications/${h.fake.applicationId}/commands`;
    const calls = h.fake.requests.filter((r) => r.path === route);
    expect(calls.map((r) => r.method)).toEqual(['GET', 'PUT']);
    const put = calls[1]?.body as { name: string; options: { name: string; type: number }[] }[];
    expect(put).toEqual(slashCommands(commands));
    expect(put.map((c) => c.name)).toEqual(['stance', 'timeline', 'digest', 'ask', 'actors', 'sources', 'feeds', 'crisis', 'alerts', 'help']);
    expect(put.find((c) => c.name === 'digest')?.options.map((o) => `${o.name}:${o.type}`)).toEqual(['now:1', 'subscribe:1', 'unsubscribe:1', 'status:1']);
  });

  test('a restart with the same commands does not rewrite them; a guild id registers in that guild', async () => {
    const puts = () => h.fake.requests.filter((r) => r.method === 'PUT').length;
    const before = puts();
    // Further starts reuse the open app (no second ingest) but take the adapter's own start path.
    const again = await startDiscord(h.bot.app, loadConfig(h.env()), quiet);
    await again.stop();
    expect(puts()).toBe(before);

    const guild = await startDiscord(h.bot.app, loadConfig(h.env({ DISCORD_GUILD_ID: '600000000000000009' })), quiet);
    await guild.stop();
    const guildRoute = `/api/v10/applications/${h.fake.applicationId}/guilds/600000000000000009/commands`;
    expect(h.fake.requests.filter((r) => r.path === guildRoute).map((r) => r.method)).toEqual(['GET', 'PUT']);
    expect(h.fake.commands.get('600000000000000009')?.map((c) => c.name)).toEqual(commands.map((c) => c.name));
  });

  test('npm run register: in sync → no PUT; --force → PUT; without a token → a clear message', async () => {
    const out: string[] = [];
    const puts = () => h.fake.requests.filter((r) => r.method === 'PUT').length;
    const before = puts();
    expect(await registerDiscord(h.env(), { out: (l) => out.push(l) })).toBe(0);
    expect(puts()).toBe(before);
    expect(out.at(-1)).toMatch(new RegExp(`^Already in sync: ${commands.length} commands`));
    const noAppId = h.env();
    delete (noAppId as Record<string, string | undefined>).DISCORD_APPLICATION_ID;
    expect(await registerDiscord(noAppId, { force: true, out: (l) => out.push(l) })).toBe(0);
    expect(puts()).toBe(before + 1);
    expect(out.at(-1)).toMatch(new RegExp(`^Registered ${commands.length} commands`));
    expect(h.fake.requests.some((r) => r.path === '/api/v10/applications/@me')).toBe(true);
    expect(await registerDiscord({ BRIEFING_DB: ':memory:' }, { out: (l) => out.push(l) })).toBe(2);
    expect(out.at(-1)).toMatch(/DISCORD_TOKEN is required/);
  });

  test('a wrong token fails start-up with a message naming the setting', async () => {
    h.fake.failOnce('GET', /\/gateway\/bot$/, 401, { message: '401: Unauthorized', code: 0 });
    await expect(startDiscord(h.bot.app, loadConfig(h.env()), quiet)).rejects.toThrow(/DISCORD_TOKEN/);
  });
});

describe('commands', () => {
  test('/stance Russia: the core answer as an embed coloured by side, not ephemeral when found', async () => {
    const { message, type } = await h.answer(h.fake.command('stance', [opt.str('actor', 'Russia')], h.as()));
    const view = stanceView(h.bot.app.kb.stance('Russia'), h.bot.app.kb.crisis);
    expect(type).toBe(4);
    expect(message.embeds[0].title).toBe(view.title);
    expect(message.embeds[0].color).toBe(accentColor(view.accent));
    h.expectReplyMatches(message, view);
  });

  test('/stance for a found actor: side colour, side label as author, evidence with outlet and time, public', async () => {
    // A found result in the core's shape, so this path is covered whatever the corpus holds.
    const side = h.bot.app.kb.crisis.sides[0];
    if (!side) throw new Error('the crisis file has no sides');
    const result: StanceResult = {
      query: 'Russia',
      found: true,
      actor: { id: 'russia', name: 'Russia', kind: 'country' },
      alignment: side.id,
      strength: 'firm',
      summary: 'Russia backs the government.',
      evidence: [
        { quote: 'We support the legitimate government.', docId: 'd1', source: 'The Associated Press', at: '2019-01-24T14:30:00-04:00', precision: 'minute', speaker: 'Dmitry Peskov', side: side.id, strength: 'firm' },
      ],
      change: null,
      affiliation: null,
      suggestions: [],
    };
    vi.spyOn(h.bot.app.kb, 'stance').mockReturnValue(result);
    const { message } = await h.answer(h.fake.command('stance', [opt.str('actor', 'Russia')], h.as()));
    const [embed] = message.embeds;
    expect(embed.color).toBe(SIDE_PALETTE[0]);
    expect(embed.author).toEqual({ name: side.label });
    expect(embed.title).toBe(`Russia: Backs ${side.label}`);
    expect(embed.description).toContain('> We support the legitimate government.');
    expect(embed.description).toContain('— Dmitry Peskov, *The Associated Press*, 24 Jan 2019, 2:30 p.m. (UTC-4)');
    expect(message.flags & EPHEMERAL).toBe(0);
    h.expectReplyMatches(message, stanceView(result, h.bot.app.kb.crisis));
  });

  test('/stance with an unknown actor: an ephemeral answer that says what to try', async () => {
    const { message } = await h.answer(h.fake.command('stance', [opt.str('actor', 'Atlantis Republic')], h.as()));
    const view = stanceView(h.bot.app.kb.stance('Atlantis Republic'), h.bot.app.kb.crisis);
    expect(view.ephemeral).toBe(true);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.embeds[0].title).toContain('Atlantis Republic');
    h.expectReplyMatches(message, view);
  });

  test('/timeline with every option', async () => {
    const options = { actor: 'Russia', from: '2019-01-20', to: '2019-01-31', limit: 5 };
    const s = h.fake.command('timeline', [opt.str('actor', 'Russia'), opt.str('from', '2019-01-20'), opt.str('to', '2019-01-31'), opt.int('limit', 5)], h.as());
    const { message, type } = await h.answer(s);
    expect(type).toBe(4);
    h.expectReplyMatches(message, (await h.expected({ command: 'timeline', options })).view);
  });

  test.each([
    ['limit:0', [opt.int('limit', 0)], /limit/],
    ['from:2019-13-45', [opt.str('from', '2019-13-45')], /from "2019-13-45"/],
  ])('/timeline %s → an ephemeral red error with the fix', async (_label, options, title) => {
    const { message, type } = await h.answer(h.fake.command('timeline', options, h.as()));
    expect(type).toBe(4);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.embeds[0].color).toBe(COLORS.error);
    expect(message.embeds[0].title).toMatch(title);
    expect(message.embeds[0].description).toMatch(/Usage: \/timeline/);
  });

  test('/digest now defers (type 5), then edits the original with the whole digest: one message, every section, no buttons', async () => {
    const s = h.fake.command('digest', [opt.sub('now')], h.as());
    const cb = await h.callback(s);
    expect(cb.body).toEqual({ type: 5, data: { flags: 0 } });
    const { message, request } = await h.answer(s);
    expect(request.method).toBe('PATCH');
    expect(request.path).toBe(`/api/v10/webhooks/${h.fake.applicationId}/${s.token}/messages/@original`);
    const { view } = await h.expected({ command: 'digest', subcommand: 'now', options: {} });
    expect(digestMessages(view)).toHaveLength(1);
    expect(message.embeds).toEqual(digestMessages(view)[0]);
    expect(message.components ?? []).toEqual([]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expectWithinLimits(message.embeds);
    expect(message.embeds.map((e: { title?: string }) => e.title).slice(1)).toEqual(['Top developments', 'Who backs whom', 'Key figures', 'What to watch', 'Sources']);
    const followUps = h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${h.fake.applicationId}/${s.token}`);
    expect(followUps).toEqual([]);
  });

  test('/digest now with a bad date answers the error at once and privately (no public "thinking…")', async () => {
    const { message, type } = await h.answer(h.fake.command('digest', [opt.sub('now', [opt.str('date', '2019-13-45')])], h.as()));
    expect(type).toBe(4);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.embeds[0].color).toBe(COLORS.error);
  });

  test('/digest subscribe needs Manage Channels; status and unsubscribe follow', async () => {
    const channelId = '700000000000000042';
    const sub = opt.sub('subscribe', [opt.str('time', '07:30'), opt.str('timezone', 'Europe/Paris')]);
    const refused = await h.answer(h.fake.command('digest', [sub], h.as({ channelId, permissions: PERMS.sendMessages })));
    expect(refused.message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.message.embeds[0].color).toBe(COLORS.error);
    expect(refused.message.embeds[0].title).toMatch(/permission to manage this channel/);
    expect(h.bot.app.subscriptions.get('discord', channelId)).toBeNull();

    const ok = await h.answer(h.fake.command('digest', [sub], h.as({ channelId, permissions: PERMS.manageChannels })));
    expect(ok.type).toBe(4);
    expect(ok.message.flags & EPHEMERAL).toBe(0);
    expect(ok.message.embeds[0].title).toBe('Digest subscribed');
    expect(ok.message.embeds[0].description).toContain('07:30 Europe/Paris');
    expect(h.bot.app.subscriptions.get('discord', channelId)).toMatchObject({ time: '07:30', timezone: 'Europe/Paris', days: 'daily' });

    const status = await h.answer(h.fake.command('digest', [opt.sub('status')], h.as({ channelId })));
    expect(status.message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(status.message.embeds[0].description).toContain('07:30 Europe/Paris');

    const admin = await h.answer(h.fake.command('digest', [opt.sub('unsubscribe')], h.as({ channelId, permissions: PERMS.administrator })));
    expect(admin.message.embeds[0].title).toBe('Digest unsubscribed');
    expect(h.bot.app.subscriptions.get('discord', channelId)).toBeNull();
    const none = await h.answer(h.fake.command('digest', [opt.sub('status')], h.as({ channelId })));
    expect(none.message.embeds[0].title).toBe('No subscription');
  });

  test('/ask defers (type 5) and edits @original with the cited answer', async () => {
    const question = 'How many people have died?';
    const s = h.fake.command('ask', [opt.str('question', question)], h.as());
    expect((await h.callback(s)).body.type).toBe(5);
    const { message, request } = await h.answer(s);
    expect(request.method).toBe('PATCH');
    h.expectReplyMatches(message, askView(await h.bot.app.kb.ask(question)));
  });

  test.each(['actors', 'sources', 'help'])('/%s', async (name) => {
    const { message, type } = await h.answer(h.fake.command(name, [], h.as()));
    expect(type).toBe(4);
    h.expectReplyMatches(message, (await h.expected({ command: name, options: {} })).view);
  });
});

describe('autocomplete', () => {
  test('/stance actor: type 8 with at most 25 choices, those the core suggests for the prefix', async () => {
    const s = h.fake.autocomplete('stance', [opt.str('actor', 'Ru', true)], h.as());
    const cb = await h.callback(s);
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices).toEqual(h.bot.app.kb.suggest('Ru', 25).slice(0, 25));
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });

  test('/timeline actor autocompletes too; an option without autocomplete gets no choices', async () => {
    const t = await h.callback(h.fake.autocomplete('timeline', [opt.str('actor', 'Ven', true)], h.as()));
    expect(t.body).toEqual({ type: 8, data: { choices: h.bot.app.kb.suggest('Ven', 25).slice(0, 25) } });
    const z = await h.callback(h.fake.autocomplete('digest', [opt.sub('subscribe', [opt.str('timezone', 'Eur', true)])], h.as()));
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
    vi.spyOn(h.bot.app.kb, 'sources').mockReturnValue(longSources);
    const asker = h.newUser();
    const s = h.fake.command('sources', [], { userId: asker });
    const { message } = await h.answer(s);
    const pages = (await h.expected({ command: 'sources', options: {} })).pages;
    expect(pages.length).toBeGreaterThan(2);
    h.expectReplyMatches(message, (await h.expected({ command: 'sources', options: {} })).view);
    const buttons = message.components[0].components as { custom_id: string; disabled: boolean; label: string }[];
    expect(buttons.map((b) => b.label)).toEqual(['◀ Previous', `1 / ${pages.length}`, 'Next ▶']);
    expect(buttons.map((b) => b.disabled)).toEqual([true, true, false]);
    const next = buttons[2]?.custom_id as string;
    const stateId = /^page:([0-9a-f]+):1:next$/.exec(next)?.[1] as string;
    expect(h.discord.pages.get(stateId)?.userId).toBe(asker);
    const onMessage = h.fake.message(message);

    // Someone else presses Next: an ephemeral refusal, the message is untouched.
    const other = await h.callback(h.fake.button(next, onMessage, h.as()));
    expect(other.body.type).toBe(4);
    expect(other.body.data.flags).toBe(EPHEMERAL);
    expect(other.body.data.embeds[0].title).toMatch(/Only the person who asked/);
    expect(other.body.data.allowed_mentions).toEqual({ parse: [] });

    // The asker presses Next: type 7 (update) with page 2 and moved buttons.
    const mine = await h.callback(h.fake.button(next, onMessage, { userId: asker }));
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
    await h.discord.pages.expire(stateId);
    const removed = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${h.fake.applicationId}/${s.token}/messages/@original`);
    expect(removed.body.components).toEqual([]);
    expect(removed.body.allowed_mentions).toEqual({ parse: [] });

    // A stale press: buttons removed from that message, and a polite private note.
    const stale = h.fake.button(`page:${stateId}:2:next`, onMessage, { userId: asker });
    expect((await h.callback(stale)).body).toMatchObject({ type: 7, data: { components: [] } });
    const note = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${h.fake.applicationId}/${stale.token}`);
    expect(note.body.flags).toBe(EPHEMERAL);
    expect(note.body.embeds[0].title).toMatch(/expired/);
  });
});

describe('every message the bot sent', () => {
  test('carries allowed_mentions { parse: [] } and fits Discord limits', () => {
    const messages = h.sentMessages();
    expect(messages.length).toBeGreaterThan(20);
    for (const { request, body } of messages) {
      expect(body.allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] });
      if (body.embeds) expectWithinLimits(body.embeds, body.content ?? '');
    }
  });
});

describe('several crises (issue 13)', () => {
  test('crisis: autocompletes crisis ids; actor: autocompletes from the crisis option; /stance crisis: answers from that crisis', async () => {
    h.bot.app.crises.add(new URL('../../fixtures/norland', import.meta.url).pathname);
    const ids = await h.callback(h.fake.autocomplete('stance', [opt.str('actor', 'x'), opt.str('crisis', 'nor', true)], h.as()));
    expect(ids.body).toEqual({ type: 8, data: { choices: [{ name: expect.stringContaining('Norland') as string, value: 'norland-2031' }] } });
    const actors = await h.callback(h.fake.autocomplete('stance', [opt.str('actor', 'Mira', true), opt.str('crisis', 'norland-2031')], h.as()));
    expect((actors.body.data.choices as { name: string }[]).map((c) => c.name)).toContain('Mira Hale');
    const home = await h.callback(h.fake.autocomplete('stance', [opt.str('actor', 'Mira', true)], h.as()));
    expect(home.body.data.choices).toEqual([]);
    const { message } = await h.answer(h.fake.command('stance', [opt.str('actor', 'Mira Hale'), opt.str('crisis', 'norland-2031')], h.as()));
    const norland = h.bot.app.crises.require('norland-2031').kb;
    h.expectReplyMatches(message, stanceView(norland.stance('Mira Hale'), norland.crisis));
  });
});
