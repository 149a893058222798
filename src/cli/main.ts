/**
 * The command-line surface, a contract for scripts as well as people:
 *   briefing <stance|timeline|digest|ask|actors|sources|ingest|explain|feed|crisis> [args] [--crisis ID] [--json]
 * Exit 0 on success (an unknown actor included), 2 on a usage error, 1 on failure; a one-line
 * message on stderr.
 */
import { Command, CommanderError } from 'commander';
import type { Invocation } from '../../commands/run.js';
import { runInvocation } from '../../commands/run.js';
import { findCommand } from '../../commands/index.js';
import { CLI, usageOf } from '../../commands/usage.js';
import { terminalText } from '../adapters/shared/text.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { normalizePublished } from '../core/briefing.js';
import type { AnswerModel } from '../core/answer/grounding.js';
import { createAnswerModel, modelEnabled } from '../llm/index.js';
import { CRISIS_FLAG, knownCrisis, open, strip, UsageError } from './common.js';

// A question loads only what answers it: the logger (pino), the ingest pipeline and the progress
// bar are imported by the commands that use them (issue 12: a cold answer in well under a second).

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
    .option('--workers <n>', 'extraction threads beside the writer (default: cores - 1, at most 4; 0: one thread, faster on a busy machine, but no time limit per file)')
    .option(...CRISIS_FLAG)
    .action(async (paths: string[], o: Record<string, string | undefined>) => (await import('./ingest.js')).ingest(paths, o, json()));
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
    .action((o: Record<string, string | undefined>) => (o.crisis ? run({ command: 'feeds', subcommand: 'list', options: strip(o) }, json()) : import('./crises.js').then((m) => m.listAllFeeds(json()))));
  feed
    .command('poll')
    .description('poll every feed once (of every crisis, or of --crisis) and exit')
    .option(...CRISIS_FLAG)
    .action(async (o: Record<string, string | undefined>) => (await import('./crises.js')).pollFeeds(o.crisis, json()));
  const crisis = program.command('crisis').description('the crises this deployment follows');
  crisis
    .command('add')
    .argument('<folder>', 'a folder shaped like seeds/: crisis.json, and optionally manifest.json and its articles')
    .description('follow another crisis (adding the same folder again updates it)')
    .action(async (folder: string) => (await import('./crises.js')).addCrisis(folder, json()));
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

/** `explain`: an article of the corpus, or a file extracted without storing it. */
async function explain(target: string, flags: Record<string, string>, json: boolean): Promise<void> {
  if (flags.published && !normalizePublished(flags.published)) throw new UsageError(`--published "${flags.published}" is not a date (use YYYY-MM-DD)`);
  const { ExplainTargetError, explainTarget } = await import('./explain.js');
  const { explainView } = await import('../core/answer/explain.js');
  const c = loadConfig();
  const app = open(c);
  try {
    const { crisis, ...meta } = flags;
    const r = explainTarget(app, c.BRIEFING_SEEDS, target, meta, crisis === undefined ? undefined : knownCrisis(app, crisis));
    process.stdout.write(json ? `${JSON.stringify(r, null, 2)}\n` : `${terminalText(explainView(r))}\n`);
  } catch (err) {
    throw err instanceof ExplainTargetError ? new UsageError(err.message) : err;
  } finally {
    app.close();
  }
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
