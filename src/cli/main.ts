/**
 * The command-line surface, a contract for scripts as well as people:
 *   briefing <stance|timeline|digest|ask|actors|sources|ingest|explain|feed|crisis> [args] [--crisis ID] [--json]
 * Exit 0 on success (an unknown actor included), 2 on a usage error, 1 on failure; a one-line
 * message on stderr.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, CommanderError } from 'commander';
import type { Invocation } from '../../commands/run.js';
import { runInvocation } from '../../commands/run.js';
import { findCommand } from '../../commands/index.js';
import { CLI, usageOf } from '../../commands/usage.js';
import { terminalText } from '../adapters/shared/text.js';
import { type App, openApp } from '../app.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { type Briefing, normalizePublished } from '../core/briefing.js';
import type { AnswerModel } from '../core/answer/grounding.js';
import { feedSettings } from '../ingest/feeds/port.js';
import type { StreamOptions } from '../ingest/pipeline.js';
import { EARLIEST_PUBLISHED, oneLine, safeName } from '../ingest/prepare.js';
import { createAnswerModel, modelEnabled } from '../llm/index.js';

// A question loads only what answers it: the logger (pino), the ingest pipeline and the progress
// bar are imported by the commands that use them (issue 12: a cold answer in well under a second).

class UsageError extends Error {}

function open(c: Config = loadConfig(), model?: AnswerModel): App {
  return openApp({ db: c.BRIEFING_DB, seedsDir: c.BRIEFING_SEEDS, defaultTimezone: c.BRIEFING_TZ, model, feeds: feedSettings(c) });
}

async function run(inv: Invocation, json: boolean): Promise<void> {
  // Only `ask` may use the optional model (and only when OPENAI_API_KEY or OPENAI_BASE_URL is set).
  // The CLI logs warnings (model unreachable, budget used up) but not the bot's info lines.
  const c = loadConfig();
  const model = inv.command === 'ask' ? await askModel(c) : undefined;
  const app = open(c, model);
  try {
    // Errors and hints in the CLI's own syntax: `--limit`, `briefing actors`.
    const result = await runInvocation(inv, { ...app.context('terminal', 'cli', 'cli', true), syntax: CLI }, (err) => {
      throw err;
    });
    if (result.view.kind === 'error') {
      const err = (result.data as { error?: { code: string } } | undefined)?.error;
      const msg = `${result.view.title}${result.view.blocks[0]?.type === 'text' ? ` ${result.view.blocks[0].text}` : ''}`;
      if (err?.code === 'bad_option' || err?.code === 'unknown_command') throw new UsageError(msg);
      throw new Error(msg);
    }
    process.stdout.write(json ? `${JSON.stringify(result.data, null, 2)}\n` : `${terminalText(result.view)}\n`);
  } finally {
    app.close();
  }
}

/** The optional model for `ask`, when the settings name one (with a logger, which only it needs). */
async function askModel(c: Config): Promise<AnswerModel | undefined> {
  if (!modelEnabled(c)) return undefined;
  const { createLogger, fileLogger } = await import('../log.js');
  return createAnswerModel(c, { log: c.LOG_FILE ? fileLogger(c.LOG_LEVEL ?? 'warn', c.LOG_FILE) : createLogger(c.LOG_LEVEL ?? 'warn') });
}

export function buildProgram(): Command {
  const program = new Command('briefing')
    .description('crisis-briefing: sourced answers about a news crisis, from a corpus of articles')
    .option('--json', 'print one JSON document')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const json = () => Boolean(program.opts().json);
  // A parse error (missing argument, unknown flag) is one line ending with the command's usage.
  const usage = (name: string) => {
    const spec = findCommand(name);
    return {
      writeErr: (s: string) => process.stderr.write(s),
      outputError: (s: string, write: (s: string) => void) => write(`${s.trim().split('\n').join(' ')}${spec ? ` Usage: ${usageOf(spec, CLI)}` : ''}\n`),
    };
  };
  program
    .command('stance')
    .configureOutput(usage('stance'))
    .argument('<actor...>', 'a country, organisation or person')
    .description("an actor's position, with verbatim evidence")
    .option(...CRISIS_FLAG)
    .action((actor: string[], o: Record<string, string | undefined>) => run({ command: 'stance', options: { actor: actor.join(' '), ...strip(o) } }, json()));
  program
    .command('timeline')
    .configureOutput(usage('timeline'))
    .description('the most important dated events, in time order')
    .option('--actor <name>', 'only events involving this actor')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--limit <n>', 'how many events at most')
    .option(...CRISIS_FLAG)
    .action((o: Record<string, string | undefined>) => run({ command: 'timeline', options: strip(o) }, json()));
  program
    .command('digest')
    .configureOutput(usage('digest'))
    .description('the morning digest of the newest news day, or of --date')
    .option('--date <date>', 'a news day, YYYY-MM-DD')
    .option(...CRISIS_FLAG)
    .action((o: Record<string, string | undefined>) => run({ command: 'digest', subcommand: 'now', options: strip(o) }, json()));
  program
    .command('ask')
    .configureOutput(usage('ask'))
    .argument('<question...>', 'your question')
    .description('a free question, answered from the corpus with citations')
    .option(...CRISIS_FLAG)
    .action((q: string[], o: Record<string, string | undefined>) => run({ command: 'ask', options: { question: q.join(' '), ...strip(o) } }, json()));
  // Lists without arguments of their own.
  for (const [name, description] of [
    ['actors', 'everyone the corpus names, with their positions'],
    ['sources', 'the articles in the corpus'],
  ] as const) {
    program
      .command(name)
      .configureOutput(usage(name))
      .description(description)
      .option(...CRISIS_FLAG)
      .action((o: Record<string, string | undefined>) => run({ command: name, options: strip(o) }, json()));
  }
  program
    .command('explain')
    .argument('<target>', 'an article id (see `sources --json`) or a file')
    .description('what extraction read in each sentence: actors, people, dates, events, stance claims and why')
    .option('--title <title>')
    .option('--source <outlet>')
    .option('--published <date>', 'publication date, YYYY-MM-DD or ISO 8601')
    .option('--timezone <zone>', 'IANA zone of local times in the text')
    .option(...CRISIS_FLAG)
    .action((target: string, o: Record<string, string | undefined>) => explain(target, strip(o), json()));
  program
    .command('ingest')
    .argument('<paths...>', '.txt, .md or .html files, or folders of them')
    .description('add articles to the corpus (front matter or flags give their metadata)')
    .option('--title <title>')
    .option('--source <outlet>')
    .option('--published <date>', 'publication date, YYYY-MM-DD or ISO 8601')
    .option('--timezone <zone>', 'IANA zone of local times in the text')
    .option('--url <url>')
    .option(...CRISIS_FLAG)
    .action((paths: string[], o: Record<string, string | undefined>) => ingest(paths, o, json()));
  const feed = program.command('feed').description('feeds (RSS, Atom, JSON Feed) the corpus follows');
  feed
    .command('add')
    .argument('<url>', 'the feed URL (http or https)')
    .description('follow a feed')
    .option(...CRISIS_FLAG)
    .action((url: string, o: Record<string, string | undefined>) => run({ command: 'feeds', subcommand: 'add', options: { url, ...strip(o) } }, json()));
  feed
    .command('remove')
    .argument('<url>', 'the feed URL')
    .description('stop following a feed (its articles stay)')
    .option(...CRISIS_FLAG)
    .action((url: string, o: Record<string, string | undefined>) => run({ command: 'feeds', subcommand: 'remove', options: { url, ...strip(o) } }, json()));
  feed
    .command('list')
    .description('the feeds of every crisis (or of --crisis), with their last poll, last error and articles added')
    .option(...CRISIS_FLAG)
    .action((o: Record<string, string | undefined>) => (o.crisis ? run({ command: 'feeds', subcommand: 'list', options: strip(o) }, json()) : listAllFeeds(json())));
  feed
    .command('poll')
    .description('poll every feed once (of every crisis, or of --crisis) and exit')
    .option(...CRISIS_FLAG)
    .action((o: Record<string, string | undefined>) => pollFeeds(o.crisis, json()));
  const crisis = program.command('crisis').description('the crises this deployment follows');
  crisis
    .command('add')
    .argument('<folder>', 'a folder shaped like seeds/: crisis.json, and optionally manifest.json and its articles')
    .description('follow another crisis (adding the same folder again updates it)')
    .action((folder: string) => addCrisis(folder, json()));
  crisis
    .command('list')
    .description('the crises, with their articles and feeds')
    .action(() => run({ command: 'crisis', subcommand: 'list', options: {} }, json()));
  program
    .command('alerts')
    .configureOutput(usage('alerts'))
    .description('the changes detected at ingest: stances, death tolls, scheduled events')
    .option('--since <iso>', 'only changes at or after this date or time')
    .option(...CRISIS_FLAG)
    .action((o: Record<string, string | undefined>) => run({ command: 'alerts', subcommand: 'list', options: strip(o) }, json()));
  return program;
}

/** `--crisis ID` on every question: which crisis to answer from (default: BRIEFING_SEEDS's). */
const CRISIS_FLAG = ['--crisis <id>', 'the crisis to use (see `briefing crisis list`); default: the BRIEFING_SEEDS crisis'] as const;

/** `briefing crisis add <folder>`: register a crisis and ingest its manifest's articles. */
async function addCrisis(folder: string, json: boolean): Promise<void> {
  const { CrisisError } = await import('../crises.js');
  const { crisisData } = await import('../../commands/crisis.js');
  const app = open();
  try {
    const r = app.crises.add(folder);
    if (json) process.stdout.write(`${JSON.stringify({ added: r.added, crisis: crisisData(r.crisis) }, null, 2)}\n`);
    else process.stdout.write(`${r.added ? 'Added' : 'Updated'} crisis ${r.crisis.id} (${oneLine(r.crisis.name)}): ${r.crisis.articles} article${r.crisis.articles === 1 ? '' : 's'}.\n`);
  } catch (err) {
    throw err instanceof CrisisError ? new UsageError(err.message) : err;
  } finally {
    app.close();
  }
}

/** `briefing feed list` without --crisis: the feeds of every crisis. */
async function listAllFeeds(json: boolean): Promise<void> {
  const { feedData } = await import('../../commands/feeds.js');
  const app = open();
  try {
    const feeds = app.crises.ids().flatMap((id) => app.crises.require(id).feedStore.list());
    if (json) process.stdout.write(`${JSON.stringify({ feeds: feeds.map(feedData) }, null, 2)}\n`);
    else if (feeds.length === 0) process.stdout.write('No feeds followed. Add one with `briefing feed add <url>`.\n');
    else for (const f of feeds) process.stdout.write(`${f.url} (${f.crisis}): ${f.articles} article${f.articles === 1 ? '' : 's'} added${f.lastError ? `, last error: ${oneLine(f.lastError)}` : ''}\n`);
  } finally {
    app.close();
  }
}

/** `briefing feed poll`: every feed once, whatever its schedule. Exit 1 when every feed failed. */
async function pollFeeds(crisis: string | undefined, json: boolean): Promise<void> {
  const app = open();
  try {
    if (crisis && !app.crises.has(crisis)) throw new UsageError(`No crisis "${crisis}". Crises: ${app.crises.ids().join(', ')}.`);
    const results = crisis ? await (await app.crises.require(crisis).feeds()).pollAll('all') : await app.crises.pollAll('all');
    if (json) process.stdout.write(`${JSON.stringify({ feeds: results }, null, 2)}\n`);
    else if (results.length === 0) process.stdout.write('No feeds followed. Add one with `briefing feed add <url>`.\n');
    else
      for (const r of results)
        process.stdout.write(
          r.ok ? `${r.url}: ${r.added} added, ${r.duplicates} duplicate${r.duplicates === 1 ? '' : 's'}, ${r.skipped} not about the crisis, ${r.failed} failed\n` : `${r.url}: failed: ${r.error}\n`,
        );
    if (results.length > 0 && results.every((r) => !r.ok)) process.exitCode = 1;
  } finally {
    app.close();
  }
}

function strip(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** `explain`: an article of the corpus, or a file extracted without storing it. */
async function explain(target: string, flags: Record<string, string>, json: boolean): Promise<void> {
  if (flags.published && !normalizePublished(flags.published)) throw new UsageError(`--published "${flags.published}" is not a date (use YYYY-MM-DD)`);
  const { ExplainTargetError, explainTarget } = await import('./explain.js');
  const { explainView } = await import('../core/answer/explain.js');
  const c = loadConfig();
  const app = open(c);
  try {
    const { crisis, ...meta } = flags;
    if (crisis && !app.crises.has(crisis)) throw new UsageError(`No crisis "${crisis}". Crises: ${app.crises.ids().join(', ')}.`);
    const r = explainTarget(app, c.BRIEFING_SEEDS, target, meta, crisis);
    process.stdout.write(json ? `${JSON.stringify(r, null, 2)}\n` : `${terminalText(explainView(r))}\n`);
  } catch (err) {
    throw err instanceof ExplainTargetError ? new UsageError(err.message) : err;
  } finally {
    app.close();
  }
}

async function ingest(paths: string[], flags: Record<string, string | undefined>, json: boolean): Promise<void> {
  if (flags.published && !normalizePublished(flags.published)) throw new UsageError(`--published ${safeName(flags.published)} is not a date from ${EARLIEST_PUBLISHED} to tomorrow (use YYYY-MM-DD)`);
  const c = loadConfig();
  const { collectFiles } = await import('../ingest/read.js');
  const { ingestStream } = await import('../ingest/pipeline.js');
  // Web addresses are fetched and read as pages; everything else is a file or a folder.
  const { isWebAddress } = await import('../ingest/feeds/page.js');
  const urls = paths.filter(isWebAddress);
  const files = collectFiles(paths.filter((p) => !isWebAddress(p)));
  const results: { path: string; ok: boolean; docId?: string; duplicate?: boolean; error?: string }[] = [];
  const meta = strip({ title: flags.title, source: flags.source, published: flags.published, timezone: flags.timezone, url: flags.url });
  const app = open(c);
  let threads = 1;
  try {
    if (flags.crisis && !app.crises.has(flags.crisis)) throw new UsageError(`No crisis "${flags.crisis}". Crises: ${app.crises.ids().join(', ')}.`);
    const crisisId = flags.crisis ?? app.crises.defaultId;
    const kb = app.crises.require(crisisId).kb;
    const readable = files.filter((f) => f.ok);
    const bar = await progressBar(readable.length);
    // Files stream through a pool of workers: each is read, checked and extracted under a time
    // budget, and written in order; a file over its budget fails alone.
    const r = await ingestStream(
      kb,
      readable.map((f) => ({ path: f.path, flags: meta })),
      { onProgress: (done) => bar?.update(done), total: readable.length, budgetMs: c.BRIEFING_INGEST_BUDGET_MS, dbPath: app.crises.dbPathOf(crisisId), ...faultHooks(c.BRIEFING_FAULT) },
    );
    // Results in the order the files were given.
    let k = 0;
    for (const f of files) results.push(f.ok ? (r.results[k++] as (typeof results)[number]) : { path: f.path, ok: false, error: f.error });
    threads = r.threads;
    bar?.stop();
    for (const url of urls) results.push(await ingestPage(kb, url, c, meta));
  } finally {
    app.close();
  }
  const failed = results.filter((r) => !r.ok);
  const added = results.filter((r) => r.ok && !r.duplicate).length;
  const dups = results.filter((r) => r.duplicate).length;
  if (json) process.stdout.write(`${JSON.stringify({ added, duplicates: dups, failed: failed.length, threads, files: results }, null, 2)}\n`);
  else process.stdout.write(`Ingested ${added} article${added === 1 ? '' : 's'}${dups ? `, ${dups} already in the corpus` : ''}${failed.length ? `, ${failed.length} failed` : ''}.\n`);
  for (const f of failed) {
    const name = safeName(isWebAddress(f.path) ? f.path : basename(f.path));
    const msg = f.error ?? 'failed';
    // One line per file, whatever the name or the message holds.
    process.stderr.write(`error: ${oneLine(msg.startsWith(name) ? msg : `${name}: ${msg}`)}\n`);
  }
  if (failed.length && added + dups === 0) process.exitCode = 1;
}

/** `briefing ingest <url>`: one web page, fetched under the feed policy and read like an HTML file. */
async function ingestPage(kb: Briefing, url: string, c: Config, meta: Record<string, string>): Promise<{ path: string; ok: boolean; docId?: string; duplicate?: boolean; error?: string }> {
  const { PageError, fetchArticle } = await import('../ingest/feeds/page.js');
  try {
    const article = await fetchArticle(url, feedSettings(c).policy, meta);
    const [r] = kb.ingest([article]);
    return r ? { path: url, ok: r.ok, docId: r.docId, duplicate: r.duplicate, error: r.error } : { path: url, ok: false, error: 'not ingested' };
  } catch (err) {
    if (err instanceof PageError) return { path: url, ok: false, error: err.message };
    throw err;
  }
}

/**
 * BRIEFING_FAULT (tests only): `kill:write:N`, `kill:commit:N`, `kill:refresh` end the process
 * with SIGKILL at that point of an ingest; `hang:NAME` makes the reader spin on a file whose path
 * contains NAME; `pause:batch:N:FILE` writes FILE.waiting, then waits before batch N takes the write lock until
 * FILE exists.
 */
function faultHooks(spec: string | undefined): Pick<StreamOptions, 'hooks' | 'hangOn'> {
  if (!spec) return {};
  const [kind, point, n, file] = spec.split(':');
  if (kind === 'hang') return { hangOn: point };
  if (kind === 'kill')
    return {
      hooks: {
        at: (p, i) => {
          if (p === point && (n === undefined || Number(n) === i)) process.kill(process.pid, 'SIGKILL');
        },
      },
    };
  if (kind === 'pause' && point === 'batch' && file)
    return {
      hooks: {
        beforeBatch: (i) => {
          if (i !== Number(n)) return;
          writeFileSync(`${file}.waiting`, '');
          const cell = new Int32Array(new SharedArrayBuffer(4));
          for (let k = 0; k < 6000 && !existsSync(file); k++) Atomics.wait(cell, 0, 0, 10);
        },
      },
    };
  return {};
}

/** A progress bar on a terminal for long ingests; nothing when output is piped. */
async function progressBar(total: number): Promise<{ update(n: number): void; stop(): void } | null> {
  if (!process.stderr.isTTY || total < 20) return null;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} articles' }, Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${msg.split('\n')[0]}\n`);
    return err instanceof UsageError || err instanceof ConfigError ? 2 : 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
