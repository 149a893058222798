import { stanceView } from '../src/core/answer/views.js';
import type { CommandSpec } from './command.js';
import { actorText, crisisOption } from './options.js';

export default {
  name: 'stance',
  description: "An actor's position in the crisis, with verbatim evidence",
  usage: '/stance <actor> [crisis:ID]',
  examples: ['/stance <country>', '/stance <person>', '/stance the <seat of power>'],
  options: [
    { name: 'actor', description: 'A country, organisation or person', type: 'string', required: true, autocomplete: 'actor', maxLength: 100, schema: actorText },
    crisisOption,
  ],
  rest: 'actor',
  run(input, ctx) {
    const data = ctx.kb.stance(input.actor as string);
    return { data, view: stanceView(data, ctx.kb.crisis) };
  },
} satisfies CommandSpec;
