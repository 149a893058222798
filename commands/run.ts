/**
 * The one entry point every surface uses: validate raw options against the command's schemas,
 * check permissions, run, and turn expected failures into error views. Adapters only translate
 * platform payloads into `Invocation`s and render the returned view.
 */
import { errorView, type Problem } from '../src/core/answer/view.js';
import type { CommandContext, CommandResult, CommandSpec, OptionSpec, SubcommandSpec } from './command.js';
import { unknownCrisis } from './crisis.js';
import { commands, findCommand } from './index.js';
import { CHAT, localizeView, optionName, type Syntax, usageOf } from './usage.js';

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
export function resolve(inv: Pick<Invocation, 'command' | 'subcommand'>, syntax: Syntax = CHAT): { spec: CommandSpec; sub?: SubcommandSpec } | Problem {
  const spec = findCommand(inv.command);
  if (!spec) {
    return { code: 'unknown_command', message: `Unknown command ${syntax.command(inv.command)}.`, hint: `Try ${commands.map((c) => syntax.command(c.name)).join(', ')}.` };
  }
  if (!spec.subcommands) return { spec };
  const subName = inv.subcommand ?? spec.subcommands[0]?.name;
  const sub = spec.subcommands.find((s) => s.name === subName);
  if (!sub) {
    return {
      code: 'unknown_command',
      message: `${syntax.command(spec.name)} has no "${inv.subcommand}" subcommand.`,
      hint: `Use one of: ${spec.subcommands.map((s) => s.name).join(', ')}. Usage: ${usageOf(spec, syntax)}`,
    };
  }
  return { spec, sub };
}

/**
 * Why a value was refused, in the product's words. The option schemas carry their own messages;
 * a bare validator message ("Too big: expected string to have <=500 characters") never reaches
 * the user: it is rephrased from the issue's code.
 */
function why(issue: { code?: string; message?: string; maximum?: unknown; minimum?: unknown } | undefined, opt: OptionSpec): string {
  const msg = issue?.message ?? '';
  if (msg && !/^(Too (big|small)|Invalid|Expected|Required)\b/.test(msg)) return msg;
  const unit = opt.type === 'integer' ? '' : ' characters';
  if (issue?.code === 'too_big') return `at most ${String(issue.maximum)}${unit}`;
  if (issue?.code === 'too_small') return opt.type === 'integer' ? `at least ${String(issue.minimum)}` : 'it is empty';
  return opt.type === 'integer' ? 'use a whole number' : `not a valid value for ${opt.name} (${opt.description})`;
}

/** A value as shown back in an error: quoted, cut to 60 characters. */
function shown(value: unknown): string {
  const s = String(value);
  return `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"${s.length > 60 ? ` (${s.length} characters)` : ''}`;
}

/** Validate raw options; returns the parsed input or a Problem naming the option (in the surface's syntax), why, and the usage. */
export function validate(
  options: readonly OptionSpec[],
  raw: Record<string, unknown>,
  usage: string,
  syntax: Syntax = CHAT,
  spec?: Pick<CommandSpec, 'rest'>,
): Record<string, unknown> | Problem {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (!options.some((o) => o.name === key)) {
      const known = options.map((o) => optionName(o, syntax, spec));
      return { code: 'bad_option', message: `Unknown option "${optionName({ name: key }, syntax)}".`, hint: `${known.length ? `Options: ${known.join(', ')}. ` : ''}Usage: ${usage}` };
    }
  }
  for (const opt of options) {
    const value = raw[opt.name];
    if (value === undefined || value === null || value === '') {
      if (opt.required) return { code: 'bad_option', message: `Missing ${optionName(opt, syntax, spec)}: ${opt.description}.`, hint: `Usage: ${usage}` };
      continue;
    }
    const parsed = opt.schema.safeParse(value);
    if (!parsed.success) {
      return { code: 'bad_option', message: `Bad ${optionName(opt, syntax, spec)} ${shown(value)}: ${why(parsed.error.issues[0], opt)}.`, hint: `Usage: ${usage}` };
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
  const syntax = ctx.syntax ?? CHAT;
  const result = await runChecked(inv, ctx, syntax, log);
  return { ...result, view: localizeView(result.view, syntax) };
}

async function runChecked(inv: Invocation, ctx: CommandContext, syntax: Syntax, log?: (err: unknown, inv: Invocation) => void): Promise<CommandResult> {
  const found = resolve(inv, syntax);
  if (isProblem(found)) return problem(found);
  const { spec, sub } = found;
  const options = sub ? sub.options : spec.options;
  const usage = usageOf(spec, syntax, sub);
  const input = validate(options, inv.options, usage, syntax, sub ? undefined : spec);
  if (isProblem(input)) return problem(input);
  if (sub?.manage && !ctx.canManage) {
    return problem({
      code: 'forbidden',
      message: `You need permission to manage this channel to use ${syntax.command(spec.name)} ${sub.name}.`,
      // What the user can still do without the permission, for the commands that have an open part.
      hint: { digest: 'Ask a channel manager, or use /digest now to read the digest yourself.', alerts: 'Ask a channel manager, or use /alerts list to read the latest changes yourself.', crisis: 'Ask a channel manager, or add crisis:ID to any question.' }[spec.name] ?? 'Ask a channel manager.',
    });
  }
  // A `crisis` option answers from that crisis instead of the channel's.
  if (typeof input.crisis === 'string') {
    const other = ctx.crises?.open(input.crisis);
    if (!other) return problem(unknownCrisis(input.crisis, ctx));
    ctx = { ...ctx, kb: other.kb, feeds: other.feeds };
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
export function parseLine(line: string, syntax: Syntax = CHAT): Invocation | Problem {
  const trimmed = line.trim();
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m?.[1]) return { code: 'unknown_command', message: `Type a command, for example ${syntax.command('help')}.`, hint: `Type ${syntax.command('help')} for the list.` };
  return parseArgs(m[1], m[2] ?? '', syntax);
}

/** Parse the text after the command name (Slack gives command and text separately). */
export function parseArgs(command: string, text: string, syntax: Syntax = CHAT): Invocation | Problem {
  const name = command.replace(/^\//, '').toLowerCase();
  const spec = findCommand(name);
  if (!spec) return resolve({ command: name }, syntax) as Problem;
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
        return { code: 'bad_option', message: `Too many words: "${loose.join(' ')}".`, hint: `Usage: ${usageOf(spec, syntax, sub)}` };
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
