/**
 * Writes slack-manifest.yml from commands/: `npm run slack:manifest [-- --host example.org]
 * [--name "Crisis Briefing"] [--socket] [--out path]`. Paste the file into "Create an app → From a
 * manifest" at https://api.slack.com/apps.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { manifestYaml } from '../src/adapters/slack/manifest.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    name: { type: 'string' },
    socket: { type: 'boolean', default: false },
    out: { type: 'string', default: 'slack-manifest.yml' },
  },
});

const out = values.out ?? 'slack-manifest.yml';
writeFileSync(out, manifestYaml(commands, { host: values.host, name: values.name, socketMode: values.socket }));
process.stdout.write(`Wrote ${out} (${commands.length} slash commands).\n`);
