/**
 * Slash commands and page buttons. Each command is acknowledged at once (with an ephemeral error
 * when the line cannot be understood), then answered through `respond()`: the answer goes to the
 * channel, errors only to the asker. `runInvocation` in commands/run.ts is the error boundary.
 */
import type { App as BoltApp, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import { RespondError } from '@slack/bolt';
import type { CommandSpec } from '../../../commands/command.js';
import { commands } from '../../../commands/index.js';
import { type Invocation, parseArgs, resolve, runInvocation, validate } from '../../../commands/run.js';
import type { App } from '../../app.js';
import { errorView, type Problem, type View } from '../../core/answer/view.js';
import type { Logger } from '../../log.js';
import { paginate } from '../shared/paginate.js';
import type { RateLimiter } from '../shared/rate-limit.js';
import { PageStore, parsePageValue } from './pages.js';
import { PAGE_ACTIONS, renderView, SLACK_PAGE_BUDGET, type SlackMessage, unescapeText } from './render.js';

export interface DispatchDeps {
  app: App;
  log: Logger;
  pages: PageStore;
  /** Per-user limit on commands, so one user cannot flood a channel. */
  limiter: RateLimiter;
}

export type Reply = SlackMessage & { response_type: 'ephemeral' | 'in_channel' };

/**
 * The first page of a view as a reply. A long view is cut into pages; the rest are kept in
 * `pages` for the Previous/Next buttons, which only `userId` may press.
 */
export function presentView(view: View, userId: string, pages: PageStore): Reply {
  const all = paginate(view, SLACK_PAGE_BUDGET);
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

/** Problems found before acknowledging: the line, the options, the place, the pace. */
function precheck(spec: CommandSpec, command: SlashCommand, limiter: RateLimiter): { inv: Invocation } | { problem: Problem } {
  const wait = limiter.take(`${command.team_id}:${command.user_id}`);
  if (wait > 0) {
    return { problem: { code: 'rate_limited', message: 'You are sending commands faster than this bot answers them.', hint: `Try again in ${Math.ceil(wait / 1000)} s.` } };
  }
  // Slack sends &, <, > escaped; the core works on the characters, the renderer escapes again.
  const inv = parseArgs(spec.name, unescapeText(command.text ?? ''));
  if (isProblem(inv)) return { problem: inv };
  const found = resolve(inv);
  if ('code' in found) return { problem: found };
  const checked = validate(found.sub ? found.sub.options : found.spec.options, inv.options, found.spec.usage);
  if ('code' in checked && 'message' in checked) return { problem: checked as Problem };
  if (found.sub?.manage && !isChannel(command)) {
    return {
      problem: {
        code: 'forbidden',
        message: `Digest subscriptions belong to a channel, so /${spec.name} ${found.sub.name} does not work in a direct message.`,
        hint: `Run it in the channel that should get the digest (you must be a member). Here, /${spec.name} now shows the digest.`,
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

async function handleCommand(spec: CommandSpec, command: SlashCommand, ack: (r?: RespondArguments) => Promise<void>, respond: RespondFn, deps: DispatchDeps) {
  const { app, log } = deps;
  const checked = precheck(spec, command, deps.limiter);
  if ('problem' in checked) {
    const { response_type, blocks, text } = presentView(errorView(checked.problem), command.user_id, deps.pages);
    await ack({ response_type, blocks, text });
    return;
  }
  await ack();
  const ctx = app.context('slack', command.channel_id, command.user_id, isChannel(command));
  const result = await runInvocation(checked.inv, ctx, (err, inv) => log.error({ err, command: inv.command, subcommand: inv.subcommand }, 'command failed'));
  await respondWithRetry(respond, presentView(result.view, command.user_id, deps.pages), log);
}

function note(title: string, text: string): View {
  return { kind: 'info', title, accent: { kind: 'info' }, blocks: [{ type: 'text', text }], ephemeral: true };
}

/** Register one Bolt listener per command of the static list, and the page buttons. */
export function registerHandlers(bolt: BoltApp, deps: DispatchDeps): void {
  for (const spec of commands) {
    bolt.command(`/${spec.name}`, async ({ command, ack, respond }) => {
      try {
        await handleCommand(spec, command, ack, respond, deps);
      } catch (err) {
        deps.log.error({ err, command: spec.name }, 'Slack command handler failed');
      }
    });
  }

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
