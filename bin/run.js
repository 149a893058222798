#!/usr/bin/env node
// `node bin/run.js <entry> [args]`: what the npm scripts start (entries in bin/launch.js), compiled,
// rebuilt first when the sources changed since the last build.
import { run } from './launch.js';

const [name, ...args] = process.argv.slice(2);
if (!name) {
  process.stderr.write('usage: node bin/run.js <entry> [args]\n');
  process.exit(2);
}
await run(name, args);
