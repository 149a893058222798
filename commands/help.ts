import type { View } from '../src/core/answer/view.js';
import type { CommandSpec } from './command.js';

/** /help is built from the command list itself, so it can never drift from what exists. */
export function makeHelp(all: () => readonly CommandSpec[]): CommandSpec {
  return {
    name: 'help',
    description: 'What this bot can do',
    usage: '/help',
    options: [],
    run(_input, ctx) {
      const list = all();
      // Examples name actors of this corpus, so help fits whatever crisis is loaded.
      const known = ctx.kb
        .actors()
        .filter((a) => a.kind !== 'person' && a.alignment)
        .slice(0, 3)
        .map((a) => a.name);
      const examples = (c: CommandSpec) => (c.name === 'stance' && known.length ? known.map((n) => `/stance ${n}`) : (c.examples ?? []));
      const blocks: View['blocks'] = list.map((c) => ({
        type: 'text' as const,
        text: `${c.usage} — ${c.description}${examples(c).length ? `\n  e.g. ${examples(c).join(' · ')}` : ''}`,
      }));
      blocks.push({
        type: 'text',
        text: 'Options are typed as key:value (for example `limit:5`); free text after them goes to the main option. Every answer quotes the corpus verbatim and names its source.',
      });
      const crisis = ctx.kb.crisis;
      return {
        data: list.map((c) => ({ name: c.name, usage: c.usage, description: c.description })),
        view: {
          kind: 'help',
          title: `crisis-briefing — ${crisis.name}`,
          accent: { kind: 'info' },
          lead: `Sides: ${crisis.sides.map((s) => s.label).join(' · ')}`,
          blocks,
          ephemeral: true,
        },
      };
    },
  };
}
