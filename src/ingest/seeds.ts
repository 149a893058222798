/** Loads seeds/: the crisis file, and the manifest's articles (ingested on first use). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Briefing, IncomingArticle } from '../core/briefing.js';
import type { CrisisConfig } from '../core/types.js';
import { readArticle, withHeadline } from './read.js';

const crisisSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  sides: z.array(z.object({ id: z.string().regex(/^[a-z0-9_-]+$/), label: z.string(), description: z.string().optional(), leader: z.string().optional(), aliases: z.array(z.string()), acts: z.array(z.string()).optional(), role: z.enum(['junta', 'ousted', 'incumbent', 'challenger']).optional() })).min(2),
  aliases: z.record(z.string(), z.string()).optional(),
  arena: z.array(z.string()).optional(),
  actors: z.array(z.object({ name: z.string(), kind: z.enum(['country', 'organization', 'person', 'group']).optional(), aliases: z.array(z.string()).optional(), demonyms: z.array(z.string()).optional() })).optional(),
});

const manifestSchema = z.object({
  documents: z.array(
    z.object({ file: z.string(), id: z.string().optional(), title: z.string().optional(), source: z.string(), published: z.string(), timezone: z.string().optional(), url: z.string().optional() }),
  ),
});

export function loadCrisis(seedsDir: string): CrisisConfig {
  const path = join(seedsDir, 'crisis.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: seeds/ needs crisis.json naming the crisis and its sides`);
  return parseCrisis(readFileSync(path, 'utf8'), path);
}

/** A crisis.json's text, checked; errors name `where` and each bad field. */
export function parseCrisis(text: string, where: string): CrisisConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${where}: not valid JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const parsed = crisisSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The manifest's articles with their metadata. */
export function seedArticles(seedsDir: string, have: (id: string) => boolean = () => false): IncomingArticle[] {
  const path = join(seedsDir, 'manifest.json');
  if (!existsSync(path)) return [];
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  // Articles already in the store are not read again (every start opens the store).
  return manifest.documents.filter((d) => !d.id || !have(d.id)).map((d) => {
    const a = readArticle(join(seedsDir, d.file));
    return { ...a.meta, path: d.file, text: withHeadline(a.text, d.title), id: d.id, title: d.title ?? a.meta.title, source: d.source, published: d.published, timezone: d.timezone ?? a.meta.timezone, url: d.url ?? a.meta.url };
  });
}

/** Ingest the seed articles the store does not have yet. */
export function ingestSeeds(kb: Briefing, seedsDir: string): void {
  const missing = seedArticles(seedsDir, (id) => Boolean(kb.reader.hasDoc(id)));
  if (missing.length === 0) return;
  const failed = kb.ingest(missing).filter((r) => !r.ok);
  if (failed.length) throw new Error(`seed articles failed to ingest: ${failed.map((f) => `${f.path}: ${f.error}`).join('; ')}`);
}
