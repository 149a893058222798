/**
 * Every knowledge-base table of every corpus after an ingest (seeds, test fixtures, the development
 * set, synthetic articles on N workers), as one JSON file: a change to the writer or the pipeline
 * must leave it identical. `node --import tsx bench/kbdump.ts out.json [workers] [articles]`.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Briefing } from '../src/core/briefing.js';
import { Store } from '../src/store/store.js';
import { loadCrisis, seedArticles } from '../src/ingest/seeds.js';
import { ingestStream } from '../src/ingest/pipeline.js';
import { SYNTH_CRISIS, synthArticles } from './synth.js';

const TABLES = ['documents', 'sentences', 'mentions', 'claims', 'events', 'event_sources', 'event_actors', 'quotes', 'figures', 'actors', 'stances', 'stance_history'];
const SKIP = new Set(['ingested_at', 'detected_at', 'created_at', 'updated_at', 'refreshed_at']);
function dump(store: Store): unknown {
  const o: Record<string, unknown> = {};
  for (const t of TABLES) {
    const rows = store.db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[];
    o[t] = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !SKIP.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)))).sort();
  }
  o.fts = store.db.prepare("SELECT count(*) c FROM sentences_fts WHERE sentences_fts MATCH 'said'").get();
  return o;
}
const out: Record<string, unknown> = {};
const dirs = ['seeds', ...readdirSync('test/fixtures').map((d) => join('test/fixtures', d)), ...readdirSync('../shared/eval/crises').map((d) => join('../shared/eval/crises', d))].filter((d) => existsSync(join(d, 'crisis.json')));
for (const d of dirs) {
  const kb = new Briefing(new Store(':memory:'), loadCrisis(d));
  const arts = seedArticles(d);
  kb.ingest(arts.slice(0, Math.ceil(arts.length / 2)));
  kb.ingest(arts.slice(Math.ceil(arts.length / 2)));
  out[d] = dump(kb.store);
}
const workers = Number(process.argv[3] ?? 0);
const kb = new Briefing(new Store(':memory:'), SYNTH_CRISIS);
await ingestStream(kb, synthArticles(Number(process.argv[4] ?? 1500), 5), { workers });
out.synth = dump(kb.store);
const json = JSON.stringify(out);
writeFileSync(process.argv[2] as string, json);
console.log(`${Object.keys(out).length} corpora, sha256 ${createHash('sha256').update(json).digest('hex').slice(0, 16)}`);
