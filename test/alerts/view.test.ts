/**
 * An alert batch renders as one message on every surface, whatever the batch holds, and nothing
 * in it can ping anyone or link anywhere but the articles' own URLs.
 */
import { describe, expect, it } from 'vitest';
import { renderPages } from '../../src/adapters/discord/render.js';
import { slackPages } from '../../src/adapters/slack/digest.js';
import { renderView } from '../../src/adapters/slack/render.js';
import { terminalText } from '../../src/adapters/shared/text.js';
import { type AlertItem, alertBatchView } from '../../src/core/answer/alert-view.js';
import type { CrisisConfig } from '../../src/core/types.js';
import { expectWithinLimits } from '../adapters/discord/limits.js';
import { discordUnsafe, HOSTILE, slackUnsafe, terminalUnsafe } from '../adapters/unsafe.js';

const crisis = { id: 'c', name: 'A made-up crisis', sides: [] } as unknown as CrisisConfig;

const alert = (i: number, quote: string, url: string | null = `https://news.example/a/${i}`): AlertItem => ({
  at: '2026-03-05',
  kind: 'side',
  actor: `Actor ${i}`,
  text: `Actor ${i} changes side: now backs one side (before: backed the other)`,
  quote,
  source: `Outlet ${i}`,
  url,
  docId: `d${i}`,
});

describe('alert batch messages', () => {
  it('one page on Discord and Slack, the rest counted, even with the longest sentences', () => {
    for (const n of [1, 3, 5, 12, 40]) {
      const long = 'word '.repeat(400).trim(); // 1,999 characters: a stored sentence is at most 2,000
      for (const quote of ['A short sentence.', long]) {
        const view = alertBatchView(Array.from({ length: n }, (_, i) => alert(i, quote)), crisis);
        const discord = renderPages(view);
        expect(discord, `${n} × ${quote.length}`).toHaveLength(1);
        expectWithinLimits(discord[0] ?? []);
        expect(slackPages(view), `${n} × ${quote.length}`).toHaveLength(1);
        const shown = view.blocks.filter((b) => b.type === 'quote').length;
        expect(shown).toBeGreaterThanOrEqual(1);
        expect(shown).toBeLessThanOrEqual(5);
        if (shown < n) expect(JSON.stringify(view.blocks)).toContain(`${n - shown} more change`);
      }
    }
  });

  it('hostile article text can neither ping nor link; the article’s own URL is the source link', () => {
    const alerts = HOSTILE.slice(0, 30).map((h, i) => alert(i, `Officials said ${h} as 40 people were killed.`));
    for (let i = 0; i < alerts.length; i += 5) {
      const batch = alerts.slice(i, i + 5);
      const view = alertBatchView(batch, crisis);
      const urls = batch.map((a) => a.url);
      for (const page of renderPages(view)) expect(discordUnsafe(page, urls)).toBeNull();
      for (const page of slackPages(view)) expect(slackUnsafe({ ...renderView(page), unfurl_links: false, unfurl_media: false }, urls)).toBeNull();
      expect(terminalUnsafe(terminalText(view))).toBeNull();
      expect(JSON.stringify(renderPages(view))).toContain('(https://news.example/a/');
    }
  });
});
