/**
 * A digest run in its own process, for the kill tests: it posts what is due through the real
 * clients to the local Slack and Discord, and SIGKILLs itself at the chosen fault point.
 *   KILL_DB, SLACK_URL, DISCORD_URL: where; KILL_POINT / KILL_NTH: when (none: run to the end, unless
 *   the parent kills it). Prints "ready" before the run and "done" after it.
 */
import type { FaultPoint } from '../../src/schedule/index.js';
import { openProc } from './platform-rig.js';

const env = process.env;
const point = env.KILL_POINT as FaultPoint | undefined;
const nth = Number(env.KILL_NTH ?? 1);
let seen = 0;
const proc = openProc(env.KILL_DB as string, {
  slackUrl: env.SLACK_URL as string,
  discordUrl: env.DISCORD_URL as string,
  faults: (p) => {
    if (p === point && ++seen === nth) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('ready\n');
await proc.runner.runDue();
proc.close();
process.stdout.write('done\n');
process.exit(0);
