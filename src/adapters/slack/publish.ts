/**
 * Scheduled digests on Slack: a View posted with chat.postMessage. Long views become a first
 * message plus thread replies (nobody is there to press page buttons at 07:30).
 *
 * Exactly once, as far as Slack allows: chat.postMessage has no idempotency key, so
 * - posts go through a client of their own with no automatic retry (a retried post whose answer
 *   was lost is a second message); a 429 is waited out and retried here, since Slack did not post;
 * - every message carries a delivery marker (message metadata: event type DIGEST_EVENT, payload
 *   {delivery_id, page});
 * - before re-posting a page whose earlier request may have arrived, the channel's recent history
 *   (conversations.history, or conversations.replies for thread pages) is searched for the marker.
 *   That needs the channels:history scope (groups:history for private channels); without it the
 *   page is reported (CannotVerifyError), never re-posted.
 */
import { webApi } from '@slack/bolt';
import type { View } from '../../core/answer/view.js';
import { CannotVerifyError, ChannelGoneError, OutcomeUnknownError, type PublishContext, type Publisher } from '../../schedule/publisher.js';
import { slackPages } from './digest.js';
import { renderView } from './render.js';

/** chat.postMessage errors meaning the channel is gone or the bot can no longer post there. */
export const GONE_ERRORS: ReadonlySet<string> = new Set(['channel_not_found', 'is_archived', 'not_in_channel', 'account_inactive', 'invalid_auth']);

/** Slack errors after which the message may nevertheless have been posted. */
const UNKNOWN_ERRORS: ReadonlySet<string> = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** Network errors that prove the request never reached Slack. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** The metadata event type of a scheduled digest's messages. */
export const DIGEST_EVENT = 'briefing_digest';

/** How far back of the first uncertain request the history is searched (clock skew, queueing). */
const HISTORY_SLACK_S = 600;

/** The Slack error code of a Web API platform error (`ok: false`), else undefined. */
export function platformError(err: unknown): string | undefined {
  const e = err as Partial<webApi.WebAPIPlatformError> | null;
  return e?.code === webApi.ErrorCode.PlatformError ? e.data?.error : undefined;
}

/** Whether a failed chat.postMessage may have posted the message. */
export function outcomeUnknown(err: unknown): boolean {
  const e = err as { code?: string; statusCode?: number; original?: { cause?: { code?: string }; code?: string } } | null;
  if (e?.code === webApi.ErrorCode.PlatformError) return UNKNOWN_ERRORS.has(platformError(err) ?? '');
  if (e?.code === webApi.ErrorCode.RateLimitedError) return false;
  if (e?.code === webApi.ErrorCode.HTTPError) return (e.statusCode ?? 500) >= 500;
  if (e?.code === webApi.ErrorCode.RequestError) {
    const code = e.original?.cause?.code ?? e.original?.code;
    return !(code && NOT_SENT_CODES.has(code));
  }
  return true;
}

const quiet: webApi.Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => webApi.LogLevel.ERROR,
  setName() {},
};

export interface SlackPublisherOptions {
  /** Per-request timeout of posts (default 30 s): a hung request ends as "outcome unknown". */
  timeoutMs?: number;
  /** 429s waited out per page before giving up (default 5). */
  rateLimitRetries?: number;
}

/** The posting client: the bot's token and API URL, no automatic retry, 429s handed back to us. */
function postingClient(client: webApi.WebClient, o: SlackPublisherOptions): webApi.WebClient {
  return new webApi.WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: o.timeoutMs ?? 30_000,
    logger: quiet,
  });
}

interface Marked {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * Find page `page` of delivery `id` in the channel (page 0) or in its thread (later pages).
 * Reads go through the bot's own client, which may retry them safely.
 */
async function findPage(client: webApi.WebClient, channel: string, id: string, page: number, ref: string | undefined, since: Date): Promise<string | null> {
  const oldest = String(Math.floor(since.getTime() / 1000) - HISTORY_SLACK_S);
  let cursor: string | undefined;
  for (let round = 0; round < 10; round++) {
    let res: { messages?: Marked[]; response_metadata?: { next_cursor?: string } };
    try {
      res =
        page === 0 || !ref
          ? await client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, cursor })
          : await client.conversations.replies({ channel, ts: ref, oldest, limit: 200, include_all_metadata: true, cursor });
    } catch (err) {
      const code = platformError(err);
      if (code) {
        const needed = (err as { data?: { needed?: string } }).data?.needed;
        throw new CannotVerifyError(`cannot check the channel history (${code}${needed ? `: needs ${needed}` : ''})`, { cause: err });
      }
      throw new OutcomeUnknownError(`could not check the channel history: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const hit = res.messages?.find((m) => m.metadata?.event_type === DIGEST_EVENT && m.metadata.event_payload?.delivery_id === id && m.metadata.event_payload?.page === page);
    if (hit?.ts) return hit.ts;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  return null;
}

/** The Publisher for Slack (see the file comment for how it avoids doubles). */
export function slackPublisher(client: webApi.WebClient, o: SlackPublisherOptions = {}): Publisher {
  const poster = postingClient(client, o);
  /** One page: "sending" is recorded before every request; a 429 (Slack did not post) is waited out and sent again. */
  const post = async (args: webApi.ChatPostMessageArguments, page: number, ctx?: PublishContext): Promise<string | undefined> => {
    for (let waited = 0; ; waited++) {
      await ctx?.beforeSend(page);
      try {
        return (await poster.chat.postMessage(args)).ts;
      } catch (err) {
        const e = err as Partial<webApi.WebAPIRateLimitedError>;
        if (e.code !== webApi.ErrorCode.RateLimitedError || waited >= (o.rateLimitRetries ?? 5)) throw err;
        await new Promise((r) => setTimeout(r, Math.min(Math.max(e.retryAfter ?? 1, 0), 60) * 1000));
      }
    }
  };
  return {
    platform: 'slack',
    async publish(channelId: string, view: View, ctx?: PublishContext): Promise<void> {
      const pages = slackPages(view);
      const id = ctx?.deliveryId;
      let threadTs = ctx?.ref;
      for (let i = ctx?.done ?? 0; i < pages.length; i++) {
        if (ctx?.uncertainSince && id && i === ctx.done) {
          const found = await findPage(client, channelId, id, i, threadTs, ctx.uncertainSince);
          if (found) {
            threadTs ??= found;
            await ctx.sent(i, found);
            continue;
          }
          ctx.absent(i);
        }
        const { blocks, text } = renderView(pages[i] as View);
        let ts: string | undefined;
        try {
          ts = await post(
            {
            channel: channelId,
            blocks,
            text,
            thread_ts: i > 0 ? threadTs : undefined,
            unfurl_links: false,
            unfurl_media: false,
            ...(id ? { metadata: { event_type: DIGEST_EVENT, event_payload: { delivery_id: id, page: i } } } : {}),
            },
            i,
            ctx,
          );
        } catch (err) {
          // Not a Web API error: thrown by the run's own hooks (a lost claim); pass it on.
          if (!String((err as { code?: unknown } | null)?.code ?? '').startsWith('slack_')) throw err;
          const code = platformError(err);
          if (code && GONE_ERRORS.has(code)) throw new ChannelGoneError(`Slack channel ${channelId}: ${code}`);
          if (outcomeUnknown(err)) throw new OutcomeUnknownError(`Slack did not confirm the post (${err instanceof Error ? err.message : String(err)})`, { cause: err });
          throw err;
        }
        if (i === 0) threadTs ??= ts;
        await ctx?.sent(i, ts);
      }
    },
  };
}
