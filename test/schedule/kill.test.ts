/**
 * Real kills: a digest run in a child process is SIGKILLed at a chosen point (fault hook), or by
 * this test while a post is in flight on the local Slack or Discord; then a new run on the same
 * database (the restart) must leave every channel with its digest exactly once. Slack and Discord
 * channels share the run, so one kill catches several deliveries at once.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FaultPoint } from '../../src/schedule/index.js';
import { channels, DAY, openProc, RESTART_AT, subscribeAll, tally } from './platform-rig.js';
import { usePlatforms } from './use-platforms.js';

const CHILD = join(import.meta.dirname, 'kill-child.ts');
const rig = usePlatforms();

/** Run the child; resolves with how it ended. `during`: kill it once this resolves. */
function child(db: string, env: Record<string, string>, during?: Promise<unknown>): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  const c = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, KILL_DB: db, SLACK_URL: rig.p.slack.apiUrl, DISCORD_URL: rig.p.discord.apiUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  c.stdout.on('data', (d) => (out += d));
  c.stderr.on('data', (d) => (out += d));
  void during?.then(() => c.kill('SIGKILL'));
  return new Promise((resolve) => c.on('exit', (_code, signal) => resolve({ signal, out })));
}

let base = 0;
async function killAndRestart(env: Record<string, string>, during?: (list: ReturnType<typeof channels>) => Promise<unknown>) {
  base += 10;
  const list = channels(3, base);
  const db = rig.db(base);
  subscribeAll(db, list);
  const ended = await child(db, env, during?.(list));
  expect(ended.signal, ended.out).toBe('SIGKILL');
  // The restart: recovery of what the killed run left, then everything due.
  const proc = openProc(db, { slackUrl: rig.p.slack.apiUrl, discordUrl: rig.p.discord.apiUrl, at: RESTART_AT });
  try {
    await proc.runner.runDue();
    for (const [key, v] of tally(rig.p, list)) expect(v, key).toEqual({ first: 1, doubled: 0 });
    for (const c of list) expect(proc.runner.ledger.get({ platform: c.platform, channelId: c.id, localDate: DAY }), c.id).toMatchObject({ status: 'posted', sendingAt: null });
  } finally {
    proc.close();
  }
}

describe('SIGKILL at a chosen point, then a restart: every digest exactly once', { timeout: 90_000 }, () => {
  const points: [FaultPoint, number][] = [
    ['before-claim', 2],
    ['after-claim', 3],
    ['before-send', 3],
    ['after-send', 3],
  ];
  for (const [point, nth] of points) {
    it(`${point} (#${nth})`, async () => {
      await killAndRestart({ KILL_POINT: point, KILL_NTH: String(nth) });
    });
  }

  it('during a Slack post (processed by Slack, never answered)', async () => {
    rig.p.slack.holdNext('chat.postMessage');
    await killAndRestart({}, (list) => rig.p.slack.waitFor(() => rig.p.slack.callsOf('chat.postMessage').some((c) => c.lost === 'held' && list.some((l) => l.id === c.body.channel)), 20_000, 'the held post'));
    rig.p.slack.cutHeld();
  });

  it('during a Discord post (processed by Discord, never answered)', async () => {
    rig.p.discord.holdNext('POST', /\/channels\/\d+\/messages$/);
    let held = '';
    await killAndRestart({}, async (list) => {
      const r = await rig.p.discord.waitFor((q) => q.method === 'POST' && list.some((c) => q.path.endsWith(`/channels/${c.id}/messages`)), 20_000);
      held = r.path;
    });
    expect(held).not.toBe('');
    rig.p.discord.cutHeld();
  });
});
