/**
 * Lost answers from the local Slack and Discord, with the real WebClient and discord.js REST: the
 * post arrives but its answer does not (connection closed after the request was processed), or the
 * request never arrives (closed before). Every channel must show its digest once: nothing lost,
 * nothing doubled, nothing hung.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Channel, channels, DAY, openProc, type Proc, subscribeAll, tally } from './platform-rig.js';
import { usePlatforms } from './use-platforms.js';

const rig = usePlatforms();

let db: string;
let proc: Proc;
beforeEach(() => {
  db = rig.db();
});

function open(o: { nonceWindowMs?: number } = {}): Proc {
  proc = openProc(db, { slackUrl: rig.p.slack.apiUrl, discordUrl: rig.p.discord.apiUrl, ...o });
  return proc;
}

function row(c: Channel) {
  return proc.runner.ledger.get({ platform: c.platform, channelId: c.id, localDate: DAY });
}

function expectOnce(list: Channel[]) {
  for (const [key, v] of tally(rig.p, list)) expect(v, key).toEqual({ first: 1, doubled: 0 });
}

describe('Slack: chat.postMessage answered by a closed connection', () => {
  it('is not retried blindly: the retry finds the delivery marker in the channel history and posts nothing more', async () => {
    const list = channels(3, 100).filter((c) => c.platform === 'slack');
    subscribeAll(db, list);
    rig.p.slack.dropNext('chat.postMessage', 1, 'after');
    open();
    const first = await proc.runner.runDue();
    expect(first.filter((o) => o.result === 'retry-scheduled')).toHaveLength(1);
    const lost = first.find((o) => o.result === 'retry-scheduled') as (typeof first)[number];
    expect(row({ platform: 'slack', id: lost.channelId })?.sendingAt).not.toBeNull();
    const second = await proc.runner.runDue();
    expect(second.map((o) => o.result)).toEqual(['posted']);
    expectOnce(list);
    for (const c of list) expect(row(c)).toMatchObject({ status: 'posted' });
    const history = rig.p.slack.callsOf('conversations.history').filter((c) => c.body.channel === lost.channelId);
    expect(history.length).toBeGreaterThanOrEqual(1);
    proc.close();
  });

  it('a request cut before Slack processed it is found absent, then posted once', async () => {
    const list = channels(1, 200).filter((c) => c.platform === 'slack');
    subscribeAll(db, list);
    rig.p.slack.dropNext('chat.postMessage', 1, 'before');
    open();
    await proc.runner.runDue();
    expect(rig.p.slack.messagesIn('C200')).toHaveLength(0);
    expect((await proc.runner.runDue()).map((o) => o.result)).toEqual(['posted']);
    expectOnce(list);
    proc.close();
  });

  it('without the channels:history scope the digest in doubt is reported, not posted again', async () => {
    const list = channels(1, 300).filter((c) => c.platform === 'slack');
    subscribeAll(db, list);
    rig.p.slack.scopes.delete('channels:history');
    try {
      rig.p.slack.dropNext('chat.postMessage', 1, 'after');
      open();
      await proc.runner.runDue();
      const second = await proc.runner.runDue();
      expect(second.map((o) => o.result)).toEqual(['unknown']);
      expect(row(list[0] as Channel)).toMatchObject({ status: 'failed' });
      expect(row(list[0] as Channel)?.lastError).toMatch(/outcome unknown: cannot check the channel history \(missing_scope: needs channels:history\); not re-posted/);
      expectOnce(list);
      expect(await proc.runner.runDue()).toEqual([]); // settled: nothing more is tried
    } finally {
      rig.p.slack.scopes.add('channels:history');
      proc.close();
    }
  });

  it('a 429 is waited out and retried (Slack did not post), once', async () => {
    const list = channels(1, 400).filter((c) => c.platform === 'slack');
    subscribeAll(db, list);
    rig.p.slack.failNext('chat.postMessage', 'ratelimited');
    open();
    expect((await proc.runner.runDue()).map((o) => o.result)).toEqual(['posted']);
    expectOnce(list);
    proc.close();
  });
});

describe('Discord: a channel message answered by a closed connection', () => {
  const route = /\/channels\/\d+\/messages$/;

  it('is re-sent at once with the same nonce, and Discord (enforce_nonce) returns the first message', async () => {
    const list = channels(2, 500).filter((c) => c.platform === 'discord');
    subscribeAll(db, list);
    rig.p.discord.dropNext('POST', route, 'after');
    open();
    const out = await proc.runner.runDue();
    expect(out.map((o) => o.result)).toEqual(['posted', 'posted']);
    expectOnce(list);
    const posts = rig.p.discord.requests.filter((r) => r.method === 'POST' && list.some((c) => r.path.endsWith(`/channels/${c.id}/messages`)));
    for (const r of posts) expect(r.body).toMatchObject({ enforce_nonce: true, nonce: expect.any(String) });
    proc.close();
  });

  it('answers lost again and again: the next run re-sends inside the nonce window, still once', async () => {
    const list = channels(1, 600).filter((c) => c.platform === 'discord');
    subscribeAll(db, list);
    for (let i = 0; i < 3; i++) rig.p.discord.dropNext('POST', route, 'after');
    open();
    expect((await proc.runner.runDue()).map((o) => o.result)).toEqual(['retry-scheduled']);
    expect((await proc.runner.runDue()).map((o) => o.result)).toEqual(['posted']);
    expectOnce(list);
    proc.close();
  });

  it('past the nonce window a post in doubt is reported, not re-sent', async () => {
    const list = channels(1, 700).filter((c) => c.platform === 'discord');
    subscribeAll(db, list);
    for (let i = 0; i < 3; i++) rig.p.discord.dropNext('POST', route, 'after');
    open();
    expect((await proc.runner.runDue()).map((o) => o.result)).toEqual(['retry-scheduled']);
    proc.close();
    // The next run starts 10 minutes later (its own clock): far outside the 2-minute window.
    proc = openProc(db, { slackUrl: rig.p.slack.apiUrl, discordUrl: rig.p.discord.apiUrl, at: '2025-01-15T06:40:00Z' });
    const sends = rig.p.discord.requests.length;
    expect((await proc.runner.runDue()).map((o) => o.result)).toEqual(['unknown']);
    expect(rig.p.discord.requests.length).toBe(sends);
    expect(row(list[0] as Channel)?.lastError).toMatch(/^outcome unknown: .*Discord no longer deduplicates it; not re-posted/);
    expectOnce(list);
    proc.close();
  });
});
