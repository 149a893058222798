/**
 * Composition root: config -> store -> core -> enabled adapters (+ scheduler). `npm start` runs
 * this file; tests call `startBot` with their own settings, so both take the same path.
 */
import { type App, openApp } from './app.js';
import { feedSettings } from './ingest/feeds/port.js';
import type { FeedPoller } from './ingest/feeds/poller.js';
import { type Config, ConfigError, type Environment, loadConfig, readEnvironment } from './config.js';
import type { Clock } from './core/types.js';
import { createAnswerModel } from './llm/index.js';
import { type Logger, loggerFor } from './log.js';
import { type AlertScheduler, createAlertScheduler, createScheduler, type DigestScheduler, kbForApp, terminalPublisher } from './schedule/index.js';
import type { Publisher } from './schedule/publisher.js';

/** A running platform adapter. */
export interface RunningAdapter {
  name: string;
  /** Posts scheduled digests on this platform, when it can. */
  publisher?: Publisher;
  stop(): Promise<void>;
}

export interface BotOptions {
  clock?: Clock;
  logger?: Logger;
  /** Terminal streams; default process.stdin/stdout. */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Run the terminal chat even when chat tokens are set. */
  terminal?: boolean;
  /** Show the terminal's `> ` prompt; default: when stdin is a TTY. */
  prompt?: boolean;
  /** Where the settings came from (the .env file read, warnings about it), for the start-up log. */
  environment?: Pick<Environment, 'file' | 'warnings'>;
}

export interface Bot {
  app: App;
  adapters: RunningAdapter[];
  /** Posts scheduled digests through the adapters' publishers; null with BRIEFING_SCHEDULER=off. */
  scheduler: DigestScheduler | null;
  /** Posts stance-change alerts to subscribed channels; null with BRIEFING_SCHEDULER=off. */
  alerts: AlertScheduler | null;
  /** Polls followed feeds; null with BRIEFING_FEED_MINUTES=0. */
  feeds: FeedPoller | null;
  /** Resolves when the terminal chat ends (closed stdin), or never when only chat adapters run. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Why the terminal chat runs when no chat token is set (the start-up log and the terminal's banner say it). */
export const NO_TOKENS = 'no DISCORD_TOKEN or SLACK_BOT_TOKEN found in the environment or .env';

export async function startBot(config: Config, opts: BotOptions = {}): Promise<Bot> {
  const noTokens = !config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN;
  const log = opts.logger ?? loggerFor(config, noTokens || Boolean(opts.terminal));
  for (const w of opts.environment?.warnings ?? []) log.warn(w);
  // The optional model for /ask: only with OPENAI_API_KEY or OPENAI_BASE_URL, else no request is ever made.
  const model = await createAnswerModel(config, { log, clock: opts.clock });
  const app = openApp({ db: config.BRIEFING_DB, seedsDir: config.BRIEFING_SEEDS, clock: opts.clock, defaultTimezone: config.BRIEFING_TZ, alertMinutes: config.BRIEFING_ALERT_MINUTES, model, feeds: feedSettings(config) });
  const adapters: RunningAdapter[] = [];
  let done: Promise<void> = new Promise(() => {});
  let scheduler: DigestScheduler | null = null;
  let alerts: AlertScheduler | null = null;
  let poller: FeedPoller | null = null;
  try {
    // --- chat adapters: each starts only when its settings are present ---
    if (config.DISCORD_TOKEN) {
      const { startDiscord } = await import('./adapters/discord/index.js');
      adapters.push(await startDiscord(app, config, log));
    }
    if (config.SLACK_BOT_TOKEN) {
      const { startSlack } = await import('./adapters/slack/index.js');
      adapters.push(await startSlack(app, config, log));
    }
    // --- the embedded default: the terminal chat when no chat adapter runs ---
    if (adapters.length === 0 || opts.terminal) {
      const { startTerminal } = await import('./adapters/terminal/index.js');
      const term = startTerminal(app, {
        input: opts.input ?? process.stdin,
        output: opts.output ?? process.stdout,
        log,
        prompt: opts.prompt,
        reason: adapters.length === 0 ? `Terminal chat: ${NO_TOKENS}.` : undefined,
      });
      term.publisher ??= terminalPublisher(term.post);
      adapters.push(term);
      done = term.done;
    }
    // --- scheduled digests: one scheduler, posting through each running adapter's Publisher ---
    if (config.BRIEFING_SCHEDULER === 'on') {
      const publishers = adapters.flatMap((a) => (a.publisher ? [a.publisher] : []));
      scheduler = createScheduler(app, publishers, { log, catchupHours: config.BRIEFING_CATCHUP_HOURS });
      scheduler.start();
      // --- stance-change alerts: batched per channel, through the same publishers and ledger ---
      alerts = createAlertScheduler(app, publishers, { log, minutes: config.BRIEFING_ALERT_MINUTES, kbFor: kbForApp(app) });
      alerts.start();
    }
    // --- followed feeds, polled every BRIEFING_FEED_MINUTES (0: not by the bot) ---
    if (config.BRIEFING_FEED_MINUTES > 0) {
      const { startFeedPoller } = await import('./ingest/feeds/poller.js');
      poller = startFeedPoller(app.crises, log);
    }
    const surfaces = adapters.map((a) => a.name);
    log.info(
      { surfaces, scheduler: scheduler ? 'on' : 'off', db: config.BRIEFING_DB, settings: opts.environment?.file ?? 'environment only' },
      `started: ${surfaces.join(', ')}${noTokens && !opts.terminal ? ` (${NO_TOKENS})` : ''}`,
    );
  } catch (err) {
    await poller?.stop().catch(() => {});
    await alerts?.stop().catch(() => {});
    await scheduler?.stop().catch(() => {});
    for (const a of adapters) await a.stop().catch(() => {});
    app.close();
    throw err;
  }
  let stopped = false;
  return {
    app,
    adapters,
    scheduler,
    alerts,
    feeds: poller,
    done,
    async stop() {
      if (stopped) return;
      stopped = true;
      await poller?.stop().catch((err: unknown) => log.error({ err }, 'feed poller stop failed'));
      // First the scheduler (posts in progress settle their ledger rows), then the adapters they use.
      await alerts?.stop().catch((err: unknown) => log.error({ err }, 'alert delivery stop failed'));
      await scheduler?.stop().catch((err: unknown) => log.error({ err }, 'scheduler stop failed'));
      for (const a of adapters.reverse()) await a.stop().catch((err: unknown) => log.error({ err, adapter: a.name }, 'adapter stop failed'));
      app.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  let environment: Environment;
  try {
    environment = readEnvironment();
    config = loadConfig(environment.env, environment);
  } catch (err) {
    // One line naming the setting, and nothing starts.
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const log = loggerFor(config, !config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN);
  const bot = await startBot(config, { logger: log, environment });
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await bot.done;
  await bot.stop();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`crisis-briefing failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
