#!/usr/bin/env node
// The `briefing` command: the compiled CLI from dist/, rebuilt first when src/ changed (bin/launch.js).
import { run } from './launch.js';

await run('cli', process.argv.slice(2));
