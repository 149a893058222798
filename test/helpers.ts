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
