/**
 * Starts the real bot exactly as `npm start` does (startBot + loadConfig) against the fake Slack,
 * and drives it with signed requests. (The message checks live in checks.ts, re-exported here.)
 */
import { resolve } from 'node:path';
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

export { expectSlackSafe, textsOf, withoutNav } from './checks.js';
