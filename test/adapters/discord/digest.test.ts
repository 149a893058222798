/**
 * A digest on Discord is one message of up to 10 embeds within the 6,000-character budget, every
 * section present; only a digest that cannot fit is split into consecutive messages, and nothing is
 * left out or put behind buttons. Posted through the real discord.js REST client to the local peer.
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestMessages } from '../../../src/adapters/discord/digest.js';
import { createPublisher } from '../../../src/adapters/discord/publisher.js';
import { embedChars } from '../../../src/adapters/discord/render.js';
import type { Block, View } from '../../../src/core/answer/view.js';
import { digestView } from '../../../src/core/answer/views.js';
import { freshApp, SEEDS } from '../../helpers.js';
import { FakeDiscord } from './fake-discord.js';
import { expectWithinLimits } from './limits.js';

const SECTIONS = ['Top developments', 'Who backs whom', 'Key figures', 'What to watch', 'Sources'];
const app = freshApp(SEEDS);
afterAll(() => app.cleanup());

/** A digest far over Discord's budget: long sections, a roster of 120 names. */
function hugeDigest(): View {
  const line = (i: number): Block => ({ type: 'line', when: `24 Jan 2019, ${i}:00`, text: `Development ${i}: ${'a long sentence of the live blog '.repeat(12)}`, cites: [{ docId: 'd', source: 'AP', at: null, when: '' }] });
  const names = Array.from({ length: 120 }, (_, i) => `Country number ${i}`).join(', ');
  return {
    kind: 'digest',
    title: 'Digest — 24 Jan 2019',
    accent: { kind: 'info' },
    lead: 'Headline',
    blocks: [
      { type: 'heading', text: 'Top developments' },
      ...Array.from({ length: 30 }, (_, i) => line(i)),
      { type: 'heading', text: 'Who backs whom' },
      { type: 'fields', fields: [{ name: 'Side A (120)', value: names }, { name: 'Neutral (0)', value: '—' }] },
      { type: 'heading', text: 'Key figures' },
      ...Array.from({ length: 10 }, (_, i): Block => ({ type: 'quote', text: `Figure ${i}: ${'x '.repeat(300)}`, cite: { docId: 'd', source: 'AP', at: null, when: '24 Jan 2019' } })),
      { type: 'heading', text: 'What to watch' },
      line(99),
      { type: 'heading', text: 'Sources' },
      { type: 'line', when: '24 Jan 2019', text: 'The Latest', cites: [{ docId: 'd', source: 'AP', at: null, when: '' }] },
    ],
  };
}

describe('digest messages', () => {
  it('the seed digest is one message: a header and the five sections, within every limit', () => {
    const view = digestView(app.kb.digest(), app.kb.crisis);
    const messages = digestMessages(view);
    expect(messages).toHaveLength(1);
    const [embeds = []] = messages;
    expectWithinLimits(embeds);
    expect(embeds[0]?.title).toBe('Digest — 24 Jan 2019');
    expect(embeds.slice(1).map((e) => e.title)).toEqual(SECTIONS);
    const watch = embeds.find((e) => e.title === 'What to watch');
    expect(watch?.description).toContain('Security Council');
    expect(embeds.find((e) => e.title === 'Who backs whom')?.fields?.map((f) => f.name.replace(/ \(\d+\)$/, ''))).toEqual(['Maduro government', 'Guaidó and the National Assembly', 'Neutral']);
  });

  it('a digest that cannot fit is split into consecutive messages of whole embeds, nothing left out', () => {
    const view = hugeDigest();
    const messages = digestMessages(view);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expectWithinLimits(m);
    const all = messages.flat();
    expect(all.filter((e) => e.title && SECTIONS.includes(e.title)).map((e) => e.title)).toEqual(SECTIONS);
    const text = JSON.stringify(all);
    for (let i = 0; i < 30; i++) expect(text).toContain(`Development ${i}:`);
    for (let i = 0; i < 120; i++) expect(text).toContain(`Country number ${i}`);
    for (let i = 0; i < 10; i++) expect(text).toContain(`Figure ${i}:`);
    expect(messages.map((m) => m.at(-1)?.footer?.text)).toEqual(messages.map((_, i) => `Part ${i + 1} of ${messages.length}`));
    // Each message is filled before the next begins: the next one's first embed would not have fit.
    const size = (m: typeof all) => m.reduce((n, e) => n + embedChars(e), 0);
    messages.slice(0, -1).forEach((m, i) => {
      const next = messages[i + 1]?.[0];
      expect(m.length === 10 || size(m) + (next ? embedChars(next) : 0) > 6000 - 20).toBe(true);
    });
  });

  it('a quiet day is the headline and who backs whom', () => {
    const view = digestView({ ...app.kb.digest(), quiet: true, headline: 'Nothing new in the corpus since the previous digest' }, app.kb.crisis);
    const [embeds = []] = digestMessages(view);
    expect(embeds.map((e) => e.title)).toEqual(['Digest — 24 Jan 2019', 'Who backs whom']);
  });
});

describe('scheduled digest through the publisher', () => {
  let fake: FakeDiscord;
  let rest: REST;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    rest = new REST({ api: fake.apiUrl }).setToken('x');
  });
  afterAll(async () => {
    await fake.close();
  });

  const posts = (channel: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channel}/messages`);

  it('posts the seed digest as one message with every section', async () => {
    const view = digestView(app.kb.digest(), app.kb.crisis);
    await createPublisher(rest).publish('700000000000000031', view);
    const sent = posts('700000000000000031');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.embeds.slice(1).map((e: { title: string }) => e.title)).toEqual(SECTIONS);
    expect(sent[0]?.body.components).toBeUndefined();
  });

  it('posts a digest that cannot fit as consecutive messages, in order', async () => {
    const view = hugeDigest();
    await createPublisher(rest).publish('700000000000000032', view);
    const sent = posts('700000000000000032');
    expect(sent.map((r) => r.body.embeds)).toEqual(digestMessages(view));
  });
});
