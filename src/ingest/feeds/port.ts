/**
 * Feeds as the commands see them (FeedPort), and the settings from the configuration. Light on
 * purpose: listing and removing need only the store; fetching code is loaded when a feed is added
 * or polled, so a CLI question does not load an XML parser or an HTML reader.
 */
import type { FeedPort } from '../../../commands/command.js';
import type { Config } from '../../config.js';
import type { Briefing } from '../../core/briefing.js';
import type { Clock } from '../../core/types.js';
import type { FeedStore } from '../../store/feeds.js';
import type { FeedService, FeedSettings } from './poll.js';

/** The caps every fetch runs under (a page is also capped at the file limit, 5 MB). */
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export function feedSettings(c: Pick<Config, 'BRIEFING_FEED_MINUTES' | 'BRIEFING_FETCH_ALLOW_PRIVATE' | 'BRIEFING_FETCH_ALLOW_HOSTS' | 'BRIEFING_FETCH_TIMEOUT_MS'>): FeedSettings {
  return {
    minutes: c.BRIEFING_FEED_MINUTES,
    policy: {
      allowPrivate: c.BRIEFING_FETCH_ALLOW_PRIVATE,
      allowHosts: c.BRIEFING_FETCH_ALLOW_HOSTS,
      timeoutMs: c.BRIEFING_FETCH_TIMEOUT_MS,
      maxBytes: MAX_FEED_BYTES,
      maxRedirects: MAX_REDIRECTS,
    },
  };
}

/** Safe defaults when no configuration is given (tests, scripts): public addresses only. */
export const DEFAULT_FEED_SETTINGS: FeedSettings = feedSettings({ BRIEFING_FEED_MINUTES: 15, BRIEFING_FETCH_ALLOW_PRIVATE: false, BRIEFING_FETCH_ALLOW_HOSTS: [], BRIEFING_FETCH_TIMEOUT_MS: 15_000 });

/** The feed service, built on first use (it loads the fetching and parsing code). */
export function lazyFeedService(kb: Briefing, store: FeedStore, settings: FeedSettings, clock: Clock): () => Promise<FeedService> {
  let service: Promise<FeedService> | null = null;
  return () => (service ??= import('./poll.js').then(({ FeedService }) => new FeedService(kb, store, settings, clock)));
}

export function feedPort(store: FeedStore, service: () => Promise<FeedService>): FeedPort {
  return {
    add: async (url, addedBy) => (await service()).add(url, addedBy),
    remove(raw) {
      const url = raw.trim();
      if (store.remove(url)) return true;
      try {
        return store.remove(new URL(url).href);
      } catch {
        return false;
      }
    },
    list: () => store.list(),
  };
}
