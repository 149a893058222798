/**
 * Writes slack-manifest.yml from commands/: `npm run slack:manifest [-- --host example.org]
 * [--name "Crisis Briefing"] [--socket] [--prefix brief | --single briefing] [--out path]`. Paste
 * the file into "Create an app → From a manifest" at https://api.slack.com/apps.
 *   --prefix brief     registers /brief-stance, /brief-timeline, … (no clash with other apps' /help)
 *   --single briefing  registers one command: /briefing stance Russia, /briefing timeline limit:5
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { commandNameProblem, manifestYaml } from '../src/adapters/slack/manifest.js';

const USAGE = 'Usage: npm run slack:manifest -- [--host HOST | --socket] [--name NAME] [--prefix PREFIX | --single COMMAND] [--out FILE]';

function main(argv: string[]): number {
  let values: { host?: string; name?: string; socket?: boolean; out?: string; prefix?: string; single?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        name: { type: 'string' },
        socket: { type: 'boolean', default: false },
        prefix: { type: 'string' },
        single: { type: 'string' },
        out: { type: 'string', default: 'slack-manifest.yml' },
      },
    }));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message.split('\n')[0]} ${USAGE}\n`);
    return 2;
  }
  const problem = commandNameProblem(values, commands);
  if (problem) {
    process.stderr.write(`error: ${problem}. ${USAGE}\n`);
    return 2;
  }
  const out = values.out ?? 'slack-manifest.yml';
  writeFileSync(out, manifestYaml(commands, { host: values.host, name: values.name, socketMode: values.socket, prefix: values.prefix, single: values.single }));
  const names = values.single ? `/${values.single}` : commands.map((c) => `/${values.prefix ? `${values.prefix}-` : ''}${c.name}`).join(' ');
  process.stdout.write(`Wrote ${out}: ${names}; answers @mentions (app_mentions:read).\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
