/**
 * Starts an entry point from the compiled build in dist/ (see bin/build.js), never from a stale one:
 * a fingerprint of the sources (path, size and mtime of every file under src/, commands/, scripts/
 * and bench/, plus package.json, the lock file and the build scripts) is compared with the one
 * recorded at build time. That costs about a millisecond; when it differs (someone edited src/,
 * switched branches, updated a package) the build is redone first (~1 s), and if it cannot be
 * (esbuild missing, a read-only checkout) the TypeScript sources run through tsx instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');

/** Entry points by name: what `node bin/run.js <name>` and the npm scripts start. */
export const ENTRIES = {
  cli: 'src/cli/main.ts',
  main: 'src/main.ts',
  'extract-worker': 'src/ingest/extract-worker.ts',
  digest: 'scripts/digest.ts',
  'register-discord': 'scripts/register-discord.ts',
  'slack-manifest': 'scripts/slack-manifest.ts',
  bench: 'bench/run.ts',
};

const SOURCE_DIRS = ['src', 'commands', 'scripts', 'bench'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/build.js', 'bin/launch.js'];
const SKIP = new Set(['node_modules', 'out', 'dist']);

/** A hash of the path, size and mtime of every file the build reads. */
export function fingerprint(root = ROOT) {
  const h = createHash('sha1');
  const add = (rel) => {
    try {
      const s = statSync(join(root, rel));
      h.update(`${rel}\0${s.size}\0${s.mtimeMs}\n`);
    } catch {
      h.update(`${rel}\0missing\n`);
    }
  };
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) walk(`${rel}/${e.name}`);
      } else add(`${rel}/${e.name}`);
    }
  };
  for (const d of SOURCE_DIRS) walk(d);
  for (const f of SOURCE_FILES) add(f);
  return h.digest('hex');
}

/** The current build's folder when it matches the sources, else null. */
export function currentBuild(root = ROOT, fp = fingerprint(root)) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, 'dist', 'current.json'), 'utf8'));
    const dir = join(root, 'dist', stamp.dir);
    return stamp.fingerprint === fp && existsSync(dir) ? dir : null;
  } catch {
    return null;
  }
}

/** A fresh build's folder: the current one, or a new one built now; null when building failed. */
export async function ensureBuild() {
  const fp = fingerprint();
  const dir = currentBuild(ROOT, fp);
  if (dir) return dir;
  try {
    const { build } = await import('./build.js');
    return await build(fp);
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`note: could not rebuild dist/ (${msg}); running the TypeScript sources through tsx\n`);
    return null;
  }
}

/**
 * Run entry `name` as the main module with `args`: the compiled one, or its TypeScript source
 * through tsx when no fresh build can be had. Entries start themselves when they are the main
 * module (import.meta.url equals process.argv[1]), so argv[1] is set to the file being run.
 */
export async function run(name, args) {
  const src = ENTRIES[name];
  if (!src) throw new Error(`unknown entry "${name}" (one of ${Object.keys(ENTRIES).join(', ')})`);
  const dir = await ensureBuild();
  let file;
  if (dir) file = join(dir, `${name}.js`);
  else {
    const { register } = await import('tsx/esm/api');
    register();
    file = join(ROOT, src);
  }
  process.argv = [process.argv[0], file, ...args];
  await import(pathToFileURL(file).href);
}
