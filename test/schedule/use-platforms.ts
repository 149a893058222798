/**
 * The local Slack and Discord and a temporary folder, started once for a test file and closed after
 * it (vitest hooks; platform-rig.ts stays free of them for the kill child and `npm run stress`).
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../helpers.js';
import { type Platforms, startPlatforms } from './platform-rig.js';

export interface PlatformRig {
  readonly p: Platforms;
  readonly dir: string;
  /** A database path in the folder: `kb-<name>.db`, or the next number. */
  db(name?: string | number): string;
}

export function usePlatforms(): PlatformRig {
  let p: Platforms | undefined;
  let t: ReturnType<typeof tempDir> | undefined;
  let n = 0;
  beforeAll(async () => {
    p = await startPlatforms();
    t = tempDir();
  });
  afterAll(async () => {
    await p?.close();
    t?.cleanup();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the platforms start in beforeAll');
    return x;
  };
  return {
    get p() {
      return started(p);
    },
    get dir() {
      return started(t).dir;
    },
    db: (name) => join(started(t).dir, `kb-${name ?? ++n}.db`),
  };
}
