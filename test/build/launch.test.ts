/**
 * The compiled entry points (issue 12): bin/briefing.js and bin/run.js run the esbuild build in
 * dist/, and must never answer from a stale one: after an edit under src/ the next start rebuilds.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without type declarations
import { currentBuild, fingerprint } from '../../bin/launch.js';
import { tempDir } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const fp = fingerprint as (root?: string) => string;
const current = currentBuild as (root?: string, fp?: string) => string | null;

describe('source fingerprint', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('changes when a source file is edited, added or removed, and only then', () => {
    mkdirSync(join(t.dir, 'src', 'core'), { recursive: true });
    writeFileSync(join(t.dir, 'src', 'core', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(t.dir, 'package.json'), '{}\n');
    const first = fp(t.dir);
    expect(fp(t.dir)).toBe(first);
    utimesSync(join(t.dir, 'src', 'core', 'a.ts'), new Date(), new Date(Date.now() + 5000));
    const touched = fp(t.dir);
    expect(touched).not.toBe(first);
    writeFileSync(join(t.dir, 'src', 'b.ts'), 'export const b = 2;\n');
    const added = fp(t.dir);
    expect(added).not.toBe(touched);
    rmSync(join(t.dir, 'src', 'b.ts'));
    expect(fp(t.dir)).toBe(touched);
  });

  it('a build counts only while its fingerprint matches the sources', () => {
    mkdirSync(join(t.dir, 'dist', 'b-1'), { recursive: true });
    writeFileSync(join(t.dir, 'dist', 'current.json'), JSON.stringify({ dir: 'b-1', fingerprint: fp(t.dir) }));
    expect(current(t.dir)).toBe(join(t.dir, 'dist', 'b-1'));
    writeFileSync(join(t.dir, 'src', 'core', 'a.ts'), 'export const a = 2;\n');
    expect(current(t.dir)).toBeNull();
  });
});

describe('compiled entry points', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  // A copy of the project (node_modules linked), so the test may edit its sources.
  const copy = join(t.dir, 'project');
  for (const d of ['src', 'commands', 'scripts', 'bench', 'bin', 'seeds']) cpSync(join(ROOT, d), join(copy, d), { recursive: true });
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(ROOT, f), join(copy, f));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  const env = { ...process.env, BRIEFING_DB: join(t.dir, 'kb.db'), BRIEFING_SEEDS: join(copy, 'seeds') };
  const briefing = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'bin', 'briefing.js'), ...args], { cwd: copy, env, encoding: 'utf8' });

  it('answers from a build in dist/, and the same as the TypeScript sources', () => {
    const r = briefing('--json', 'stance', 'Russia');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(current(copy)).not.toBeNull();
    const ts = spawnSync(process.execPath, ['--import', 'tsx', join(copy, 'src', 'cli', 'main.ts'), '--json', 'stance', 'Russia'], { cwd: copy, env, encoding: 'utf8' });
    expect(ts.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(ts.stdout));
    expect(JSON.parse(r.stdout).alignment).toBe('maduro');
  });

  it('rebuilds after an edit under src/ instead of answering from the old build', () => {
    const before = current(copy);
    const file = join(copy, 'src', 'core', 'answer', 'stance-answer.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('statement${st.n_claims === 1', 'STATEMENT${st.n_claims === 1'));
    const r = briefing('stance', 'Russia');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/on \d+ STATEMENTs in \d+ articles/);
    expect(current(copy)).not.toBe(before);
  });

  it('runs the npm scripts compiled too (a usage error exits 2)', () => {
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'run.js'), 'digest', '--bogus'], { cwd: copy, env, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown option --bogus');
  });
});
