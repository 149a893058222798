/**
 * Issue 13's alert test, end to end: the real bot (startBot with the real Slack adapter on Bolt and
 * the real Discord adapter on discord.js) against the local Slack and Discord on 127.0.0.1. A Slack
 * channel and a Discord channel subscribe with /alerts; an ingest changes an actor's side; each
 * channel receives exactly one alert message, with the evidence; a new bot on the same database
 * file (a restart) posts nothing again. The clock is a plain variable moved by the test (the
 * BRIEFING_ALERT_MINUTES window), never a timer.
 */
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Bot, startBot } from '../../src/main.js';
import { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { opt, PERMS } from '../adapters/discord/payloads.js';
import { expectSlackSafe } from '../adapters/slack/checks.js';
import { type FakeSlack, postSigned, slashCommandBody, startFakeSlack } from '../adapters/slack/fake-slack.js';
import { SECRET } from '../adapters/slack/harness.js';
import { tempDir } from '../helpers.js';
import { article, NORLAND } from './fixtures.js';

const SLACK_CHANNEL = 'C0ALERTS';
const DISCORD_CHANNEL = '700000000000000777';

let slack: FakeSlack;
let discord: FakeDiscord;
let t: ReturnType<typeof tempDir>;
let now = Date.now();
const clock = { now: () => new Date(now) };
const bots: Bot[] = [];

function env(): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    DISCORD_TOKEN: 'x',
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    BRIEFING_DB: join(t.dir, 'kb.db'),
    BRIEFING_SEEDS: NORLAND,
    BRIEFING_FEED_MINUTES: '0',
    LOG_LEVEL: 'silent',
  };
}

async function start(): Promise<Bot> {
  const bot = await startBot(loadConfig(env()), { clock, logger: pino({ level: 'silent' }) });
  bots.push(bot);
  // The run start() makes at once, out of the way.
  await bot.alerts?.idle();
  return bot;
}

async function slackCommand(bot: Bot, text: string, id: string): Promise<string> {
  const port = (bot.adapters.find((a) => a.name === 'slack') as unknown as { port: number }).port;
  const body = slashCommandBody({ command: '/alerts', text, response_url: slack.responseUrl(id), user_id: 'U0EDITOR', channel_id: SLACK_CHANNEL });
  await postSigned(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET });
  return String((await slack.waitForResponse(id)).body.text);
}

/** A Discord slash command's reply (callback or, after a deferral, the edit). */
async function discordCommand(sub: string, permissions: string): Promise<{ flags?: number; embeds: { title?: string; description?: string }[] }> {
  const s = discord.command('alerts', [opt.sub(sub)], { channelId: DISCORD_CHANNEL, permissions, userId: '510000000000000777' });
  const cb = await discord.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/interactions/${s.id}/${s.token}/callback` && r.status === 204);
  if (cb.body.type !== 5) return cb.body.data;
  const edit = await discord.waitFor((r) => r.status === 200 && r.path.startsWith(`/api/v10/webhooks/${discord.applicationId}/${s.token}`));
  return edit.body;
}

const slackPosts = () => slack.messagesIn(SLACK_CHANNEL);
const discordPosts = () => discord.messagesIn(DISCORD_CHANNEL);

beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await FakeDiscord.start();
  t = tempDir();
});
afterAll(async () => {
  for (const b of bots) await b.stop();
  await slack?.close();
  await discord?.close();
  t?.cleanup();
});

describe('stance-change alerts through the local Slack and Discord', () => {
  it('an ingest that changes a side reaches each subscribed channel once, and a restart does not repeat it', async () => {
    const bot = await start();
    // Seeds and an earlier article are in before anyone subscribes: they are never posted.
    bot.app.kb.ingest([article('first-0302.md')]);
    expect(bot.app.kb.alerts().length).toBeGreaterThan(1);

    // Discord: only a channel manager may subscribe.
    const refused = await discordCommand('subscribe', '0');
    expect(refused.flags ?? 0).toBe(64);
    expect(JSON.stringify(refused.embeds)).toContain('permission to manage this channel');
    const dReply = await discordCommand('subscribe', PERMS.manageChannels);
    expect(dReply.embeds[0]?.title).toBe('Alerts subscribed');
    expect(await slackCommand(bot, 'subscribe', 'sub1')).toContain('Alerts subscribed');
    expect(await slackCommand(bot, 'status', 'st1')).toContain('every kind of change');

    // Subscribed, nothing new: nothing posted (no flood of the seed alerts).
    expect(await bot.alerts?.trigger()).toEqual([]);
    expect(slackPosts()).toHaveLength(0);
    expect(discordPosts()).toHaveLength(0);

    bot.app.kb.ingest([article('side-0305.md')]);
    const outcomes = await bot.alerts?.trigger();
    expect(outcomes?.map((o) => [o.platform, o.result, o.alerts]).sort()).toEqual([
      ['discord', 'posted', 3],
      ['slack', 'posted', 3],
    ]);
    expect(slackPosts()).toHaveLength(1);
    expect(discordPosts()).toHaveLength(1);

    const s = slackPosts()[0];
    const sText = JSON.stringify(slack.callsOf('chat.postMessage').find((c) => c.body.channel === SLACK_CHANNEL)?.body);
    expect(String(s?.text)).toContain('Slovenia changes side');
    expect(sText).toContain('Slovenia recognised Adrian Volk as the legitimate leader of Norland.');
    expect(sText).toContain('Made-up Gazette');
    expect(sText).toContain('https://gazette.example/norland/slovenia-turn');
    expectSlackSafe(slack.callsOf('chat.postMessage').find((c) => c.body.channel === SLACK_CHANNEL)?.body);

    const d = discordPosts()[0]?.body;
    expect(d.allowed_mentions).toEqual({ parse: [] });
    const dText = JSON.stringify(d.embeds);
    expect(dText).toContain('Slovenia changes side');
    expect(dText).toContain('Slovenia recognised Adrian Volk as the legitimate leader of Norland.');
    expect(dText).toContain('https://gazette.example/norland/slovenia-turn');
    expect(dText).toContain('Death toll rises');

    // Triggered again: nothing more.
    expect(await bot.alerts?.trigger()).toEqual([]);

    // Within BRIEFING_ALERT_MINUTES (10) of the last batch, a new change waits; after it, it comes as one message.
    bot.app.kb.ingest([article('toll-0306.md')]);
    now += 5 * 60_000;
    expect(await bot.alerts?.trigger()).toEqual([]);
    expect(slackPosts()).toHaveLength(1);
    now += 6 * 60_000;
    expect((await bot.alerts?.trigger())?.map((o) => o.result)).toEqual(['posted', 'posted']);
    expect(slackPosts()).toHaveLength(2);
    expect(discordPosts()).toHaveLength(2);
    // Article text cannot ping or link: Slack escapes it, Discord breaks its URLs and allows no mentions.
    const toll = slack.callsOf('chat.postMessage').filter((c) => c.body.channel === SLACK_CHANNEL)[1]?.body;
    expectSlackSafe(toll);
    expect(JSON.stringify(toll)).not.toContain('<!channel>');
    expect(JSON.stringify(toll)).not.toContain('<https://evil.example');
    const dToll = discordPosts()[1]?.body;
    expect(JSON.stringify(dToll.embeds)).not.toContain('](https://evil.example');
    expect(JSON.stringify(dToll.embeds)).not.toMatch(/https:\/\/evil/);
    expect(dToll.allowed_mentions).toEqual({ parse: [] });

    // A restart: a new bot on the same database file posts nothing again.
    await bot.stop();
    now += 60 * 60_000;
    const again = await start();
    expect(await again.alerts?.trigger()).toEqual([]);
    expect(slackPosts()).toHaveLength(2);
    expect(discordPosts()).toHaveLength(2);
    // The ledger has one posted row per channel and batch.
    const rows = again.app.store.db.prepare("SELECT platform, status FROM deliveries WHERE kind = 'alert' ORDER BY platform").all();
    expect(rows).toEqual([
      { platform: 'discord', status: 'posted' },
      { platform: 'discord', status: 'posted' },
      { platform: 'slack', status: 'posted' },
      { platform: 'slack', status: 'posted' },
    ]);

    // Unsubscribed: nothing more is posted.
    expect(await slackCommand(again, 'unsubscribe', 'un1')).toContain('Alerts unsubscribed');
  });
});
