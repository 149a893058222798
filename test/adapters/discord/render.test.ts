/** View -> Discord embeds: colours, blocks, limits, pagination and page state. */
import { describe, expect, test } from 'vitest';
import type { Block, Cite, View } from '../../../src/core/answer/view.js';
import { errorView } from '../../../src/core/answer/view.js';
import { PageStore } from '../../../src/adapters/discord/pages.js';
import {
  accentColor,
  COLORS,
  LIMITS,
  pageButtons,
  parsePageId,
  renderPage,
  renderPages,
  SIDE_PALETTE,
} from '../../../src/adapters/discord/render.js';
import { expectWithinLimits } from './limits.js';

const cite: Cite = { docId: 'd1', source: 'The Associated Press', at: '2019-01-24T14:30:00-04:00', when: '24 Jan 2019, 2:30 p.m. (UTC-4)' };

function view(blocks: Block[], extra: Partial<View> = {}): View {
  return { kind: 'timeline', title: 'Timeline', accent: { kind: 'info' }, blocks, ...extra };
}

describe('colours', () => {
  test('side index picks a fixed palette colour; neutral grey, info blue, error red', () => {
    expect(accentColor({ kind: 'side', side: 'maduro', label: 'Maduro government', index: 0 })).toBe(SIDE_PALETTE[0]);
    expect(accentColor({ kind: 'side', side: 'guaido', label: 'Guaidó', index: 1 })).toBe(SIDE_PALETTE[1]);
    expect(accentColor({ kind: 'side', side: 'x', label: 'x', index: SIDE_PALETTE.length })).toBe(SIDE_PALETTE[0]);
    expect(accentColor({ kind: 'neutral' })).toBe(COLORS.neutral);
    expect(accentColor({ kind: 'info' })).toBe(COLORS.info);
    expect(accentColor({ kind: 'error' })).toBe(COLORS.error);
    expect(new Set([...SIDE_PALETTE.slice(0, 2), COLORS.neutral, COLORS.info, COLORS.error]).size).toBe(5);
  });

  test('a side accent shows its label as the author line', () => {
    const [e] = renderPage(view([], { kind: 'stance', title: 'Russia: Backs Maduro government', accent: { kind: 'side', side: 'maduro', label: 'Maduro government', index: 0 } }));
    expect(e?.author?.name).toBe('Maduro government');
    expect(e?.color).toBe(SIDE_PALETTE[0]);
    expect(e?.title).toBe('Russia: Backs Maduro government');
  });

  test('an error view is a red embed whose text says what to do next', () => {
    const [e] = renderPage(errorView({ code: 'bad_option', message: 'Bad limit "0": at least 1.', hint: 'Usage: /timeline [limit:N]' }));
    expect(e?.color).toBe(COLORS.error);
    expect(e?.title).toBe('Bad limit "0": at least 1.');
    expect(e?.description).toBe('Usage: /timeline \\[limit:N\\]'); // shown as typed: brackets escaped
  });
});

describe('blocks', () => {
  test('a quote is evidence: quoted, with speaker, outlet and time; markdown in corpus text is literal', () => {
    const [e] = renderPage(view([{ type: 'quote', text: 'We *reject* the _coup_', cite, speaker: 'Dmitry Peskov' }], { lead: 'Backs Maduro.' }));
    expect(e?.description).toBe('Backs Maduro.\n\n> We \\*reject\\* the \\_coup\\_\n— Dmitry Peskov, *The Associated Press*, 24 Jan 2019, 2:30 p.m. (UTC-4)');
  });

  test("a cited URL is linked from its host, next to the outlet; highlights are bold", () => {
    const [e] = renderPage(view([{ type: 'quote', text: 'At least 26 people died.', cite: { ...cite, url: 'https://apnews.com/x' }, highlight: [[9, 11]] }]));
    expect(e?.description).toBe('> At least **26** people died.\n— *The Associated Press* ([apnews.com](https://apnews.com/x)), 24 Jan 2019, 2:30 p.m. (UTC-4)');
  });

  test('a timeline line is dated, with its outlets once each', () => {
    const [e] = renderPage(view([{ type: 'line', when: '23 Jan 2019', text: 'Guaidó declares himself interim president', cites: [cite, cite, { ...cite, source: 'Reuters' }] }]));
    expect(e?.description).toBe('**23 Jan 2019** — Guaidó declares himself interim president · *The Associated Press; Reuters*');
  });

  test('fields become embed fields in order: text after a fields block continues in a new embed', () => {
    const embeds = renderPage(
      view(
        [
          { type: 'heading', text: 'Top developments' },
          { type: 'fields', fields: [{ name: 'Maduro government (2)', value: 'Russia, China' }, { name: 'Neutral (0)', value: '' }] },
          { type: 'heading', text: 'Key figures' },
        ],
        { footer: 'Sources: AP' },
      ),
    );
    expect(embeds).toHaveLength(2);
    expect(embeds[0]?.description).toBe('**Top developments**');
    expect(embeds[0]?.fields).toEqual([
      { name: 'Maduro government (2)', value: 'Russia, China', inline: false },
      { name: 'Neutral (0)', value: '—', inline: false },
    ]);
    expect(embeds[1]?.title).toBeUndefined();
    expect(embeds[1]?.description).toBe('**Key figures**');
    expect(embeds[1]?.footer?.text).toBe('Sources: AP');
    expect(embeds[0]?.color).toBe(embeds[1]?.color);
  });
});

describe('limits', () => {
  test('oversized title, lead, fields and field values are cut to Discord limits', () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `N${i} ${'n'.repeat(300)}`, value: 'v '.repeat(800) }));
    const embeds = renderPage(view([{ type: 'fields', fields }], { title: 'T'.repeat(400), lead: 'L '.repeat(3000), footer: 'F'.repeat(3000) }));
    expectWithinLimits(embeds);
    expect(embeds[0]?.title?.endsWith('…')).toBe(true);
  });

  test('one block larger than a page still fits one message', () => {
    const embeds = renderPage(view([{ type: 'text', text: 'word '.repeat(3000) }]));
    expectWithinLimits(embeds);
    expect(embeds[0]?.description?.length).toBeLessThanOrEqual(LIMITS.description);
  });

  test('80 timeline lines paginate into pages that each fit, keep order and number themselves', () => {
    const blocks: Block[] = Array.from({ length: 80 }, (_, i) => ({
      type: 'line',
      when: `${String((i % 28) + 1).padStart(2, '0')} Jan 2019`,
      text: `Event number ${i} ${'with some detail '.repeat(6)}`,
      cites: [cite],
    }));
    const pages = renderPages(view(blocks, { lead: 'Eighty events.', footer: 'Sources: AP' }));
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expectWithinLimits(p);
    const all = pages.map((p) => p.map((e) => e.description ?? '').join('\n')).join('\n');
    const order = [...all.matchAll(/Event number (\d+)/g)].map((m) => Number(m[1]));
    expect(order).toEqual(Array.from({ length: 80 }, (_, i) => i));
    expect(pages[0]?.[0]?.description?.startsWith('Eighty events.')).toBe(true);
    expect(pages[1]?.[0]?.description?.startsWith('Eighty events.')).toBe(false);
    expect(pages.at(-1)?.at(-1)?.footer?.text).toBe(`Sources: AP · Page ${pages.length}/${pages.length}`);
  });

  test('pathological: more than ten embeds are capped and say so', () => {
    const blocks: Block[] = [];
    for (let i = 0; i < 14; i++) blocks.push({ type: 'fields', fields: [{ name: `f${i}`, value: 'v' }] }, { type: 'text', text: `t${i}` });
    const embeds = renderPage(view(blocks));
    expectWithinLimits(embeds);
    expect(embeds.at(-1)?.footer?.text).toContain('shortened');
  });
});

describe('page buttons', () => {
  test('Previous / position / Next with unique custom ids and disabled ends', () => {
    const [row] = pageButtons('abc123', 0, 3);
    const ids = row?.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual(['page:abc123:-1:prev', 'page:abc123:0:at', 'page:abc123:1:next']);
    expect(row?.components.map((c) => c.disabled)).toEqual([true, true, false]);
    expect(row?.components.map((c) => ('label' in c ? c.label : ''))).toEqual(['◀ Previous', '1 / 3', 'Next ▶']);
    const [last] = pageButtons('abc123', 2, 3);
    expect(last?.components.map((c) => c.disabled)).toEqual([false, true, true]);
    for (const id of ids ?? []) expect(id.length).toBeLessThanOrEqual(100);
  });

  test('parsePageId reads our ids and nothing else', () => {
    expect(parsePageId('page:abc123:1:next')).toEqual({ stateId: 'abc123', page: 1 });
    expect(parsePageId('page:abc123:-1:prev')).toEqual({ stateId: 'abc123', page: -1 });
    expect(parsePageId('page:ABC:1:next')).toBeNull();
    expect(parsePageId('other:1')).toBeNull();
  });
});

describe('page state', () => {
  test('states expire after the TTL, run their hook once, and are gone', async () => {
    let now = 1_000;
    const store = new PageStore(600_000, () => now);
    const s = store.create('u1', [[{ title: 'a' }], [{ title: 'b' }]]);
    let expired = 0;
    s.onExpire = async () => {
      expired++;
    };
    expect(store.get(s.id)?.userId).toBe('u1');
    now += 599_999;
    expect(store.get(s.id)).toBeDefined();
    now += 1;
    expect(store.get(s.id)).toBeUndefined();
    await new Promise((r) => setImmediate(r));
    expect(expired).toBe(1);
    await store.expire(s.id);
    expect(expired).toBe(1);
    expect(store.size).toBe(0);
    store.clear();
  });

  test('a failing expiry hook is reported, not thrown', async () => {
    const errors: unknown[] = [];
    const store = new PageStore(1000, Date.now, (e) => errors.push(e));
    const s = store.create('u', [[], []]);
    s.onExpire = () => Promise.reject(new Error('token expired'));
    await store.expire(s.id);
    expect(errors).toHaveLength(1);
    store.clear();
  });
});
