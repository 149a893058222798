import { timelineView } from '../src/core/answer/views.js';
import type { CommandSpec } from './command.js';
import { actorText, crisisOption, isoDate, limit } from './options.js';

export default {
  name: 'timeline',
  description: 'The most important dated events, in time order',
  usage: '/timeline [actor:NAME] [from:YYYY-MM-DD] [to:YYYY-MM-DD] [limit:N] [crisis:ID]',
  examples: ['/timeline', '/timeline actor:<name>', '/timeline from:YYYY-MM-DD to:YYYY-MM-DD limit:5'],
  options: [
    { name: 'actor', description: 'Only events involving this actor', type: 'string', autocomplete: 'actor', maxLength: 100, schema: actorText },
    { name: 'from', description: 'First day, YYYY-MM-DD', type: 'string', maxLength: 10, schema: isoDate },
    { name: 'to', description: 'Last day, YYYY-MM-DD', type: 'string', maxLength: 10, schema: isoDate },
    { name: 'limit', description: 'How many events at most (1-100)', type: 'integer', min: 1, max: 100, schema: limit },
    crisisOption,
  ],
  rest: 'actor',
  run(input, ctx) {
    const data = ctx.kb.timeline({
      actor: input.actor as string | undefined,
      from: input.from as string | undefined,
      to: input.to as string | undefined,
      limit: input.limit as number | undefined,
    });
    return { data, view: timelineView(data) };
  },
} satisfies CommandSpec;
