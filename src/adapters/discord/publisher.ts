/** Scheduled digests on Discord: a View posted to a channel through the REST API. */
import { DiscordAPIError, type REST, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { View } from '../../core/answer/view.js';
import { ChannelGoneError, type Publisher } from '../../schedule/publisher.js';
import { renderPages } from './render.js';

/** A scheduled post has no asker to press buttons: each page is its own message, at most this many. */
const MAX_MESSAGES = 5;

/** Discord's answer when the channel was deleted or the bot lost access to it. */
export function isChannelGone(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError &&
    (err.code === RESTJSONErrorCodes.UnknownChannel || err.code === RESTJSONErrorCodes.MissingAccess || err.status === 404)
  );
}

export function createPublisher(rest: REST): Publisher {
  return {
    platform: 'discord',
    async publish(channelId, view: View) {
      const pages = renderPages(view).slice(0, MAX_MESSAGES);
      for (const embeds of pages) {
        try {
          await rest.post(Routes.channelMessages(channelId), { body: { embeds, allowed_mentions: { parse: [] } } });
        } catch (err) {
          if (isChannelGone(err)) {
            const why = err instanceof DiscordAPIError ? `${err.status} ${err.code}: ${err.message}` : String(err);
            throw new ChannelGoneError(`Discord channel ${channelId} is gone or the bot lost access (${why})`);
          }
          throw err;
        }
      }
    },
  };
}
