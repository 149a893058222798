/**
 * `briefing explain <docId|file>`: re-reads an article and shows what extraction found in each
 * sentence. An article in the corpus is re-read from its file (checked against the stored hash),
 * else rebuilt from its stored sentences; a file not in the corpus is extracted without storing
 * anything (its metadata from front matter or flags, as for ingest).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { App } from '../app.js';
import { buildExplanation, type ExplainResult } from '../core/answer/explain.js';
import type { DocMeta } from '../core/read/extract.js';
import { extractDocument } from '../core/read/extract.js';
import { cleanText } from '../ingest/prepare.js';
import { readArticle } from '../ingest/read.js';

/** A target that is neither an article id nor a readable file: a usage error. */
export class ExplainTargetError extends Error {}

/** The hash ingest gives an article's text (see src/ingest/prepare.ts). */
const hashOf = (text: string) => createHash('sha256').update(cleanText(text).trim()).digest('hex');

export function explainTarget(app: App, seedsDir: string, target: string, flags: Record<string, string>, crisis?: string): ExplainResult {
  // An added crisis's seed articles are found relative to its own folder.
  const kb = crisis ? app.crises.require(crisis).kb : app.kb;
  if (crisis && crisis !== app.crises.defaultId) seedsDir = app.crises.registry.get(crisis)?.folder ?? seedsDir;
  const actor = (id: string) => kb.gazetteer.actors.get(id);
  const explainStored = (id: string): ExplainResult => {
    const doc = kb.reader.document(id);
    if (!doc) throw new ExplainTargetError(`no article "${id}" in the corpus`);
    const meta: DocMeta = { id: doc.id, source: doc.source, published: doc.published, timezone: doc.timezone };
    const candidates = doc.path ? (isAbsolute(doc.path) ? [doc.path] : [doc.path, join(seedsDir, doc.path)]) : [];
    for (const p of candidates) {
      if (!existsSync(p)) continue;
      try {
        const a = readArticle(p);
        if (hashOf(a.text) !== doc.hash) continue;
        const text = cleanText(a.text);
        return buildExplanation({ doc, extraction: extractDocument(meta, text, kb.gazetteer), crisis: kb.crisis, actor, stored: true });
      } catch {
        // An unreadable file: fall through to the stored sentences.
      }
    }
    // The file is gone or changed: the stored sentences, one paragraph each as stored.
    const paras: string[] = [];
    let last = -1;
    for (const s of kb.reader.documentSentences(id)) {
      if (s.para !== last || paras.length === 0) paras.push(s.text);
      else paras[paras.length - 1] += ` ${s.text}`;
      last = s.para;
    }
    const note = 'The original file was not found (or has changed): re-read from the stored sentences, so live-blog entry times may be missing.';
    return buildExplanation({ doc, extraction: extractDocument(meta, paras.join('\n\n'), kb.gazetteer), crisis: kb.crisis, actor, stored: true, note });
  };
  if (kb.reader.hasDoc(target)) return explainStored(target);
  if (!existsSync(target)) throw new ExplainTargetError(`"${target}" is neither an article id in the corpus (see \`briefing sources --json\`) nor a file`);
  const a = readArticle(target);
  const incoming = { ...a.meta, ...flags, path: target, text: a.text };
  const c = kb.check(incoming, 0, null);
  if ('ok' in c) throw new ExplainTargetError(c.error ?? `${target}: cannot be read`);
  // Already in the corpus: explain the stored article.
  const stored = kb.reader.hasHash(c.hash);
  if (stored) return explainStored(stored);
  const meta: DocMeta = { id: c.id, source: c.source, published: c.published, timezone: c.timezone };
  const doc = { id: c.id, title: c.title, source: c.source, published: c.published, timezone: c.timezone };
  return buildExplanation({ doc, extraction: extractDocument(meta, c.text, kb.gazetteer), crisis: kb.crisis, actor, stored: false });
}
