/** The terminal's Publisher: a scheduled digest is printed as the terminal chat prints replies. */
import { viewToText } from '../adapters/shared/text.js';
import type { Publisher } from './publisher.js';

export function terminalPublisher(write: (text: string) => void): Publisher {
  return {
    platform: 'terminal',
    async publish(channelId, view) {
      write(`[scheduled digest for #${channelId}]\n${viewToText(view)}\n`);
    },
  };
}
