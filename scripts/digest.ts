/**
 * `npm run digest`: the scheduled digests due now, once, then exit — for people who run their own
 * cron or a container job instead of (or next to) the bot's scheduler.
 *
 *   npm run digest               dry run: print what is due and what would happen
 *   npm run digest -- --post     post it, through the same runner the bot's scheduler uses, and
 *                                the stance-change alerts due (batched as the bot batches them)
 *   npm run digest -- --json     the same, as one JSON document
 *
 * Slack and Discord digests are posted with SLACK_BOT_TOKEN / DISCORD_TOKEN (no gateway login is
 * needed); with no chat token, terminal subscriptions are printed on stdout. The delivery ledger is
 * shared with the bot, so running this next to it never posts a digest twice.
 * Exit 0 when everything due was handled, 1 when a post failed or its outcome is unknown (a post
 * interrupted earlier that the platform gives no way to check), 2 on a settings error.
 */
import { webApi } from '@slack/bolt';
import { DefaultRestOptions, REST } from 'discord.js';
import { createPublisher } from '../src/adapters/discord/publisher.js';
import { slackPublisher } from '../src/adapters/slack/publish.js';
import { type App, openApp } from '../src/app.js';
import { ConfigError, environmentOrExit, loadConfig } from '../src/config.js';
import { createLogger, type Logger } from '../src/log.js';
import { type AlertOutcome, createAlertRunner, createRunner, type DueItem, type Outcome, terminalPublisher } from '../src/schedule/index.js';
import type { Publisher } from '../src/schedule/publisher.js';
import { formatLocal } from '../src/schedule/time.js';

export interface DigestCliOptions {
  post?: boolean;
  json?: boolean;
  /** Where reports (and terminal digests) go; default stdout. */
  out?: (text: string) => void;
  logger?: Logger;
}

const TOKEN_OF: Record<string, string> = { slack: 'SLACK_BOT_TOKEN', discord: 'DISCORD_TOKEN', terminal: 'no chat token (terminal)' };

function describeItem(i: DueItem): string {
  const what = i.action === 'skip' ? 'skip' : i.action === 'retry' ? `retry (attempt ${i.attempt})` : 'post';
  const when = i.schedule.time === '?' ? i.dueAt : formatLocal(i.dueAt, i.schedule.timezone);
  const flags = [i.late ? 'late' : '', i.publishable ? '' : `not posted here: needs ${TOKEN_OF[i.platform]}`, i.reason ?? ''].filter(Boolean);
  return `${what.padEnd(18)} ${i.platform}/${i.channelId}  digest of ${i.localDate}, due ${when}${flags.length ? `  (${flags.join('; ')})` : ''}`;
}

function describeAlerts(o: AlertOutcome): string {
  return `${o.result.padEnd(16)} ${o.platform}/${o.channelId}  ${o.alerts} alert${o.alerts === 1 ? '' : 's'}${o.error ? `: ${o.error}` : ''}`;
}

function describeOutcome(o: Outcome): string {
  return `${o.result.padEnd(16)} ${o.platform}/${o.channelId}  digest of ${o.localDate}${o.late ? ' (late)' : ''}${o.error ? `: ${o.error}` : ''}`;
}

/** Returns the process exit code. */
export async function runDigestCli(env: Record<string, string | undefined>, opts: DigestCliOptions = {}): Promise<number> {
  const out = opts.out ?? ((text: string) => process.stdout.write(`${text}\n`));
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    return 2;
  }
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  let app: App;
  try {
    app = openApp({ db: config.BRIEFING_DB, seedsDir: config.BRIEFING_SEEDS, defaultTimezone: config.BRIEFING_TZ, alertMinutes: config.BRIEFING_ALERT_MINUTES });
  } catch (err) {
    process.stderr.write(`Could not open the knowledge base: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const publishers: Publisher[] = [];
  let rest: REST | undefined;
  if (config.SLACK_BOT_TOKEN) {
    // Retries here serve the history reads only: the publisher posts through a client of its own
    // that never retries a post on its own (its answer may have been lost after Slack posted it).
    const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
      ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
      rejectRateLimitedCalls: false,
      retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
    });
    publishers.push(slackPublisher(client));
  }
  if (config.DISCORD_TOKEN) {
    rest = new REST({ api: config.DISCORD_API_URL ?? DefaultRestOptions.api }).setToken(config.DISCORD_TOKEN);
    publishers.push(createPublisher(rest));
  }
  // As `npm start`: the terminal is the surface when no chat token is set.
  if (!publishers.length) publishers.push(terminalPublisher(out));

  try {
    const runner = createRunner(app, publishers, { log, catchupHours: config.BRIEFING_CATCHUP_HOURS });
    if (!opts.post) {
      const due = runner.plan(app.clock.now(), { allPlatforms: true });
      if (opts.json) out(JSON.stringify({ dryRun: true, due }, null, 2));
      else if (!due.length) out('Nothing due. (Dry run; add --post to post what is due.)');
      else out([`Due now (dry run; add --post to post):`, ...due.map(describeItem)].join('\n'));
      return 0;
    }
    const outcomes = await runner.runDue();
    // The alerts due too: a deployment run by cron gets them without the bot's scheduler.
    const alerts = await createAlertRunner(app, publishers, { log, minutes: config.BRIEFING_ALERT_MINUTES }).runDue();
    const failed = (r: string) => r === 'failed' || r === 'retry-scheduled' || r === 'unknown';
    const bad = [...outcomes, ...alerts].filter((o) => failed(o.result));
    if (opts.json) out(JSON.stringify({ dryRun: false, outcomes, alerts }, null, 2));
    else out(outcomes.length || alerts.length ? [...outcomes.map(describeOutcome), ...alerts.map(describeAlerts)].join('\n') : 'Nothing due.');
    return bad.length ? 1 : 0;
  } finally {
    rest?.clearHashSweeper();
    rest?.clearHandlerSweeper();
    app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !['--post', '--json'].includes(a));
  if (unknown.length) {
    process.stderr.write(`Unknown option ${unknown.join(' ')}. Usage: npm run digest [-- --post] [--json]\n`);
    process.exit(2);
  }
  runDigestCli(environmentOrExit(), { post: args.includes('--post'), json: args.includes('--json') }).then(
    (code) => {
      process.exitCode = code;
      // Client keep-alive sockets must not hold a cron job open.
      setTimeout(() => process.exit(code), 2000).unref();
    },
    (err: unknown) => {
      process.stderr.write(`digest failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
