/** The terminal's Publisher: a scheduled digest is printed as the terminal chat prints replies. */
import { viewToText } from '../adapters/shared/text.js';
import { CannotVerifyError, type Publisher } from './publisher.js';

export function terminalPublisher(write: (text: string) => void): Publisher {
  return {
    platform: 'terminal',
    async publish(channelId, view, ctx) {
      // A print interrupted by a crash cannot be looked up afterwards.
      if (ctx?.uncertainSince) throw new CannotVerifyError('the terminal cannot tell whether an interrupted digest was printed');
      await ctx?.beforeSend(0);
      write(`[scheduled digest for #${channelId}]\n${viewToText(view)}\n`);
      await ctx?.sent(0);
    },
  };
}
