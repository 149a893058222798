/**
 * What `npm run bench` measures: ingest of the synthetic corpus, question latency, database size,
 * peak RSS, and the wall time of a cold `briefing stance Russia` next to a bare `node -e ''`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Briefing } from '../src/core/briefing.js';
import { ingestStream } from '../src/ingest/pipeline.js';
import { Store } from '../src/store/store.js';
import { SYNTH_CRISIS, synthArticles } from './synth.js';

/** The project folder, found from this file whether it runs from bench/ or from a build in dist/. */
export function projectRoot(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'crisis-briefing') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the project folder (package.json of crisis-briefing)');
    dir = up;
  }
}

export interface Percentiles {
  p50: number;
  p99: number;
  n: number;
}

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function percentiles(xs: number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: round(at(0.5)), p99: round(at(0.99)), n: s.length };
}

export const median = (xs: number[]) => percentiles(xs).p50;

export interface IngestResult {
  kb: Briefing;
  store: Store;
  bytes: number;
  ms: number;
  threads: number;
  /** CPU time of the whole process (every thread) during the ingest. */
  cpuMs: number;
  /** Extractions the writer redid because a worker's view of people differed. */
  reextracted: number;
  /** Articles the writer extracted itself while it would otherwise have waited. */
  extractedHere: number;
}

/** Ingest `n` synthetic articles into a new database at `path`, generated as the ingest asks for them. */
export async function ingestSynth(path: string, n: number, log: (s: string) => void, workers?: number): Promise<IngestResult> {
  const store = new Store(path);
  const kb = new Briefing(store, SYNTH_CRISIS);
  let bytes = 0;
  function* feed() {
    for (const a of synthArticles(n)) {
      bytes += Buffer.byteLength(a.text);
      yield a;
    }
  }
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  let last = 0;
  const every = Math.max(1000, Math.round(n / 10 / 1000) * 1000);
  const { results, threads, reextracted, extractedHere } = await ingestStream(kb, feed(), {
    total: n,
    workers,
    onProgress: (done) => {
      if (done - last >= every || done === n) {
        last = done;
        log(`ingested ${done}/${n} (resident ${Math.round(process.memoryUsage.rss() / 1048576)} MB, this thread's heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB)`);
      }
    },
  });
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t;
  const bad = results.filter((r) => !r.ok);
  if (bad.length) throw new Error(`synthetic ingest failed: ${bad[0]?.error}`);
  return { kb, store, bytes, ms, threads, cpuMs: (cpu.user + cpu.system) / 1000, reextracted, extractedHere };
}

export interface FeedPoll {
  articles: number;
  /** Median over the rounds: the whole add, write and refresh. */
  ms: number;
  /** The longest the event loop stayed busy during an add (a question arriving then waits this long), worst round. */
  longestBusyMs: number;
}

/**
 * What a running bot's feed polling costs on this corpus: `n` new articles added the way poll.ts
 * adds them (ingestStream on this thread), three rounds. The refresh after each add reads every
 * touched actor's claims, so its cost grows with the corpus; it yields between actors.
 */
export async function feedPoll(kb: Briefing, n = 20, rounds = 3): Promise<FeedPoll> {
  const times: number[] = [];
  let longest = 0;
  for (let r = 1; r <= rounds; r++) {
    const articles = [...synthArticles(n, 9000 + r)].map((a) => ({ ...a, id: `${a.id}-poll${r}` }));
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    const t = performance.now();
    await ingestStream(kb, articles, { workers: 0 });
    times.push(performance.now() - t);
    await new Promise<void>((done) => setImmediate(done));
    longest = Math.max(longest, performance.now() - last);
    clearInterval(ticker);
  }
  return { articles: n, ms: round(median(times), 0), longestBusyMs: round(longest, 0) };
}

/** Bytes on disk of a database after a checkpoint (the WAL folded into the file). */
export function databaseBytes(store: Store, path: string): number {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
}

export type Question = 'stance' | 'timeline' | 'digest' | 'ask';

export interface Latency {
  /** Wall time, waits for a busy CPU included. */
  wall: Record<Question, Percentiles>;
  /** CPU time of the process: the work a question does, without the waits of a shared machine. */
  cpu: Record<Question, Percentiles>;
}

/** Latency of each question over `runs` runs (after 20 warm-up runs), with a fixed mix of arguments. */
export async function questionLatency(kb: Briefing, store: Store, runs = 300): Promise<Latency> {
  const actors = kb.actors().map((a) => a.name);
  const days = (store.db.prepare('SELECT DISTINCT substr(published, 1, 10) AS d FROM documents').all() as { d: string }[]).map((r) => r.d);
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const questions = ['How old is Lia Marek?', 'How many people were killed near the northern border?', 'How much aid did Norway pledge?', 'When will the Security Council meet?', 'Who recognizes the Northern Front?', 'What did Atlantis say?'];
  const lat: Record<Question, number[]> = { stance: [], timeline: [], digest: [], ask: [] };
  const cpu: Record<Question, number[]> = { stance: [], timeline: [], digest: [], ask: [] };
  let lastCpu = 0;
  const time = async (fn: () => unknown) => {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    const ms = performance.now() - t;
    const u = process.cpuUsage(c);
    lastCpu = (u.user + u.system) / 1000;
    return ms;
  };
  for (let i = 0; i < runs + 20; i++) {
    const keep = i >= 20; // warm-up first
    const record = (q: Question, ms: number) => {
      if (!keep) return;
      lat[q].push(ms);
      cpu[q].push(lastCpu);
    };
    record('stance', await time(() => kb.stance(i % 10 === 0 ? 'Atlantis' : pick(actors))));
    const from = pick(days);
    record('timeline', await time(() => kb.timeline(i % 3 === 0 ? { actor: pick(actors), limit: 20 } : i % 3 === 1 ? { from, to: from, limit: 10 } : { limit: 20 })));
    record('digest', await time(() => kb.digest(i % 2 ? {} : { date: pick(days) })));
    record('ask', await time(() => kb.ask(pick(questions))));
  }
  const each = (xs: Record<Question, number[]>) => ({ stance: percentiles(xs.stance), timeline: percentiles(xs.timeline), digest: percentiles(xs.digest), ask: percentiles(xs.ask) });
  return { wall: each(lat), cpu: each(cpu) };
}

export interface ColdResult {
  runs: number;
  bareNodeMs: number;
  cliMs: number;
  ratio: number;
  npmRunMs: number;
  cliRunsMs: number[];
  bareRunsMs: number[];
}

/**
 * A cold `briefing stance Russia` (bin/briefing.js, as a user starts it) against a built database,
 * interleaved run by run with a bare `node -e ''` so both see the same machine load; medians.
 */
export function coldCli(root: string, env: NodeJS.ProcessEnv, runs = 15): ColdResult {
  const wall = (args: string[], cmd = process.execPath) => {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    return ms;
  };
  const cliArgs = [join(root, 'bin/briefing.js'), 'stance', 'Russia'];
  // Warm-up: the first run builds dist/ if the sources changed, and fills the page cache.
  wall(cliArgs);
  wall(['-e', '']);
  const bare: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(wall(['-e', '']));
    cli.push(wall(cliArgs));
  }
  const npm: number[] = [];
  for (let i = 0; i < 3; i++) npm.push(wall(['run', '-s', 'briefing', '--', 'stance', 'Russia'], 'npm'));
  return {
    runs,
    bareNodeMs: round(median(bare), 1),
    cliMs: round(median(cli), 1),
    ratio: round(median(cli) / median(bare)),
    npmRunMs: round(median(npm), 0),
    cliRunsMs: cli.map((x) => round(x, 0)),
    bareRunsMs: bare.map((x) => round(x, 0)),
  };
}
