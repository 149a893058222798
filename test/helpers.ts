/** Shared test helpers: a fresh knowledge base on a temporary SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, openApp } from '../src/app.js';

export const SEEDS = join(import.meta.dirname, '..', 'seeds');
export const VALDORIA = join(import.meta.dirname, 'fixtures', 'valdoria');
export const MORE = join(import.meta.dirname, 'fixtures', 'more');

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Open an app on a fresh database file in a temp folder. */
export function freshApp(seedsDir: string): App & { cleanup(): void } {
  const t = tempDir();
  const app = openApp({ db: join(t.dir, 'kb.db'), seedsDir });
  return Object.assign(app, {
    cleanup: () => {
      app.close();
      t.cleanup();
    },
  });
}

/** A test fixture's folder (test/fixtures/<name>). */
export const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

/**
 * The /ask answer of a question on a fixture's knowledge base, built once for the test file (before
 * its tests, closed after them): `const answer = askOn('kessa')` then `await answer('…')`.
 */
export function askOn(name: string, hooks: { beforeAll(fn: () => void): void; afterAll(fn: () => void): void }) {
  let app: ReturnType<typeof freshApp> | undefined;
  hooks.beforeAll(() => {
    app = freshApp(fixture(name));
  });
  hooks.afterAll(() => app?.cleanup());
  const kb = () => (app as ReturnType<typeof freshApp>).kb;
  return Object.assign(async (q: string) => (await kb().ask(q)).answer, { kb });
}
