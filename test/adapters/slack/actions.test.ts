/**
 * Previous/Next buttons through the real Bolt app: a long view is paged by the same code path a
 * command uses (presentView), then button presses arrive as signed block_actions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentView } from '../../../src/adapters/slack/dispatch.js';
import { parsePageValue } from '../../../src/adapters/slack/pages.js';
import { PAGE_ACTIONS, renderView, SLACK_PAGE_BUDGET } from '../../../src/adapters/slack/render.js';
import { paginate } from '../../../src/adapters/shared/paginate.js';
import type { View } from '../../../src/core/answer/view.js';
import { timelineView } from '../../../src/core/answer/views.js';
import { expectSlackSafe, type Harness, startHarness } from './harness.js';
import { longView } from './views.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
function buttons(msg: { blocks: any[] }): Record<string, string> {
  const nav = msg.blocks.find((b) => b.type === 'actions');
  return Object.fromEntries((nav?.elements ?? []).map((e: { action_id: string; value: string }) => [e.action_id, e.value]));
}

describe('pagination buttons', () => {
  const asker = 'U0ASKER';
  const view = longView();
  const pages = paginate(view, SLACK_PAGE_BUDGET);

  it('the first page carries Next only, with an id and page in the value', () => {
    expect(pages.length).toBeGreaterThan(2);
    const first = presentView(view, asker, h.slack.pages);
    expectSlackSafe(first);
    const b = buttons(first);
    expect(Object.keys(b)).toEqual([PAGE_ACTIONS.next]);
    const ref = parsePageValue(b[PAGE_ACTIONS.next]);
    expect(ref?.page).toBe(1);
    expect(first.text).toContain(`Page 1/${pages.length}`);
  });

  it('Next from the asker replaces the message with page 2, which has Previous and Next', async () => {
    const first = presentView(view, asker, h.slack.pages);
    const value = buttons(first)[PAGE_ACTIONS.next] as string;
    const res = await h.press({ userId: asker, actionId: PAGE_ACTIONS.next, value, id: 'next1' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const msg = (await h.fake.waitForResponse('next1')).body;
    expect(msg.replace_original).toBe(true);
    expectSlackSafe(msg);
    const id = (parsePageValue(value) as { id: string }).id;
    expect(msg.blocks).toEqual(JSON.parse(JSON.stringify(renderView(pages[1] as View, { id, page: 1, pages: pages.length }).blocks)));
    expect(msg.text).toContain(`Page 2/${pages.length}`);
    const b = buttons(msg);
    expect(Object.keys(b).sort()).toEqual([PAGE_ACTIONS.next, PAGE_ACTIONS.prev].sort());
    expect(b[PAGE_ACTIONS.prev]).toBe(`${id}:0`);
    expect(b[PAGE_ACTIONS.next]).toBe(`${id}:2`);

    // And back.
    await h.press({ userId: asker, actionId: PAGE_ACTIONS.prev, value: `${id}:0`, id: 'prev1' });
    const back = (await h.fake.waitForResponse('prev1')).body;
    expect(back.replace_original).toBe(true);
    expect(back.text).toContain(`Page 1/${pages.length}`);

    // The last page has Previous only.
    const lastIndex = pages.length - 1;
    await h.press({ userId: asker, actionId: PAGE_ACTIONS.next, value: `${id}:${lastIndex}`, id: 'last1' });
    const last = (await h.fake.waitForResponse('last1')).body;
    expect(Object.keys(buttons(last))).toEqual([PAGE_ACTIONS.prev]);
  });

  it('another user is refused politely, ephemerally, without replacing the message', async () => {
    const first = presentView(view, asker, h.slack.pages);
    const value = buttons(first)[PAGE_ACTIONS.next] as string;
    await h.press({ userId: 'U0SOMEONEELSE', actionId: PAGE_ACTIONS.next, value, id: 'other1' });
    const msg = (await h.fake.waitForResponse('other1')).body;
    expect(msg.response_type).toBe('ephemeral');
    expect(msg.replace_original).toBe(false);
    expect(msg.text).toMatch(/Only the person who asked/);
    expectSlackSafe(msg);
  });

  it('a stale or forged button value gets a polite note', async () => {
    for (const [value, id] of [
      ['AAAAAAAAAAAA:1', 'stale1'],
      ['not a value', 'stale2'],
    ] as const) {
      await h.press({ userId: asker, actionId: PAGE_ACTIONS.next, value, id });
      const msg = (await h.fake.waitForResponse(id)).body;
      expect(msg.response_type).toBe('ephemeral');
      expect(msg.replace_original).toBe(false);
      expect(msg.text).toMatch(/expired/);
    }
    // A page number past the end is treated the same way.
    const first = presentView(view, asker, h.slack.pages);
    const ref = parsePageValue(buttons(first)[PAGE_ACTIONS.next]) as { id: string };
    await h.press({ userId: asker, actionId: PAGE_ACTIONS.next, value: `${ref.id}:999`, id: 'stale3' });
    expect((await h.fake.waitForResponse('stale3')).body.text).toMatch(/expired/);
  });

  it('end to end from a command: /timeline limit:100 pages with Next when the corpus makes it long', async () => {
    const expected = paginate(timelineView(h.bot.app.kb.timeline({ limit: 100 })), SLACK_PAGE_BUDGET);
    const reply = await h.command('/timeline', 'limit:100', { user_id: asker });
    const first = (await h.fake.waitForResponse(reply.id)).body;
    expectSlackSafe(first);
    const value = buttons(first)[PAGE_ACTIONS.next];
    if (expected.length === 1) {
      expect(value).toBeUndefined(); // a short corpus: nothing to page
      return;
    }
    expect(value).toBeDefined();
    await h.press({ userId: asker, actionId: PAGE_ACTIONS.next, value: value as string, id: 'tl-next' });
    const second = (await h.fake.waitForResponse('tl-next')).body;
    expect(second.replace_original).toBe(true);
    expectSlackSafe(second);
    const id = (parsePageValue(value) as { id: string }).id;
    expect(second.blocks).toEqual(JSON.parse(JSON.stringify(renderView(expected[1] as View, { id, page: 1, pages: expected.length }).blocks)));
  });
});
