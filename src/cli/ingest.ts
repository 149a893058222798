/** `briefing ingest <paths or URLs>`: files through the worker pool, web pages one by one. */
import { existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Config, loadConfig } from '../config.js';
import { type Briefing, normalizePublished } from '../core/briefing.js';
import { feedSettings } from '../ingest/feeds/port.js';
import type { StreamOptions } from '../ingest/pipeline.js';
import { EARLIEST_PUBLISHED, oneLine, safeName } from '../ingest/prepare.js';
import { knownCrisis, open, strip, UsageError } from './common.js';

export async function ingest(paths: string[], flags: Record<string, string | undefined>, json: boolean): Promise<void> {
  if (flags.published && !normalizePublished(flags.published)) throw new UsageError(`--published ${safeName(flags.published)} is not a date from ${EARLIEST_PUBLISHED} to tomorrow (use YYYY-MM-DD)`);
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && !(/^\d{1,2}$/.test(flags.workers ?? '') && workers <= 16)) throw new UsageError(`--workers ${safeName(flags.workers ?? '')} is not a number of threads from 0 to 16`);
  const c = loadConfig();
  const { collectFiles } = await import('../ingest/read.js');
  const { ingestStream } = await import('../ingest/pipeline.js');
  // Web addresses are fetched and read as pages; everything else is a file or a folder.
  const { isWebAddress } = await import('../ingest/feeds/page.js');
  const urls = paths.filter(isWebAddress);
  const files = collectFiles(paths.filter((p) => !isWebAddress(p)));
  const results: { path: string; ok: boolean; docId?: string; duplicate?: boolean; error?: string }[] = [];
  const meta = strip({ title: flags.title, source: flags.source, published: flags.published, timezone: flags.timezone, url: flags.url });
  const app = open(c);
  let threads = 1;
  try {
    const crisisId = flags.crisis === undefined ? app.crises.defaultId : knownCrisis(app, flags.crisis);
    const kb = app.crises.require(crisisId).kb;
    const readable = files.filter((f) => f.ok);
    const bar = await progressBar(readable.length);
    // Files stream through a pool of workers: each is read, checked and extracted under a time
    // budget, and written in order; a file over its budget fails alone.
    const r = await ingestStream(
      kb,
      readable.map((f) => ({ path: f.path, flags: meta })),
      { onProgress: (done) => bar?.update(done), total: readable.length, workers, budgetMs: c.BRIEFING_INGEST_BUDGET_MS, dbPath: app.crises.dbPathOf(crisisId), ...faultHooks(c.BRIEFING_FAULT) },
    );
    // Results in the order the files were given.
    let k = 0;
    for (const f of files) results.push(f.ok ? (r.results[k++] as (typeof results)[number]) : { path: f.path, ok: false, error: f.error });
    threads = r.threads;
    bar?.stop();
    for (const url of urls) results.push(await ingestPage(kb, url, c, meta));
  } finally {
    app.close();
  }
  const failed = results.filter((r) => !r.ok);
  const added = results.filter((r) => r.ok && !r.duplicate).length;
  const dups = results.filter((r) => r.duplicate).length;
  if (json) process.stdout.write(`${JSON.stringify({ added, duplicates: dups, failed: failed.length, threads, files: results }, null, 2)}\n`);
  else process.stdout.write(`Ingested ${added} article${added === 1 ? '' : 's'}${dups ? `, ${dups} already in the corpus` : ''}${failed.length ? `, ${failed.length} failed` : ''}.\n`);
  for (const f of failed) {
    const name = safeName(isWebAddress(f.path) ? f.path : basename(f.path));
    const msg = f.error ?? 'failed';
    // One line per file, whatever the name or the message holds.
    process.stderr.write(`error: ${oneLine(msg.startsWith(name) ? msg : `${name}: ${msg}`)}\n`);
  }
  if (failed.length && added + dups === 0) process.exitCode = 1;
}

/** `briefing ingest <url>`: one web page, fetched under the feed policy and read like an HTML file. */
async function ingestPage(kb: Briefing, url: string, c: Config, meta: Record<string, string>): Promise<{ path: string; ok: boolean; docId?: string; duplicate?: boolean; error?: string }> {
  const { PageError, fetchArticle } = await import('../ingest/feeds/page.js');
  try {
    const article = await fetchArticle(url, feedSettings(c).policy, meta);
    const [r] = kb.ingest([article]);
    return r ? { path: url, ok: r.ok, docId: r.docId, duplicate: r.duplicate, error: r.error } : { path: url, ok: false, error: 'not ingested' };
  } catch (err) {
    if (err instanceof PageError) return { path: url, ok: false, error: err.message };
    throw err;
  }
}

/**
 * BRIEFING_FAULT (tests only): `kill:write:N`, `kill:commit:N`, `kill:refresh` end the process
 * with SIGKILL at that point of an ingest; `hang:NAME` makes the reader spin on a file whose path
 * contains NAME; `pause:batch:N:FILE` writes FILE.waiting, then waits before batch N takes the write lock until
 * FILE exists.
 */
function faultHooks(spec: string | undefined): Pick<StreamOptions, 'hooks' | 'hangOn'> {
  if (!spec) return {};
  const [kind, point, n, file] = spec.split(':');
  if (kind === 'hang') return { hangOn: point };
  if (kind === 'kill')
    return {
      hooks: {
        at: (p, i) => {
          if (p === point && (n === undefined || Number(n) === i)) process.kill(process.pid, 'SIGKILL');
        },
      },
    };
  if (kind === 'pause' && point === 'batch' && file)
    return {
      hooks: {
        beforeBatch: (i) => {
          if (i !== Number(n)) return;
          writeFileSync(`${file}.waiting`, '');
          const cell = new Int32Array(new SharedArrayBuffer(4));
          for (let k = 0; k < 6000 && !existsSync(file); k++) Atomics.wait(cell, 0, 0, 10);
        },
      },
    };
  return {};
}

/** A progress bar on a terminal for long ingests; nothing when output is piped. */
async function progressBar(total: number): Promise<{ update(n: number): void; stop(): void } | null> {
  if (!process.stderr.isTTY || total < 20) return null;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} articles' }, Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}
