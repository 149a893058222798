/**
 * Every command through the real Bolt app (HTTP mode) against the fake Slack. Content is derived
 * from the same core calls the commands make, so these hold whatever the corpus answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { presentView } from '../../../src/adapters/slack/dispatch.js';
import { escapeText, renderView } from '../../../src/adapters/slack/render.js';
import { slackPages } from '../../../src/adapters/slack/digest.js';
import type { View } from '../../../src/core/answer/view.js';
import { actorsView, askView, digestView, sourcesView, stanceView, timelineView } from '../../../src/core/answer/views.js';
import { expectSlackSafe, type Harness, startHarness, withoutNav } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** Send a command whose answer comes through response_url; check ack, type, limits and blocks. */
async function answered(command: string, text: string, expected: View, opts: { user_id?: string; channel_id?: string } = {}) {
  const reply = await h.command(command, text, opts);
  expect(reply.status).toBe(200);
  expect(reply.text).toBe(''); // acknowledged at once, with no body
  const res = await h.fake.waitForResponse(reply.id);
  const msg = res.body;
  expectSlackSafe(msg);
  expect(msg.response_type).toBe(expected.ephemeral ? 'ephemeral' : 'in_channel');
  const pages = slackPages(expected);
  const first = renderView(pages[0] as View);
  expect(withoutNav(msg.blocks)).toEqual(first.blocks);
  expect(msg.text).toBe(first.text);
  // Buttons exactly when the answer has more than one page.
  expect(msg.blocks.some((b: { type: string }) => b.type === 'actions')).toBe(pages.length > 1);
  return msg;
}

/** Send a command that must be refused in the ack itself, ephemerally, and never answered. */
async function refused(command: string, text: string, pattern: RegExp, opts: { channel_id?: string; channel_name?: string } = {}) {
  const reply = await h.command(command, text, opts);
  expect(reply.status).toBe(200);
  const msg = reply.json;
  expect(msg.response_type).toBe('ephemeral');
  expectSlackSafe(msg);
  expect(msg.blocks[0].type).toBe('section');
  expect(msg.blocks[0].text.text).toContain(':warning:');
  expect(msg.text).toMatch(pattern);
  return { reply, msg };
}

describe('slash commands (HTTP mode)', () => {
  it('registers one Slack command per CommandSpec', () => {
    expect(commands.map((c) => c.name).sort()).toEqual(['actors', 'alerts', 'ask', 'crisis', 'digest', 'feeds', 'help', 'sources', 'stance', 'timeline']);
  });

  it('/stance <actor> renders the stance view, header first', async () => {
    const { kb } = h.bot.app;
    const expected = stanceView(kb.stance('Russia'), kb.crisis);
    const msg = await answered('/stance', 'Russia', expected);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: escapeText(expected.title) } });
  });

  it('/stance with an unknown actor answers only the asker', async () => {
    const { kb } = h.bot.app;
    const expected = stanceView(kb.stance('Zzyzx Qwertyland'), kb.crisis);
    expect(expected.ephemeral).toBe(true);
    const msg = await answered('/stance', 'Zzyzx Qwertyland', expected);
    expect(msg.response_type).toBe('ephemeral');
  });

  it('/timeline with and without key:value options', async () => {
    const { kb } = h.bot.app;
    await answered('/timeline', '', timelineView(kb.timeline({})));
    await answered(
      '/timeline',
      'actor:Russia from:2019-01-23 to:2019-01-25 limit:5',
      timelineView(kb.timeline({ actor: 'Russia', from: '2019-01-23', to: '2019-01-25', limit: 5 })),
    );
    await answered('/timeline', 'limit:100', timelineView(kb.timeline({ limit: 100 })));
  });

  it('/digest and /digest now [date]', async () => {
    const { kb } = h.bot.app;
    await answered('/digest', '', digestView(kb.digest({}), kb.crisis));
    await answered('/digest', 'now date:2019-01-24', digestView(kb.digest({ date: '2019-01-24' }), kb.crisis));
  });

  it('/digest subscribe, status, unsubscribe in a channel', async () => {
    const channel_id = 'C0SUBS';
    const user_id = 'U0SUBSCRIBER';
    const sub = await h.command('/digest', 'subscribe 07:30 Europe/Paris', { channel_id, user_id });
    expect(sub.text).toBe('');
    const subMsg = (await h.fake.waitForResponse(sub.id)).body;
    expectSlackSafe(subMsg);
    expect(subMsg.response_type).toBe('in_channel'); // the channel sees who set it up
    expect(subMsg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Digest subscribed' } });
    expect(subMsg.text).toContain('07:30 Europe/Paris');
    expect(h.bot.app.subscriptions.get('slack', channel_id)).toMatchObject({ time: '07:30', timezone: 'Europe/Paris', createdBy: user_id, days: 'daily' });

    const status = await h.command('/digest', 'status', { channel_id });
    const statusMsg = (await h.fake.waitForResponse(status.id)).body;
    expect(statusMsg.response_type).toBe('ephemeral');
    expect(statusMsg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Digest schedule' } });
    expect(statusMsg.text).toContain('07:30 Europe/Paris');

    const key = await h.command('/digest', 'subscribe time:18:05 timezone:America/New_York days:weekdays', { channel_id, user_id });
    await h.fake.waitForResponse(key.id);
    expect(h.bot.app.subscriptions.get('slack', channel_id)).toMatchObject({ time: '18:05', timezone: 'America/New_York', days: 'weekdays' });

    const unsub = await h.command('/digest', 'unsubscribe', { channel_id });
    const unsubMsg = (await h.fake.waitForResponse(unsub.id)).body;
    expect(unsubMsg.response_type).toBe('in_channel');
    expect(unsubMsg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Digest unsubscribed' } });
    expect(h.bot.app.subscriptions.get('slack', channel_id)).toBeNull();

    const again = await h.command('/digest', 'status', { channel_id });
    const none = (await h.fake.waitForResponse(again.id)).body;
    expect(none.response_type).toBe('ephemeral');
    expect(none.blocks[0]).toMatchObject({ type: 'header', text: { text: 'No subscription' } });
  });

  it('/crisis use in a channel, then questions there answer from that crisis; crisis:ID answers one question elsewhere', async () => {
    h.bot.app.crises.add(new URL('../../fixtures/norland', import.meta.url).pathname);
    const norland = h.bot.app.crises.require('norland-2031').kb;
    const channel_id = 'C0NORLAND';
    const use = await h.command('/crisis', 'use norland-2031', { channel_id, user_id: 'U0MANAGER' });
    const useMsg = (await h.fake.waitForResponse(use.id)).body;
    expectSlackSafe(useMsg);
    expect(useMsg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Crisis set' } });
    await answered('/stance', 'Mira Hale', stanceView(norland.stance('Mira Hale'), norland.crisis), { channel_id });
    await answered('/stance', 'Mira Hale crisis:norland-2031', stanceView(norland.stance('Mira Hale'), norland.crisis));
    const { kb } = h.bot.app;
    await answered('/stance', 'Mira Hale', stanceView(kb.stance('Mira Hale'), kb.crisis));
    const bad = await h.command('/stance', 'Russia crisis:atlantis');
    const badMsg = (await h.fake.waitForResponse(bad.id)).body;
    expect(badMsg.response_type).toBe('ephemeral');
    expect(badMsg.text).toContain('No crisis "atlantis"');
  });

  it('refuses /digest subscribe in a direct message, in the ack, with what to do instead', async () => {
    const { reply, msg } = await refused('/digest', 'subscribe 07:30 Europe/Paris', /belong to a channel/, { channel_id: 'D0DM', channel_name: 'directmessage' });
    expect(msg.text).toContain('/digest now');
    expect(h.bot.app.subscriptions.get('slack', 'D0DM')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(h.fake.responses.filter((r) => r.id === reply.id)).toHaveLength(0);
  });

  it('/ask <question>', async () => {
    const q = 'How many people have died?';
    await answered('/ask', q, askView(await h.bot.app.kb.ask(q)));
  });

  it('/actors, /sources and /help', async () => {
    const { kb } = h.bot.app;
    await answered('/actors', '', actorsView(kb.actors(), kb.crisis));
    await answered('/sources', '', sourcesView(kb.sources()));
    const help = await h.command('/help', '');
    const msg = (await h.fake.waitForResponse(help.id)).body;
    expectSlackSafe(msg);
    expect(msg.response_type).toBe('ephemeral');
    for (const c of commands) expect(msg.text).toContain(escapeText(c.usage));
    expect(msg.text).toContain('key:value');
  });

  it('malformed options get an ephemeral error in the ack and no answer', async () => {
    const cases: [string, string, RegExp][] = [
      ['/timeline', 'limit:abc', /Bad limit/],
      ['/timeline', 'from:2019-02-30', /Bad from/],
      ['/digest', 'subscribe 25:99', /Bad time/],
      ['/digest', 'subscribe 07:30 Mars/Olympus', /Bad timezone/],
      ['/stance', '', /Missing actor/],
      ['/ask', '   ', /Missing question/],
      ['/digest', 'now date:yesterday extra words', /Too many words/],
    ];
    for (const [command, text, pattern] of cases) {
      const { reply } = await refused(command, text, pattern);
      expect(h.fake.responses.some((r) => r.id === reply.id)).toBe(false);
    }
  });

  it('retries respond() when the response_url fails once', async () => {
    h.fake.failRespond('flaky', 500);
    const reply = await h.command('/help', '', { id: 'flaky' });
    expect(reply.status).toBe(200);
    const second = await h.fake.waitForResponse('flaky', 2);
    expect(second.body._failedWith).toBeUndefined();
    expect(h.fake.responses.filter((r) => r.id === 'flaky')[0]?.body._failedWith).toBe(500);
    expect(second.body.blocks.length).toBeGreaterThan(0);
  });

  it('presentView keeps a short answer on one page, without buttons', () => {
    const view: View = { kind: 'info', title: 'Short', accent: { kind: 'info' }, blocks: [{ type: 'text', text: 'one' }] };
    const reply = presentView(view, 'U1', h.slack.pages);
    expect(reply.response_type).toBe('in_channel');
    expect(reply.blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});
