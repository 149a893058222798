/**
 * Ingest under hostile files and kills (npm run stress). Hostile files mixed with good ones go
 * through the real CLI; then the CLI is killed (SIGKILL) at chosen points of an ingest and run
 * again. Counts: hung files (the run did not finish), good files lost, articles doubled, rows
 * half-written, stale stances after a restart, error lines that are not one line; and the
 * time ratio of a 20,000-line article to a 10,000-line one (linear: about 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Briefing } from '../../src/core/briefing.js';
import { Store } from '../../src/store/store.js';
import { SYNTH_CRISIS, synthArticles } from '../synth.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SEEDS = join(ROOT, 'test', 'fixtures', 'valdoria');
const MB = 1024 * 1024;

function cli(db: string, args: string[], extra: Record<string, string> = {}, timeoutMs = 600_000) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * MB,
    env: { ...process.env, BRIEFING_DB: db, BRIEFING_SEEDS: SEEDS, LOG_LEVEL: 'silent', ...extra },
  });
}

function q<T>(db: string, sql: string): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}
const n = (db: string, sql: string) => (q<{ n: number }>(db, sql)[0]?.n ?? 0);

/** Good articles as files, dated in the past (files may not be dated after tomorrow). */
function goodFiles(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  let i = 0;
  for (const a of synthArticles(count, 5)) {
    const name = `good-${String(i++).padStart(4, '0')}.md`;
    writeFileSync(join(dir, name), `---\nsource: ${a.source}\npublished: ${a.published.replace(/^203/, '202')}\ntimezone: ${a.timezone}\n---\n${a.text}`);
    names.push(name);
  }
  return names;
}

function hostileFiles(dir: string): number {
  const fm = (body: string, published = '2024-05-01') => `---\nsource: Hostile Wire\npublished: ${published}\n---\nHostile\n\n${body}`;
  const files: [string, string | Buffer][] = [
    ['h-brackets.md', fm('['.repeat(2 * MB))],
    ['h-images.md', fm('!['.repeat(MB))],
    ['h-stars.md', fm('*'.repeat(2 * MB))],
    ['h-underscores.md', fm('_ '.repeat(MB))],
    ['h-spaces.txt', fm(`a${' '.repeat(3 * MB)}b.`)],
    ['h-meta.html', `<html><head>${'<meta '.repeat(200_000)}</head><body><p>Hostile.</p></body></html>`],
    ['h-tags.html', `<html><body>${'<'.repeat(MB)}<p>Hostile.</p></body></html>`],
    ['h-sentence.txt', fm(`Norway said ${'that it backs President Ilan Reyes and '.repeat(110_000)}more.`)],
    ['h-dots.txt', fm('.'.repeat(3 * MB))],
    ['h-quotes.txt', fm('“'.repeat(MB))],
    ['h-caption.txt', fm(`(${'/'.repeat(2 * MB)}`)],
    ['h-future.md', fm('Tonga backs Reyes.', '9999-12-31')],
    ['h-negative.md', fm('Tonga backs Reyes.', '-2019-01-01')],
    ['h-binary.txt', Buffer.from([0x68, 0, 0x69])],
    ['h-latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9])],
    ['h-empty.md', ''],
    ['h-huge.txt', Buffer.alloc(6 * MB, 0x61)],
    ['h-name\nwith\u001b[31mescape.md', fm('Fiji backs Reyes.', '-2019-01-01')],
  ];
  for (const [name, body] of files) writeFileSync(join(dir, name), body);
  return files.length;
}

function linearity(): number {
  const arts = [...synthArticles(300, 3)].flatMap((a) => a.text.split('\n').filter(Boolean).slice(1));
  const time = (lines: number) => {
    const text = ['Long article', ...Array.from({ length: lines }, (_, i) => arts[i % arts.length])].join('\n');
    const kb = new Briefing(new Store(':memory:'), SYNTH_CRISIS);
    const t = performance.now();
    kb.ingest([{ text, source: 'S', published: '2025-03-01', timezone: 'UTC', path: 'long' }]);
    kb.store.close();
    return performance.now() - t;
  };
  time(2000);
  return Math.round((time(20_000) / time(10_000)) * 100) / 100;
}

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-stress-ingest-'));
  try {
    // 1. Hostile files among good ones, through the CLI, with the default time budget.
    const feed = join(dir, 'feed');
    const good = goodFiles(feed, 400);
    const hostile = hostileFiles(feed);
    const db = join(dir, 'kb.db');
    const t = performance.now();
    const r = cli(db, ['ingest', feed, '--json'], {}, 15 * 60_000);
    const seconds = (performance.now() - t) / 1000;
    const hung = r.status === null ? 1 : 0;
    const out = hung ? { files: [] as { path: string; ok: boolean; error?: string }[] } : JSON.parse(r.stdout);
    const stored = new Set(q<{ path: string }>(db, 'SELECT path FROM documents WHERE path IS NOT NULL').map((x) => x.path.split('/').pop()));
    const lost = good.filter((g) => !stored.has(g)).length;
    const doubled = n(db, 'SELECT COUNT(*) - COUNT(DISTINCT hash) AS n FROM documents') + n(db, 'SELECT COUNT(*) - COUNT(DISTINCT path) AS n FROM documents WHERE path IS NOT NULL');
    const errLines = r.stderr.split('\n').filter(Boolean);
    const failedFiles = out.files.filter((f: { ok: boolean }) => !f.ok).length;
    const overBudget = out.files.filter((f: { error?: string }) => /took longer than/.test(f.error ?? '')).length;

    // 2. Kills at chosen points, each followed by a clean re-run; compared with a clean ingest.
    const small = join(dir, 'small');
    goodFiles(small, 120);
    const ref = join(dir, 'ref.db');
    cli(ref, ['ingest', small]);
    const stances = (p: string) => JSON.stringify(q(p, 'SELECT actor_id, alignment, strength, n_claims, n_docs FROM stances ORDER BY actor_id'));
    const refStances = stances(ref);
    const refDocs = n(ref, 'SELECT COUNT(*) AS n FROM documents');
    const points = ['kill:write:0', 'kill:write:37', 'kill:write:90', 'kill:commit:1', 'kill:commit:2', 'kill:refresh'];
    let kills = 0;
    let halfWritten = 0;
    let killLost = 0;
    let killDoubled = 0;
    let stale = 0;
    for (const p of points) {
      const kdb = join(dir, `kill-${kills}.db`);
      const k = cli(kdb, ['ingest', small, '--json'], { BRIEFING_FAULT: p });
      if (k.signal === 'SIGKILL') kills++;
      halfWritten +=
        n(kdb, 'SELECT COUNT(*) AS n FROM documents WHERE id NOT IN (SELECT doc_id FROM sentences)') +
        ['sentences', 'claims', 'quotes', 'figures', 'event_sources'].reduce((s, tb) => s + n(kdb, `SELECT COUNT(*) AS n FROM ${tb} WHERE doc_id NOT IN (SELECT id FROM documents)`), 0);
      // A fresh start answers from repaired state, before any re-run.
      cli(kdb, ['actors', '--json']);
      cli(kdb, ['ingest', small, '--json']);
      killLost += Math.max(0, refDocs - n(kdb, 'SELECT COUNT(*) AS n FROM documents'));
      killDoubled += n(kdb, 'SELECT COUNT(*) - COUNT(DISTINCT hash) AS n FROM documents');
      if (stances(kdb) !== refStances) stale++;
    }
    return {
      'good files': good.length,
      'hostile files': hostile,
      'ingest seconds': Math.round(seconds),
      'hung files': hung,
      'good files lost': lost,
      'articles doubled': doubled,
      'files failed (hostile ones expected)': failedFiles,
      'files over their time budget': overBudget,
      'error lines': errLines.length,
      'error lines not one line or unescaped': errLines.filter((l) => !l.startsWith('error: ') || /[\u0000-\u001f]/.test(l)).length,
      'kills at chosen points': kills,
      'rows half-written after a kill': halfWritten,
      'articles lost after kill + re-run': killLost,
      'articles doubled after kill + re-run': killDoubled,
      'stance tables differing from a clean ingest': stale,
      '20,000-line / 10,000-line article time (linear: ~2)': linearity(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
