/**
 * Slash commands and page buttons. Each command is acknowledged at once (with an ephemeral error
 * when the line cannot be understood), then answered through `respond()`: the answer goes to the
 * channel, errors only to the asker. `runInvocation` in commands/run.ts is the error boundary.
 */
import type { App as BoltApp, RespondArguments, RespondFn, SlashCommand, types, webApi } from '@slack/bolt';
import { RespondError } from '@slack/bolt';
import type { CommandSpec } from '../../../commands/command.js';
import { findCommand } from '../../../commands/index.js';
import { type Invocation, parseArgs, resolve, runInvocation, validate } from '../../../commands/run.js';
import { CHAT, prefixed, single, type Syntax, usageOf } from '../../../commands/usage.js';
import type { App } from '../../app.js';
import { errorView, type Problem, type View } from '../../core/answer/view.js';
import type { Logger } from '../../log.js';
import type { RateLimiter } from '../shared/rate-limit.js';
import { slackPages } from './digest.js';
import { PageStore, parsePageValue } from './pages.js';
import { PAGE_ACTIONS, renderView, type SlackMessage, unescapeText } from './render.js';

export interface DispatchDeps {
  app: App;
  log: Logger;
  pages: PageStore;
  /** Per-user limit on commands, so one user cannot flood a channel. */
  limiter: RateLimiter;
  /** The bot's name as people @mention it (from auth.test), for usage lines in mention replies. */
  botName?: string;
}

export type Reply = SlackMessage & { response_type: 'ephemeral' | 'in_channel' };

/**
 * The first page of a view as a reply. A long view is cut into pages; the rest are kept in
 * `pages` for the Previous/Next buttons, which only `userId` may press.
 */
export function presentView(view: View, userId: string, pages: PageStore): Reply {
  const all = slackPages(view);
  const first = all[0] ?? view;
  const nav = all.length > 1 ? { id: pages.put(userId, all), page: 0, pages: all.length } : undefined;
  return { response_type: view.ephemeral ? 'ephemeral' : 'in_channel', ...renderView(first, nav) };
}

/**
 * Who may manage a channel's subscription. Slack delivers a slash command only from a
 * conversation the user can post in, so the delivery itself proves membership of that channel
 * (no extra API call, no extra scope). A direct message is not a channel the digest can serve.
 */
export function isChannel(command: Pick<SlashCommand, 'channel_id' | 'channel_name'>): boolean {
  return command.channel_name !== 'directmessage' && !command.channel_id.startsWith('D');
}

function isProblem(x: Invocation | Problem): x is Problem {
  return 'code' in x;
}

/**
 * Which command a slash command runs, however the app was installed: `/stance Russia` (one
 * command each), `/brief-stance Russia` (`--prefix brief`), or `/briefing stance Russia`
 * (`--single briefing`), where a line that names no command is a question for /ask. The syntax
 * returned writes usage lines and hints the way this workspace types them.
 */
export function commandFor(slash: string, text: string): { spec: CommandSpec; text: string; syntax: Syntax } {
  const name = slash.replace(/^\//, '').toLowerCase();
  const own = findCommand(name);
  if (own) return { spec: own, text, syntax: CHAT };
  const m = /^(.+)-([a-z]+)$/.exec(name);
  const suffixed = m?.[1] && m[2] ? findCommand(m[2]) : undefined;
  if (m?.[1] && suffixed) return { spec: suffixed, text, syntax: prefixed(m[1]) };
  return { ...lineCommand(text), syntax: single(name) };
}

/** A line whose first word may name a command (`stance Russia`, `/timeline limit:5`); otherwise it is a question; empty is /help. */
export function lineCommand(text: string): { spec: CommandSpec; text: string } {
  const t = text.trim();
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(t);
  const named = m?.[1] ? findCommand(m[1]) : undefined;
  if (named) return { spec: named, text: m?.[2] ?? '' };
  return t ? { spec: findCommand('ask') as CommandSpec, text: t } : { spec: findCommand('help') as CommandSpec, text: '' };
}

/** Problems found before answering: the line, the options, the place, the pace. */
function precheck(
  spec: CommandSpec,
  where: { team: string; user: string; channel: Pick<SlashCommand, 'channel_id' | 'channel_name'>; text: string },
  limiter: RateLimiter,
  syntax: Syntax,
): { inv: Invocation } | { problem: Problem } {
  const wait = limiter.take(`${where.team}:${where.user}`);
  if (wait > 0) {
    return { problem: { code: 'rate_limited', message: 'You are sending commands faster than this bot answers them.', hint: `Try again in ${Math.ceil(wait / 1000)} s.` } };
  }
  // Slack sends &, <, > escaped; the core works on the characters, the renderer escapes again.
  const inv = parseArgs(spec.name, unescapeText(where.text), syntax);
  if (isProblem(inv)) return { problem: inv };
  const found = resolve(inv, syntax);
  if ('code' in found) return { problem: found };
  const checked = validate(found.sub ? found.sub.options : found.spec.options, inv.options, usageOf(found.spec, syntax, found.sub), syntax, found.sub ? undefined : found.spec);
  if ('code' in checked && 'message' in checked) return { problem: checked as Problem };
  if (found.sub?.manage && !isChannel(where.channel)) {
    const cmd = syntax.command(spec.name);
    return {
      problem: {
        code: 'forbidden',
        message: `Digest subscriptions belong to a channel, so ${cmd} ${found.sub.name} does not work in a direct message.`,
        hint: `Run it in the channel that should get the digest (you must be a member). Here, ${cmd} now shows the digest.`,
      },
    };
  }
  return { inv };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** respond() with a few retries (network errors, 429, 5xx); an expired response_url is not retried. */
export async function respondWithRetry(respond: RespondFn, msg: RespondArguments, log: Logger, attempts = 3): Promise<boolean> {
  for (let i = 1; ; i++) {
    try {
      await respond(msg);
      return true;
    } catch (err) {
      const status = err instanceof RespondError ? err.statusCode : undefined;
      const retryable = status === undefined || status === 429 || status >= 500;
      if (!retryable || i >= attempts) {
        log.error({ err, attempt: i, status }, 'Slack respond() failed');
        return false;
      }
      log.warn({ err: (err as Error).message, attempt: i, status }, 'Slack respond() failed; retrying');
      await sleep(250 * 4 ** (i - 1));
    }
  }
}

async function handleCommand(command: SlashCommand, ack: (r?: RespondArguments) => Promise<void>, respond: RespondFn, deps: DispatchDeps) {
  const { app, log } = deps;
  const { spec, text, syntax } = commandFor(command.command, command.text ?? '');
  const checked = precheck(spec, { team: command.team_id, user: command.user_id, channel: command, text }, deps.limiter, syntax);
  if ('problem' in checked) {
    const { response_type, blocks, text } = presentView(errorView(checked.problem), command.user_id, deps.pages);
    await ack({ response_type, blocks, text });
    return;
  }
  await ack();
  const ctx = { ...app.context('slack', command.channel_id, command.user_id, isChannel(command)), syntax };
  const result = await runInvocation(checked.inv, ctx, (err, inv) => log.error({ err, command: inv.command, subcommand: inv.subcommand }, 'command failed'));
  await respondWithRetry(respond, presentView(result.view, command.user_id, deps.pages), log);
}

function note(title: string, text: string): View {
  return { kind: 'info', title, accent: { kind: 'info' }, blocks: [{ type: 'text', text }], ephemeral: true };
}

/** The bot's own mention(s) at the start of a message: `<@U0BOT> stance Russia` -> `stance Russia`. */
export function stripMention(text: string, botUserId?: string): string {
  const own = botUserId ? new RegExp(`^\\s*(<@${botUserId}(\\|[^>]*)?>\\s*)+`) : /^\s*(<@[A-Z0-9]+(\|[^>]*)?>\s*)+/;
  return text.replace(own, '').trim();
}

/**
 * An @mention: `@briefing stance Russia` runs /stance, `@briefing How many people have died?` asks, a bare
 * mention gets /help. The answer goes in the mention's thread; errors and private answers only to
 * the person who asked (an ephemeral message in that thread).
 */
async function handleMention(event: types.AppMentionEvent, client: webApi.WebClient, botUserId: string | undefined, deps: DispatchDeps): Promise<void> {
  const { app, log } = deps;
  const user = event.user ?? '';
  const threadTs = event.thread_ts ?? event.ts;
  const { spec, text } = lineCommand(stripMention(event.text, botUserId));
  const name = deps.botName ?? 'briefing';
  const syntax: Syntax = { kind: 'chat', command: (n) => `@${name} ${n}` };
  const channel = { channel_id: event.channel, channel_name: '' }; // a D… id is a direct message
  const checked = precheck(spec, { team: event.team ?? '', user, channel, text }, deps.limiter, syntax);
  const view =
    'problem' in checked
      ? errorView(checked.problem)
      : (
          await runInvocation(checked.inv, { ...app.context('slack', event.channel, user, isChannel(channel)), syntax }, (err, inv) =>
            log.error({ err, command: inv.command, subcommand: inv.subcommand, via: 'mention' }, 'command failed'),
          )
        ).view;
  const { blocks, text: fallback } = presentView(view, user, deps.pages);
  if (view.ephemeral) await client.chat.postEphemeral({ channel: event.channel, user, thread_ts: threadTs, blocks, text: fallback });
  else await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, blocks, text: fallback, unfurl_links: false, unfurl_media: false });
}

/** Register the slash command listener (every command, however installed), @mentions, and the page buttons. */
export function registerHandlers(bolt: BoltApp, deps: DispatchDeps): void {
  bolt.command(/^\/.+/, async ({ command, ack, respond }) => {
    try {
      await handleCommand(command, ack, respond, deps);
    } catch (err) {
      deps.log.error({ err, command: command.command }, 'Slack command handler failed');
    }
  });

  // Slack redelivers an event it thinks was lost; answer each mention once.
  const seen: string[] = [];
  bolt.event('app_mention', async ({ event, body, client, context }) => {
    try {
      const id = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
      if (seen.includes(id) || event.bot_id) return;
      seen.push(id);
      if (seen.length > 500) seen.shift();
      await handleMention(event, client, context.botUserId, deps);
    } catch (err) {
      deps.log.error({ err, channel: event.channel }, 'Slack mention handler failed');
    }
  });

  bolt.action({ type: 'block_actions', action_id: new RegExp(`^(${PAGE_ACTIONS.prev}|${PAGE_ACTIONS.next})$`) }, async ({ ack, body, action, respond }) => {
    await ack();
    try {
      const ref = parsePageValue('value' in action && typeof action.value === 'string' ? action.value : undefined);
      const entry = ref ? deps.pages.get(ref.id) : null;
      const page = ref && entry ? entry.pages[ref.page] : undefined;
      let msg: RespondArguments;
      if (!ref || !entry || !page) {
        const { blocks, text } = renderView(note('These pages have expired', 'Answers keep their pages for 30 minutes. Run the command again to see it all.'));
        msg = { response_type: 'ephemeral', replace_original: false, blocks, text };
      } else if (body.user.id !== entry.userId) {
        const { blocks, text } = renderView(note('Only the person who asked can turn these pages', 'Run the command yourself to page through the answer.'));
        msg = { response_type: 'ephemeral', replace_original: false, blocks, text };
      } else {
        const { blocks, text } = renderView(page, { id: ref.id, page: ref.page, pages: entry.pages.length });
        msg = { replace_original: true, blocks, text };
      }
      await respondWithRetry(respond, msg, deps.log);
    } catch (err) {
      deps.log.error({ err }, 'Slack page action failed');
    }
  });
}
