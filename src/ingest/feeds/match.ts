/**
 * What makes two items the same story (a canonical URL, a content key) and whether an article
 * concerns the crisis (it names the arena, a side, a side's leader or a proper-name alias).
 */
import { createHash } from 'node:crypto';
import type { Gazetteer } from '../../core/read/gazetteer.js';
import { escapeRegExp, fold } from '../../core/text.js';
import type { CrisisConfig } from '../../core/types.js';

/** Query parameters that only track where a reader came from. */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|smid|at_medium|at_campaign)$/i;

/**
 * A URL reduced to what identifies the page: lower-case host without "www." and default port, no
 * fragment, no tracking parameters, the rest sorted, no trailing slash. Not a URL to fetch.
 */
export function urlKey(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw.trim();
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const port = u.port && !((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) ? `:${u.port}` : '';
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.replace(/\/+$/, '') || '/';
  return `${host}${port}${path}${query}`;
}

/** A key for the story's text: its paragraphs folded (case, accents, quotes, spacing), the headline left out. */
export function contentKey(text: string): string {
  const body = text.split(/\n\s*\n/).slice(1).join('\n');
  const norm = fold(body || text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(norm).digest('hex');
}


/**
 * A test of whether a text concerns the crisis: a mention of the arena (its names, demonyms and
 * capital, from the world gazetteer), of a side by a proper-name alias, or of a side's leader.
 * Lower-case aliases ("the junta", "elected government") are left out: every coup has a junta.
 */
export function relevance(crisis: CrisisConfig, gazetteer: Gazetteer): (text: string) => boolean {
  const terms = new Set<string>();
  for (const a of crisis.arena ?? []) {
    terms.add(a);
    const id = gazetteer.lookup(a);
    if (id) for (const n of gazetteer.aliasesOf(id)) terms.add(n);
  }
  for (const s of crisis.sides) {
    if (s.leader) terms.add(s.leader);
    for (const a of s.aliases) if (/\p{Lu}/u.test(a)) terms.add(a);
  }
  const words = [...terms].map((t) => fold(t).trim()).filter((t) => t.length >= 3);
  if (words.length === 0) return () => true;
  // Longest first, so a name wins over its prefix; one pass over the text.
  words.sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  return (text: string) => re.test(fold(text));
}
