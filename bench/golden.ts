/** Extraction of every known corpus (seeds, fixtures, the development set, synthetic), as one JSON file: to check a speed-up changes nothing. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { extractDocument } from '../src/core/read/extract.js';
import { Gazetteer } from '../src/core/read/gazetteer.js';
import { checkArticle } from '../src/ingest/prepare.js';
import { loadCrisis, seedArticles } from '../src/ingest/seeds.js';
import { SYNTH_CRISIS, synthArticles } from './synth.js';

const out = process.argv[2] ?? '/tmp/golden.json';
const dirs = ['seeds', ...readdirSync('test/fixtures').map((d) => join('test/fixtures', d)), ...readdirSync('../shared/eval/crises').map((d) => join('../shared/eval/crises', d))].filter((d) => existsSync(join(d, 'crisis.json')));
const all: unknown[] = [];
let ms = 0;
const cpu0 = process.cpuUsage();
for (const d of dirs) {
  const gaz = new Gazetteer(loadCrisis(d));
  const t = performance.now();
  seedArticles(d).forEach((a, i) => {
    const c = checkArticle(a, i, null);
    all.push([d, c.id, extractDocument({ id: c.id, source: c.source, published: c.published, timezone: c.timezone }, c.text, gaz)]);
  });
  ms += performance.now() - t;
}
const gaz = new Gazetteer(SYNTH_CRISIS);
const synth = [...synthArticles(Number(process.argv[3] ?? 3000), 11)].map((a, i) => checkArticle(a, i, null));
const t = performance.now();
for (const c of synth) all.push(['synth', c.id, extractDocument({ id: c.id, source: c.source, published: c.published, timezone: c.timezone }, c.text, gaz)]);
ms += performance.now() - t;
const cpu = process.cpuUsage(cpu0);
// Keys sorted: an object built in another key order is the same extraction.
const canonical = (_k: string, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);
const json = JSON.stringify(all, canonical);
writeFileSync(out, json);
console.log(`${dirs.length} corpora + synthetic, ${all.length} articles, extraction ${Math.round(ms)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU (with setup), sha256 ${createHash('sha256').update(json).digest('hex').slice(0, 16)}`);
