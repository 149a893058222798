/**
 * One bot per test file, started by startBot() exactly as `npm start` does, against a local
 * Discord (fake-discord.ts); plus helpers that read what the user would see.
 */
import pino from 'pino';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { type Invocation, runInvocation } from '../../../commands/run.js';
import type { DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { renderPages } from '../../../src/adapters/discord/render.js';
import { loadConfig } from '../../../src/config.js';
import type { View } from '../../../src/core/answer/view.js';
import { type Bot, startBot } from '../../../src/main.js';
import { FakeDiscord, type InteractionOpts, type RecordedRequest, type Sent } from './fake-discord.js';
import { expectWithinLimits } from './limits.js';

export const EPHEMERAL = 64;
export const CHANNEL = '700000000000000001';

/** What a reply looks like on the wire (JSON read freely by the tests). */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON
export type Wire = any;

export class Harness {
  fake!: FakeDiscord;
  bot!: Bot;
  discord!: DiscordAdapter;
  /** Every log line of the bot, parsed. */
  readonly logs: Record<string, unknown>[] = [];
  private nextUser = 1;

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DISCORD_TOKEN: 'x',
      DISCORD_APPLICATION_ID: this.fake.applicationId,
      DISCORD_API_URL: this.fake.apiUrl,
      BRIEFING_DB: ':memory:',
      BRIEFING_SEEDS: 'seeds',
      LOG_LEVEL: 'silent',
      ...extra,
    };
  }

  /** A fresh user, so the per-user rate limit never leaks between tests. */
  newUser(): string {
    return String(510000000000000000n + BigInt(this.nextUser++));
  }

  /** Interaction options with a fresh user unless one is given. */
  as(o: InteractionOpts = {}): InteractionOpts {
    return { userId: this.newUser(), ...o };
  }

  callbackPath(s: Sent): string {
    return `/api/v10/interactions/${s.id}/${s.token}/callback`;
  }

  /** The successful interaction callback (reply, defer, update or autocomplete). */
  callback(s: Sent): Promise<RecordedRequest> {
    return this.fake.waitFor((r) => r.method === 'POST' && r.path === this.callbackPath(s) && r.status === 204);
  }

  /** The message the user sees: the callback's data, or, after a deferral, the edit or follow-up. */
  async answer(s: Sent): Promise<{ type: number; message: Wire; request: RecordedRequest }> {
    const cb = await this.callback(s);
    if (cb.body.type !== 5) return { type: cb.body.type, message: cb.body.data, request: cb };
    const prefix = `/api/v10/webhooks/${this.fake.applicationId}/${s.token}`;
    const edit = await this.fake.waitFor((r) => r.status === 200 && r.path.startsWith(prefix) && (r.method === 'PATCH' || r.method === 'POST'));
    return { type: 5, message: edit.body, request: edit };
  }

  /** What the commands layer answers for the same invocation, as the adapter renders it. */
  async expected(inv: Invocation, canManage = false): Promise<{ view: View; pages: ReturnType<typeof renderPages> }> {
    const { view } = await runInvocation(inv, this.bot.app.context('discord', CHANNEL, 'someone', canManage));
    return { view, pages: renderPages(view) };
  }

  /** The reply is exactly the rendered view: embeds, ephemerality, buttons iff paginated, no mentions, limits. */
  expectReplyMatches(message: Wire, view: View): void {
    const pages = renderPages(view);
    expect(message.embeds).toEqual(pages[0]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(Boolean((message.flags ?? 0) & EPHEMERAL)).toBe(Boolean(view.ephemeral));
    expect(message.components?.length ?? 0).toBe(pages.length > 1 ? 1 : 0);
    expectWithinLimits(message.embeds, message.content ?? '');
  }

  /** Every message body the bot sent (replies, updates, edits, follow-ups, channel posts). */
  sentMessages(): { request: RecordedRequest; body: Wire }[] {
    return this.fake.requests
      .filter(
        (r) =>
          (r.method === 'POST' && /\/callback$/.test(r.path) && [4, 7].includes(r.body?.type)) ||
          (/^\/api\/v10\/webhooks\//.test(r.path) && ['POST', 'PATCH'].includes(r.method)) ||
          (r.method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path)),
      )
      .map((r) => ({ request: r, body: /\/callback$/.test(r.path) ? r.body.data : r.body }));
  }
}

/** Start the fake and the bot before the file's tests; stop both after. */
export function useDiscordBot(): Harness {
  const h = new Harness();
  beforeAll(async () => {
    h.fake = await FakeDiscord.start();
    const logger = pino({ level: 'info' }, { write: (line: string) => void h.logs.push(JSON.parse(line)) });
    h.bot = await startBot(loadConfig(h.env()), { logger });
    h.discord = h.bot.adapters.find((a) => a.name === 'discord') as DiscordAdapter;
  });
  afterAll(async () => {
    await h.bot?.stop();
    await h.fake?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return h;
}
