/** Block Kit rendering: escaping at every field, Slack's limits, quotes, links, pages. */
import { describe, expect, it } from 'vitest';
import { PageStore, parsePageValue } from '../../../src/adapters/slack/pages.js';
import {
  cutEscaped,
  escapeText,
  fallbackText,
  md,
  PAGE_ACTIONS,
  renderView,
  SLACK_LIMITS,
  SLACK_PAGE_BUDGET,
  splitEscaped,
  unescapeText,
} from '../../../src/adapters/slack/render.js';
import { paginate } from '../../../src/adapters/shared/paginate.js';
import type { Block, View } from '../../../src/core/answer/view.js';
import { expectSlackSafe, textsOf } from './checks.js';
import { longView } from './views.js';

const M = '<!channel> <!here> <@U123> & co';

/** A view using every block kind, with mention syntax in every string. */
function everyField(): View {
  return {
    kind: 'stance',
    title: `Title ${M}`,
    accent: { kind: 'side', side: 'guaido', label: `Side ${M}`, index: 1 },
    lead: `Lead ${M}`,
    blocks: [
      { type: 'heading', text: `Heading ${M}` },
      { type: 'text', text: `Text ${M}` },
      {
        type: 'quote',
        text: `Quote ${M}\nsecond line`,
        speaker: `Speaker ${M}`,
        cite: { docId: 'd1', source: `Source ${M}`, at: '2019-01-24', when: `When ${M}`, url: 'https://example.org/a?b=1&c=2' },
        highlight: [[0, 5]],
      },
      { type: 'line', when: `When ${M}`, text: `Line ${M}`, cites: [{ docId: 'd2', source: `Cite ${M}`, at: null, when: '' }] },
      { type: 'fields', fields: Array.from({ length: 12 }, (_, i) => ({ name: `Name${i} ${M}`, value: `Value${i} ${M}` })) },
    ],
    footer: `Footer ${M}`,
  };
}

describe('escaping', () => {
  it('escapes the three control characters, and unescape undoes it', () => {
    expect(escapeText('<!here> & <@U1>')).toBe('&lt;!here&gt; &amp; &lt;@U1&gt;');
    expect(unescapeText('&lt;!here&gt; &amp;lt;')).toBe('<!here> &lt;');
    for (const s of ['a&b', '<<>>', '&amp;', M]) expect(unescapeText(escapeText(s))).toBe(s);
  });

  it('md escapes interpolated values only, and never twice', () => {
    const inner = md`*${'<b>'}*`;
    expect(inner.text).toBe('*&lt;b&gt;*');
    expect(md`> ${inner} ${'&'}`.text).toBe('> *&lt;b&gt;* &amp;');
  });

  it('no field of any block carries a live mention', () => {
    const msg = renderView(everyField());
    expectSlackSafe(msg);
    const all = JSON.stringify(msg);
    for (const m of ['<!channel>', '<!here>', '<@U123>']) expect(all).not.toContain(m);
    // Every string arrived, escaped: 12 field names, quote, speaker, source, footer, accent…
    const texts = textsOf(msg).map((t) => t.text).join('\n');
    for (const label of ['Title', 'Side', 'Lead', 'Heading', 'Text', 'Quote', 'Speaker', 'Source', 'When', 'Line', 'Cite', 'Name11', 'Value11', 'Footer']) {
      expect(texts).toContain(`${label} &lt;!channel&gt;`);
    }
  });
});

describe('rendering', () => {
  it('maps every neutral block to Block Kit', () => {
    const msg = renderView(everyField());
    const types = msg.blocks.map((b) => b.type);
    expect(types).toEqual(['header', 'context', 'section', 'section', 'section', 'section', 'context', 'section', 'section', 'section', 'context']);
    const [header, accent, lead, heading, , quote, cite, line, fields1, fields2, footer] = msg.blocks as any[];
    expect(header.text).toMatchObject({ type: 'plain_text', text: 'Title &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp; co' });
    expect(accent.elements[0].text).toMatch(/^:red_circle: Side/);
    expect(lead.text.verbatim).toBe(true);
    expect(heading.text.text).toMatch(/^\*Heading .*\*$/);
    expect(quote.text.text).toBe('> “*Quote* &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp; co\n> second line”');
    expect(cite.elements[0].text).toContain('Source &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp; co (<https://example.org/a?b=1&amp;c=2|example.org>)');
    expect(cite.elements[0].text).toMatch(/^— Speaker/);
    expect(line.text.text).toMatch(/^\*When .*\* — Line .*  _Cite .*_$/);
    expect(fields1.fields).toHaveLength(10);
    expect(fields2.fields).toHaveLength(2);
    expect(footer.elements[0].text).toMatch(/^Footer/);
  });

  it('errors are a warning section, not a header', () => {
    const msg = renderView({ kind: 'error', title: 'Bad limit "x".', accent: { kind: 'error' }, blocks: [{ type: 'text', text: 'Usage: /timeline [limit:N]' }], ephemeral: true });
    expect(msg.blocks[0]).toMatchObject({ type: 'section', text: { text: ':warning: *Bad limit "x".*' } });
    expect(msg.text).toBe('Bad limit "x".\nUsage: /timeline [limit:N]');
  });

  it('links only plain http(s) URLs', () => {
    const cite = (url: string) =>
      renderView({ kind: 'ask', title: 'q', accent: { kind: 'info' }, blocks: [{ type: 'quote', text: 'x', cite: { docId: 'd', source: 'AP', at: null, when: '', url } }] });
    expect(JSON.stringify(cite('javascript:alert(1)'))).not.toContain('<javascript');
    expect(JSON.stringify(cite('https://a.example/x|<!here>'))).not.toContain('|<!here>');
    // The link's text is the host it goes to, next to the outlet.
    expect(JSON.stringify(cite('https://a.example/x'))).toContain('AP (<https://a.example/x|a.example>)');
  });

  it('clamps and skips bad highlight spans', () => {
    const q = (highlight: [number, number][]) =>
      (renderView({ kind: 'ask', title: 'q', accent: { kind: 'info' }, blocks: [{ type: 'quote', text: 'abcdef', cite: { docId: 'd', source: 'AP', at: null, when: '' }, highlight }] }).blocks[1] as any).text.text;
    expect(q([[4, 99]])).toBe('> “abcd*ef*”');
    expect(q([[0, 2], [1, 3], [5, 5]])).toBe('> “*ab*cdef”');
  });
});

describe("Slack's limits", () => {
  it('long titles become a bold section; long texts are split, never over 3,000', () => {
    const long = 'word & <!here> '.repeat(260); // 3,900 characters: under the render cap, over a section
    const msg = renderView({ kind: 'ask', title: 'T'.repeat(200), accent: { kind: 'info' }, lead: long, blocks: [{ type: 'text', text: long }, { type: 'fields', fields: [{ name: 'n', value: long }] }] });
    expectSlackSafe(msg);
    expect(msg.blocks[0]?.type).toBe('section');
    const sections = msg.blocks.filter((b: any) => b.type === 'section' && b.text);
    expect(sections.length).toBeGreaterThan(4);
    const joined = sections.slice(1).map((b: any) => b.text.text).join(' ');
    expect(joined.split('&lt;!here&gt;').length - 1).toBe(520); // nothing lost in the split
  });

  it('header text stays within 150 and context within 10 elements', () => {
    const msg = renderView({ kind: 'info', title: 'x'.repeat(150), accent: { kind: 'info' }, blocks: [] });
    expect((msg.blocks[0] as any).text.text).toHaveLength(150);
    expectSlackSafe(msg);
  });

  it('never more than 50 blocks, buttons kept', () => {
    const blocks: Block[] = Array.from({ length: 80 }, (_, i) => ({ type: 'text', text: `b${i}` }));
    const msg = renderView({ kind: 'info', title: 't', accent: { kind: 'info' }, blocks, footer: 'f' }, { id: 'abc', page: 0, pages: 2 });
    expect(msg.blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    expect(msg.blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(msg.blocks)).toContain('50-block limit');
  });

  it('cutEscaped and splitEscaped never break an entity', () => {
    const s = escapeText('&<>'.repeat(400));
    for (let max = 5; max < 60; max++) {
      const cut = cutEscaped(s, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, '').replace('…', '')).not.toMatch(/&/);
      for (const chunk of splitEscaped(s, max)) {
        expect(chunk.length).toBeLessThanOrEqual(max);
        expect(chunk.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/&/);
      }
      expect(splitEscaped(s, max).join('')).toBe(s);
    }
  });

  it('the fallback text keeps the page footer even when cut', () => {
    const t = fallbackText({ kind: 'info', title: 't', accent: { kind: 'info' }, blocks: [{ type: 'text', text: 'x '.repeat(5000) }], footer: 'Page 2/3' });
    expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(t.endsWith('(Page 2/3)')).toBe(true);
  });

  it('every page of a long view fits, and the pages hold every block', () => {
    const view = longView(120);
    const pages = paginate(view, SLACK_PAGE_BUDGET);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.flatMap((p) => p.blocks)).toEqual(view.blocks);
    pages.forEach((p, i) => {
      const msg = renderView(p, { id: 'abc', page: i, pages: pages.length });
      expectSlackSafe(msg);
      const nav = msg.blocks.at(-1) as any;
      expect(nav.type).toBe('actions');
      const ids = nav.elements.map((e: any) => e.action_id);
      expect(ids).toEqual([...(i > 0 ? [PAGE_ACTIONS.prev] : []), ...(i < pages.length - 1 ? [PAGE_ACTIONS.next] : [])]);
    });
  });
});

describe('page store', () => {
  it('expires entries after the TTL and evicts the oldest when full', () => {
    let now = 0;
    const store = new PageStore({ ttlMs: 1000, maxEntries: 2, now: () => now });
    const view: View = { kind: 'info', title: 't', accent: { kind: 'info' }, blocks: [] };
    const a = store.put('U1', [view]);
    expect(store.get(a)?.userId).toBe('U1');
    now = 1001;
    expect(store.get(a)).toBeNull();
    const b = store.put('U1', [view]);
    const c = store.put('U2', [view]);
    const d = store.put('U3', [view]);
    expect(store.get(b)).toBeNull();
    expect(store.get(c)?.userId).toBe('U2');
    expect(store.get(d)?.userId).toBe('U3');
    expect(store.size).toBe(2);
  });

  it('parses button values strictly', () => {
    expect(parsePageValue('abc_-9:3')).toEqual({ id: 'abc_-9', page: 3 });
    for (const bad of [undefined, '', 'abc', 'abc:-1', 'a b:1', 'abc:1:2', `${'x'.repeat(65)}:1`]) expect(parsePageValue(bad)).toBeNull();
  });
});
