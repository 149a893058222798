/**
 * A story many outlets carried lists its first sources and says how many more did, on every
 * surface; a busy digest day says how many more articles it covers.
 */
import { describe, expect, it } from 'vitest';
import { renderPages } from '../../src/adapters/discord/render.js';
import { viewToText } from '../../src/adapters/shared/text.js';
import { renderView } from '../../src/adapters/slack/render.js';
import { digestView, timelineView } from '../../src/core/answer/views.js';
import type { DigestResult, TimelineEvent, TimelineResult } from '../../src/core/types.js';

const sources = Array.from({ length: 5 }, (_, i) => ({ docId: `d${i}`, source: `Outlet ${i}`, title: `Story ${i}`, url: null }));
const event: TimelineEvent = { at: '2031-03-10', precision: 'day', text: 'The council met.', actors: [], sources, sourcesTotal: 17, importance: 1, kind: 'other', scheduled: false };
const timeline: TimelineResult = { query: {}, actorFound: null, actor: null, days: [{ date: '2031-03-10', summary: 'The council met', count: 1 }], events: [event], total: 1 } as unknown as TimelineResult;
const digest: DigestResult = { date: '2031-03-10', headline: 'The council met', developments: [event], roster: {}, figures: [], watch: [], sources: sources.map((s) => ({ ...s, published: '2031-03-10' })), sourcesTotal: 240, text: '' };

describe('and N more', () => {
  it('an event lists 5 sources "and 12 more" in the terminal, on Discord and on Slack', () => {
    const view = timelineView(timeline);
    expect(viewToText(view)).toContain('Outlet 4, and 12 more]');
    expect(JSON.stringify(renderPages(view))).toContain('Outlet 4, and 12 more*');
    expect(JSON.stringify(renderView(view))).toContain('Outlet 4, and 12 more_');
  });

  it('a digest of a busy day says how many more articles it covers', () => {
    const text = viewToText(digestView(digest, { id: 'x', name: 'X', sides: [] }));
    expect(text).toContain('…and 235 more articles that day');
  });
});
