/**
 * `/digest now` for a day too big for one Discord message: the reply holds the first part and
 * follow-ups the rest, in order, every section present, no buttons. Real discord.js client, local peer.
 */
import { describe, expect, test } from 'vitest';
import { digestMessages } from '../../../src/adapters/discord/digest.js';
import { opt } from './fake-discord.js';
import { useDiscordBot } from './harness.js';
import { expectWithinLimits } from './limits.js';

const h = useDiscordBot();

describe('a digest that cannot fit one message', () => {
  test('is the reply plus consecutive follow-ups, nothing behind buttons, nothing left out', async () => {
    // 30 articles on one day, with long titles and long dated sentences: the Sources section (the
    // first 20 articles and a count of the rest) and the developments are over 6,000 characters.
    const articles = Array.from({ length: 30 }, (_, i) => ({
      title: `Report ${i + 1}: ${'a long headline about the talks between the sides and what comes next '.repeat(5)}`.slice(0, 300),
      source: `Outlet ${i + 1}`,
      published: '2019-01-27',
      path: `report-${i + 1}.txt`,
      text: `Officials met in the capital on Sunday for talks number ${i + 1}, ${'with delegations from both sides discussing the ceasefire, the prisoners and the road to elections, '.repeat(8)}they said.`,
    }));
    expect(h.bot.app.kb.ingest(articles).every((r) => r.ok)).toBe(true);
    const { view } = await h.expected({ command: 'digest', subcommand: 'now', options: {} });
    const parts = digestMessages(view);
    expect(parts.length).toBeGreaterThan(1);

    const s = h.fake.command('digest', [opt.sub('now')], h.as());
    const { message } = await h.answer(s);
    expect(message.embeds).toEqual(parts[0]);
    const followUps = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${h.fake.applicationId}/${s.token}` && h.fake.requests.filter((x) => x.method === 'POST' && x.path === r.path).length === parts.length - 1);
    expect(followUps).toBeTruthy();
    const sent = h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${h.fake.applicationId}/${s.token}`).map((r) => r.body);
    expect(sent.map((b) => b.embeds)).toEqual(parts.slice(1));
    for (const m of [message, ...sent]) {
      expect(m.components ?? []).toEqual([]);
      expect(m.allowed_mentions).toEqual({ parse: [] });
      expectWithinLimits(m.embeds);
    }
    const text = JSON.stringify([message, ...sent]);
    // The digest lists the first 20 of the day's articles (issue 12: capped, with sourcesTotal).
    expect(new Set(text.match(/Report \d+:/g)).size).toBe(20);
    expect(parts.flat().filter((e) => e.title && ['Top developments', 'Who backs whom', 'Key figures', 'What to watch', 'Sources'].includes(e.title)).map((e) => e.title)).toEqual([
      'Top developments',
      'Who backs whom',
      'Key figures',
      'What to watch',
      'Sources',
    ]);
  });
});
