import { sourcesView } from '../src/core/answer/views.js';
import type { CommandSpec } from './command.js';
import { crisisOption } from './options.js';

export default {
  name: 'sources',
  description: 'The articles in the corpus',
  usage: '/sources [crisis:ID]',
  options: [crisisOption],
  run(_input, ctx) {
    const data = ctx.kb.sources();
    return { data, view: sourcesView(data) };
  },
} satisfies CommandSpec;
