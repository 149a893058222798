/**
 * npm run stress: runs every suite in bench/stress/ (each a module exporting
 * `run(): Promise<Record<string, number>>`), one after the other, and prints their counts.
 * Exit code 1 if a suite fails to run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Suite = { run?: () => Promise<Record<string, number>> };

async function main(): Promise<void> {
  const dir = import.meta.dirname;
  const only = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
    .sort();
  let failed = false;
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as Suite;
    if (typeof mod.run !== 'function') continue;
    const name = f.replace(/\.ts$/, '');
    const t = performance.now();
    try {
      const counts = await mod.run();
      const secs = ((performance.now() - t) / 1000).toFixed(1);
      process.stdout.write(`${name} (${secs} s)\n${Object.entries(counts).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`);
    } catch (err) {
      failed = true;
      process.stdout.write(`${name}: FAILED ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  process.stderr.write(`stress failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
