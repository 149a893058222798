/**
 * Feed documents to items: RSS 2.0 (and RSS 1.0/RDF), Atom, and JSON Feed. XML goes through
 * fast-xml-parser (validated first, so a malformed feed is one clear error); its entity processing
 * is off (no DOCTYPE expansion) and text is decoded by the `entities` library instead. JSON Feed is
 * JSON.parse plus a zod schema.
 */
import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

/** One item of a feed, as the feed describes it. */
export interface FeedItem {
  title?: string;
  /** The item's web page. */
  url?: string;
  /** ISO 8601, when the feed dates the item. */
  published?: string;
  /** The outlet, when the feed names one for the item (RSS <source>, an aggregator's original). */
  outlet?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json';
  title?: string;
  items: FeedItem[];
}

export class FeedParseError extends Error {}

const jsonFeed = z.object({
  version: z.string().startsWith('https://jsonfeed.org/version/'),
  title: z.string().optional(),
  items: z.array(
    z.looseObject({
      id: z.union([z.string(), z.number()]).optional(),
      url: z.string().optional(),
      external_url: z.string().optional(),
      title: z.string().optional(),
      date_published: z.string().optional(),
      date_modified: z.string().optional(),
    }),
  ),
});

/** Text of a parsed XML node: a string, a number, or {#text} (with attributes); tags and entities removed. */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Record<string, unknown>)['#text']);
  // Once for XML; titles are often escaped HTML ("&amp;amp;", "&lt;b&gt;"), so HTML once more when they look it.
  let s = decodeHTML(String(v).replace(/<[^>]*>/g, ' '));
  if (/&(?:[a-z]+|#\d+|#x[0-9a-f]+);|<\/?[a-z][^>]*>/i.test(s)) s = decodeHTML(s.replace(/<\/?[a-z][^>]*>/gi, ' '));
  s = s.replace(/\s+/g, ' ').trim();
  return s || undefined;
}

function isoDate(v: unknown): string | undefined {
  const s = text(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

type Node = Record<string, unknown>;

function atomLink(links: unknown): string | undefined {
  const all = asArray(links as Node | Node[]).filter((l) => l && typeof l === 'object');
  const pick = all.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? all[0];
  return typeof pick?.['@href'] === 'string' ? (pick['@href'] as string).trim() : text(links);
}

/** Parse a feed document. Throws FeedParseError with a one-line reason. */
export function parseFeed(body: string, baseUrl?: string): ParsedFeed {
  const trimmed = body.trimStart();
  const resolve = (u: string | undefined) => {
    if (!u) return undefined;
    try {
      return new URL(u, baseUrl).href;
    } catch {
      return undefined;
    }
  };
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (err) {
      throw new FeedParseError(`malformed JSON: ${(err as Error).message.split('\n')[0]}`);
    }
    const parsed = jsonFeed.safeParse(data);
    if (!parsed.success) throw new FeedParseError(`not a JSON Feed: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
    return {
      format: 'json',
      title: parsed.data.title,
      items: parsed.data.items.map((i) => ({
        title: i.title ? text(i.title) : undefined,
        url: resolve(i.url ?? i.external_url),
        published: isoDate(i.date_published ?? i.date_modified),
      })),
    };
  }
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) throw new FeedParseError(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  }).parse(trimmed) as Node;
  const rss = doc.rss as Node | undefined;
  const rdf = doc.RDF as Node | undefined;
  if (rss || rdf) {
    const channel: Node = (rss ? asArray<Node>(rss.channel as Node)[0] : (rdf?.channel as Node | undefined)) ?? ({} as Node);
    const items = asArray((rss ? channel.item : rdf?.item) as Node[] | undefined);
    return {
      format: 'rss',
      title: text(channel.title),
      items: items.map((i) => {
        const guid = i.guid as Node | string | undefined;
        const guidUrl = typeof guid === 'object' && guid?.['@isPermaLink'] !== 'false' ? text(guid) : typeof guid === 'string' ? guid : undefined;
        return {
          title: text(i.title),
          url: resolve(text(i.link) ?? (guidUrl && /^https?:/i.test(guidUrl) ? guidUrl : undefined)),
          published: isoDate(i.pubDate ?? i.date ?? i.published ?? i.updated),
          outlet: text(i.source),
        };
      }),
    };
  }
  const feed = doc.feed as Node | undefined;
  if (feed) {
    return {
      format: 'atom',
      title: text(feed.title),
      items: asArray(feed.entry as Node[] | undefined).map((e) => ({
        title: text(e.title),
        url: resolve(atomLink(e.link)),
        published: isoDate(e.published ?? e.updated ?? e.date),
        outlet: text((e.source as Node | undefined)?.title),
      })),
    };
  }
  throw new FeedParseError('not a feed (no RSS channel, Atom feed or JSON Feed)');
}
