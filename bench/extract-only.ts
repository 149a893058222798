/** Extraction alone, on this thread, over N synthetic articles (for profiling): MB/s. */
import { extractDocument } from '../src/core/read/extract.js';
import { Gazetteer } from '../src/core/read/gazetteer.js';
import { SYNTH_CRISIS, synthArticles } from './synth.js';
import { checkArticle } from '../src/ingest/prepare.js';

const n = Number(process.argv[2] ?? 1500);
const arts = [...synthArticles(n)].map((a, i) => checkArticle(a, i, null));
const gaz = new Gazetteer(SYNTH_CRISIS);
let bytes = 0;
const t = performance.now();
const c0 = process.cpuUsage();
for (const c of arts) {
  bytes += Buffer.byteLength(c.text);
  extractDocument({ id: c.id, source: c.source, published: c.published, timezone: c.timezone }, c.text, gaz);
}
const s = (performance.now() - t) / 1000;
const cu = process.cpuUsage(c0);
const cpuS = (cu.user + cu.system) / 1e6;
console.log(`${n} articles, ${(bytes / 1048576).toFixed(2)} MB in ${s.toFixed(2)} s = ${(bytes / 1048576 / s).toFixed(2)} MB/s wall; CPU ${cpuS.toFixed(2)} s = ${(bytes / 1048576 / cpuS).toFixed(2)} MB/s`);
