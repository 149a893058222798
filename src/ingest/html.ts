/**
 * The HTML reader: one web page in, article text and metadata out. Used by file ingest (.html) and
 * by feeds (each item's page), so both read pages the same way.
 *
 * Parsing is linkedom (htmlparser2's linear tokenizer: entities decoded, broken markup tolerated);
 * the article is found by @mozilla/readability (Firefox Reader View), which drops navigation,
 * sidebars, bylines and boilerplate by scoring the page's blocks. Scripts, styles, navigation,
 * asides, forms and figure captions are removed before it runs. Metadata comes from og:/article:
 * meta tags, JSON-LD, `<link rel=canonical>` and `<title>`.
 */
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { decodeHTML as DecodeHTML } from 'entities';
import type { parseHTML as ParseHTML } from 'linkedom';
import type { ArticleMeta } from '../core/types.js';

// Loaded on the first page read, not at start-up: a CLI question that reads no HTML should not pay
// for the parser (about 300 ms of module loading). (require() of these ES modules needs Node 20.19+.)
const require = createRequire(import.meta.url);
let libs: { parseHTML: typeof ParseHTML; Readability: typeof ReadabilityClass; decodeHTML: typeof DecodeHTML } | null = null;
function load() {
  libs ??= {
    parseHTML: (require('linkedom') as { parseHTML: typeof ParseHTML }).parseHTML,
    Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
    decodeHTML: (require('entities') as { decodeHTML: typeof DecodeHTML }).decodeHTML,
  };
  return libs;
}

/** What a page gives: text (headline first, then one paragraph per line) and metadata. */
export interface HtmlArticle {
  text: string;
  meta: ArticleMeta & {
    /** `<link rel=canonical>` or og:url, when the page names one. */
    canonical?: string;
  };
}

/**
 * Readability's scoring is not linear in the worst case (it re-reads subtrees and sibling lists), and
 * linkedom's parser is quadratic in nesting depth: above these bounds a page's plain text is used
 * instead, and a page with more tags than MAX_TAGS is refused before it is parsed.
 */
const MAX_NODES = 20_000;
const MAX_DEPTH = 100;
export const MAX_TAGS = 50_000;

/**
 * linkedom makes a DOM node for every character reference and every stray '<' (about 10 µs each), so
 * 2 MB of "&amp;" or "<" would take seconds. Before parsing, references are decoded (by the
 * `entities` library, as htmlparser2 itself does) and the characters that would then read as markup
 * stand in as private-use characters until the text is out: text stays one node per run.
 */
const STAND_IN: Record<string, string> = { '<': '\uE000', '&': '\uE001', '"': '\uE002', "'": '\uE003' };
const shield = (s: string) => s.replace(/[<&"']/g, (c) => STAND_IN[c] as string);

function protect(html: string): string {
  return html
    .replace(/[\uE000-\uE003]/g, '')
    .replace(/&(?:#\d{1,8};?|#x[0-9a-f]{1,8};?|[a-z][a-z0-9]{0,31};?)?/gi, (m) => {
      if (m === '&') return STAND_IN['&'] as string;
      const d = load().decodeHTML(m);
      return d === m ? `${STAND_IN['&']}${m.slice(1)}` : shield(d);
    })
    .replace(/<(?![A-Za-z/!?])/g, STAND_IN['<'] as string);
}

/** The page's own characters back in place of the stand-ins. */
const unprotect = (s: string) => (/[\uE000-\uE003]/.test(s) ? s.replaceAll('\uE000', '<').replaceAll('\uE001', '&').replaceAll('\uE002', '"').replaceAll('\uE003', "'") : s);

/** A page that cannot be read (one line, shown to the user). */
export class HtmlError extends Error {}

/** Elements that never hold article text. Captions are dropped: a caption is not a report. */
const NOISE = 'script,style,noscript,template,nav,aside,footer,form,button,iframe,svg,canvas,select,figcaption,dialog';

/** Elements that end a line of text (a paragraph, list item, heading, row…). */
const BLOCK = new Set(
  'address,article,blockquote,br,dd,div,dl,dt,figure,h1,h2,h3,h4,h5,h6,header,hr,li,main,ol,p,pre,section,table,tbody,thead,tfoot,tr,ul'.split(','),
);

/** The little of linkedom's DOM this module uses (the project compiles without the DOM lib). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface El extends DomNode {
  getAttribute(name: string): string | null;
  remove(): void;
}
interface Doc extends DomNode {
  documentElement: El | null;
  body: El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

/**
 * Text of a DOM subtree: whitespace collapsed as a browser would, a line break at every block
 * boundary. Iterative (an explicit stack), so deeply nested markup cannot overflow the call stack.
 */
export function domText(root: DomNode): string {
  const out: string[] = [];
  const stack: (DomNode | '\n')[] = [root];
  while (stack.length) {
    const n = stack.pop() as DomNode | '\n';
    if (n === '\n') {
      out.push('\n');
      continue;
    }
    if (n.nodeType === 3) {
      out.push((n.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const name = n.nodeName.toLowerCase();
    if (name === 'script' || name === 'style' || name === 'figcaption' || name === 'template') continue;
    const block = BLOCK.has(name);
    if (block) {
      out.push('\n');
      stack.push('\n');
    }
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  return unprotect(out.join(''))
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Node count and depth of a subtree, iteratively. */
function measure(root: DomNode): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop() as [DomNode, number];
    nodes++;
    if (d > depth) depth = d;
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) stack.push([kids[i] as DomNode, d + 1]);
  }
  return { nodes, depth };
}

/** Meta tags by lower-cased property/name (the first of each wins), in one pass. */
function metaTags(doc: Doc): Map<string, string> {
  const m = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !m.has(key)) m.set(key, content);
  }
  return m;
}

/** The first NewsArticle-like object of the page's JSON-LD, if any. */
function jsonLd(doc: Doc): { headline?: string; datePublished?: string; publisher?: string; url?: string } {
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(unprotect(el.textContent ?? ''));
    } catch {
      continue;
    }
    const items = (Array.isArray(data) ? data : [data, ...(((data as { '@graph'?: unknown[] })?.['@graph']) ?? [])]) as Record<string, unknown>[];
    for (const it of items) {
      if (!it || typeof it !== 'object') continue;
      const type = String(it['@type'] ?? '');
      if (!/Article|Posting|Report|BlogPosting/i.test(type)) continue;
      const pub = it.publisher as { name?: unknown } | undefined;
      const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
      return { headline: str(it.headline), datePublished: str(it.datePublished), publisher: str(pub?.name), url: str(it.url) };
    }
  }
  return {};
}

const clean = (s: string | null | undefined) => {
  const t = unprotect(s ?? '').replace(/\s+/g, ' ').trim();
  return t || undefined;
};

/** Drop a trailing " | Outlet" (or " - Outlet") from a document title when it names the outlet. */
function stripSiteSuffix(title: string, site: string | undefined): string {
  if (!site) return title;
  const i = Math.max(title.lastIndexOf(' | '), title.lastIndexOf(' - '), title.lastIndexOf(' – '), title.lastIndexOf(' — '));
  if (i > 0 && title.slice(i + 3).trim().toLowerCase() === site.toLowerCase()) return title.slice(0, i).trim();
  return title;
}

/** http(s) URLs only; anything else (javascript:, data:) is not metadata. */
function httpUrl(s: string | undefined, base?: string): string | undefined {
  if (!s) return undefined;
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Parse a page; a fragment without <html> gets one (linkedom, unlike a browser, adds none). */
function parse(html: string): Doc {
  const whole = /<html[\s>]/i.test(html);
  let doc = load().parseHTML(whole ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as Doc;
  if (doc.documentElement?.nodeName !== 'HTML') doc = load().parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as Doc;
  ensureBody(doc);
  return doc;
}

const HEAD_ONLY = new Set(['TITLE', 'META', 'LINK', 'SCRIPT', 'STYLE', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * A page without a <body> element (or whose content landed in <head>, after a broken tag) gets
 * one holding that content, as a browser would build it; linkedom would hand out an empty body.
 */
function ensureBody(doc: Doc): void {
  const root = doc.documentElement as (El & { children: ArrayLike<El>; appendChild(n: unknown): void }) | null;
  if (!root) return;
  const kids = Array.from(root.children);
  if (kids.some((k) => k.nodeName === 'BODY')) return;
  const body = (doc as unknown as { createElement(n: string): El & { appendChild(n: unknown): void } }).createElement('body');
  for (const k of kids) {
    if (k.nodeName !== 'HEAD') body.appendChild(k);
    else for (const h of Array.from((k as unknown as { childNodes: ArrayLike<DomNode> }).childNodes)) if (!HEAD_ONLY.has(h.nodeName)) body.appendChild(h);
  }
  root.appendChild(body);
}

/**
 * Read one HTML page. `baseUrl` (the page's own address) resolves relative canonical links.
 * Never throws on malformed markup; the text may be empty when the page has none.
 */
export function readHtml(html: string, baseUrl?: string): HtmlArticle {
  html = protect(html);
  let tagCount = 0;
  for (const _ of html.matchAll(/<[A-Za-z]/g)) if (++tagCount > MAX_TAGS) throw new HtmlError(`too much markup (more than ${MAX_TAGS} tags)`);
  const doc = parse(html);
  const tags = metaTags(doc);
  const ld = jsonLd(doc);
  const source = clean(tags.get('og:site_name')) ?? clean(ld.publisher) ?? clean(tags.get('application-name'));
  const docTitle = clean(doc.querySelector('title')?.textContent);
  const title = clean(tags.get('og:title')) ?? clean(tags.get('twitter:title')) ?? clean(ld.headline) ?? (docTitle ? stripSiteSuffix(docTitle, source) : undefined);
  const published =
    clean(tags.get('article:published_time')) ??
    clean(ld.datePublished) ??
    clean(tags.get('date')) ??
    clean(tags.get('pubdate')) ??
    clean(tags.get('dc.date')) ??
    clean(tags.get('datepublished')) ??
    clean(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  const ogUrl = httpUrl(clean(tags.get('og:url')), baseUrl);
  const canonical = httpUrl(clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')), baseUrl) ?? ogUrl;

  for (const el of Array.from(doc.querySelectorAll(NOISE))) el.remove();
  const h1 = clean(doc.querySelector('h1')?.textContent);
  const root: DomNode = doc.body ?? doc.documentElement ?? doc;
  // The page's whole text is the fallback, read before readability rewrites the document.
  const whole = domText(root);
  let body = '';
  const shape = measure(root);
  if (shape.nodes <= MAX_NODES && shape.depth <= MAX_DEPTH) {
    try {
      body = new (load().Readability)<string>(doc as never, { serializer: (n) => domText(n as unknown as DomNode), charThreshold: 200 }).parse()?.content ?? '';
    } catch {
      body = '';
    }
  }
  if (!body.trim()) body = whole;
  // The headline goes first, once: readability usually drops an h1 that repeats the title.
  // An h1 the article kept is its headline; else the title (og:title, <title>) is put first.
  const lines = body.split('\n\n');
  const first = lines[0] && lines[0].length < 500 ? normalize(lines[0]) : '';
  const keptHeadline = first !== '' && (first === normalize(h1 ?? '') || first === normalize(title ?? ''));
  const head = keptHeadline ? undefined : (h1 ?? title);
  const text = [head, ...lines].filter(Boolean).join('\n\n');
  return { text: body.trim() ? text : '', meta: { title, source, published, url: ogUrl ?? canonical, canonical } };
}

/** Folded comparison key for headlines. */
export function normalize(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
