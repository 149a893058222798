import { askView } from '../src/core/answer/views.js';
import type { CommandSpec } from './command.js';
import { crisisOption, freeText } from './options.js';

export default {
  name: 'ask',
  description: 'A free question, answered from the corpus with citations',
  usage: '/ask <question> [crisis:ID]',
  examples: ['/ask How many people have died?', '/ask Who called it a coup?'],
  options: [{ name: 'question', description: 'Your question', type: 'string', required: true, maxLength: 500, schema: freeText }, crisisOption],
  rest: 'question',
  slow: true,
  async run(input, ctx) {
    const data = await ctx.kb.ask(input.question as string);
    return { data, view: askView(data) };
  },
} satisfies CommandSpec;
