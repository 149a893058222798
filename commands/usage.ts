/**
 * How a surface types commands, so that usage lines, option names and references to other
 * commands in the bot's own messages are written in that surface's syntax: `/timeline limit:5` in
 * chat, `/brief-timeline limit:5` or `/briefing timeline limit:5` in a Slack app installed with a
 * prefix or a single command, `briefing timeline --limit 5` on the CLI.
 */
import type { Block, View } from '../src/core/answer/view.js';
import type { CommandSpec, OptionSpec, SubcommandSpec } from './command.js';

export interface Syntax {
  /** chat: options are key:value; cli: options are --flags. */
  kind: 'chat' | 'cli';
  /** How a command is typed, e.g. "/stance", "/brief-stance", "/briefing stance", "briefing stance". */
  command(name: string): string;
}

export const CHAT: Syntax = { kind: 'chat', command: (n) => `/${n}` };
export const CLI: Syntax = { kind: 'cli', command: (n) => `briefing ${n}` };

/** Slack commands registered with a prefix: /brief-stance, /brief-timeline, … */
export function prefixed(prefix: string): Syntax {
  return { kind: 'chat', command: (n) => `/${prefix}-${n}` };
}

/** One Slack command for everything: /briefing stance Russia. */
export function single(word: string): Syntax {
  return { kind: 'chat', command: (n) => `/${word} ${n}` };
}

/** The placeholder a chat usage line gives an option ("limit:N" -> "N"), else one from its type. */
function placeholder(spec: CommandSpec, o: OptionSpec): string {
  const m = new RegExp(`\\b${o.name}:([^\\]\\s|]+)`).exec(spec.usage);
  return m?.[1] ?? (o.type === 'integer' ? 'N' : 'VALUE');
}

/** On the CLI a required main option is a positional argument (`briefing stance <actor...>`); the others are flags. */
function positional(o: Pick<OptionSpec, 'name' | 'required'>, spec?: Pick<CommandSpec, 'rest'>): boolean {
  return Boolean(spec && o.required && o.name === spec.rest);
}

/** An option as the user types it: `limit` in chat (as in limit:5), `--limit` on the CLI (`<actor>` when positional). */
export function optionName(o: Pick<OptionSpec, 'name' | 'required'>, syntax: Syntax = CHAT, spec?: Pick<CommandSpec, 'rest'>): string {
  if (syntax.kind !== 'cli') return o.name;
  return positional(o, spec) ? `<${o.name}>` : `--${o.name}`;
}

/** A command's usage line in a surface's syntax. */
export function usageOf(spec: CommandSpec, syntax: Syntax = CHAT, sub?: SubcommandSpec): string {
  if (syntax.kind === 'chat') return spec.usage.replace(new RegExp(`^/${spec.name}\\b`), syntax.command(spec.name));
  // The CLI: the rest option is a positional argument, the others are flags; a command with
  // subcommands runs its first (digest -> digest now).
  const options = sub?.options ?? spec.subcommands?.[0]?.options ?? spec.options;
  const subName = sub && sub !== spec.subcommands?.[0] ? ` ${sub.name}` : '';
  const parts = options.map((o) => (positional(o, spec) ? `<${o.name}...>` : `[--${o.name} ${placeholder(spec, o)}]`));
  return [`${syntax.command(spec.name)}${subName}`, ...parts].join(' ');
}

const COMMAND_REF = /(^|[\s(`'"“])\/(stance|timeline|digest|ask|actors|sources|feeds|crisis|alerts|help)\b/g;

/** The bot's own prose with references to commands ("/actors", "`/digest subscribe …`") in a surface's syntax. */
export function localizeText(text: string, syntax: Syntax = CHAT): string {
  if (syntax === CHAT) return text;
  return text.replace(COMMAND_REF, (_m, pre: string, name: string) => `${pre}${syntax.command(name)}`);
}

/**
 * A view with the bot's own prose localized: an error's title and hints, text blocks and the
 * footer. Corpus text (quotes, dated lines, fields, the lead) is never touched.
 */
export function localizeView(view: View, syntax: Syntax = CHAT): View {
  if (syntax === CHAT) return view;
  const blocks = view.blocks.map((b): Block => (b.type === 'text' || b.type === 'heading' ? { ...b, text: localizeText(b.text, syntax) } : b));
  return {
    ...view,
    title: view.kind === 'error' || view.kind === 'info' || view.kind === 'help' ? localizeText(view.title, syntax) : view.title,
    blocks,
    footer: view.footer ? localizeText(view.footer, syntax) : view.footer,
  };
}
