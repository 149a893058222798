/**
 * npm run bench [-- --json] [-- --articles N]
 * Ingests the seeds and a synthetic corpus (10,000 articles by default), then prints measured
 * numbers: ingest throughput, p50/p99 latency of stance, timeline, digest and ask, the wall time
 * of a cold `briefing stance Russia`, and peak RSS. Targets are printed next to what was measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/app.js';
import { Briefing } from '../src/core/briefing.js';
import { ingestPipelined } from '../src/ingest/pipeline.js';
import { Store } from '../src/store/store.js';
import { SYNTH_CRISIS, synthArticles } from './synth.js';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const nIdx = args.indexOf('--articles');
const N = nIdx >= 0 ? Number(args[nIdx + 1]) : 10_000;
const ROOT = join(import.meta.dirname, '..');
const log = (s: string) => {
  if (!asJson) process.stderr.write(`${s}\n`);
};

function percentiles(xs: number[]): { p50: number; p99: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: round(at(0.5)), p99: round(at(0.99)), n: s.length };
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function time<T>(fn: () => T | Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  try {
    // 1. Seeds, and a cold CLI answer against them.
    const seedsDb = join(dir, 'seeds.db');
    const t0 = performance.now();
    openApp({ db: seedsDb, seedsDir: join(ROOT, 'seeds') }).close();
    const seedIngestMs = performance.now() - t0;
    const env = { ...process.env, BRIEFING_DB: seedsDb, BRIEFING_SEEDS: join(ROOT, 'seeds') };
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'stance', 'Russia'], { cwd: ROOT, env, encoding: 'utf8' });
      cold.push(performance.now() - t);
      if (r.status !== 0) throw new Error(`cold CLI failed: ${r.stderr}`);
    }
    const tNpm = performance.now();
    spawnSync('npm', ['run', '-s', 'briefing', '--', 'stance', 'Russia'], { cwd: ROOT, env, encoding: 'utf8' });
    const npmMs = performance.now() - tNpm;
    log(`seeds ingested in ${round(seedIngestMs, 0)} ms; cold CLI median ${round(percentiles(cold).p50, 0)} ms`);

    // 2. The synthetic corpus.
    const store = new Store(join(dir, 'synth.db'));
    const kb = new Briefing(store, SYNTH_CRISIS);
    // Articles are generated as the ingest asks for them, as a feed or a folder would provide them.
    let bytes = 0;
    function* feed() {
      for (const a of synthArticles(N)) {
        bytes += Buffer.byteLength(a.text);
        yield a;
      }
    }
    const t1 = performance.now();
    let last = 0;
    const { results, threads } = await ingestPipelined(
      kb,
      feed(),
      (done) => {
        if (done - last >= 1000 || done === N) {
          last = done;
          log(`ingested ${done}/${N}`);
        }
      },
      N,
    );
    const ingestMs = performance.now() - t1;
    const bad = results.filter((r) => !r.ok);
    if (bad.length) throw new Error(`synthetic ingest failed: ${bad[0]?.error}`);
    const mbps = bytes / 1048576 / (ingestMs / 1000);

    // 3. Question latency on the big corpus.
    const actors = kb.actors().map((a) => a.name);
    const days = kb.sources().map((s) => s.published.slice(0, 10));
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const questions = ['How old is Lia Marek?', 'How many people were killed near the northern border?', 'How much aid did Norway pledge?', 'When will the Security Council meet?', 'Who recognizes the Northern Front?', 'What did Atlantis say?'];
    const runs = 300;
    const lat: Record<string, number[]> = { stance: [], timeline: [], digest: [], ask: [] };
    for (let i = 0; i < runs + 20; i++) {
      const keep = i >= 20; // warm-up first
      const s = await time(() => kb.stance(i % 10 === 0 ? 'Atlantis' : pick(actors)));
      const from = pick(days);
      const t = await time(() => kb.timeline(i % 3 === 0 ? { actor: pick(actors), limit: 20 } : i % 3 === 1 ? { from, to: from, limit: 10 } : { limit: 20 }));
      const d = await time(() => kb.digest(i % 2 ? {} : { date: pick(days) }));
      const q = await time(() => kb.ask(pick(questions)));
      if (keep) {
        lat.stance?.push(s);
        lat.timeline?.push(t);
        lat.digest?.push(d);
        lat.ask?.push(q);
      }
    }
    store.close();
    const rssMb = (process.resourceUsage().maxRSS * 1024) / 1048576;
    const result = {
      articles: N,
      corpusMB: round(bytes / 1048576),
      ingest: { seconds: round(ingestMs / 1000), mbPerSecond: round(mbps), threads, target: '>= 1 MB/s', met: mbps >= 1 },
      latencyMs: Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, { ...percentiles(v), target: 'p99 < 20 ms', met: percentiles(v).p99 < 20 }])),
      coldCli: {
        command: 'node --import tsx src/cli/main.ts stance Russia',
        medianMs: round(percentiles(cold).p50, 0),
        runsMs: cold.map((x) => round(x, 0)),
        viaNpmRunMs: round(npmMs, 0),
        target: '< 1000 ms',
        met: percentiles(cold).p50 < 1000,
      },
      peakRssMB: { value: round(rssMb, 0), target: '< 300 MB', met: rssMb < 300 },
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    };
    if (asJson) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const ok = (m: boolean) => (m ? 'met' : 'NOT met');
      const lines = [
        `corpus: ${N} synthetic articles, ${result.corpusMB} MB (+ the 2 seed articles)`,
        `ingest: ${result.ingest.seconds} s = ${result.ingest.mbPerSecond} MB/s on ${result.ingest.threads} thread${result.ingest.threads === 1 ? '' : 's'}, worker start-up included (target >= 1 MB/s: ${ok(result.ingest.met)})`,
        ...Object.entries(result.latencyMs).map(([k, v]) => `${k.padEnd(8)} p50 ${v.p50} ms  p99 ${v.p99} ms  over ${v.n} runs (target p99 < 20 ms: ${ok(v.met)})`),
        `cold \`briefing stance Russia\`: median ${result.coldCli.medianMs} ms over 5 runs via node; ${result.coldCli.viaNpmRunMs} ms via npm run (target < 1 s: ${ok(result.coldCli.met)})`,
        `peak RSS: ${result.peakRssMB.value} MB (target < 300 MB: ${ok(result.peakRssMB.met)})`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
