/**
 * Scheduled digests on Slack: a View posted with chat.postMessage. Long views become a first
 * message plus thread replies (nobody is there to press page buttons at 07:30).
 */
import { webApi } from '@slack/bolt';
import type { View } from '../../core/answer/view.js';
import { ChannelGoneError, type Publisher } from '../../schedule/publisher.js';
import { paginate } from '../shared/paginate.js';
import { renderView, SLACK_PAGE_BUDGET } from './render.js';

/** chat.postMessage errors meaning the channel is gone or the bot can no longer post there. */
export const GONE_ERRORS: ReadonlySet<string> = new Set(['channel_not_found', 'is_archived', 'not_in_channel', 'account_inactive', 'invalid_auth']);

/** The Slack error code of a Web API platform error (`ok: false`), else undefined. */
export function platformError(err: unknown): string | undefined {
  const e = err as Partial<webApi.WebAPIPlatformError> | null;
  return e?.code === webApi.ErrorCode.PlatformError ? e.data?.error : undefined;
}

/**
 * The Publisher for Slack. Rate limits and 5xx are retried by the WebClient (retryConfig,
 * rejectRateLimitedCalls false); channel-gone errors become ChannelGoneError, others are rethrown.
 */
export function slackPublisher(client: webApi.WebClient): Publisher {
  return {
    platform: 'slack',
    async publish(channelId: string, view: View): Promise<void> {
      const pages = paginate(view, SLACK_PAGE_BUDGET);
      let threadTs: string | undefined;
      for (const page of pages) {
        const { blocks, text } = renderView(page);
        try {
          const res = await client.chat.postMessage({
            channel: channelId,
            blocks,
            text,
            thread_ts: threadTs,
            unfurl_links: false,
            unfurl_media: false,
          });
          threadTs ??= res.ts;
        } catch (err) {
          const code = platformError(err);
          if (code && GONE_ERRORS.has(code)) throw new ChannelGoneError(`Slack channel ${channelId}: ${code}`);
          throw err;
        }
      }
    },
  };
}
