/**
 * Socket Mode wiring: with SLACK_APP_TOKEN set, the bot opens apps.connections.open on the Web API
 * at SLACK_API_URL, connects to the returned WebSocket, waits for hello, and acks envelopes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../../src/adapters/slack/index.js';
import { loadConfig } from '../../../src/config.js';
import { type Bot, startBot } from '../../../src/main.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { botEnv, expectSlackSafe } from './harness.js';

let fake: FakeSlack;
let bot: Bot;
let slack: SlackAdapter;

beforeAll(async () => {
  fake = await startFakeSlack();
  bot = await startBot(loadConfig(botEnv(fake, { SLACK_APP_TOKEN: 'xapp-test', SLACK_SIGNING_SECRET: '' })));
  slack = bot.adapters.find((a) => a.name === 'slack') as SlackAdapter;
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

function envelope(id: string, command: string, text: string, responseId: string) {
  return {
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      token: 'verification-token',
      team_id: 'T0FAKE',
      team_domain: 'fake',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: `U0SOCK${id}`,
      user_name: 'asker',
      command,
      text,
      api_app_id: 'A0FAKE',
      is_enterprise_install: 'false',
      response_url: fake.responseUrl(responseId),
      trigger_id: '1.2.3',
    },
  };
}

describe('Socket Mode', () => {
  it('starts with SocketModeReceiver: apps.connections.open with the app token, then the socket', () => {
    expect(slack.mode).toBe('socket');
    expect(slack.port).toBeUndefined();
    const open = fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.headers.authorization).toBe('Bearer xapp-test');
    expect(fake.callsOf('auth.test')[0]?.headers.authorization).toBe('Bearer xoxb-test');
    expect(fake.sockets.size).toBe(1);
  });

  it('acks a slash command envelope and answers through response_url', async () => {
    fake.sendEnvelope(envelope('env-1', '/help', '', 'sock1'));
    const ack = await fake.waitForAck('env-1');
    expect(ack.payload ?? {}).toEqual({});
    const res = await fake.waitForResponse('sock1');
    expectSlackSafe(res.body);
    expect(res.body.response_type).toBe('ephemeral');
    expect(res.body.text).toContain('/stance');
  });

  it('puts an ephemeral error in the ack envelope for a malformed command', async () => {
    fake.sendEnvelope(envelope('env-2', '/timeline', 'limit:zero', 'sock2'));
    const ack = await fake.waitForAck('env-2');
    expect(ack.payload.response_type).toBe('ephemeral');
    expectSlackSafe(ack.payload);
    expect(ack.payload.text).toMatch(/Bad limit/);
  });

  it('the publisher works in Socket Mode too (Web API at SLACK_API_URL)', async () => {
    await slack.publisher.publish('C0SOCK', { kind: 'info', title: 'Hello', accent: { kind: 'info' }, blocks: [] });
    expect(fake.callsOf('chat.postMessage').at(-1)?.body.channel).toBe('C0SOCK');
  });

  it('stop() closes the socket', async () => {
    await slack.stop();
    await fake.waitFor(() => fake.sockets.size === 0, 3000, 'socket closed');
  });
});
