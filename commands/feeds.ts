import { errorView, type Problem, type View } from '../src/core/answer/view.js';
import { FeedError } from '../src/ingest/feeds/errors.js';
import type { FeedRow } from '../src/store/feeds.js';
import type { CommandContext, CommandSpec, FeedPort } from './command.js';
import { crisisOption, feedUrl } from './options.js';

function info(title: string, text: string, ephemeral = true): View {
  return { kind: 'info', title, accent: { kind: 'info' }, blocks: [{ type: 'text', text }], ephemeral };
}

/** The feed as scripts read it (`briefing feed list --json`). */
export function feedData(f: FeedRow) {
  return { url: f.url, crisis: f.crisis, lastPolledAt: f.lastPolledAt, lastOkAt: f.lastOkAt, lastError: f.lastError, articles: f.articles };
}

/** One line of status; URLs are shown as code so chat platforms do not unfurl or link them. */
function statusLine(f: FeedRow): string {
  const parts = [`\`${f.url}\``, `${f.articles} article${f.articles === 1 ? '' : 's'} added`];
  parts.push(f.lastOkAt ? `last success ${f.lastOkAt.slice(0, 16).replace('T', ' ')} UTC` : f.lastPolledAt ? 'no successful poll yet' : 'not polled yet');
  if (f.lastError) parts.push(`last error: ${f.lastError}${f.failures > 1 ? ` (${f.failures} failures in a row)` : ''}`);
  return parts.join(' · ');
}

function service(ctx: CommandContext) {
  if (!ctx.feeds) throw new Error('feeds are not available on this surface');
  return ctx.feeds;
}

export default {
  name: 'feeds',
  description: 'Feeds (RSS, Atom, JSON Feed) the corpus follows',
  usage: '/feeds [list | add url:URL | remove url:URL]',
  examples: ['/feeds add https://example.org/world/rss.xml', '/feeds list', '/feeds remove https://example.org/world/rss.xml'],
  options: [],
  subcommands: [
    {
      name: 'list',
      description: 'The feeds followed, with their last success, last error and articles added',
      options: [crisisOption],
      run(_input, ctx) {
        const feeds = service(ctx).list();
        return {
          data: { feeds: feeds.map(feedData) },
          view: feeds.length
            ? { kind: 'info', title: `Following ${feeds.length} feed${feeds.length === 1 ? '' : 's'}`, accent: { kind: 'info' }, blocks: feeds.map((f) => ({ type: 'text' as const, text: statusLine(f) })), ephemeral: true }
            : info('No feeds', 'The corpus follows no feeds. Add one with `/feeds add https://example.org/rss.xml`.'),
        };
      },
    },
    {
      name: 'add',
      description: 'Follow a feed: its new articles about the crisis are added on a schedule',
      manage: true,
      options: [{ name: 'url', description: 'The feed URL (http or https)', type: 'string', required: true, maxLength: 2000, schema: feedUrl }, crisisOption],
      async run(input, ctx) {
        let r: Awaited<ReturnType<FeedPort['add']>>;
        try {
          r = await service(ctx).add(input.url as string, ctx.userId);
        } catch (err) {
          if (!(err instanceof FeedError)) throw err;
          const p: Problem = { code: 'bad_option', message: `Cannot follow that feed: ${err.message}.`, hint: 'Give the http or https address of an RSS, Atom or JSON feed on a public site.' };
          return { view: errorView(p), data: { error: p } };
        }
        return {
          data: { added: r.added, feed: feedData(r.feed) },
          view: r.added
            ? info('Feed added', `Following \`${r.feed.url}\` for ${ctx.kb.crisis.name}. Its new articles about the crisis are added within a few minutes; \`/feeds list\` shows how it goes.`, false)
            : info('Already followed', `\`${r.feed.url}\` is already followed. ${statusLine(r.feed)}`),
        };
      },
    },
    {
      name: 'remove',
      description: 'Stop following a feed (its articles stay in the corpus)',
      manage: true,
      options: [{ name: 'url', description: 'The feed URL, as `/feeds list` shows it', type: 'string', required: true, maxLength: 2000, schema: feedUrl }, crisisOption],
      run(input, ctx) {
        const removed = service(ctx).remove(input.url as string);
        return {
          data: { removed },
          view: removed ? info('Feed removed', `No longer following \`${input.url as string}\`. Its articles stay in the corpus.`, false) : info('Not followed', `\`${input.url as string}\` is not followed. \`/feeds list\` shows the feeds.`),
        };
      },
    },
  ],
} satisfies CommandSpec;
