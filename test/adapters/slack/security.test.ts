/** Request verification, mention escaping and the per-user limit, through the real Bolt app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { startBot } from '../../../src/main.js';
import { postSigned, slashCommandBody, startFakeSlack } from './fake-slack.js';
import { botEnv, expectSlackSafe, type Harness, SECRET, startHarness } from './harness.js';
import { slackUnsafe } from '../unsafe.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('request verification (Bolt checks kept on)', () => {
  const body = (id: string) =>
    slashCommandBody({ command: '/digest', text: 'subscribe 07:30 UTC', channel_id: 'C0EVIL', response_url: h.fake.responseUrl(id) });

  it('rejects a bad signature with 401 and runs nothing', async () => {
    const res = await postSigned(h.eventsUrl, body('badsig'), { secret: SECRET, signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' });
    expect(res.status).toBe(401);
    const wrongSecret = await postSigned(h.eventsUrl, body('badsig'), { secret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(401);
  });

  it('rejects a correctly signed request that is 10 minutes old', async () => {
    const res = await postSigned(h.eventsUrl, body('stale'), { secret: SECRET, ts: Math.floor(Date.now() / 1000) - 600 });
    expect(res.status).toBe(401);
  });

  it('rejects a correctly signed request stamped 10 minutes, or centuries, in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await postSigned(h.eventsUrl, body('future'), { secret: SECRET, ts: now + 600 })).status).toBe(401);
    expect((await postSigned(h.eventsUrl, body('future'), { secret: SECRET, ts: 9_999_999_999 })).status).toBe(401);
    expect((await postSigned(h.eventsUrl, body('future'), { secret: SECRET, ts: 99_999_999_999_999 })).status).toBe(401);
  });

  it('those requests changed nothing and got no answer', async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(h.bot.app.subscriptions.get('slack', 'C0EVIL')).toBeNull();
    expect(h.fake.responses.filter((r) => ['badsig', 'stale', 'future'].includes(r.id))).toHaveLength(0);
  });

  it('accepts a little clock skew either way (within 5 minutes)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const ahead = await postSigned(h.eventsUrl, slashCommandBody({ command: '/help', text: '', response_url: h.fake.responseUrl('skew+') }), { secret: SECRET, ts: now + 120 });
    const behind = await postSigned(h.eventsUrl, slashCommandBody({ command: '/help', text: '', response_url: h.fake.responseUrl('skew-') }), { secret: SECRET, ts: now - 120 });
    expect([ahead.status, behind.status]).toEqual([200, 200]);
  });

  it('refuses a replay of a request it already ran: an unsubscribed channel stays unsubscribed', async () => {
    const channel = 'C0REPLAY';
    const ts = Math.floor(Date.now() / 1000);
    const subscribe = slashCommandBody({ command: '/digest', text: 'subscribe 07:30 UTC', channel_id: channel, response_url: h.fake.responseUrl('replay-sub'), user_id: 'U0REPLAY' });
    expect((await postSigned(h.eventsUrl, subscribe, { secret: SECRET, ts })).status).toBe(200);
    await h.fake.waitForResponse('replay-sub');
    expect(h.bot.app.subscriptions.get('slack', channel)).not.toBeNull();
    const unsubscribe = slashCommandBody({ command: '/digest', text: 'unsubscribe', channel_id: channel, response_url: h.fake.responseUrl('replay-unsub'), user_id: 'U0REPLAY' });
    expect((await postSigned(h.eventsUrl, unsubscribe, { secret: SECRET })).status).toBe(200);
    await h.fake.waitForResponse('replay-unsub');
    expect(h.bot.app.subscriptions.get('slack', channel)).toBeNull();
    // The attacker replays the captured subscribe request, byte for byte, inside the window.
    const replays = await Promise.all([1, 2, 3].map(() => postSigned(h.eventsUrl, subscribe, { secret: SECRET, ts })));
    expect(replays.map((r) => r.status)).toEqual([401, 401, 401]);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.bot.app.subscriptions.get('slack', channel)).toBeNull();
    expect(h.fake.responses.filter((r) => r.id === 'replay-sub')).toHaveLength(1);
  });

  it('accepts the same request when fresh and correctly signed', async () => {
    const res = await postSigned(h.eventsUrl, body('fresh'), { secret: SECRET });
    expect(res.status).toBe(200);
    await h.fake.waitForResponse('fresh');
    expect(h.bot.app.subscriptions.get('slack', 'C0EVIL')).not.toBeNull();
  });
});

describe('mentions in user and corpus text never notify anyone', () => {
  const MENTIONS = ['<!channel>', '<!here>', '<@U123>', '<!everyone>', '<!subteam^S123>'];
  const raw = 'Who said <!channel> & <!here> about <@U123>, <!everyone> or <!subteam^S123>?';
  // What Slack itself sends: its three control characters escaped.
  const asSlackSends = raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it('escapes them in every block, field and fallback text', async () => {
    const sent: unknown[] = [];
    const inputs: [string, string][] = [
      ['/ask', raw],
      ['/ask', asSlackSends],
      ['/stance', '<!here>'],
      ['/stance', '&lt;@U123&gt;'],
      ['/timeline', 'actor:"<!channel> and <@U123>"'],
      ['/timeline', 'limit:<!channel>'], // an error view quoting the bad value
      ['/digest', 'now date:<!here>'],
    ];
    for (const [command, text] of inputs) {
      const reply = await h.command(command, text);
      expect(reply.status).toBe(200);
      if (reply.json) {
        sent.push(reply.json);
        expectSlackSafe(reply.json);
      } else {
        const res = await h.fake.waitForResponse(reply.id);
        sent.push(res.body);
        expectSlackSafe(res.body);
      }
    }
    const everything = JSON.stringify([sent, h.fake.responses, h.fake.calls.map((c) => c.body)]);
    for (const m of MENTIONS) expect(everything).not.toContain(m);
    // Shown, not dropped: the question comes back escaped.
    expect(everything).toContain('&lt;!channel&gt;');
  });
});

describe('links in user text are shown, never live', () => {
  it('a Slack link, a bare URL or a markdown link in a question stays text, with no unfurling', async () => {
    const text = '<https://evil.example/a|Reuters> https://evil.example/b [x](https://evil.example/c) www.evil.example';
    for (const [command, line] of [['/ask', text], ['/stance', text]] as const) {
      const reply = await h.command(command, line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      const msg = reply.json ?? (await h.fake.waitForResponse(reply.id)).body;
      expect(slackUnsafe(msg)).toBeNull();
      expect(JSON.stringify(msg)).toContain('evil.example');
    }
  });
});

describe('per-user rate limit', () => {
  it('refuses the 21st command in a minute from one user, ephemerally, in the ack', async () => {
    let last: Awaited<ReturnType<Harness['command']>> | undefined;
    for (let i = 0; i < 21; i++) last = await h.command('/stance', '', { user_id: 'U0FLOOD' });
    expect(last?.json?.response_type).toBe('ephemeral');
    expect(last?.json?.text).toMatch(/faster than this bot answers/);
    const other = await h.command('/stance', '', { user_id: 'U0CALM' });
    expect(other.json?.text).toMatch(/Missing actor/);
  });
});

describe('start-up with a token Slack refuses', () => {
  it('fails fast, naming the setting, and leaves nothing listening', async () => {
    const fake = await startFakeSlack();
    try {
      fake.failNext('auth.test', { error: 'invalid_auth' });
      await expect(startBot(loadConfig(botEnv(fake)))).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN \(auth.test: invalid_auth\)/);
    } finally {
      await fake.close();
    }
  });
});
