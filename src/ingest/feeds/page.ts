/**
 * One web page as an article, for `briefing ingest <url>`: fetched under the same policy as feed
 * items (http(s) only, no private addresses, a deadline, a size cap, a redirect limit) and read by
 * the same HTML reader, with the page's own title, outlet, date and canonical URL as metadata.
 */
import type { IncomingArticle } from '../../core/briefing.js';
import { HtmlError, readHtml } from '../html.js';
import { MAX_BYTES, withHeadline } from '../read.js';
import { FetchError, type FetchPolicy, fetchText } from './fetch.js';

/** A page that cannot be ingested; the message is one line for the user. */
export class PageError extends Error {}

/** Whether a CLI argument is a web address rather than a file. */
export const isWebAddress = (s: string): boolean => /^https?:\/\//i.test(s.trim());

/**
 * Fetch and read a page. `flags` (title, source, published, timezone, url from the command line)
 * win over what the page says.
 */
export async function fetchArticle(url: string, policy: FetchPolicy, flags: Partial<Record<'title' | 'source' | 'published' | 'timezone' | 'url', string>> = {}): Promise<IncomingArticle> {
  let page: Awaited<ReturnType<typeof fetchText>>;
  let read: ReturnType<typeof readHtml>;
  try {
    page = await fetchText(url, { ...policy, maxBytes: Math.min(policy.maxBytes, MAX_BYTES) }, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' });
    if (page.contentType && !/html|xml|text\/plain/i.test(page.contentType)) throw new PageError(`not a web page (${page.contentType.split(';')[0]})`);
    read = readHtml(page.body, page.url);
  } catch (err) {
    if (err instanceof FetchError || err instanceof HtmlError || err instanceof PageError) throw new PageError(err.message);
    throw err;
  }
  if (!read.text.trim()) throw new PageError('no article text on the page');
  const title = flags.title ?? read.meta.title;
  const published = flags.published ?? read.meta.published;
  if (!published) throw new PageError('no publication date on the page (give --published YYYY-MM-DD)');
  return {
    ...read.meta,
    text: withHeadline(read.text, title),
    title,
    source: flags.source ?? read.meta.source ?? new URL(page.url).hostname,
    published,
    timezone: flags.timezone ?? read.meta.timezone,
    url: flags.url ?? read.meta.canonical ?? page.url,
    path: url,
  };
}
