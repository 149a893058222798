#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=50
// The `briefing` command: the compiled CLI from dist/, rebuilt first when src/ changed (bin/launch.js).
// A small young generation (--max-semi-space-size=4) and an old generation grown by half its live
// size after each full collection instead of up to four times (--heap-growing-percent=50), as in
// the npm scripts, keep a 100,000-article ingest under 300 MB resident; see the README.
import { run } from './launch.js';

await run('cli', process.argv.slice(2));
