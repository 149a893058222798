/**
 * Interactions in, replies out. A slash command becomes an Invocation for runInvocation (the
 * commands' own error boundary); this file adds Discord's side of it: rate limit, deferral,
 * ephemerality, pagination buttons, autocomplete, and a last-resort catch so the user always
 * gets an answer and the failure is logged with its context.
 */
import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  type MessageMentionOptions,
  PermissionFlagsBits,
} from 'discord.js';
import { complete } from '../../../commands/complete.js';
import { type Invocation, resolve, runInvocation, validate } from '../../../commands/run.js';
import type { App } from '../../app.js';
import type { View } from '../../core/answer/view.js';
import type { Logger } from '../../log.js';
import { clip } from '../shared/paginate.js';
import { RateLimiter } from '../shared/rate-limit.js';
import { digestMessages } from './digest.js';
import type { PageStore } from './pages.js';
import { pageButtons, parsePageId, renderPage, renderPages } from './render.js';

/** Nobody is ever pinged by what the bot posts: user text and corpus text may hold @everyone or <@id>. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/** Sub-commands that always defer, besides commands marked `slow`: building the digest reads the whole day. */
const ALWAYS_DEFER = new Set(['digest now']);

/** A command not marked slow still defers if it has not answered by then (Discord allows 3 s). */
const DEFER_AFTER_MS = 2000;

export const TEXT = {
  rateLimited: (s: number) => `You are sending commands faster than I can answer. Try again in ${s} s.`,
  onlyAsker: 'Only the person who asked can page through this answer.',
  onlyAskerHint: 'Run the command yourself to get your own copy.',
  expired: 'These pages have expired.',
  expiredHint: 'Run the command again for a fresh copy.',
  failed: 'Something went wrong answering that.',
  failedHint: 'It has been logged. Try again in a moment, or try /help.',
} as const;

export interface DispatchOptions {
  app: App;
  log: Logger;
  pages: PageStore;
  /** Per-user limit on commands; default 5 per 10 s. */
  limiter?: RateLimiter;
}

function note(kind: 'error' | 'info', title: string, hint: string): View {
  return { kind: kind === 'error' ? 'error' : 'info', title, accent: { kind }, blocks: [{ type: 'text', text: hint }], ephemeral: true };
}

function privately(view: View): InteractionReplyOptions & { flags: MessageFlags.Ephemeral } {
  return { embeds: renderPage(view), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral };
}

/** The raw options of a slash command, flattened, with the subcommand named. */
export function toInvocation(i: Pick<ChatInputCommandInteraction, 'commandName' | 'options'>): Invocation {
  let list: readonly CommandInteractionOption[] = i.options.data;
  let subcommand: string | undefined;
  const first = list[0];
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    subcommand = first.name;
    list = first.options ?? [];
  }
  const options: Record<string, unknown> = {};
  for (const o of list) options[o.name] = o.value;
  return { command: i.commandName, subcommand, options };
}

/** Whether to defer before running: slow commands, unless the invocation is invalid (that error is answered at once). */
function shouldDefer(inv: Invocation, canManage: boolean): boolean {
  const found = resolve(inv);
  if (!('spec' in found)) return false;
  const { spec, sub } = found;
  if (!spec.slow && !ALWAYS_DEFER.has(`${spec.name} ${sub?.name ?? ''}`.trim())) return false;
  const input = validate(sub ? sub.options : spec.options, inv.options, spec.usage);
  if (typeof input.code === 'string' && typeof input.message === 'string') return false;
  return !(sub?.manage && !canManage);
}

function where(i: Interaction): Record<string, unknown> {
  return {
    interaction: i.id,
    type: i.type,
    user: i.user.id,
    guild: i.guildId,
    channel: i.channelId,
    command: i.isChatInputCommand() || i.isAutocomplete() ? i.commandName : undefined,
    customId: i.isButton() ? i.customId : undefined,
  };
}

/** Returns the InteractionCreate handler. It never throws. */
export function createDispatcher(opts: DispatchOptions): (i: Interaction) => Promise<void> {
  const { app, log, pages } = opts;
  const limiter = opts.limiter ?? new RateLimiter(5, 10_000);

  /** A digest is read whole: one message (consecutive follow-ups only when it cannot fit), no buttons. */
  async function sendWhole(i: ChatInputCommandInteraction, view: View): Promise<void> {
    const [first = [], ...more] = digestMessages(view);
    const flags = view.ephemeral ? MessageFlags.Ephemeral : undefined;
    const payload = { embeds: first, components: [], allowedMentions: NO_MENTIONS };
    if (!i.deferred && !i.replied) await i.reply(flags ? { ...payload, flags } : payload);
    else await i.editReply(payload);
    for (const embeds of more) await i.followUp({ embeds, allowedMentions: NO_MENTIONS, ...(flags ? { flags } : {}) });
  }

  async function send(i: ChatInputCommandInteraction, view: View): Promise<void> {
    if (view.kind === 'digest') return sendWhole(i, view);
    const rendered = renderPages(view);
    const state = rendered.length > 1 ? pages.create(i.user.id, rendered) : undefined;
    const payload = { embeds: rendered[0] ?? [], components: state ? pageButtons(state.id, 0, rendered.length) : [], allowedMentions: NO_MENTIONS };
    let message = '@original';
    if (!i.deferred && !i.replied) {
      await i.reply(view.ephemeral ? { ...payload, flags: MessageFlags.Ephemeral } : payload);
    } else if (view.ephemeral && !i.ephemeral) {
      // A public "thinking…" cannot turn private: remove it and answer privately instead.
      await i.deleteReply();
      message = (await i.followUp({ ...payload, flags: MessageFlags.Ephemeral })).id;
    } else {
      await i.editReply(payload);
    }
    if (state) state.onExpire = () => i.editReply({ message, components: [], allowedMentions: NO_MENTIONS });
  }

  async function onCommand(i: ChatInputCommandInteraction): Promise<void> {
    const wait = limiter.take(i.user.id);
    if (wait > 0) {
      await i.reply(privately(note('error', TEXT.rateLimited(Math.ceil(wait / 1000)), 'Each person can ask 5 questions every 10 seconds.')));
      return;
    }
    const inv = toInvocation(i);
    const canManage = i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
    const ctx = app.context('discord', i.channelId, i.user.id, canManage);
    let deferring: Promise<unknown> | undefined;
    const defer = () => (deferring ??= i.deferReply());
    const slow = shouldDefer(inv, canManage);
    if (slow) await defer();
    const timer = slow ? undefined : setTimeout(() => void defer().catch((err: unknown) => log.warn({ err, ...where(i) }, 'late defer failed')), DEFER_AFTER_MS);
    let view: View;
    try {
      ({ view } = await runInvocation(inv, ctx, (err, x) =>
        log.error({ err, ...where(i), subcommand: x.subcommand, options: x.options }, 'command failed'),
      ));
    } finally {
      clearTimeout(timer);
    }
    if (deferring) await deferring;
    await send(i, view);
  }

  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const found = resolve({ command: i.commandName, subcommand: i.options.getSubcommand(false) ?? undefined });
    const spec = 'spec' in found ? (found.sub?.options ?? found.spec.options).find((o) => o.name === focused.name) : undefined;
    if (!spec?.autocomplete) {
      await i.respond([]);
      return;
    }
    // Actor names come from the crisis the command is about: its crisis option, else the channel's.
    const ctx = app.context('discord', i.channelId, i.user.id, false);
    const crisis = focused.name === 'crisis' ? undefined : (i.options.getString('crisis', false) ?? undefined);
    const choices = complete(spec, String(focused.value), ctx, { crisis }, 25).map((c) => ({ name: clip(c.name, 100), value: String(c.value).slice(0, 100) }));
    await i.respond(choices);
  }

  async function onButton(i: ButtonInteraction): Promise<void> {
    const ref = parsePageId(i.customId);
    if (!ref) {
      log.warn(where(i), 'unknown button');
      await i.reply(privately(note('info', TEXT.expired, TEXT.expiredHint)));
      return;
    }
    const state = pages.get(ref.stateId);
    if (!state) {
      // Take the dead buttons off, then say why privately.
      await i.update({ components: [], allowedMentions: NO_MENTIONS });
      await i.followUp(privately(note('info', TEXT.expired, TEXT.expiredHint)));
      return;
    }
    if (i.user.id !== state.userId) {
      await i.reply(privately(note('info', TEXT.onlyAsker, TEXT.onlyAskerHint)));
      return;
    }
    const n = Math.min(Math.max(ref.page, 0), state.pages.length - 1);
    await i.update({ embeds: state.pages[n] ?? [], components: pageButtons(state.id, n, state.pages.length), allowedMentions: NO_MENTIONS });
  }

  async function apologize(i: Interaction): Promise<void> {
    if (i.isAutocomplete()) {
      if (!i.responded) await i.respond([]);
      return;
    }
    if (!i.isRepliable()) return;
    const payload = privately(note('error', TEXT.failed, TEXT.failedHint));
    if (i.deferred && !i.replied && !i.ephemeral) await i.deleteReply().catch(() => {});
    if (i.deferred || i.replied) await i.followUp(payload);
    else await i.reply(payload);
  }

  return async (i: Interaction) => {
    try {
      if (i.isChatInputCommand()) await onCommand(i);
      else if (i.isAutocomplete()) await onAutocomplete(i);
      else if (i.isButton()) await onButton(i);
    } catch (err) {
      log.error({ err, ...where(i) }, 'interaction failed');
      await apologize(i).catch((e: unknown) => log.warn({ err: e, ...where(i) }, 'could not tell the user about the failure'));
    }
  };
}
