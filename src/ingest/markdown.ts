/**
 * Front matter and Markdown to plain text, in one linear pass each. Regexes like
 * /\[([^\]]+)\]\([^)]*\)/ restart at every "[" and rescan to the end of the text when no "]"
 * follows, which is quadratic on a run of "["; these scanners remember the next "]" and ")" instead.
 */
import type { ArticleMeta } from '../core/types.js';

/** Front matter between a first line "---" and the next line "---"; keys are case-insensitive. */
export function frontMatter(text: string): { meta: ArticleMeta; body: string } {
  const open = /^---\r?\n/.exec(text);
  if (!open) return { meta: {}, body: text };
  // The closing line: "\n---" followed by a line end or the end of the text.
  let from = open[0].length - 1;
  let end = -1;
  let bodyAt = -1;
  for (;;) {
    const i = text.indexOf('\n---', from);
    if (i < 0) break;
    const after = i + 4;
    if (after === text.length || text[after] === '\n' || (text[after] === '\r' && text[after + 1] === '\n')) {
      end = i;
      bodyAt = after === text.length ? after : text[after] === '\n' ? after + 1 : after + 2;
      break;
    }
    from = after;
  }
  if (end < 0) return { meta: {}, body: text };
  const block = text.slice(open[0].length, end > 0 && text[end - 1] === '\r' ? end - 1 : end);
  const meta: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 40) continue;
    const key = line.slice(0, colon).trim();
    if (!/^[A-Za-z_]+$/.test(key)) continue;
    let v = line.slice(colon + 1).trim();
    if (v.length >= 1 && (v[0] === '"' || v[0] === "'")) v = v.slice(1);
    if (v.length >= 1 && (v.endsWith('"') || v.endsWith("'"))) v = v.slice(0, -1);
    meta[key.toLowerCase()] = v;
  }
  return {
    meta: { id: meta.id, title: meta.title, source: meta.source ?? meta.outlet, published: meta.published ?? meta.date, timezone: meta.timezone, url: meta.url },
    body: text.slice(bodyAt),
  };
}

/**
 * Markdown to text: heading marks, bold/underline markers (`**`, `__`) and images go; links keep
 * their text. Linear: each search for a closing "]" or ")" is cached and reused by later openers.
 */
export function stripMarkdown(md: string): string {
  const out: string[] = [];
  let nextClose = -2; // index of the next "]" at or after the search point (-1: none)
  let nextParen = -2;
  const closeAfter = (i: number) => {
    if (nextClose === -1 || (nextClose !== -2 && nextClose >= i)) return nextClose;
    nextClose = md.indexOf(']', i);
    return nextClose;
  };
  const parenAfter = (i: number) => {
    if (nextParen === -1 || (nextParen !== -2 && nextParen >= i)) return nextParen;
    nextParen = md.indexOf(')', i);
    return nextParen;
  };
  let copied = 0;
  let i = 0;
  const n = md.length;
  let lineStart = true;
  while (i < n) {
    const c = md.charCodeAt(i);
    if (lineStart && c === 35 /* # */) {
      // "# " .. "###### " at a line start.
      let j = i;
      while (j < n && j - i < 7 && md.charCodeAt(j) === 35) j++;
      const hashes = j - i;
      let k = j;
      while (k < n && (md[k] === ' ' || md[k] === '\t')) k++;
      if (hashes <= 6 && k > j) {
        out.push(md.slice(copied, i));
        i = k;
        copied = k;
        lineStart = false;
        continue;
      }
    }
    lineStart = c === 10;
    if ((c === 42 /* * */ || c === 95) /* _ */ && md.charCodeAt(i + 1) === c) {
      out.push(md.slice(copied, i));
      i += 2;
      copied = i;
      continue;
    }
    const image = c === 33 /* ! */ && md.charCodeAt(i + 1) === 91;
    if (image || c === 91 /* [ */) {
      const open = image ? i + 1 : i;
      const close = closeAfter(open + 1);
      if (close > open + (image ? 0 : 1) && md.charCodeAt(close + 1) === 40 /* ( */) {
        const paren = parenAfter(close + 2);
        if (paren >= 0) {
          out.push(md.slice(copied, i));
          if (!image) out.push(md.slice(open + 1, close));
          i = paren + 1;
          copied = i;
          continue;
        }
      }
    }
    i++;
  }
  out.push(md.slice(copied));
  return out.join('');
}
