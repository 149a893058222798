/**
 * The one entry point every surface uses: validate raw options against the command's schemas,
 * check permissions, run, and turn expected failures into error views. Adapters only translate
 * platform payloads into `Invocation`s and render the returned view.
 */
import { errorView, type Problem } from '../src/core/answer/view.js';
import type { CommandContext, CommandResult, CommandSpec, OptionSpec, SubcommandSpec } from './command.js';
import { commands, findCommand } from './index.js';

export interface Invocation {
  command: string;
  subcommand?: string;
  /** Raw option values by name (strings from text surfaces, typed values from Discord). */
  options: Record<string, unknown>;
}

function problem(p: Problem): CommandResult {
  return { view: errorView(p), data: { error: p } };
}

/** Resolve a command and subcommand name to the spec whose options and run apply. */
export function resolve(inv: Pick<Invocation, 'command' | 'subcommand'>): { spec: CommandSpec; sub?: SubcommandSpec } | Problem {
  const spec = findCommand(inv.command);
  if (!spec) {
    return { code: 'unknown_command', message: `Unknown command /${inv.command}.`, hint: `Try ${commands.map((c) => `/${c.name}`).join(', ')}.` };
  }
  if (!spec.subcommands) return { spec };
  const subName = inv.subcommand ?? spec.subcommands[0]?.name;
  const sub = spec.subcommands.find((s) => s.name === subName);
  if (!sub) {
    return {
      code: 'unknown_command',
      message: `/${spec.name} has no "${inv.subcommand}" subcommand.`,
      hint: `Use one of: ${spec.subcommands.map((s) => s.name).join(', ')}. Usage: ${spec.usage}`,
    };
  }
  return { spec, sub };
}

/** Validate raw options; returns the parsed input or a Problem naming the option and the fix. */
export function validate(options: readonly OptionSpec[], raw: Record<string, unknown>, usage: string): Record<string, unknown> | Problem {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (!options.some((o) => o.name === key)) {
      return { code: 'bad_option', message: `Unknown option "${key}".`, hint: `Usage: ${usage}` };
    }
  }
  for (const opt of options) {
    const value = raw[opt.name];
    if (value === undefined || value === null || value === '') {
      if (opt.required) return { code: 'bad_option', message: `Missing ${opt.name}: ${opt.description}.`, hint: `Usage: ${usage}` };
      continue;
    }
    const parsed = opt.schema.safeParse(value);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? 'invalid value';
      return { code: 'bad_option', message: `Bad ${opt.name} "${String(value).slice(0, 60)}": ${why}.`, hint: `Usage: ${usage}` };
    }
    out[opt.name] = parsed.data;
  }
  return out;
}

function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'code' in x && 'message' in x && !('spec' in x);
}

/** Run one invocation. Never throws: unexpected failures become an `internal` error view. */
export async function runInvocation(inv: Invocation, ctx: CommandContext, log?: (err: unknown, inv: Invocation) => void): Promise<CommandResult> {
  const found = resolve(inv);
  if (isProblem(found)) return problem(found);
  const { spec, sub } = found;
  const options = sub ? sub.options : spec.options;
  const usage = spec.usage;
  const input = validate(options, inv.options, usage);
  if (isProblem(input)) return problem(input);
  if (sub?.manage && !ctx.canManage) {
    return problem({
      code: 'forbidden',
      message: `You need permission to manage this channel to use /${spec.name} ${sub.name}.`,
      hint: 'Ask a channel manager, or use /digest now to read the digest yourself.',
    });
  }
  try {
    const run = sub ? sub.run : spec.run;
    if (!run) return problem({ code: 'unknown_command', message: `/${spec.name} needs a subcommand.`, hint: `Usage: ${usage}` });
    return await run(input, ctx);
  } catch (err) {
    log?.(err, inv);
    return problem({ code: 'internal', message: 'Something went wrong answering that.', hint: 'It has been logged. Try again in a moment, or try /help.' });
  }
}

/**
 * Parse a text command line, as typed in Slack or the terminal: `/timeline actor:Oslo limit:5`,
 * `/stance the Kremlin`, `/digest subscribe 07:30 Europe/Paris`. key:value pairs set options
 * (values may be "quoted"); the remaining words fill the command's `rest` option, or positional
 * options in order for subcommands.
 */
export function parseLine(line: string): Invocation | Problem {
  const trimmed = line.trim();
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m?.[1]) return { code: 'unknown_command', message: 'Type a command, for example /help.', hint: 'Type /help for the list.' };
  return parseArgs(m[1], m[2] ?? '');
}

/** Parse the text after the command name (Slack gives command and text separately). */
export function parseArgs(command: string, text: string): Invocation | Problem {
  const name = command.replace(/^\//, '').toLowerCase();
  const spec = findCommand(name);
  if (!spec) return resolve({ command: name }) as Problem;
  const tokens = tokenize(text);
  let subcommand: string | undefined;
  if (spec.subcommands && tokens[0] && !tokens[0].includes(':') && spec.subcommands.some((s) => s.name === tokens[0]?.toLowerCase())) {
    subcommand = tokens.shift()?.toLowerCase();
  }
  const sub = spec.subcommands?.find((s) => s.name === (subcommand ?? spec.subcommands?.[0]?.name));
  const options = sub ? sub.options : spec.options;
  const raw: Record<string, unknown> = {};
  const loose: string[] = [];
  for (const tok of tokens) {
    const kv = /^([a-z][a-z_-]*):(.*)$/i.exec(tok);
    if (kv?.[1] && options.some((o) => o.name === kv[1]?.toLowerCase())) raw[kv[1].toLowerCase()] = kv[2];
    else loose.push(tok);
  }
  if (loose.length) {
    const restName = sub ? undefined : spec.rest;
    if (restName && raw[restName] === undefined) {
      raw[restName] = loose.join(' ');
    } else {
      // Positional: fill the options not yet given, in order.
      const free = options.filter((o) => raw[o.name] === undefined);
      if (loose.length > free.length) {
        return { code: 'bad_option', message: `Too many words: "${loose.join(' ')}".`, hint: `Usage: ${spec.usage}` };
      }
      loose.forEach((w, i) => {
        const o = free[i];
        if (o) raw[o.name] = w;
      });
    }
  }
  return { command: name, subcommand, options: raw };
}

function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /(\S+?:)?"([^"]*)"|(\S+?:)?“([^”]*)”|(\S+)/g;
  for (const m of text.matchAll(re)) {
    if (m[2] !== undefined) out.push(`${m[1] ?? ''}${m[2]}`);
    else if (m[4] !== undefined) out.push(`${m[3] ?? ''}${m[4]}`);
    else if (m[5]) out.push(m[5]);
  }
  return out;
}
