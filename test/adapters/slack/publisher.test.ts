/** The Slack Publisher (scheduled digests): chat.postMessage, retries, and channel-gone errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GONE_ERRORS } from '../../../src/adapters/slack/publish.js';
import { renderView, SLACK_PAGE_BUDGET } from '../../../src/adapters/slack/render.js';
import { paginate } from '../../../src/adapters/shared/paginate.js';
import type { View } from '../../../src/core/answer/view.js';
import { digestView } from '../../../src/core/answer/views.js';
import { slackPages } from '../../../src/adapters/slack/digest.js';
import { ChannelGoneError, OutcomeUnknownError } from '../../../src/schedule/publisher.js';
import { expectSlackSafe, type Harness, startHarness } from './harness.js';
import { longView } from './views.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const view: View = {
  kind: 'digest',
  title: 'Digest — 24 Jan 2019',
  accent: { kind: 'info' },
  lead: 'A headline with <!channel> in it',
  blocks: [{ type: 'text', text: 'Body & more' }],
  footer: 'Sources: AP',
};

describe('Slack publisher', () => {
  it('is the adapter publisher for platform slack', () => {
    expect(h.slack.publisher.platform).toBe('slack');
  });

  it('posts the rendered view with blocks and fallback text', async () => {
    const before = h.fake.callsOf('chat.postMessage').length;
    await h.slack.publisher.publish('C0DIGEST', view);
    const calls = h.fake.callsOf('chat.postMessage').slice(before);
    expect(calls).toHaveLength(1);
    const body = calls[0]?.body as Record<string, unknown>;
    expect(body.channel).toBe('C0DIGEST');
    const expected = renderView(view);
    expect(body.blocks).toEqual(JSON.parse(JSON.stringify(expected.blocks)));
    expect(body.text).toBe(expected.text);
    expectSlackSafe(body);
    expect(calls[0]?.headers.authorization).toBe('Bearer xoxb-test');
  });

  it('posts the core digest view as the scheduler would', async () => {
    const { kb } = h.bot.app;
    const digest = digestView(kb.digest({}), kb.crisis);
    const before = h.fake.callsOf('chat.postMessage').length;
    await h.slack.publisher.publish('C0DIGEST', digest);
    const calls = h.fake.callsOf('chat.postMessage').slice(before);
    // A digest is read in one message: every section of it.
    expect(calls).toHaveLength(1);
    expect(slackPages(digest)).toHaveLength(1);
    for (const s of ['Top developments', 'Who backs whom', 'Key figures', 'What to watch', 'Sources']) expect(JSON.stringify(calls[0]?.body.blocks)).toContain(s);
    for (const c of calls) expectSlackSafe(c.body);
  });

  it('posts a long view as a message plus thread replies, without page buttons', async () => {
    const long = longView();
    const pages = paginate(long, SLACK_PAGE_BUDGET);
    const before = h.fake.callsOf('chat.postMessage').length;
    await h.slack.publisher.publish('C0LONG', long);
    const calls = h.fake.callsOf('chat.postMessage').slice(before);
    expect(calls).toHaveLength(pages.length);
    expect(calls[0]?.body.thread_ts).toBeUndefined();
    const threadTs = calls[1]?.body.thread_ts;
    expect(typeof threadTs).toBe('string');
    for (const c of calls.slice(1)) expect(c.body.thread_ts).toBe(threadTs);
    for (const c of calls) {
      expectSlackSafe(c.body);
      expect((c.body.blocks as { type: string }[]).some((b) => b.type === 'actions')).toBe(false);
    }
  });

  it('retries a 429 (Retry-After) and succeeds', async () => {
    h.fake.failNext('chat.postMessage', 'ratelimited');
    const before = h.fake.callsOf('chat.postMessage').length;
    const t0 = Date.now();
    await h.slack.publisher.publish('C0BUSY', view);
    const calls = h.fake.callsOf('chat.postMessage').slice(before);
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.body.channel === 'C0BUSY')).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900); // waited out Retry-After: 1
  });

  it('does not retry a 500 itself: the post may have arrived (outcome unknown; the scheduler checks before any re-post)', async () => {
    h.fake.failNext('chat.postMessage', 'http500');
    const before = h.fake.callsOf('chat.postMessage').length;
    const err = await h.slack.publisher.publish('C0FLAKY', view).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(h.fake.callsOf('chat.postMessage').slice(before)).toHaveLength(1);
  });

  it('maps channel-gone errors to ChannelGoneError, without retrying', async () => {
    for (const error of GONE_ERRORS) {
      h.fake.failNext('chat.postMessage', { error });
      const before = h.fake.callsOf('chat.postMessage').length;
      const err = await h.slack.publisher.publish('C0GONE', view).catch((e: unknown) => e);
      expect(err, error).toBeInstanceOf(ChannelGoneError);
      expect((err as Error).message).toContain(error);
      expect(h.fake.callsOf('chat.postMessage').slice(before)).toHaveLength(1);
    }
  });

  it('rethrows other Slack errors as they are', async () => {
    h.fake.failNext('chat.postMessage', { error: 'invalid_blocks' });
    const err = await h.slack.publisher.publish('C0X', view).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ChannelGoneError);
    expect((err as { data?: { error?: string } }).data?.error).toBe('invalid_blocks');
  });
});
