/**
 * Long digests (several messages) are resumed at the page they stopped at, never started over:
 * a lost answer or a kill between pages leaves every page exactly once, in order (on Slack in one
 * thread). Real WebClient and discord.js REST against the local servers; the runner posts a long
 * view instead of the seeds' short digest.
 */
import { describe, expect, it } from 'vitest';
import { digestNonce } from '../../src/adapters/discord/publisher.js';
import { renderPages } from '../../src/adapters/discord/render.js';
import { paginate } from '../../src/adapters/shared/paginate.js';
import { DIGEST_EVENT } from '../../src/adapters/slack/publish.js';
import { SLACK_PAGE_BUDGET } from '../../src/adapters/slack/render.js';
import type { Publisher } from '../../src/schedule/publisher.js';
import { longView } from '../adapters/slack/views.js';
import { type Channel, channels, DAY, openProc, type ProcOptions, RESTART_AT, subscribeAll } from './platform-rig.js';
import { usePlatforms } from './use-platforms.js';

const rig = usePlatforms();
let n = 0;

const long = longView(60);
const wrap = (pub: Publisher): Publisher => ({ platform: pub.platform, publish: (ch, _view, ctx) => pub.publish(ch, long, ctx) });
const SLACK_PAGES = paginate(long, SLACK_PAGE_BUDGET).length;
const DISCORD_PAGES = Math.min(renderPages(long).length, 5);
const DISCORD_POST = /\/channels\/\d+\/messages$/;

function setup(platform: 'slack' | 'discord') {
  n++;
  const c = channels(1, 2000 + n).find((x) => x.platform === platform) as Channel;
  const db = rig.db(n);
  subscribeAll(db, [c]);
  const o = (extra: Partial<ProcOptions> = {}): ProcOptions => ({ slackUrl: rig.p.slack.apiUrl, discordUrl: rig.p.discord.apiUrl, wrap, ...extra });
  return { c, db, o };
}

/** The delivery's pages as the Slack channel shows them, and whether all later pages are in page 0's thread. */
function slackPages(channel: string) {
  const msgs = rig.p.slack.messagesIn(channel).filter((m) => m.metadata?.event_type === DIGEST_EVENT);
  const parent = msgs.find((m) => m.metadata.event_payload.page === 0);
  return {
    pages: msgs.map((m) => m.metadata.event_payload.page as number),
    threaded: msgs.filter((m) => m.metadata.event_payload.page > 0).every((m) => m.thread_ts === parent?.ts),
  };
}

/** The delivery's pages as the Discord channel shows them (by nonce). */
function discordPages(channel: string): number[] {
  const nonces = Array.from({ length: 5 }, (_, i) => digestNonce(`discord/${channel}/${DAY}`, i));
  return rig.p.discord.messagesIn(channel).map((m) => nonces.indexOf(String(m.body?.nonce)));
}

const upTo = (k: number) => Array.from({ length: k }, (_, i) => i);

describe('a long digest on Slack', () => {
  it('has several pages (the premise)', () => {
    expect(SLACK_PAGES).toBeGreaterThan(2);
  });

  it('a lost answer on page 2: the retry finds it in the thread and posts only the pages after it', async () => {
    const { c, db, o } = setup('slack');
    rig.p.slack.dropNext('chat.postMessage', 1, 'after', 1);
    const proc = openProc(db, o());
    try {
      expect((await proc.runner.runDue()).map((x) => x.result)).toEqual(['retry-scheduled']);
      expect(proc.runner.ledger.get({ platform: 'slack', channelId: c.id, localDate: DAY })).toMatchObject({ pagesDone: 1 });
      expect((await proc.runner.runDue()).map((x) => x.result)).toEqual(['posted']);
      expect(slackPages(c.id)).toEqual({ pages: upTo(SLACK_PAGES), threaded: true });
      expect(rig.p.slack.callsOf('conversations.replies').some((x) => x.body.channel === c.id)).toBe(true);
    } finally {
      proc.close();
    }
  });

  it('a kill after page 3 was posted, before it was recorded: the restart finds it and posts the rest in the same thread', async () => {
    const { c, db, o } = setup('slack');
    let sent = 0;
    let killed: () => void = () => {};
    const dead = new Promise<void>((r) => (killed = r));
    const first = openProc(
      db,
      o({
        faults: (point) => {
          if (point === 'after-send' && ++sent === 3) {
            first.kill();
            killed();
            return new Promise<void>(() => {});
          }
        },
      }),
    );
    void first.runner.runDue().catch(() => {});
    await dead;
    const second = openProc(db, o({ at: RESTART_AT }));
    try {
      expect((await second.runner.runDue()).map((x) => x.result)).toEqual(['posted']);
      expect(slackPages(c.id)).toEqual({ pages: upTo(SLACK_PAGES), threaded: true });
    } finally {
      second.close();
    }
  });
});

describe('a long digest on Discord', () => {
  it('has several pages (the premise)', () => {
    expect(DISCORD_PAGES).toBeGreaterThan(2);
  });

  it('answers of page 2 lost three times: the retry re-sends it with its nonce (deduplicated), then the rest', async () => {
    const { c, db, o } = setup('discord');
    for (let i = 0; i < 3; i++) rig.p.discord.dropNext('POST', DISCORD_POST, 'after', i === 0 ? 1 : 0);
    const proc = openProc(db, o());
    try {
      expect((await proc.runner.runDue()).map((x) => x.result)).toEqual(['retry-scheduled']);
      expect((await proc.runner.runDue()).map((x) => x.result)).toEqual(['posted']);
      expect(discordPages(c.id)).toEqual(upTo(DISCORD_PAGES));
    } finally {
      proc.close();
    }
  });

  it('a kill while page 3 is in flight: the restart re-sends it with its nonce, then the rest', async () => {
    const { c, db, o } = setup('discord');
    rig.p.discord.dropNext('POST', DISCORD_POST, 'hold', 2);
    const first = openProc(db, o());
    void first.runner.runDue().catch(() => {});
    await rig.p.discord.waitFor((r) => r.lost === 'held' && r.path.endsWith(`/channels/${c.id}/messages`), 10_000);
    first.kill();
    rig.p.discord.cutHeld();
    const second = openProc(db, o({ at: RESTART_AT }));
    try {
      expect((await second.runner.runDue()).map((x) => x.result)).toEqual(['posted']);
      expect(discordPages(c.id)).toEqual(upTo(DISCORD_PAGES));
    } finally {
      second.close();
    }
  });
});
