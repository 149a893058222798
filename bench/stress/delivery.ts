/**
 * Stress: scheduled digests under injected crashes and dropped responses, with the real Slack
 * WebClient and discord.js REST against the local Slack and Discord servers of the tests.
 *
 * Each round subscribes 3 Slack and 3 Discord channels on a fresh database, then a first run is
 * hit by one of: a crash at a fault point (before claim, after claim, before a request, after its
 * answer; at a random occurrence), a crash while a post is held by the server (processed, never
 * answered), or several dropped answers (connection closed after or before the server processed
 * the post). A crash is simulated in process as a kill is seen from the database: the run's
 * connection is closed, its owner retired, and none of its workers takes another step. A second
 * run (the restart) then runs until nothing is due. Every fourth round the Slack token lacks the
 * history scope, where a post in doubt can only be reported (the documented platform limit).
 *
 * Counts: digests lost (a channel without its digest and not reported), duplicated (a page shown
 * twice), reported as in doubt (the platform limit, with whether they did arrive), hung runs.
 * STRESS_DELIVERY_ROUNDS sets the number of rounds (default 48).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultPoint } from '../../src/schedule/index.js';
import { channels, DAY, RESTART_AT, openProc, type Platforms, type Proc, startPlatforms, subscribeAll, tally } from '../../test/schedule/platform-rig.js';

const POINTS: FaultPoint[] = ['before-claim', 'after-claim', 'before-send', 'after-send'];
const DISCORD_POST = /\/channels\/\d+\/messages$/;
/** A run that takes longer than this is counted as hung (each request times out in 5 s). */
const HUNG_MS = 60_000;

/** A small deterministic generator, so a run can be repeated. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function within<T>(p: Promise<T>, ms: number): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), ms)))]).finally(() => clearTimeout(timer));
}

export async function run(): Promise<Record<string, number>> {
  const rounds = Number(process.env.STRESS_DELIVERY_ROUNDS ?? 48);
  const rand = rng(11);
  const p: Platforms = await startPlatforms();
  const dir = mkdtempSync(join(tmpdir(), 'briefing-stress-delivery-'));
  const counts = {
    rounds: 0,
    'digests expected': 0,
    'digests lost': 0,
    'digests duplicated': 0,
    'injected crashes': 0,
    'crashes while a post was held': 0,
    'dropped responses': 0,
    'digests in doubt, reported (platform limit)': 0,
    'of which had arrived': 0,
    'hung runs': 0,
  };
  try {
    for (let round = 0; round < rounds; round++) {
      const list = channels(3, round * 10);
      const db = join(dir, `kb-${round}.db`);
      subscribeAll(db, list);
      const noHistory = round % 4 === 3;
      if (noHistory) p.slack.scopes.delete('channels:history');
      const kind = round % 3; // 0: crash at a point, 1: crash during a held post, 2: dropped answers
      let first: Proc | undefined;
      let onKill: () => void = () => {};
      const killed = new Promise<void>((r) => (onKill = r));
      let dead = false;
      const kill = () => {
        if (dead) return;
        dead = true;
        first?.kill();
        onKill();
      };
      const point = POINTS[Math.floor(rand() * POINTS.length)] as FaultPoint;
      const nth = 1 + Math.floor(rand() * 5);
      let seen = 0;
      first = openProc(db, {
        slackUrl: p.slack.apiUrl,
        discordUrl: p.discord.apiUrl,
        faults: (at) => {
          if (kind === 0 && !dead && at === point && ++seen === nth) {
            counts['injected crashes']++;
            kill();
          }
          if (dead) return new Promise<void>(() => {});
        },
      });
      let held: Promise<unknown> | undefined;
      if (kind === 1) {
        const onSlack = rand() < 0.5;
        const before = onSlack ? p.slack.calls.length : p.discord.requests.length;
        if (onSlack) p.slack.holdNext('chat.postMessage');
        else p.discord.holdNext('POST', DISCORD_POST);
        held = onSlack
          ? p.slack.waitFor(() => p.slack.calls.slice(before).some((c) => c.lost === 'held'), HUNG_MS, 'held post')
          : p.discord.waitFor((r) => r.lost === 'held' && p.discord.requests.indexOf(r) >= before, HUNG_MS);
        held.then(
          () => {
            counts['injected crashes']++;
            counts['crashes while a post was held']++;
            kill();
          },
          () => {}, // no post was made: nothing to crash on
        );
      }
      if (kind === 2) {
        const drops = 1 + Math.floor(rand() * 4);
        for (let i = 0; i < drops; i++) {
          const how = rand() < 0.75 ? 'after' : 'before';
          if (rand() < 0.5) p.slack.dropNext('chat.postMessage', 1, how);
          else p.discord.dropNext('POST', DISCORD_POST, how);
        }
      }
      const dropped = () => p.slack.calls.filter((c) => c.lost === 'dropped').length + p.discord.requests.filter((r) => r.lost === 'dropped').length;
      const droppedBefore = dropped();
      const firstRun = first.runner.runDue().catch(() => []);
      const r1 = await within(Promise.race([firstRun, killed]), HUNG_MS);
      if (r1 === 'hung') counts['hung runs']++;
      if (!dead) first.close();
      // Held answers are never sent: cut them, as the dead process's sockets would be; losses
      // queued for posts the crashed run never made do not carry over.
      p.slack.cutHeld();
      p.discord.cutHeld();
      p.slack.clearLosses();
      p.discord.clearLosses();

      // The restart, a minute later (each simulated process has its own clock, starting at RUN_AT).
      const second = openProc(db, { slackUrl: p.slack.apiUrl, discordUrl: p.discord.apiUrl, at: RESTART_AT });
      for (let i = 0; i < 6; i++) {
        const out = await within(second.runner.runDue(), HUNG_MS);
        if (out === 'hung') {
          counts['hung runs']++;
          break;
        }
        if (!out.length) break;
      }
      for (const c of list) {
        const row = second.runner.ledger.get({ platform: c.platform, channelId: c.id, localDate: DAY });
        const shown = tally(p, [c]).get(`${c.platform}/${c.id}`) ?? { first: 0, doubled: 0 };
        counts['digests expected']++;
        if (shown.first > 1 || shown.doubled > 0) counts['digests duplicated']++;
        if (row?.status === 'failed' && row.lastError?.startsWith('outcome unknown')) {
          counts['digests in doubt, reported (platform limit)']++;
          if (process.env.STRESS_DEBUG) process.stderr.write(`in doubt: round ${round} kind ${kind} ${c.platform}/${c.id} noHistory ${noHistory} shown ${shown.first} ${row.lastError}\n`);
          if (shown.first === 1) counts['of which had arrived']++;
        } else if (shown.first === 0 || row?.status !== 'posted') {
          counts['digests lost']++;
          if (process.env.STRESS_DEBUG) process.stderr.write(`lost: round ${round} kind ${kind} ${point}#${nth} ${c.platform}/${c.id} shown ${JSON.stringify(shown)} row ${JSON.stringify(row)}\n`);
        }
      }
      second.close();
      counts['dropped responses'] += dropped() - droppedBefore;
      if (noHistory) p.slack.scopes.add('channels:history');
      counts.rounds++;
    }
  } finally {
    await p.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (c) => {
      for (const [k, v] of Object.entries(c)) process.stdout.write(`${k}: ${v}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`stress failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
