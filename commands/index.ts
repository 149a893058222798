/** The static list of commands: every surface (Discord, Slack, terminal, CLI) is built from it. */
import actors from './actors.js';
import alerts from './alerts.js';
import ask from './ask.js';
import crisis from './crisis.js';
import type { CommandSpec } from './command.js';
import digest from './digest.js';
import feeds from './feeds.js';
import { makeHelp } from './help.js';
import sources from './sources.js';
import stance from './stance.js';
import timeline from './timeline.js';

export const commands: readonly CommandSpec[] = [stance, timeline, digest, ask, actors, sources, feeds, crisis, alerts, makeHelp(() => commands)];

export function findCommand(name: string): CommandSpec | undefined {
  const n = name.replace(/^\//, '').toLowerCase();
  return commands.find((c) => c.name === n);
}

export type { CommandContext, CommandResult, CommandSpec, OptionSpec, SubcommandSpec } from './command.js';
