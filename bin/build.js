#!/usr/bin/env node
/**
 * `npm run build` (and `npm ci`, through "prepare"): compiles everything a user starts into
 * dist/ with esbuild, one ES module per entry point plus shared chunks, so nothing runs through a
 * TypeScript loader. Each build lands in its own folder, dist/b-<time>-<pid>/, and dist/current.json
 * then names it (written with a rename), so processes started while another one rebuilds always
 * load a complete build. bin/launch.js rebuilds when the sources changed since (see fingerprint()).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ENTRIES, ROOT, fingerprint } from './launch.js';

/** Modules built only to precompute data at build time. */
const DATA_ENTRIES = { countries: 'src/core/read/countries.ts' };

/**
 * Packages loaded from node_modules at run time rather than bundled: native code (better-sqlite3),
 * SDKs that load optional parts or worker files of their own (discord.js, Bolt, openai, pino's
 * transports, node-cron), and world-countries, which the gazetteer reads once and caches.
 * The rest (zod, commander, luxon, ...) is bundled: one file parses faster than 100 small modules.
 */
const EXTERNAL = ['better-sqlite3', 'discord.js', '@discordjs/*', '@slack/*', 'openai', 'pino', 'pino-*', 'node-cron', 'world-countries', 'tsx', 'tsx/*', 'esbuild', 'vitest'];

/** Keep this many older builds (a running bot may still load a chunk from its own). */
const KEEP = 3;

/** Build into a new folder and make it current; returns its path. `fp` is fingerprint() from before the build. */
export async function build(fp = fingerprint()) {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(DIST, { recursive: true });
  const name = `b-${Date.now()}-${process.pid}`;
  const outdir = join(DIST, name);
  const common = {
    absWorkingDir: ROOT,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // esbuild's table lacks Node's support for \p{…} in regexes and rewrites each such literal as
    // `new RegExp(…)`, built again on every call inside a function (extraction runs hundreds per
    // article). Node 20 has them: keep the literals (measured: extraction -2 to -4% CPU).
    supported: { 'regexp-unicode-property-escapes': true },
    // Entries and chunks side by side, as .js (ES modules: package.json has "type": "module"), so
    // src/ingest/pipeline.ts, compiled, finds the compiled ./extract-worker.js next to itself.
    chunkNames: 'chunk-[hash]',
    external: EXTERNAL,
    // Bundled CommonJS packages (commander) call require() for Node's own modules.
    banner: { js: "import { createRequire as __briefingRequire } from 'node:module'; const require = __briefingRequire(import.meta.url);" },
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'error',
  };
  // The CLI on its own: what a cold answer loads is then one file (plus lazy chunks for ingest,
  // logging and the model), not the many chunks it would share with the other entry points.
  const { cli, ...rest } = ENTRIES;
  await esbuild({ ...common, entryPoints: { cli } });
  await esbuild({ ...common, entryPoints: { ...rest, ...DATA_ENTRIES } });
  // The gazetteer's country index, precomputed: a cold answer then skips parsing world-countries.
  const { worldCountries } = await import(pathToFileURL(join(outdir, 'countries.js')).href);
  writeFileSync(join(outdir, 'gazetteer-world.json'), JSON.stringify(worldCountries()));
  const tmp = join(DIST, `current.json.${process.pid}`);
  writeFileSync(tmp, `${JSON.stringify({ dir: name, fingerprint: fp, builtAt: new Date().toISOString() })}\n`);
  renameSync(tmp, join(DIST, 'current.json'));
  prune(name);
  return outdir;
}

/** Remove older builds, keeping the newest few and any made in the last hour. */
function prune(current) {
  const builds = readdirSync(DIST)
    .filter((d) => d.startsWith('b-') && d !== current)
    .map((d) => ({ d, t: statSync(join(DIST, d)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { d, t } of builds.slice(KEEP)) {
    if (Date.now() - t > 3_600_000) rmSync(join(DIST, d), { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = performance.now();
  build().then(
    (dir) => process.stdout.write(`built ${dir.slice(ROOT.length + 1)} in ${Math.round(performance.now() - t)} ms\n`),
    (err) => {
      process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
