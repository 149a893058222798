/**
 * Slack without clashing with other apps: the same bot answers commands registered with a prefix
 * (/brief-stance) or as one command (/briefing stance Russia), and @mentions in a thread. The real
 * Bolt app (HTTP mode) against the fake Slack; the manifest generator's --prefix and --single.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { BOT_SCOPES, buildManifest, commandNameProblem } from '../../../src/adapters/slack/manifest.js';
import { expectSlackSafe, type Harness, SECRET, startHarness } from './harness.js';
import { signature } from './fake-slack.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

let seq = 0;
/** Deliver an app_mention event as Slack does: signed JSON to /slack/events. */
async function mention(text: string, opts: { thread_ts?: string; channel?: string; user?: string; eventId?: string; ts?: string; retry?: number } = {}) {
  const ts = opts.ts ?? `1700000${String(++seq).padStart(3, '0')}.000100`;
  const event = { type: 'app_mention', user: opts.user ?? `U0MENT${seq}`, text, ts, channel: opts.channel ?? 'C0GENERAL', event_ts: ts, team: 'T0FAKE', ...(opts.thread_ts ? { thread_ts: opts.thread_ts } : {}) };
  const body = JSON.stringify({
    token: 'verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0FAKE',
    event,
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${seq}`,
    event_time: 1700000000,
    authorizations: [{ team_id: 'T0FAKE', user_id: 'U0BOT', is_bot: true }],
  });
  // A redelivery is a new request (its own timestamp and signature) with X-Slack-Retry-Num. Its
  // stamp is later than the first one's whatever second the clock is in (an earlier stamp could
  // equal the first one's across a second boundary, which the guard rightly refuses as a replay).
  const now = Math.floor(Date.now() / 1000) + (opts.retry ?? 0);
  const res = await fetch(h.eventsUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(now),
      'x-slack-signature': signature(SECRET, now, body),
      ...(opts.retry ? { 'x-slack-retry-num': String(opts.retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
  });
  expect(res.status).toBe(200);
  return { ts, event };
}

/** The bot's reply in the mention's thread (postMessage, or postEphemeral for private answers). */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON
async function replyTo(ts: string, method = 'chat.postMessage'): Promise<any> {
  const call = await h.fake.waitFor(() => h.fake.callsOf(method).find((c) => c.body.thread_ts === ts), 5000, `${method} in thread ${ts}`);
  expectSlackSafe(call.body);
  return call.body;
}

describe('@mentions', () => {
  it('@briefing stance Russia answers in the thread of the mention', async () => {
    const { ts } = await mention('<@U0BOT> stance Russia');
    const reply = await replyTo(ts);
    expect(reply.channel).toBe('C0GENERAL');
    expect(reply.text).toContain('Russia: Backs Maduro government');
  });

  it('a free question is /ask; a slash before the command is fine; a reply inside a thread stays in that thread', async () => {
    const { ts } = await mention('<@U0BOT> How old is Guaido?');
    expect((await replyTo(ts)).text).toMatch(/How old is Guaido\?\n35/);
    const parent = '1699999999.000100';
    await mention('<@U0BOT> /timeline limit:2', { thread_ts: parent });
    expect((await replyTo(parent)).text).toContain('2 most important of');
  });

  it('a bare mention gets help; an error goes privately to the asker, in the mention syntax', async () => {
    const { ts } = await mention('<@U0BOT>');
    expect((await replyTo(ts, 'chat.postEphemeral')).text).toContain('@briefing stance');
    const bad = await mention('<@U0BOT> timeline limit:abc', { user: 'U0ERR' });
    const err = await replyTo(bad.ts, 'chat.postEphemeral');
    expect(err.user).toBe('U0ERR');
    expect(err.text).toContain('Bad limit "abc": use a whole number from 1 to 100.');
    expect(err.text).toContain('Usage: @briefing timeline [actor:NAME]');
  });

  it('a redelivered event is answered once', async () => {
    const first = await mention('<@U0BOT> stance Cuba', { eventId: 'EvSAME' });
    await replyTo(first.ts);
    await mention('<@U0BOT> stance Cuba', { eventId: 'EvSAME', ts: first.ts, retry: 1 });
    const next = await mention('<@U0BOT> stance Iran');
    await replyTo(next.ts); // answered after the redelivery was handled
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.body.thread_ts === first.ts)).toHaveLength(1);
  });
});

describe('commands installed with a prefix or as one command', () => {
  it('/brief-stance Russia runs /stance; its errors show /brief-… usage', async () => {
    const ok = await h.command('/brief-stance', 'Russia');
    expect((await h.fake.waitForResponse(ok.id)).body.text).toContain('Russia: Backs Maduro government');
    const bad = await h.command('/brief-timeline', 'limit:0');
    expect(bad.json.text).toContain('Usage: /brief-timeline [actor:NAME]');
  });

  it('/briefing stance Russia, /briefing timeline limit:2, /briefing <question>, /briefing alone is help', async () => {
    const stance = await h.command('/briefing', 'stance Russia');
    expect((await h.fake.waitForResponse(stance.id)).body.text).toContain('Russia: Backs Maduro government');
    const tl = await h.command('/briefing', 'timeline limit:2');
    expect((await h.fake.waitForResponse(tl.id)).body.text).toContain('2 most important of');
    const ask = await h.command('/briefing', 'How old is Guaido?');
    expect((await h.fake.waitForResponse(ask.id)).body.text).toMatch(/35/);
    const help = await h.command('/briefing', '');
    const helpText = (await h.fake.waitForResponse(help.id)).body.text as string;
    expect(helpText).toContain('/briefing stance &lt;actor&gt;');
    expect(helpText).toContain('/briefing timeline [actor:NAME]');
    expect(helpText).not.toMatch(/(^|\s)\/stance /);
    const bad = await h.command('/briefing', 'timeline limit:abc');
    expect(bad.json.text).toContain('Usage: /briefing timeline [actor:NAME]');
  });
});

describe('manifest --prefix / --single', () => {
  // biome-ignore lint/suspicious/noExplicitAny: manifest JSON
  const cmds = (m: any): { command: string; usage_hint?: string }[] => m.features.slash_commands;

  it('--prefix brief registers /brief-stance …; --single briefing registers /briefing with every command in its hint', () => {
    expect(cmds(buildManifest(commands, { prefix: 'brief' })).map((c) => c.command)).toEqual(commands.map((c) => `/brief-${c.name}`));
    const one = cmds(buildManifest(commands, { single: 'briefing' }));
    expect(one.map((c) => c.command)).toEqual(['/briefing']);
    for (const c of commands) expect(one[0]?.usage_hint).toContain(c.name);
  });

  it('asks for app_mentions:read and subscribes to app_mention (HTTP: at /slack/events)', () => {
    expect(BOT_SCOPES).toContain('app_mentions:read');
    const m = buildManifest(commands, { host: 'bot.example.org', prefix: 'brief' });
    expect(m.oauth_config).toEqual({ scopes: { bot: [...BOT_SCOPES] } });
    expect(m.settings).toMatchObject({ event_subscriptions: { request_url: 'https://bot.example.org/slack/events', bot_events: ['app_mention'] } });
    expect(buildManifest(commands, { socketMode: true }).settings).toMatchObject({ event_subscriptions: { bot_events: ['app_mention'] } });
  });

  it('refuses names Slack would refuse, and both flags at once', () => {
    expect(commandNameProblem({ prefix: 'Brief!' }, commands)).toMatch(/--prefix "Brief!"/);
    expect(commandNameProblem({ prefix: 'x'.repeat(30) }, commands)).toMatch(/at most 32 characters/);
    expect(commandNameProblem({ prefix: 'a', single: 'b' }, commands)).toMatch(/either --prefix or --single/);
    expect(commandNameProblem({ single: 'briefing' }, commands)).toBeNull();
  });

  it('npm run slack:manifest -- --single briefing writes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slack-manifest-'));
    try {
      const out = join(dir, 'm.yml');
      const said = execFileSync(resolve('node_modules/.bin/tsx'), ['scripts/slack-manifest.ts', '--single', 'briefing', '--out', out], { encoding: 'utf8' });
      expect(said).toContain('/briefing');
      const yaml = readFileSync(out, 'utf8');
      expect(yaml).toContain('command: "/briefing"');
      expect(yaml).toContain('"app_mentions:read"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
