/**
 * Reads an article file (.txt, .md, .html) into text plus metadata from front matter or HTML meta
 * tags. Every failure is a one-line message naming the file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ArticleMeta } from '../core/types.js';
import { type HtmlArticle, HtmlError, normalize, readHtml } from './html.js';
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

/**
 * Put the title first when the text does not open with a headline. The segmenter reads an
 * article's first line as its headline, so a body that starts with its lede (the title given in
 * front matter, the manifest or a feed) would otherwise lose its most important sentence.
 */
export function withHeadline(text: string, title: string | undefined): string {
  const t = title?.replace(/\s+/g, ' ').trim();
  if (!t) return text;
  const body = text.replace(/^\s+/, '');
  const first = (body.split('\n', 1)[0] ?? '').trim();
  if (!first) return t;
  if (first.length < 500 && normalize(first.replace(/^#{1,6}\s+/, '')) === normalize(t)) return text;
  // A short line without a sentence's closing punctuation is a headline already (another wording).
  if (first.split(/\s+/).length <= 25 && !/[.!?:;,"”’)]$/.test(first)) return text;
  return `${t}\n\n${body}`;
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
    let h: HtmlArticle;
    try {
      h = readHtml(fm.body);
    } catch (err) {
      if (err instanceof HtmlError) throw new IngestError(`${name}: ${err.message}`);
      throw err;
    }
    text = h.text;
    const { canonical: _c, ...hmeta } = h.meta;
    meta = { ...hmeta, ...Object.fromEntries(Object.entries(fm.meta).filter(([, v]) => v)) };
  } else if (ext === '.md' || ext === '.markdown') {
    text = stripMarkdown(text);
  }
  if (!text.trim()) throw new IngestError(`${name}: no text after removing markup`);
  return { path, text: withHeadline(text, meta.title), meta };
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
