/**
 * Opens the knowledge base: store, crisis config, seeds ingested on first use. Shared by the bot
 * (src/main.ts), the CLI and the tests, so they all start the same way.
 */
import type { CommandContext, Platform } from '../commands/command.js';
import { Briefing } from './core/briefing.js';
import type { AnswerModel } from './core/answer/grounding.js';
import type { Clock } from './core/types.js';
import { DEFAULT_FEED_SETTINGS, feedPort, lazyFeedService } from './ingest/feeds/port.js';
import type { FeedService, FeedSettings } from './ingest/feeds/poll.js';
import { ingestSeeds, loadCrisis } from './ingest/seeds.js';
import { FeedStore } from './store/feeds.js';
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
  /** Feed polling and fetch policy (src/ingest/feeds/port.ts builds them from the settings); default: public addresses only. */
  feeds?: FeedSettings;
}

export interface App {
  kb: Briefing;
  store: Store;
  subscriptions: SubscriptionStore;
  /** Followed feeds of the (default) crisis. */
  feedStore: FeedStore;
  /** The feed service (fetching, polling), loaded on first use. */
  feeds(): Promise<FeedService>;
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
    const feedStore = new FeedStore(store, crisis.id);
    const feeds = lazyFeedService(kb, feedStore, opts.feeds ?? DEFAULT_FEED_SETTINGS, clock);
    const port = feedPort(feedStore, feeds);
    return {
      kb,
      store,
      subscriptions,
      feedStore,
      feeds,
      clock,
      defaultTimezone,
      context: (platform, channelId, userId, canManage) => ({ kb, subscriptions, clock, platform, channelId, userId, canManage, defaultTimezone, feeds: port }),
      close: () => store.close(),
    };
  } catch (err) {
    store.close();
    throw err;
  }
}
