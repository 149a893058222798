/**
 * Opens the knowledge base: store, crisis config, seeds ingested on first use. Shared by the bot
 * (src/main.ts), the CLI and the tests, so they all start the same way.
 */
import type { CommandContext, Platform } from '../commands/command.js';
import { Briefing } from './core/briefing.js';
import type { AnswerModel } from './core/answer/grounding.js';
import type { Clock } from './core/types.js';
import { ingestSeeds, loadCrisis } from './ingest/seeds.js';
import { Store } from './store/store.js';
import { SubscriptionStore } from './store/subscriptions.js';

export interface AppOptions {
  /** SQLite path, or ':memory:'. */
  db: string;
  /** Folder with crisis.json, manifest.json and the seed articles. */
  seedsDir: string;
  clock?: Clock;
  defaultTimezone?: string;
  /** An optional language model for /ask (src/llm builds one from the settings). */
  model?: AnswerModel;
}

export interface App {
  kb: Briefing;
  store: Store;
  subscriptions: SubscriptionStore;
  clock: Clock;
  defaultTimezone: string;
  /** A command context for one invocation. */
  context(platform: Platform, channelId: string, userId: string, canManage: boolean): CommandContext;
  close(): void;
}

export function openApp(opts: AppOptions): App {
  const clock = opts.clock ?? { now: () => new Date() };
  const store = new Store(opts.db);
  try {
    const crisis = loadCrisis(opts.seedsDir);
    const kb = new Briefing(store, crisis, { clock, model: opts.model });
    ingestSeeds(kb, opts.seedsDir);
    const subscriptions = new SubscriptionStore(store, () => clock.now());
    const defaultTimezone = opts.defaultTimezone ?? 'UTC';
    return {
      kb,
      store,
      subscriptions,
      clock,
      defaultTimezone,
      context: (platform, channelId, userId, canManage) => ({ kb, subscriptions, clock, platform, channelId, userId, canManage, defaultTimezone }),
      close: () => store.close(),
    };
  } catch (err) {
    store.close();
    throw err;
  }
}
