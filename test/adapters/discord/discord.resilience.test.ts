/**
 * The Discord adapter end to end, part 2: safety (mentions, rate limit, failures), resilience
 * (429s, gateway drops) and the Publisher, with the real discord.js client against fake-discord.ts.
 */
import { describe, expect, test, vi } from 'vitest';
import { digestMessages } from '../../../src/adapters/discord/digest.js';
import type { View } from '../../../src/core/answer/view.js';
import { ChannelGoneError } from '../../../src/schedule/publisher.js';
import { opt } from './fake-discord.js';
import { CHANNEL, EPHEMERAL, useDiscordBot } from './harness.js';
import { expectWithinLimits } from './limits.js';
import { discordUnsafe } from '../unsafe.js';

const h = useDiscordBot();

describe('safety', () => {
  test('@everyone, <@123> and <@&456> in user input ping nobody', async () => {
    const text = '@everyone <@123> <@&456> @here';
    const stance = await h.answer(h.fake.command('stance', [opt.str('actor', text)], h.as()));
    expect(stance.message.allowed_mentions).toEqual({ parse: [] });
    const ask = await h.answer(h.fake.command('ask', [opt.str('question', `${text} who won?`)], h.as()));
    expect(ask.message.allowed_mentions).toEqual({ parse: [] });
    // Shown, not dropped, but broken with a zero-width space, and `<@123>` escaped.
    expect(JSON.stringify(ask.message.embeds)).toContain('@\u200beveryone');
    expect(JSON.stringify(ask.message.embeds)).not.toMatch(/(?<!\\\\)<@/);
  });

  test('a masked link, an autolink or a mention in user input is shown, never live', async () => {
    const text = '[click](https://evil.example/x) <https://evil.example/y> https://evil.example/z <@123> <t:1:R> @here';
    for (const s of [h.fake.command('stance', [opt.str('actor', text)], h.as()), h.fake.command('ask', [opt.str('question', `who? ${text}`)], h.as())]) {
      const { message } = await h.answer(s);
      expect(message.embeds.length).toBeGreaterThan(0);
      expect(discordUnsafe(message.embeds)).toBeNull();
      expect(JSON.stringify(message.embeds)).toContain('click'); // shown, not dropped
    }
  });

  test('per-user rate limit: the 6th command in 10 s gets a polite ephemeral answer; others are unaffected', async () => {
    const u = h.newUser();
    const sent = Array.from({ length: 6 }, () => h.fake.command('help', [], { userId: u }));
    const answers = await Promise.all(sent.map((s) => h.answer(s)));
    const limited = answers.filter((a) => /faster than I can answer/.test(a.message.embeds[0].title));
    expect(limited).toHaveLength(1);
    expect(limited[0]?.message.flags).toBe(EPHEMERAL);
    const other = await h.answer(h.fake.command('help', [], h.as()));
    expect(other.message.embeds[0].title).not.toMatch(/faster/);
  });

  test('a failure inside a command is logged with context, and the user gets an ephemeral reply', async () => {
    vi.spyOn(h.bot.app.kb, 'stance').mockImplementation(() => {
      throw new Error('boom in core');
    });
    const u = h.newUser();
    const { message } = await h.answer(h.fake.command('stance', [opt.str('actor', 'Russia')], { userId: u }));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.embeds[0].title).toBe('Something went wrong answering that.');
    const line = h.logs.find((l) => l.msg === 'command failed' && l.user === u);
    expect(line).toMatchObject({ adapter: 'discord', command: 'stance', options: { actor: 'Russia' }, channel: CHANNEL });
    expect((line?.err as { message: string }).message).toBe('boom in core');
  });

  test('a failure in the adapter itself is logged and still answered', async () => {
    vi.spyOn(h.bot.app, 'context').mockImplementation(() => {
      throw new Error('boom in adapter');
    });
    const u = h.newUser();
    const { message } = await h.answer(h.fake.command('help', [], { userId: u }));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.embeds[0].title).toBe('Something went wrong answering that.');
    expect(h.logs.find((l) => l.msg === 'interaction failed' && l.user === u)).toMatchObject({ command: 'help', type: 2 });
  });

  test('a failure after deferring replaces the public "thinking…" with a private answer', async () => {
    vi.spyOn(h.bot.app.kb, 'ask').mockRejectedValue(new Error('model down'));
    const s = h.fake.command('ask', [opt.str('question', 'anything?')], h.as());
    expect((await h.callback(s)).body.type).toBe(5);
    await h.fake.waitFor((r) => r.method === 'DELETE' && r.path === `/api/v10/webhooks/${h.fake.applicationId}/${s.token}/messages/@original`);
    const follow = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${h.fake.applicationId}/${s.token}`);
    expect(follow.body.flags).toBe(EPHEMERAL);
    expect(follow.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('resilience', () => {
  test('a 429 on the reply is retried by discord.js and the reply arrives', async () => {
    h.fake.rateLimitOnce('POST', /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/, 0.2);
    const s = h.fake.command('help', [], h.as());
    const { message } = await h.answer(s);
    const tries = h.fake.requests.filter((r) => r.path === h.callbackPath(s));
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    expect(message.embeds[0].title).toMatch(/crisis-briefing/);
    expect(h.logs.some((l) => l.msg === 'discord answered 429; retrying')).toBe(true);
  });

  test('a 429 on the deferred edit is retried too', async () => {
    h.fake.rateLimitOnce('PATCH', /^\/api\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 0.2);
    const s = h.fake.command('ask', [opt.str('question', 'Who called it a coup?')], h.as());
    const { message } = await h.answer(s);
    const edits = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(s.token));
    expect(edits.map((r) => r.status)).toEqual([429, 200]);
    expect(message.embeds.length).toBeGreaterThan(0);
  });

  test('a dropped gateway connection is resumed and later commands are answered', async () => {
    const identifies = h.fake.identifies.length;
    await h.fake.dropConnection();
    expect(h.fake.resumes.at(-1)).toMatchObject({ token: 'x', session_id: h.fake.primary });
    expect(h.fake.identifies.length).toBe(identifies);
    const { message } = await h.answer(h.fake.command('help', [], h.as()));
    expect(message.embeds[0].title).toMatch(/crisis-briefing/);
  });

  test('a gateway that closes normally (1000) gets a fresh IDENTIFY and later commands are answered', async () => {
    const identifies = h.fake.identifies.length;
    await h.fake.dropConnection(1000);
    expect(h.fake.identifies.length).toBe(identifies + 1);
    const { message } = await h.answer(h.fake.command('help', [], h.as()));
    expect(message.embeds[0].title).toMatch(/crisis-briefing/);
  });
});

describe('publisher', () => {
  test('posts a view to a channel over REST with no mentions', async () => {
    const view: View = { kind: 'digest', title: 'Digest — 24 Jan 2019', accent: { kind: 'info' }, lead: '@everyone look', blocks: [{ type: 'text', text: 'x' }] };
    await h.discord.publisher.publish('700000000000000077', view);
    const post = await h.fake.waitFor((r) => r.method === 'POST' && r.path === '/api/v10/channels/700000000000000077/messages');
    expect(post.body).toEqual({ embeds: digestMessages(view)[0], allowed_mentions: { parse: [] }, nonce: expect.any(String), enforce_nonce: true });
  });

  test('Unknown Channel (404), Missing Access (50001) → ChannelGoneError; other errors are rethrown as is', async () => {
    const view: View = { kind: 'digest', title: 'Digest', accent: { kind: 'info' }, blocks: [] };
    h.fake.goneChannels.add('700000000000000404');
    await expect(h.discord.publisher.publish('700000000000000404', view)).rejects.toBeInstanceOf(ChannelGoneError);
    h.fake.failOnce('POST', /\/channels\/700000000000000403\/messages$/, 403, { message: 'Missing Access', code: 50001 });
    await expect(h.discord.publisher.publish('700000000000000403', view)).rejects.toBeInstanceOf(ChannelGoneError);
    h.fake.failOnce('POST', /\/channels\/700000000000000400\/messages$/, 400, { message: 'Invalid Form Body', code: 50035 });
    const err = await h.discord.publisher.publish('700000000000000400', view).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ChannelGoneError);
  });
});

describe('every message the bot sent', () => {
  test('carries allowed_mentions { parse: [] } and fits Discord limits', () => {
    const messages = h.sentMessages();
    expect(messages.length).toBeGreaterThan(10);
    for (const { request, body } of messages) {
      expect(body.allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] });
      if (body.embeds) expectWithinLimits(body.embeds, body.content ?? '');
    }
  });
});
