/**
 * Slash-command JSON built from commands/ (the one command list), and the sync that keeps
 * Discord's registered commands equal to it. Used at start-up and by `npm run register`.
 */
import { type REST, Routes } from 'discord.js';
import type { CommandSpec, OptionSpec } from '../../../commands/command.js';

/** Discord's application command option types we use. */
export const OptionType = { Subcommand: 1, String: 3, Integer: 4 } as const;

/** Discord caps names at 32 and descriptions at 100 characters. */
const MAX_DESCRIPTION = 100;

/** One option as Discord's API takes it (a subset of APIApplicationCommandOption). */
export interface SlashOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  min_value?: number;
  max_value?: number;
  max_length?: number;
  options?: SlashOption[];
}

/** One chat-input command as Discord's API takes it. */
export interface SlashCommand {
  type: 1;
  name: string;
  description: string;
  options: SlashOption[];
}

function describe(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

export function optionJson(o: OptionSpec): SlashOption {
  const integer = o.type === 'integer';
  const out: SlashOption = { type: integer ? OptionType.Integer : OptionType.String, name: o.name, description: describe(o.description) };
  if (o.required) out.required = true;
  // Discord rejects autocomplete together with fixed choices: choices win.
  if (o.choices?.length) out.choices = o.choices.map((c) => ({ name: c.name, value: integer ? Number(c.value) : c.value }));
  else if (o.autocomplete) out.autocomplete = true;
  if (integer && o.min !== undefined) out.min_value = o.min;
  if (integer && o.max !== undefined) out.max_value = o.max;
  if (!integer && o.maxLength !== undefined) out.max_length = o.maxLength;
  return out;
}

/**
 * A CommandSpec as a slash command. Subcommands become options of type 1. No command sets
 * default_member_permissions: /digest mixes open (now, status) and managed (subscribe,
 * unsubscribe) subcommands, so the Manage Channels check happens per invocation instead.
 */
export function commandJson(spec: CommandSpec): SlashCommand {
  const options = spec.subcommands
    ? spec.subcommands.map((s) => ({ type: OptionType.Subcommand, name: s.name, description: describe(s.description), options: s.options.map(optionJson) }))
    : spec.options.map(optionJson);
  return { type: 1, name: spec.name, description: describe(spec.description), options };
}

export function slashCommands(specs: readonly CommandSpec[]): SlashCommand[] {
  return specs.map(commandJson);
}

// --- comparison: Discord echoes commands back with ids, versions and defaults filled in ---

type Json = Record<string, unknown>;

function normOption(o: Json): Json {
  const choices = Array.isArray(o.choices) ? (o.choices as Json[]).map((c) => ({ name: c.name, value: c.value })) : [];
  return {
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    choices,
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    options: Array.isArray(o.options) ? (o.options as Json[]).map(normOption) : [],
  };
}

/** The fields we control, with Discord's defaults made explicit, in a stable order. */
export function normalizeCommands(list: readonly unknown[]): Json[] {
  return (list as Json[])
    .map((c) => ({
      type: c.type ?? 1,
      name: c.name,
      description: c.description ?? '',
      options: Array.isArray(c.options) ? (c.options as Json[]).map(normOption) : [],
      default_member_permissions: c.default_member_permissions ?? null,
      nsfw: c.nsfw ?? false,
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

export function sameCommands(a: readonly unknown[], b: readonly unknown[]): boolean {
  return JSON.stringify(normalizeCommands(a)) === JSON.stringify(normalizeCommands(b));
}

export interface SyncResult {
  /** 'unchanged' when Discord already had exactly these commands. */
  action: 'unchanged' | 'updated';
  scope: 'guild' | 'global';
  count: number;
}

/**
 * Make Discord's registered commands equal to `specs`: GET the current list, compare the
 * normalized JSON, and PUT (a bulk overwrite) only when they differ, so restarts cause no
 * needless rewrites. With a guild id the commands go to that guild (instant, for development).
 */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  specs: readonly CommandSpec[],
  opts: { guildId?: string; force?: boolean } = {},
): Promise<SyncResult> {
  const route = opts.guildId ? Routes.applicationGuildCommands(applicationId, opts.guildId) : Routes.applicationCommands(applicationId);
  const scope = opts.guildId ? 'guild' : 'global';
  const wanted = slashCommands(specs);
  if (!opts.force) {
    const existing = (await rest.get(route)) as unknown[];
    if (sameCommands(existing, wanted)) return { action: 'unchanged', scope, count: wanted.length };
  }
  await rest.put(route, { body: wanted });
  return { action: 'updated', scope, count: wanted.length };
}
