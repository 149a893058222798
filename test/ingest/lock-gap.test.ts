/**
 * While the pipeline ingests, another process can still write to the same database: after each
 * commit the write lock stays free long enough for a writer waiting on it (busy_timeout) to get it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNTH_CRISIS, synthArticles } from '../../bench/synth.js';
import { Briefing } from '../../src/core/briefing.js';
import { ingestStream } from '../../src/ingest/pipeline.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A child process that writes a row every 20 ms (each write waiting at most 3 s for the lock, less than the app's 5 s) until told to stop. */
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 3000');
let ok = 0, busy = 0;
const tick = () => {
  try { db.prepare('INSERT INTO other_writer (at) VALUES (?)').run(Date.now()); ok++; }
  catch (e) { if (/busy|locked/i.test(String(e.message))) busy++; else throw e; }
};
const timer = setInterval(tick, 20);
process.stdin.on('data', () => { clearInterval(timer); process.stdout.write(JSON.stringify({ ok, busy })); process.exit(0); });
process.stdout.write('ready\\n');
`;

describe('the write lock during a pipelined ingest', () => {
  it.each([1, 0])('lets another process write between batches (%i workers): none of its writes gives up', async (workers) => {
    const path = join(tmp.dir, `kb-${workers}.db`);
    const store = new Store(path);
    store.db.exec('CREATE TABLE other_writer (at INTEGER)');
    const kb = new Briefing(store, SYNTH_CRISIS);
    const child = spawn(process.execPath, ['-e', WRITER, path], { cwd: join(import.meta.dirname, '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    for (let i = 0; i < 200 && !out.includes('ready'); i++) await new Promise((r) => setTimeout(r, 25));
    const r = await ingestStream(kb, synthArticles(3000, 5), { workers, dbPath: path });
    expect(r.results.filter((x) => !x.ok)).toEqual([]);
    const done = new Promise<void>((res) => child.on('exit', () => res()));
    child.stdin.write('stop\n');
    await done;
    const counts = JSON.parse(out.slice(out.indexOf('{'))) as { ok: number; busy: number };
    expect(counts.busy).toBe(0);
    // The ingest held the lock for seconds: writes went in between its batches.
    expect(counts.ok).toBeGreaterThan(0);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM other_writer').get() as { n: number }).n).toBe(counts.ok);
    store.close();
  }, 120_000);
});
