/**
 * Autocomplete, answered once for every surface that offers it: actor names from the crisis the
 * invocation is about (its `crisis` option, else the channel's), crisis ids from the deployment.
 * Synchronous and in memory, well inside the 3 s Discord allows.
 */
import type { CommandContext, OptionSpec } from './command.js';

export interface Choice {
  name: string;
  value: string;
}

export function complete(option: Pick<OptionSpec, 'autocomplete'>, typed: string, ctx: CommandContext, others: Record<string, unknown> = {}, limit = 25): Choice[] {
  const prefix = typed.trim();
  if (option.autocomplete === 'actor') {
    const named = typeof others.crisis === 'string' ? ctx.crises?.open(others.crisis.trim().toLowerCase()) : null;
    return (named?.kb ?? ctx.kb).suggest(prefix, limit).slice(0, limit);
  }
  if (option.autocomplete === 'crisis') {
    const p = prefix.toLowerCase();
    const crises = ctx.crises?.list() ?? [{ id: ctx.kb.crisis.id, name: ctx.kb.crisis.name }];
    return crises
      .filter((c) => !p || c.id.startsWith(p) || c.name.toLowerCase().includes(p))
      .slice(0, limit)
      .map((c) => ({ name: `${c.name} (${c.id})`, value: c.id }));
  }
  return [];
}
