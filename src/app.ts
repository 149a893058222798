/**
 * Opens the knowledge base: store, crisis config, seeds ingested on first use. Shared by the bot
 * (src/main.ts), the CLI and the tests, so they all start the same way.
 */
import type { CommandContext, CrisisPort, Platform } from '../commands/command.js';
import { CrisisSet } from './crises.js';
import { Briefing } from './core/briefing.js';
import type { AnswerModel } from './core/answer/grounding.js';
import type { Clock } from './core/types.js';
import { DEFAULT_FEED_SETTINGS } from './ingest/feeds/port.js';
import type { FeedService, FeedSettings } from './ingest/feeds/poll.js';
import { ingestSeeds, loadCrisis } from './ingest/seeds.js';
import type { FeedStore } from './store/feeds.js';
import { Store } from './store/store.js';
import { SubscriptionStore } from './store/subscriptions.js';
import { AlertSubscriptionStore } from './store/alert-subscriptions.js';

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
  /** BRIEFING_ALERT_MINUTES, for what /alerts tells users (default 10). */
  alertMinutes?: number;
}

export interface App {
  /** The default crisis's knowledge base (BRIEFING_SEEDS). */
  kb: Briefing;
  /** Every crisis of the deployment: the default and those added with `briefing crisis add`. */
  crises: CrisisSet;
  store: Store;
  subscriptions: SubscriptionStore;
  /** Alert subscriptions of every crisis, with their cursors (a control table of this main store). */
  alertSubscriptions: AlertSubscriptionStore;
  /** Followed feeds of the (default) crisis. */
  feedStore: FeedStore;
  /** The feed service (fetching, polling), loaded on first use. */
  feeds(): Promise<FeedService>;
  clock: Clock;
  defaultTimezone: string;
  /** A command context for one invocation, on the crisis the channel follows. */
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
    const alertSubscriptions = new AlertSubscriptionStore(store, () => clock.now());
    const defaultTimezone = opts.defaultTimezone ?? 'UTC';
    const crises = new CrisisSet({ store, dbPath: opts.db, defaultKb: kb, clock, model: opts.model, feedSettings: opts.feeds ?? DEFAULT_FEED_SETTINGS });
    const home = crises.require(crisis.id);
    const port = crisisPort(crises);
    return {
      kb,
      crises,
      store,
      subscriptions,
      alertSubscriptions,
      feedStore: home.feedStore,
      feeds: home.feeds,
      clock,
      defaultTimezone,
      context: (platform, channelId, userId, canManage) => {
        const current = crises.get(crises.channelCrisis(platform, channelId)) ?? home;
        return { kb: current.kb, subscriptions, clock, platform, channelId, userId, canManage, defaultTimezone, feeds: current.feedPort, crises: port, alerts: alertSubscriptions, alertMinutes: opts.alertMinutes ?? 10 };
      },
      close: () => {
        crises.close();
        store.close();
      },
    };
  } catch (err) {
    store.close();
    throw err;
  }
}

/** The crises as commands see them. */
function crisisPort(crises: CrisisSet): CrisisPort {
  return {
    list: () => crises.list(),
    open(id) {
      const c = crises.get(id);
      return c ? { kb: c.kb, feeds: c.feedPort } : null;
    },
    current: (platform, channelId) => crises.channelCrisis(platform, channelId),
    use: (platform, channelId, id, by) => (crises.has(id) ? crises.use(platform, channelId, id, by) : null),
  };
}
