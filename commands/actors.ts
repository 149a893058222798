import { actorsView } from '../src/core/answer/views.js';
import type { CommandSpec } from './command.js';
import { crisisOption } from './options.js';

export default {
  name: 'actors',
  description: 'Everyone the corpus names, grouped by side',
  usage: '/actors [crisis:ID]',
  options: [crisisOption],
  run(_input, ctx) {
    const data = ctx.kb.actors();
    return { data, view: actorsView(data, ctx.kb.crisis) };
  },
} satisfies CommandSpec;
