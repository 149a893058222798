/** /crisis: the crises this deployment follows, and which one a channel answers from. */
import { errorView, type Problem, type View } from '../src/core/answer/view.js';
import type { CommandContext, CommandSpec, CrisisPort, CrisisSummary } from './command.js';
import { crisisId } from './options.js';

function info(title: string, text: string, ephemeral = true): View {
  return { kind: 'info', title, accent: { kind: 'info' }, blocks: [{ type: 'text', text }], ephemeral };
}

function port(ctx: CommandContext): CrisisPort {
  if (!ctx.crises) throw new Error('crises are not available on this surface');
  return ctx.crises;
}

/** A crisis id nobody knows: the problem names the crises there are (localized: /crisis list). */
export function unknownCrisis(id: string, ctx: CommandContext): Problem {
  const known = ctx.crises?.list().map((c) => c.id) ?? [ctx.kb.crisis.id];
  return { code: 'bad_option', message: `No crisis "${id}".`, hint: `Crises: ${known.join(', ')}. See /crisis list.` };
}

/** The crisis as scripts read it (`briefing crisis list --json`). */
export function crisisData(c: CrisisSummary) {
  return { id: c.id, name: c.name, articles: c.articles, feeds: c.feeds, lastIngestedAt: c.lastIngestedAt, default: c.isDefault };
}

function line(c: CrisisSummary, current: string): string {
  const parts = [`\`${c.id}\` ${c.name}`, `${c.articles} article${c.articles === 1 ? '' : 's'}`, `${c.feeds} feed${c.feeds === 1 ? '' : 's'}`];
  parts.push(c.lastIngestedAt ? `updated ${c.lastIngestedAt.slice(0, 16).replace('T', ' ')} UTC` : 'no articles yet');
  const marks = [c.id === current ? 'this channel' : '', c.isDefault ? 'default' : ''].filter(Boolean);
  return `${parts.join(' · ')}${marks.length ? ` (${marks.join(', ')})` : ''}`;
}

export default {
  name: 'crisis',
  description: 'The crises followed here, and which one this channel answers from',
  usage: '/crisis [list | use id:ID]',
  examples: ['/crisis list', '/crisis use id:<crisis id>'],
  options: [],
  subcommands: [
    {
      name: 'list',
      description: 'Every crisis, with its articles, feeds and last update',
      options: [],
      run(_input, ctx) {
        const p = port(ctx);
        const crises = p.list();
        const current = p.current(ctx.platform, ctx.channelId);
        return {
          data: { crises: crises.map(crisisData), current },
          view: {
            kind: 'info',
            title: `${crises.length} cris${crises.length === 1 ? 'is' : 'es'}`,
            accent: { kind: 'info' },
            blocks: [
              ...crises.map((c) => ({ type: 'text' as const, text: line(c, current) })),
              { type: 'text' as const, text: 'Questions here answer from the crisis marked "this channel". `/crisis use id:ID` changes it; any question also takes `crisis:ID`.' },
            ],
            ephemeral: true,
          },
        };
      },
    },
    {
      name: 'use',
      description: 'Answer questions in this channel from another crisis',
      manage: true,
      options: [{ name: 'id', description: 'The crisis id, as /crisis list shows it', type: 'string', required: true, autocomplete: 'crisis', maxLength: 64, schema: crisisId }],
      run(input, ctx) {
        const p = port(ctx);
        const c = p.use(ctx.platform, ctx.channelId, input.id as string, ctx.userId);
        if (!c) {
          const problem = unknownCrisis(input.id as string, ctx);
          return { data: { error: problem }, view: errorView(problem) };
        }
        return {
          data: { crisis: crisisData(c) },
          view: info('Crisis set', `This channel now answers from ${c.name} (\`${c.id}\`, ${c.articles} article${c.articles === 1 ? '' : 's'}). A digest subscribed earlier keeps its crisis; subscribe again to change it.`, false),
        };
      },
    },
  ],
} satisfies CommandSpec;
