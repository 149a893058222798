/**
 * Starts the real bot exactly as `npm start` does (startBot + loadConfig) against the fake Slack,
 * and drives it with signed requests. Also the checks every Slack message must pass.
 */
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { SlackAdapter } from '../../../src/adapters/slack/index.js';
import { loadConfig } from '../../../src/config.js';
import { type Bot, startBot } from '../../../src/main.js';
import { blockActionBody, blockActionPayload, type BotReply, type CommandFields, type FakeSlack, postSigned, slashCommandBody, startFakeSlack } from './fake-slack.js';

export const SECRET = 'secret';

export interface Harness {
  fake: FakeSlack;
  bot: Bot;
  slack: SlackAdapter;
  eventsUrl: string;
  /** Send a slash command; `id` names its response_url. */
  command(command: string, text: string, opts?: Partial<CommandFields> & { id?: string }): Promise<BotReply & { id: string }>;
  /** Press a button: block_actions with a response_url named `id`. */
  press(opts: { userId: string; actionId: string; value: string; id: string }): Promise<BotReply>;
  stop(): Promise<void>;
}

let seq = 0;

export function botEnv(fake: FakeSlack, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    BRIEFING_DB: ':memory:',
    BRIEFING_SEEDS: resolve('seeds'),
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

export async function startHarness(extra: Record<string, string> = {}): Promise<Harness> {
  const fake = await startFakeSlack();
  const bot = await startBot(loadConfig(botEnv(fake, extra)));
  const slack = bot.adapters.find((a) => a.name === 'slack') as SlackAdapter | undefined;
  if (!slack?.port) throw new Error('the Slack adapter did not start in HTTP mode');
  const eventsUrl = `http://127.0.0.1:${slack.port}/slack/events`;
  return {
    fake,
    bot,
    slack,
    eventsUrl,
    async command(command, text, opts = {}) {
      const id = opts.id ?? `cmd${++seq}`;
      // A fresh user per command unless named: the bot's per-user rate limit stays out of the way.
      const body = slashCommandBody({ command, text, response_url: fake.responseUrl(id), user_id: `U0USER${seq}`, ...opts });
      return { id, ...(await postSigned(eventsUrl, body, { secret: SECRET })) };
    },
    press({ userId, actionId, value, id }) {
      const body = blockActionBody(blockActionPayload({ userId, actionId, value, responseUrl: fake.responseUrl(id) }));
      return postSigned(eventsUrl, body, { secret: SECRET });
    },
    async stop() {
      await bot.stop();
      await fake.close();
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON, inspected loosely
type Json = any;

/** Every text a message carries: block texts, fields, context elements, buttons, and `text`. */
export function textsOf(msg: Json): { text: string; kind: 'mrkdwn' | 'plain_text' | 'fallback' }[] {
  const out: { text: string; kind: 'mrkdwn' | 'plain_text' | 'fallback' }[] = [];
  const visit = (o: Json) => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) return o.forEach(visit);
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push({ text: o.text, kind: o.type });
    for (const v of Object.values(o)) visit(v);
  };
  visit(msg.blocks);
  if (typeof msg.text === 'string') out.push({ text: msg.text, kind: 'fallback' });
  return out;
}

/**
 * Slack's limits and the escaping rule. Outside the renderer's own markup (links to http(s) URLs,
 * `>` quote marks at line starts) no `<` or `>` may remain, and every `&` starts an entity.
 */
export function expectSlackSafe(msg: Json): void {
  expect(Array.isArray(msg.blocks)).toBe(true);
  expect(msg.blocks.length).toBeGreaterThan(0);
  expect(msg.blocks.length).toBeLessThanOrEqual(50);
  expect(typeof msg.text).toBe('string');
  expect(msg.text.length).toBeGreaterThan(0);
  expect(msg.text.length).toBeLessThanOrEqual(3000);
  for (const b of msg.blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'section') {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      if (b.fields) {
        expect(b.fields.length).toBeLessThanOrEqual(10);
        for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(2000);
      }
    }
    if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
    if (b.type === 'actions') for (const e of b.elements) expect(e.value.length).toBeLessThanOrEqual(2000);
  }
  for (const { text, kind } of textsOf(msg)) {
    let t = text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '');
    if (kind === 'mrkdwn') t = t.replace(/^> /gm, '');
    expect(t, `unescaped control character in ${kind}: ${text.slice(0, 200)}`).not.toMatch(/[<>]/);
    expect(t.replace(/&(amp|lt|gt);/g, ''), `bare & in ${kind}`).not.toMatch(/&/);
  }
}

/** The blocks without the page buttons (their ids are random). */
export function withoutNav(blocks: Json[]): Json[] {
  return blocks.filter((b) => b.type !== 'actions');
}
