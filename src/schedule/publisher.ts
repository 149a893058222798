/** The port through which scheduled digests are posted; each chat adapter implements it. */
import type { Platform } from '../../commands/command.js';
import type { View } from '../core/answer/view.js';

export interface Publisher {
  platform: Platform;
  /** Post a view in a channel. Throws ChannelGoneError when the channel no longer exists or the bot was removed. */
  publish(channelId: string, view: View): Promise<void>;
}

/** The channel is gone or the bot can no longer post there: disable the subscription, do not retry. */
export class ChannelGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelGoneError';
  }
}
