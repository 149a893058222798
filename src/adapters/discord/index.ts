/**
 * The Discord adapter: client lifecycle. Listeners are attached before login, start-up waits for
 * READY, then the slash commands are synced from commands/ (written only when they differ).
 * REST rate limits (429) and gateway reconnects/resumes are handled by discord.js itself.
 */
import { once } from 'node:events';
import { Client, DefaultRestOptions, Events, GatewayIntentBits, RESTEvents } from 'discord.js';
import { commands } from '../../../commands/index.js';
import type { App } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { RunningAdapter } from '../../main.js';
import type { Publisher } from '../../schedule/publisher.js';
import { createDispatcher, NO_MENTIONS } from './dispatch.js';
import { PageStore } from './pages.js';
import { createPublisher } from './publisher.js';
import { syncCommands } from './register.js';

/** How long start-up waits for the gateway's READY before giving up with a clear error. */
const READY_TIMEOUT_MS = 30_000;

/** The running adapter; `client` and `pages` are exposed for tests and diagnostics. */
export interface DiscordAdapter extends RunningAdapter {
  name: 'discord';
  publisher: Publisher;
  client: Client;
  pages: PageStore;
  applicationId: string;
}

async function waitReady(client: Client, token: string): Promise<void> {
  const ac = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, READY_TIMEOUT_MS);
  const ready = once(client, Events.ClientReady, { signal: ac.signal });
  ready.catch(() => {}); // observed below; this only avoids an unhandled rejection if login throws first
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    if (timedOut) throw new Error(`no READY from the gateway within ${READY_TIMEOUT_MS / 1000} s`);
    throw err;
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
}

export async function startDiscord(app: App, config: Config, parentLog: Logger): Promise<DiscordAdapter> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const log = parentLog.child({ adapter: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_URL ?? DefaultRestOptions.api },
    allowedMentions: NO_MENTIONS,
  });
  const pages = new PageStore(undefined, undefined, (err) => log.warn({ err }, 'could not remove expired page buttons'));
  const dispatch = createDispatcher({ app, log, pages });

  client.on(Events.InteractionCreate, (i) => void dispatch(i));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  // discord.js waits and retries on rate limits itself; these only make them visible.
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn({ route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global }, 'discord rate limit; waiting'),
  );
  client.rest.on(RESTEvents.Debug, (message) => {
    // An actual 429 answer is only reported on the debug channel.
    if (message.includes('Encountered unexpected 429')) log.warn({ detail: message.split('\n').map((l) => l.trim()) }, 'discord answered 429; retrying');
  });

  try {
    await waitReady(client, token);
  } catch (err) {
    await client.destroy();
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`Discord login failed (check DISCORD_TOKEN${config.DISCORD_API_URL ? ' and DISCORD_API_URL' : ''}): ${why}`);
  }

  const applicationId = config.DISCORD_APPLICATION_ID ?? client.application?.id;
  if (!applicationId) {
    await client.destroy();
    throw new Error('Discord: no application id; set DISCORD_APPLICATION_ID');
  }
  try {
    const res = await syncCommands(client.rest, applicationId, commands, { guildId: config.DISCORD_GUILD_ID });
    log.info({ ...res, guild: config.DISCORD_GUILD_ID }, res.action === 'updated' ? 'slash commands updated' : 'slash commands already in sync');
  } catch (err) {
    // The bot still answers commands registered earlier; say how to fix registration.
    log.error({ err, applicationId, guild: config.DISCORD_GUILD_ID }, 'could not sync slash commands; check DISCORD_APPLICATION_ID and the applications.commands scope, then run npm run register');
  }
  log.info({ user: client.user?.tag, applicationId }, 'discord ready');

  return {
    name: 'discord',
    client,
    pages,
    applicationId,
    publisher: createPublisher(client.rest),
    async stop() {
      pages.clear();
      await client.destroy();
    },
  };
}
