/**
 * End to end: the real bot (startBot, the real Slack adapter and its Publisher) against the local
 * fake Slack. A channel subscribes with a signed slash command; at 07:30 Paris its cron job fires
 * and the digest arrives as chat.postMessage. Only Date is faked (sockets and timers stay real):
 * the clock is parked a moment before 07:30, then moved to 07:30.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { slackPages } from '../../src/adapters/slack/digest.js';
import { renderView } from '../../src/adapters/slack/render.js';
import type { View } from '../../src/core/answer/view.js';
import { digestView } from '../../src/core/answer/views.js';
import { expectSlackSafe, type Harness, startHarness } from '../adapters/slack/harness.js';

let h: Harness;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-01-15T06:29:59.500Z') }); // 07:29:59.5 in Paris
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
  vi.useRealTimers();
});

describe('scheduled digest through the Slack adapter', () => {
  it('subscribes with /digest, then posts at 07:30 Europe/Paris, once', async () => {
    const channel = 'C0MORNING';
    const sub = await h.command('/digest', 'subscribe 07:30 Europe/Paris', { channel_id: channel, user_id: 'U0OWNER' });
    const reply = (await h.fake.waitForResponse(sub.id)).body;
    expect(reply.text).toContain('Next digest: Wed 15 Jan 2025, 07:30 (Europe/Paris)');
    expect(h.bot.scheduler?.planned().map((j) => j.expression)).toEqual(['30 7 * * *']);
    const postsTo = () => h.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === channel);
    expect(postsTo()).toHaveLength(0);

    vi.setSystemTime(new Date('2025-01-15T06:30:00.050Z'));
    const [first] = await h.fake.waitFor(() => (postsTo().length ? postsTo() : null), 10_000, 'the scheduled digest');
    await h.bot.scheduler?.idle();

    const { kb } = h.bot.app;
    const posted = first?.body as Record<string, unknown>;
    // The first message is the digest's first page (later pages go to its thread).
    expect(posted.text).toBe(renderView(slackPages(digestView(kb.digest(), kb.crisis))[0] as View).text);
    expect(posted.metadata).toEqual({ event_type: 'briefing_digest', event_payload: { delivery_id: `slack/${channel}/2025-01-15`, page: 0 } });
    expect(posted.text).toContain('Digest — 24 Jan 2019');
    expectSlackSafe(posted);
    expect(first?.headers.authorization).toBe('Bearer xoxb-test');
    const ledger = h.bot.scheduler?.runner.ledger.get({ platform: 'slack', channelId: channel, localDate: '2025-01-15' });
    expect(ledger).toMatchObject({ status: 'posted', attempts: 1, late: false });

    // Running again (a second trigger, or `npm run digest -- --post`) posts nothing more.
    const again = await h.bot.scheduler?.trigger();
    expect(again?.filter((o) => o.result === 'posted')).toEqual([]);
    const thread = postsTo().filter((c) => c.body.thread_ts === undefined);
    expect(thread).toHaveLength(1); // one message (pages beyond the first go to its thread)

    const status = await h.command('/digest', 'status', { channel_id: channel });
    const statusMsg = (await h.fake.waitForResponse(status.id)).body;
    expect(statusMsg.text).toContain('Last digest: Wed 15 Jan 2025, 07:30 (Europe/Paris)');
    expect(statusMsg.text).toContain('Next digest: Thu 16 Jan 2025, 07:30 (Europe/Paris)');
  });
});
