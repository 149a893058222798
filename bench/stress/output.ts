/**
 * Stress: output safety. Thousands of hostile views (every pair of attack payloads, seeded random
 * fuzz, hostile article URLs) through every renderer — Discord embeds, Slack Block Kit (reply and
 * scheduled post), terminal text — counting outputs that carry a live link not from an article's
 * own URL, a mention, or a control character. Then renders 100 KB and 1 MB of hostile text in
 * one sentence, title and field and reports the time, to show the cost stays linear.
 */
import { renderPages } from '../../src/adapters/discord/render.js';
import { terminalText } from '../../src/adapters/shared/text.js';
import { presentView } from '../../src/adapters/slack/dispatch.js';
import { PageStore } from '../../src/adapters/slack/pages.js';
import { renderView } from '../../src/adapters/slack/render.js';
import { paginate } from '../../src/adapters/shared/paginate.js';
import type { View } from '../../src/core/answer/view.js';
import { SLACK_PAGE_BUDGET } from '../../src/adapters/slack/render.js';
import { discordUnsafe, HOSTILE, HOSTILE_URLS, hostileView, megabyteOfHostileText, slackUnsafe, terminalUnsafe } from '../../test/adapters/unsafe.js';

/** A small seeded PRNG (mulberry32), so every run tries the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS = ['[', ']', '(', ')', '<', '>', '|', '@', '#', '!', '&', ':', '/', '//', '\\', '*', '_', '~', '`', '-', '.', ' ', '\n', 'https', 'http', 'www', 'everyone', 'here', 'channel', 'evil.example', 'amp;', 'lt;', 'gt;', '\x1b', '\x9b', '\x07', '\u202e', '\u200b', '1.', 'x'];

function fuzz(next: () => number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += ATOMS[Math.floor(next() * ATOMS.length)];
  return s;
}

interface Tally {
  views: number;
  renders: number;
  unsafe: number;
  examples: string[];
}

function check(view: View, t: Tally, pages: PageStore): void {
  const urls = view.blocks.flatMap((b) => (b.type === 'quote' ? [b.cite.url] : b.type === 'line' ? b.cites.map((c) => c.url) : []));
  const why: (string | null)[] = [];
  for (const embeds of renderPages(view)) why.push(discordUnsafe(embeds, urls));
  why.push(slackUnsafe(presentView(view, 'U1', pages), urls));
  for (const page of paginate(view, SLACK_PAGE_BUDGET)) why.push(slackUnsafe(renderView(page), urls));
  why.push(terminalUnsafe(terminalText(view)));
  t.views++;
  t.renders += why.length;
  const bad = why.find((w) => w !== null);
  if (bad) {
    t.unsafe++;
    if (t.examples.length < 5) t.examples.push(bad);
  }
}

function timeMs(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return Math.round(performance.now() - t);
}

export async function run(): Promise<Record<string, number>> {
  const t: Tally = { views: 0, renders: 0, unsafe: 0, examples: [] };
  const pages = new PageStore({ maxEntries: 50 });
  const next = rng(11);
  // Every ordered pair of payloads, each with an article URL from the hostile list.
  HOSTILE.forEach((a, i) => {
    HOSTILE.forEach((b, j) => check(hostileView(`${a} ${b}`, HOSTILE_URLS[(i + j) % HOSTILE_URLS.length] ?? null), t, pages));
  });
  // Seeded random strings of markup, link and control atoms.
  for (let i = 0; i < 3000; i++) check(hostileView(fuzz(next, 5 + Math.floor(next() * 60)), HOSTILE_URLS[i % HOSTILE_URLS.length] ?? null), t, pages);
  // Long hostile text: 100 KB and 1 MB in one sentence, title and field.
  const mb = megabyteOfHostileText();
  const sizes: Record<string, number> = {};
  for (const [label, text] of [['100 KB', mb.slice(0, 100_000)], ['1 MB', mb]] as const) {
    const view = hostileView(text, 'https://apnews.com/x');
    sizes[`render ms, ${label} hostile sentence (Discord)`] = timeMs(() => renderPages(view));
    sizes[`render ms, ${label} hostile sentence (Slack)`] = timeMs(() => presentView(view, 'U1', pages));
    sizes[`render ms, ${label} hostile sentence (terminal)`] = timeMs(() => terminalText(view));
    check(view, t, pages);
  }
  if (t.examples.length) process.stderr.write(`unsafe outputs, e.g.:\n  ${t.examples.join('\n  ')}\n`);
  return { 'hostile views': t.views, renders: t.renders, 'unsafe payloads': t.unsafe, ...sizes };
}
