/**
 * The running bot's feed schedule: every minute it polls the feeds that are due (each feed every
 * BRIEFING_FEED_MINUTES, longer while it fails), one poll at a time. stop() cancels a poll in
 * flight (its fetches are aborted; what was already ingested stays).
 */
import type { Logger } from '../../log.js';
import type { FeedService } from './poll.js';

export interface FeedPoller {
  /** Poll what is due now (also what the timer does); resolves when done. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

const TICK_MS = 60_000;

/** Polls through `service`: one crisis's FeedService, or every crisis's (src/crises.ts). */
export function startFeedPoller(service: Pick<FeedService, 'pollAll'>, log?: Logger, tickMs = TICK_MS): FeedPoller {
  const ctrl = new AbortController();
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    // A tick while the previous one still runs waits for it instead of polling twice.
    if (running) return running;
    running = service
      .pollAll('due', ctrl.signal)
      .then((results) => {
        for (const r of results) {
          if (r.ok) log?.info({ feed: r.url, added: r.added, duplicates: r.duplicates, skipped: r.skipped, failed: r.failed }, 'feed polled');
          else log?.warn({ feed: r.url, error: r.error }, 'feed poll failed');
        }
      })
      .catch((err: unknown) => log?.error({ err }, 'feed polling failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  // First poll soon after start, then every tick; unref'd so the timer never keeps the process alive.
  const first = setTimeout(() => void tick(), 1_000);
  const timer = setInterval(() => void tick(), tickMs);
  first.unref();
  timer.unref();
  return {
    tick,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      ctrl.abort();
      await running;
    },
  };
}
