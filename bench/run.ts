/**
 * npm run bench [-- --articles N] [-- --json]
 *   Ingests the seeds and N synthetic articles (default 10,000), then prints what it measured:
 *   ingest rate, database size, p50/p99 of stance, timeline, digest and ask, peak RSS, a feed poll
 *   (20 new articles added to that corpus, and the longest the event loop stayed busy meanwhile),
 *   and a cold `briefing stance Russia` next to a bare `node -e ''`, interleaved.
 * npm run bench -- --scale [--sizes 1000,10000,100000]
 *   The same at each size, each in its own process (so peak RSS is that size's), then a table with
 *   the growth factor of each question from one size to the next.
 * npm run bench -- --cold [--runs 15]
 *   Only the cold CLI measurement.
 * npm run bench -- --extraction
 *   Only extraction on one thread: synthetic and news-like text, and with 10,000 people known
 *   (also printed after the other modes; see extraction.ts).
 * --workers N sets the ingest pool (default: the machine's, see poolSize); --db PATH keeps the
 * database of a single size there (to study it afterwards).
 * bench/extract-only.ts (extraction alone, one thread) and bench/golden.ts (every corpus's
 * extraction as one JSON file, to check a speed-up changes nothing) run with `node --import tsx`.
 * Targets are printed next to what was measured; nothing here is asserted by a test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/app.js';
import { type ExtractionRates, extractionLine, extractionRates } from './extraction.js';
import { type ColdResult, coldCli, databaseBytes, type FeedPoll, feedPoll, ingestSynth, type Percentiles, projectRoot, type Question, questionLatency, round } from './measure.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const asJson = flag('--json');
const child = flag('--child');
const ROOT = projectRoot();
const log = (s: string) => {
  if (!asJson || child) process.stderr.write(`${s}\n`);
};
const ok = (m: boolean) => (m ? 'met' : 'NOT met');
const QUESTIONS: Question[] = ['stance', 'timeline', 'digest', 'ask'];

interface SizeResult {
  articles: number;
  corpusMB: number;
  ingest: { seconds: number; mbPerSecond: number; threads: number; cpuSeconds: number; reextracted: number; extractedHere: number };
  databaseMB: number;
  latencyMs: Record<Question, Percentiles>;
  /** CPU time per question (see Latency in measure.ts). */
  cpuMs: Record<Question, Percentiles>;
  peakRssMB: number;
  /** Where the memory is after the ingest: resident, and the main thread's JavaScript heap. */
  afterIngestMB: { rss: number; heapUsed: number };
  /** A bot's feed poll adding 20 articles to this corpus. */
  feedPoll: FeedPoll;
}

function positive(s: string | undefined, what: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a whole number of at least 1, not "${s}"`);
  return n;
}

/** One size, in this process. */
async function measureSize(n: number, dir: string): Promise<SizeResult> {
  // --db PATH keeps the database (to study it afterwards); it must not exist yet.
  const path = value('--db') ?? join(dir, `synth-${n}.db`);
  const w = value('--workers');
  const r = await ingestSynth(path, n, log, w === undefined ? undefined : Number(w));
  const mem = process.memoryUsage();
  const afterIngestMB = { rss: round(mem.rss / 1048576, 0), heapUsed: round(mem.heapUsed / 1048576, 0) };
  log(`measuring questions on ${n} articles`);
  const { wall: latencyMs, cpu: cpuMs } = await questionLatency(r.kb, r.store);
  const dbBytes = databaseBytes(r.store, path);
  log(`adding 20 articles as a feed poll does, three times`);
  const poll = await feedPoll(r.kb);
  r.store.close();
  return {
    articles: n,
    corpusMB: round(r.bytes / 1048576),
    ingest: { seconds: round(r.ms / 1000), mbPerSecond: round(r.bytes / 1048576 / (r.ms / 1000)), threads: r.threads, cpuSeconds: round(r.cpuMs / 1000), reextracted: r.reextracted, extractedHere: r.extractedHere },
    databaseMB: round(dbBytes / 1048576, 1),
    latencyMs,
    cpuMs,
    peakRssMB: round((process.resourceUsage().maxRSS * 1024) / 1048576, 0),
    afterIngestMB,
    feedPoll: poll,
  };
}

/** One size in a child process (`--child`), so its peak RSS is its own. */
function measureInChild(n: number): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, join(ROOT, 'bin/run.js'), 'bench', '--articles', String(n), '--json', '--child', ...(value('--workers') ? ['--workers', value('--workers') as string] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as SizeResult) : reject(new Error(`bench at ${n} articles exited with ${code}`))));
  });
}

/** A database with the seeds, for the cold CLI answer. */
function cold(dir: string): ColdResult {
  const db = join(dir, 'seeds.db');
  openApp({ db, seedsDir: join(ROOT, 'seeds') }).close();
  log('timing cold `briefing stance Russia` against `node -e ""`, interleaved');
  return coldCli(ROOT, { ...process.env, BRIEFING_DB: db, BRIEFING_SEEDS: join(ROOT, 'seeds') }, positive(value('--runs') ?? '15', '--runs'));
}

function coldLine(c: ColdResult): string {
  return `cold \`briefing stance Russia\`: median ${c.cliMs} ms vs ${c.bareNodeMs} ms for \`node -e ''\` = ${c.ratio}x over ${c.runs} interleaved runs (target < 3.5x: ${ok(c.ratio < 3.5)}); ${c.npmRunMs} ms via \`npm run -s briefing\`, npm's own start-up included`;
}

function sizeLines(r: SizeResult): string[] {
  return [
    `corpus: ${r.articles} synthetic articles, ${r.corpusMB} MB; database ${r.databaseMB} MB`,
    `ingest: ${r.ingest.seconds} s = ${r.ingest.mbPerSecond} MB/s on ${r.ingest.threads} thread${r.ingest.threads === 1 ? '' : 's'} (target >= 3 MB/s: ${ok(r.ingest.mbPerSecond >= 3)}); CPU ${r.ingest.cpuSeconds} s over all threads = ${round(r.corpusMB / Math.max(r.ingest.cpuSeconds, 0.001))} MB per CPU-second; ${r.ingest.reextracted} extractions redone by the writer, ${r.ingest.extractedHere} articles extracted by the writer in its spare time`,
    ...QUESTIONS.map(
      (q) =>
        `${q.padEnd(8)} p50 ${r.latencyMs[q].p50} ms  p99 ${r.latencyMs[q].p99} ms  over ${r.latencyMs[q].n} runs (target p99 < 20 ms: ${ok(r.latencyMs[q].p99 < 20)}); CPU time p50 ${r.cpuMs[q].p50} ms  p99 ${r.cpuMs[q].p99} ms`,
    ),
    `peak RSS: ${r.peakRssMB} MB (target < 300 MB: ${ok(r.peakRssMB < 300)}); after the ingest ${r.afterIngestMB.rss} MB resident, ${r.afterIngestMB.heapUsed} MB of it JavaScript heap`,
    `feed poll: ${r.feedPoll.articles} new articles added in ${r.feedPoll.ms} ms (median of 3); the event loop busy at most ${r.feedPoll.longestBusyMs} ms at a stretch (what a question arriving meanwhile waits)`,
  ];
}

/** The scale table: one column per size, growth factors from each size to the next. */
function scaleTable(rs: SizeResult[]): string[] {
  const head = ['', ...rs.map((r) => `${r.articles.toLocaleString('en-US')} articles`)];
  const rows: string[][] = [
    ['corpus / database', ...rs.map((r) => `${r.corpusMB} MB / ${r.databaseMB} MB`)],
    ['ingest', ...rs.map((r) => `${r.ingest.mbPerSecond} MB/s (${r.ingest.seconds} s)`)],
    ...QUESTIONS.map((q) => [`${q} p50 / p99`, ...rs.map((r) => `${r.latencyMs[q].p50} / ${r.latencyMs[q].p99} ms`)]),
    ...QUESTIONS.map((q) => [`${q} CPU p50 / p99`, ...rs.map((r) => `${r.cpuMs[q].p50} / ${r.cpuMs[q].p99} ms`)]),
    ['peak RSS', ...rs.map((r) => `${r.peakRssMB} MB`)],
    ['feed poll of 20 / busy', ...rs.map((r) => `${r.feedPoll.ms} / ${r.feedPoll.longestBusyMs} ms`)],
  ];
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((row) => (row[i] ?? '').length)));
  const fmt = (row: string[]) => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const lines = [fmt(head), ...rows.map(fmt), ''];
  for (let i = 1; i < rs.length; i++) {
    const a = rs[i - 1] as SizeResult;
    const b = rs[i] as SizeResult;
    const k = round(b.articles / a.articles, 1);
    const x = (p: number, q: number) => `x${round(p / Math.max(q, 0.01), 1)}`;
    const g = QUESTIONS.map((q) => `${q} p50 ${x(b.latencyMs[q].p50, a.latencyMs[q].p50)} (CPU ${x(b.cpuMs[q].p50, a.cpuMs[q].p50)}), p99 ${x(b.latencyMs[q].p99, a.latencyMs[q].p99)}`);
    lines.push(`growth ${a.articles} -> ${b.articles} (x${k} articles): ${g.join('; ')}`);
  }
  const last = rs[rs.length - 1];
  if (last) {
    const p99ok = QUESTIONS.every((q) => last.latencyMs[q].p99 < 20);
    const cpuOk = QUESTIONS.every((q) => last.cpuMs[q].p99 < 20);
    lines.push(`at ${last.articles} articles: every p99 < 20 ms: ${ok(p99ok)} (in CPU time: ${ok(cpuOk)}); peak RSS < 300 MB: ${ok(last.peakRssMB < 300)}; ingest >= 3 MB/s: ${ok(last.ingest.mbPerSecond >= 3)}`);
  }
  return lines;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  const machine = { node: process.version, cpus: cpus().length };
  try {
    if (flag('--cold')) {
      const c = cold(dir);
      process.stdout.write(asJson ? `${JSON.stringify({ coldCli: c, machine }, null, 2)}\n` : `${coldLine(c)}\n`);
      return;
    }
    const rates = (): ExtractionRates => {
      log('timing extraction alone on one thread (synthetic, news-like, 10,000 people known)');
      return extractionRates(ROOT);
    };
    if (flag('--extraction')) {
      const e = rates();
      process.stdout.write(asJson ? `${JSON.stringify({ extraction: e, machine }, null, 2)}\n` : `${extractionLine(e)}\n`);
      return;
    }
    if (flag('--scale')) {
      const sizes = (value('--sizes') ?? '1000,10000,100000').split(',').map((s) => positive(s, '--sizes'));
      const results: SizeResult[] = [];
      for (const n of sizes) {
        log(`--- ${n} articles`);
        const r = await measureInChild(n);
        results.push(r);
        if (!asJson) process.stdout.write(`${sizeLines(r).join('\n')}\n\n`);
      }
      const c = flag('--no-cold') ? null : cold(dir);
      const e = rates();
      if (asJson) process.stdout.write(`${JSON.stringify({ sizes: results, coldCli: c, extraction: e, machine }, null, 2)}\n`);
      else process.stdout.write(`${[...scaleTable(results), ...(c ? [coldLine(c)] : []), extractionLine(e)].join('\n')}\n`);
      return;
    }
    const n = positive(value('--articles') ?? '10000', '--articles');
    const r = await measureSize(n, dir);
    if (child) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      return;
    }
    const c = flag('--no-cold') ? null : cold(dir);
    const e = rates();
    if (asJson) process.stdout.write(`${JSON.stringify({ ...r, coldCli: c, extraction: e, machine }, null, 2)}\n`);
    else process.stdout.write(`${[...sizeLines(r), ...(c ? [coldLine(c)] : []), extractionLine(e)].join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
