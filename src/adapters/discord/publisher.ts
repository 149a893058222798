/**
 * Scheduled digests on Discord: a View posted to a channel through the REST API.
 *
 * Exactly once, as far as Discord allows: each message carries a nonce derived from the delivery
 * id and its page, with `enforce_nonce: true`, so Discord returns the message already created with
 * that nonce instead of creating a second one. Discord keeps nonces for "a few minutes" only, so a
 * page whose earlier request may have arrived is re-sent only while that request is younger than
 * NONCE_WINDOW_MS; after that it is reported (CannotVerifyError), never re-posted.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DiscordAPIError, type REST, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { View } from '../../core/answer/view.js';
import { CannotVerifyError, ChannelGoneError, OutcomeUnknownError, type PublishContext, type Publisher } from '../../schedule/publisher.js';
import { digestMessages } from './digest.js';
import { renderPages } from './render.js';

/** A scheduled post has no asker to press buttons: each page is its own message, at most this many. */
const MAX_MESSAGES = 5;

/** How long after a request a re-send with its nonce is trusted to be deduplicated (Discord: "a few minutes"). */
export const NONCE_WINDOW_MS = 2 * 60_000;

/** Immediate re-sends (same nonce) of a page whose answer was lost, before the run gives up on it. */
const RESENDS = 2;

/** Discord's answer when the channel was deleted or the bot lost access to it. */
export function isChannelGone(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError &&
    (err.code === RESTJSONErrorCodes.UnknownChannel || err.code === RESTJSONErrorCodes.MissingAccess || err.status === 404)
  );
}

/** The nonce of page `page` of a delivery: stable across attempts and processes, at most 25 characters. */
export function digestNonce(deliveryId: string, page: number): string {
  return createHash('sha256').update(`${deliveryId}#${page}`).digest('base64url').slice(0, 25);
}

export interface DiscordPublisherOptions {
  /** Override NONCE_WINDOW_MS (tests). */
  nonceWindowMs?: number;
  /** Pause before an immediate re-send (default 1 s, doubled each time). */
  resendDelayMs?: number;
}

export function createPublisher(rest: REST, o: DiscordPublisherOptions = {}): Publisher {
  const windowMs = o.nonceWindowMs ?? NONCE_WINDOW_MS;
  return {
    platform: 'discord',
    async publish(channelId, view: View, ctx?: PublishContext) {
      // A digest is posted whole (one message unless it cannot fit); other views page by page.
      const pages = view.kind === 'digest' ? digestMessages(view) : renderPages(view).slice(0, MAX_MESSAGES);
      const id = ctx?.deliveryId ?? randomUUID();
      for (let i = ctx?.done ?? 0; i < pages.length; i++) {
        const embeds = pages[i];
        // The first request that may have created this page: re-sends are safe only inside its nonce window.
        let firstSent = i === ctx?.done ? ctx.uncertainSince : undefined;
        let ref: string | undefined;
        for (let attempt = 0; ; attempt++) {
          const now = ctx?.now() ?? new Date();
          if (firstSent && now.getTime() - firstSent.getTime() > windowMs) {
            throw new CannotVerifyError(`a post to Discord channel ${channelId} was interrupted more than ${Math.round(windowMs / 1000)} s ago; Discord no longer deduplicates it`);
          }
          await ctx?.beforeSend(i);
          firstSent ??= now;
          try {
            const msg = (await rest.post(Routes.channelMessages(channelId), {
              body: { embeds, allowed_mentions: { parse: [] }, nonce: digestNonce(id, i), enforce_nonce: true },
            })) as { id?: string } | null;
            ref = msg?.id;
            break;
          } catch (err) {
            if (isChannelGone(err)) {
              const why = err instanceof DiscordAPIError ? `${err.status} ${err.code}: ${err.message}` : String(err);
              throw new ChannelGoneError(`Discord channel ${channelId} is gone or the bot lost access (${why})`);
            }
            // A 4xx answer proves this request posted nothing; an earlier one in doubt still may have.
            const unknown = !(err instanceof DiscordAPIError) || attempt > 0 || Boolean(ctx?.uncertainSince && i === ctx.done);
            if (!unknown) throw err;
            if (err instanceof DiscordAPIError || attempt >= RESENDS) {
              throw new OutcomeUnknownError(`Discord did not confirm the post (${err instanceof Error ? err.message : String(err)})`, { cause: err });
            }
            await new Promise((r) => setTimeout(r, (o.resendDelayMs ?? 1000) * 2 ** attempt));
          }
        }
        await ctx?.sent(i, ref);
      }
    },
  };
}
