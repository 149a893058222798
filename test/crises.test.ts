/**
 * Several crises in one deployment (issue 13, item 2): the seed crisis stays the default, a second
 * one is added from a folder, and questions, digests, feeds and channel choices never mix them.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInvocation } from '../commands/run.js';
import { complete } from '../commands/complete.js';
import { type App, openApp } from '../src/app.js';
import { CrisisError, crisisDbPath } from '../src/crises.js';
import type { View } from '../src/core/answer/view.js';
import { createRunner } from '../src/schedule/index.js';
import type { Publisher } from '../src/schedule/publisher.js';
import { silent } from './schedule/helpers.js';
import { SEEDS, tempDir } from './helpers.js';

const NORLAND = join(import.meta.dirname, 'fixtures', 'norland');
const tmp = tempDir();
const db = join(tmp.dir, 'briefing.db');
// A clock the digest test moves; the rest of the suite does not care what time it is.
let now = new Date(Date.UTC(2031, 11, 20, 6, 0));
const clock = { now: () => now };
let app: App;

beforeAll(() => {
  app = openApp({ db, seedsDir: SEEDS, clock });
});
afterAll(() => {
  app.close();
  tmp.cleanup();
});

function ask(channel: string, command: string, options: Record<string, unknown>, subcommand?: string, canManage = true) {
  return runInvocation({ command, subcommand, options }, app.context('slack', channel, 'U1', canManage));
}

type Stance = { found: boolean; alignment: string | null; evidence: { quote: string; docId: string }[] };

describe('two crises in one deployment', () => {
  it('adds a crisis from a folder into a database file of its own, and lists both with their counts', () => {
    const r = app.crises.add(NORLAND);
    expect(r).toMatchObject({ added: true, crisis: { id: 'norland-2031', articles: 2, feeds: 0, isDefault: false } });
    expect(existsSync(crisisDbPath(db, 'norland-2031'))).toBe(true);
    const list = app.crises.list();
    expect(list.map((c) => [c.id, c.articles, c.isDefault])).toEqual([
      [app.kb.crisis.id, 2, true],
      ['norland-2031', 2, false],
    ]);
    // Adding the same folder again updates it and ingests nothing twice.
    expect(app.crises.add(NORLAND)).toMatchObject({ added: false, crisis: { articles: 2 } });
  });

  it('refuses a folder without crisis.json, a bad id, and the default crisis id, each in one line', () => {
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    expect(() => app.crises.add(empty)).toThrow(CrisisError);
    const bad = join(tmp.dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'crisis.json'), JSON.stringify({ id: 'Bad Id!', name: 'x', sides: [{ id: 'a', label: 'A', aliases: [] }, { id: 'b', label: 'B', aliases: [] }] }));
    expect(() => app.crises.add(bad)).toThrow(/lower-case letters/);
    const same = join(tmp.dir, 'same');
    mkdirSync(same);
    writeFileSync(join(same, 'crisis.json'), JSON.stringify({ id: app.kb.crisis.id, name: 'x', sides: [{ id: 'a', label: 'A', aliases: [] }, { id: 'b', label: 'B', aliases: [] }] }));
    expect(() => app.crises.add(same)).toThrow(/default crisis/);
    expect(app.crises.ids()).toEqual([app.kb.crisis.id, 'norland-2031']);
  });

  it('answers each question from the crisis named, never from the other', async () => {
    // Cuba is an actor of both crises, on different sides.
    const home = (await ask('C1', 'stance', { actor: 'Cuba' })).data as Stance;
    const norland = (await ask('C1', 'stance', { actor: 'Cuba', crisis: 'norland-2031' })).data as Stance;
    expect(home.found && norland.found).toBe(true);
    expect(norland.alignment).toBe('hale');
    expect(home.alignment).not.toBe('hale');
    expect(norland.evidence.every((e) => e.docId.startsWith('norland-'))).toBe(true);
    expect(home.evidence.some((e) => e.docId.startsWith('norland-'))).toBe(false);
    // Someone only the second crisis names is not in the first.
    expect(((await ask('C1', 'stance', { actor: 'Mira Hale' })).data as Stance).found).toBe(false);
    expect(((await ask('C1', 'stance', { actor: 'Mira Hale', crisis: 'norland-2031' })).data as Stance).found).toBe(true);
    const sources = (await ask('C1', 'sources', { crisis: 'norland-2031' })).data as { docId: string }[];
    expect(sources.map((s) => s.docId).sort()).toEqual(['norland-wire-0613', 'norland-wire-1219']);
    const timeline = (await ask('C1', 'timeline', { crisis: 'norland-2031', limit: 100 })).data as { events: { sources: { docId: string }[] }[] };
    expect(timeline.events.length).toBeGreaterThan(0);
    expect(timeline.events.flatMap((e) => e.sources).every((s) => s.docId.startsWith('norland-'))).toBe(true);
    const homeTimeline = (await ask('C1', 'timeline', { limit: 100 })).data as { events: { sources: { docId: string }[] }[] };
    expect(homeTimeline.events.flatMap((e) => e.sources).some((s) => s.docId.startsWith('norland-'))).toBe(false);
  });

  it('an unknown crisis is a clear error naming the crises there are', async () => {
    const r = await ask('C1', 'stance', { actor: 'Chile', crisis: 'atlantis' });
    expect(r.view.kind).toBe('error');
    expect(r.view.title).toBe('No crisis "atlantis".');
    expect(JSON.stringify(r.view.blocks)).toContain('norland-2031');
    const bad = await ask('C1', 'stance', { actor: 'Chile', crisis: '../etc' });
    expect(bad.view.kind).toBe('error');
  });

  it('a channel picks its crisis with /crisis use; other channels keep the default; managing is required', async () => {
    const denied = await ask('C2', 'crisis', { id: 'norland-2031' }, 'use', false);
    expect(denied.view.kind).toBe('error');
    const set = await ask('C2', 'crisis', { id: 'norland-2031' }, 'use');
    expect(set.view.title).toBe('Crisis set');
    expect(((await ask('C2', 'stance', { actor: 'Mira Hale' })).data as Stance).found).toBe(true);
    expect(((await ask('C3', 'stance', { actor: 'Mira Hale' })).data as Stance).found).toBe(false);
    const list = (await ask('C2', 'crisis', {}, 'list')).data as { current: string; crises: { id: string }[] };
    expect(list.current).toBe('norland-2031');
    expect(list.crises.map((c) => c.id)).toEqual([app.kb.crisis.id, 'norland-2031']);
    // Autocomplete follows the channel's crisis, or the crisis option.
    const ctx2 = app.context('slack', 'C2', 'U1', true);
    expect(complete({ autocomplete: 'actor' }, 'Mira', ctx2).map((c) => c.name)).toContain('Mira Hale');
    expect(complete({ autocomplete: 'actor' }, 'Mira', app.context('slack', 'C3', 'U1', true))).toEqual([]);
    expect(complete({ autocomplete: 'actor' }, 'Mira', app.context('slack', 'C3', 'U1', true), { crisis: 'norland-2031' }).map((c) => c.name)).toContain('Mira Hale');
    expect(complete({ autocomplete: 'crisis' }, 'nor', ctx2)).toEqual([{ name: expect.stringContaining('Norland') as string, value: 'norland-2031' }]);
  });

  it('feeds belong to the crisis they were added to', async () => {
    const removed = await ask('C2', 'feeds', { url: 'https://example.org/none.xml' }, 'remove');
    expect(removed.view.title).toBe('Not followed');
    app.crises.require('norland-2031').feedStore.add('https://example.org/norland.xml', 'U1', new Date());
    const inNorland = (await ask('C2', 'feeds', {}, 'list')).data as { feeds: { url: string; crisis: string }[] };
    expect(inNorland.feeds).toEqual([expect.objectContaining({ url: 'https://example.org/norland.xml', crisis: 'norland-2031' })]);
    expect(((await ask('C3', 'feeds', {}, 'list')).data as { feeds: unknown[] }).feeds).toEqual([]);
    expect(app.crises.info('norland-2031').feeds).toBe(1);
    app.crises.require('norland-2031').feedStore.remove('https://example.org/norland.xml');
  });

  it("posts each channel's scheduled digest from the crisis it subscribed to", async () => {
    await ask('C2', 'digest', { time: '07:00', timezone: 'UTC' }, 'subscribe');
    await ask('C3', 'digest', { time: '07:00', timezone: 'UTC' }, 'subscribe');
    expect(app.subscriptions.get('slack', 'C2')?.crisis).toBe('norland-2031');
    expect(JSON.stringify((await ask('C2', 'digest', {}, 'status')).view)).toContain('Crisis: Norland');
    const posted = new Map<string, View>();
    const publisher: Publisher = {
      platform: 'slack',
      async publish(channelId, view, ctx) {
        await ctx?.beforeSend(0);
        posted.set(channelId, view);
        await ctx?.sent(0, `ts-${channelId}`);
      },
    };
    const runner = createRunner(app, [publisher], { log: silent, catchupHours: 48 });
    now = new Date(Date.UTC(2031, 11, 20, 7, 1));
    const outcomes = await runner.runDue();
    expect(outcomes.filter((o) => o.result === 'posted').map((o) => o.channelId).sort()).toEqual(['C2', 'C3']);
    const text = (v: View | undefined) => JSON.stringify(v);
    expect(text(posted.get('C2'))).toContain('Norland');
    expect(text(posted.get('C2'))).not.toMatch(/Maduro|Guaid/);
    expect(text(posted.get('C3'))).toMatch(/Maduro|Guaid/);
    expect(text(posted.get('C3'))).not.toContain('Norland');
  });

  it('keeps crises and channel choices across a restart', async () => {
    app.close();
    app = openApp({ db, seedsDir: SEEDS, clock });
    expect(app.crises.list().map((c) => [c.id, c.articles])).toEqual([
      [app.kb.crisis.id, 2],
      ['norland-2031', 2],
    ]);
    expect(((await ask('C2', 'stance', { actor: 'Mira Hale' })).data as Stance).found).toBe(true);
  });
});
