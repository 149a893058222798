/**
 * Reads an article file (.txt, .md, .html) into text plus metadata from front matter or HTML meta
 * tags. Every failure is a one-line message naming the file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ArticleMeta } from '../core/types.js';
import { frontMatter, stripMarkdown } from './markdown.js';
import { LIMITS, safeName } from './prepare.js';

export const MAX_BYTES = LIMITS.fileBytes;

export type { ArticleMeta };

export interface Article {
  path: string;
  text: string;
  meta: ArticleMeta;
}

export class IngestError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function htmlToText(html: string): { meta: ArticleMeta; text: string } {
  const metaTag = (prop: string) =>
    new RegExp(`<meta[^>]+(?:property|name)=["']${prop}["'][^>]*content=["']([^"']*)["']`, 'i').exec(html)?.[1] ??
    new RegExp(`<meta[^>]+content=["']([^"']*)["'][^>]*(?:property|name)=["']${prop}["']`, 'i').exec(html)?.[1];
  const title = metaTag('og:title') ?? /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const meta: ArticleMeta = {
    title: title ? decodeEntities(title.trim()) : undefined,
    source: metaTag('og:site_name'),
    published: metaTag('article:published_time') ?? metaTag('date'),
    url: metaTag('og:url'),
  };
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  let body = html
    .replace(/<(script|style|noscript|template|nav|header|footer|aside)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<figcaption\b[\s\S]*?<\/figcaption>/gi, ' ')
    .replace(/<h1[^>]*>[\s\S]*?<\/h1>/i, ' ')
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/blockquote|\/section|\/article|p|h[1-6]|li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  body = decodeEntities(body);
  const head = decodeEntities((h1 ?? meta.title ?? '').replace(/<[^>]+>/g, '').trim());
  return { meta, text: `${head}\n\n${body}` };
}

/** Read and decode one file; throws IngestError with a one-line reason. */
export function readArticle(path: string): Article {
  const name = safeName(basename(path));
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new IngestError(`${name}: not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(`${name}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size === 0) throw new IngestError(`${name}: empty file`);
  if (size > MAX_BYTES) throw new IngestError(`${name}: too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB)`);
  const ext = extname(path).toLowerCase();
  if (!['.txt', '.md', '.markdown', '.html', '.htm'].includes(ext)) throw new IngestError(`${name}: unsupported file type "${ext || 'none'}" (use .txt, .md or .html)`);
  const buf = readFileSync(path);
  if (buf.includes(0)) throw new IngestError(`${name}: binary file, not text`);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new IngestError(`${name}: not valid UTF-8 text`);
  }
  const fm = frontMatter(raw);
  let text = fm.body;
  let meta = fm.meta;
  if (ext === '.html' || ext === '.htm') {
    const h = htmlToText(fm.body);
    text = h.text;
    meta = { ...h.meta, ...Object.fromEntries(Object.entries(fm.meta).filter(([, v]) => v)) };
  } else if (ext === '.md' || ext === '.markdown') {
    text = stripMarkdown(text);
  }
  if (!text.trim()) throw new IngestError(`${name}: no text after removing markup`);
  return { path, text, meta };
}

/** Expand paths: files as given, folders to their article files (sorted). Missing paths are errors. */
export function collectFiles(paths: string[]): { path: string; ok: boolean; error?: string }[] {
  const out: { path: string; ok: boolean; error?: string }[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      out.push({ path: p, ok: false, error: `${safeName(basename(p))}: no such file or folder` });
      continue;
    }
    if (st.isDirectory()) {
      for (const f of readdirSync(p).sort()) if (/\.(txt|md|markdown|html?)$/i.test(f)) out.push({ path: join(p, f), ok: true });
    } else out.push({ path: p, ok: true });
  }
  return out;
}
