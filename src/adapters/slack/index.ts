/**
 * The Slack adapter: a Bolt app in HTTP mode (signed requests on PORT at /slack/events) or, when
 * SLACK_APP_TOKEN is set, Socket Mode. Commands come from the same static list as every surface.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { format } from 'node:util';
import { App as BoltApp, HTTPReceiver, type Logger as BoltLogger, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import type { App } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { RunningAdapter } from '../../main.js';
import type { Publisher } from '../../schedule/publisher.js';
import { RateLimiter } from '../shared/rate-limit.js';
import { type DispatchDeps, registerHandlers } from './dispatch.js';
import { guardReceiver, RequestGuard } from './guard.js';
import { PageStore } from './pages.js';
import { platformError, slackPublisher } from './publish.js';

/** The running Slack adapter, as startBot sees it (plus what tests and ops may read). */
export interface SlackAdapter extends RunningAdapter {
  name: 'slack';
  publisher: Publisher;
  mode: 'http' | 'socket';
  /** The bound HTTP port in HTTP mode (PORT=0 picks a free one). */
  port?: number;
  /** Pages of long answers behind the Previous/Next buttons. */
  pages: PageStore;
}

/** Endpoint for slash commands and interactivity (the manifest points Slack here). */
export const EVENTS_PATH = '/slack/events';

/** Bolt's logger interface on top of pino. */
function boltLogger(log: Logger): BoltLogger {
  const levels: Record<string, LogLevel> = { debug: LogLevel.DEBUG, trace: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };
  return {
    debug: (...msg: unknown[]) => log.debug(format(...msg)),
    info: (...msg: unknown[]) => log.info(format(...msg)),
    warn: (...msg: unknown[]) => log.warn(format(...msg)),
    error: (...msg: unknown[]) => log.error(format(...msg)),
    setLevel: () => {}, // the level is LOG_LEVEL's, set once in pino
    getLevel: () => levels[log.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}

/** Web API client settings: base URL (proxies, tests), retries with backoff, each retry logged. */
function clientOptions(config: Config, log: Logger): webApi.WebClientOptions {
  const retryConfig = {
    retries: 4,
    factor: 2,
    minTimeout: 500,
    maxTimeout: 15_000,
    randomize: true,
    onFailedAttempt: (e: { attemptNumber: number; retriesLeft: number; message: string }) =>
      log.warn({ attempt: e.attemptNumber, retriesLeft: e.retriesLeft, reason: e.message }, 'Slack Web API call failed; retrying'),
  };
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig,
    // Wait out a 429 (Retry-After) and retry, rather than fail the call.
    rejectRateLimitedCalls: false,
  };
}

/** A start-up failure that names the setting to check. */
function startError(setting: string, method: string, config: Config, err: unknown): Error {
  const code = platformError(err);
  const msg = code
    ? `Slack refused ${setting} (${method}: ${code})`
    : `Slack Web API unreachable at ${config.SLACK_API_URL ?? 'https://slack.com/api/'} (${method}: ${err instanceof Error ? err.message : String(err)})`;
  return new Error(msg, { cause: err });
}

export async function startSlack(app: App, config: Config, log: Logger): Promise<SlackAdapter> {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN is required for the Slack adapter');
  const slog = log.child({ adapter: 'slack' });
  const logger = boltLogger(slog);
  const appToken = config.SLACK_APP_TOKEN;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (appToken) {
    receiver = new SocketModeReceiver({ appToken, logger, installerOptions: { clientOptions: clientOptions(config, slog) } });
  } else {
    if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
    // Signature and timestamp checks stay on (Bolt's defaults): bad or stale requests get 401.
    receiver = new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET, endpoints: EVENTS_PATH, logger, signatureVerification: true });
    // Bolt refuses only the past: the guard also refuses the future and a replayed signature.
    guardReceiver(receiver, new RequestGuard({ signingSecret: config.SLACK_SIGNING_SECRET }), EVENTS_PATH, slog);
  }
  const bolt = new BoltApp({ token, receiver, logger, clientOptions: clientOptions(config, slog), convoStore: false, deferInitialization: true });
  bolt.error(async (err) => {
    slog.error({ err }, 'Slack listener error');
  });
  bolt.client.on(webApi.WebClientEvent.RATE_LIMITED, (retrySec: number, info: { url?: string }) => slog.warn({ retrySec, url: info?.url }, 'Slack rate limit; waiting before retry'));

  const pages = new PageStore();
  const deps: DispatchDeps = { app, log: slog, pages, limiter: new RateLimiter(20, 60_000) };
  registerHandlers(bolt, deps);

  // auth.test: a wrong token fails start-up here, not on the first command.
  await bolt.init().catch((err: unknown) => {
    throw startError('SLACK_BOT_TOKEN', 'auth.test', config, err);
  });
  // The name people @mention, for usage lines in mention replies ("@briefing timeline limit:5").
  deps.botName = await bolt.client.auth
    .test()
    .then((r) => r.user)
    .catch(() => undefined);
  let port: number | undefined;
  if (receiver instanceof HTTPReceiver) {
    const server = (await bolt.start(config.PORT)) as Server;
    port = (server.address() as AddressInfo).port;
    slog.info({ port, path: EVENTS_PATH }, 'Slack adapter listening (HTTP mode)');
  } else {
    await bolt.start().catch((err: unknown) => {
      throw startError('SLACK_APP_TOKEN', 'apps.connections.open', config, err);
    });
    slog.info('Slack adapter connected (Socket Mode)');
  }

  let stopped = false;
  return {
    name: 'slack',
    mode: receiver instanceof HTTPReceiver ? 'http' : 'socket',
    port,
    pages,
    publisher: slackPublisher(bolt.client),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (receiver instanceof SocketModeReceiver) {
        // Bolt's stop() does not wait for the socket to close; the client's disconnect() does
        // (bounded, in case the socket is already half gone and never reports it).
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([receiver.client.disconnect(), new Promise<void>((r) => (timer = setTimeout(r, 3000)))]);
        clearTimeout(timer);
      } else {
        await bolt.stop();
      }
    },
  };
}
