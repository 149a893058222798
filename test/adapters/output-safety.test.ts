/**
 * Output safety on every surface: hostile article, user and model text through the Discord,
 * Slack and terminal renderers never yields a live link (except an article's own URL, labelled
 * with its host), a mention, or a control character; and rendering stays linear on 1 MB of it.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPages } from '../../src/adapters/discord/render.js';
import { discordText } from '../../src/adapters/discord/render.js';
import { breakLinks, capView, RENDER_CAPS, stripControls, terminalText, trustedUrl } from '../../src/adapters/shared/text.js';
import { spawnSync } from 'node:child_process';
import { presentView } from '../../src/adapters/slack/dispatch.js';
import { PageStore } from '../../src/adapters/slack/pages.js';
import { renderView } from '../../src/adapters/slack/render.js';
import { startTerminal } from '../../src/adapters/terminal/index.js';
import { commands } from '../../commands/index.js';
import { runInvocation } from '../../commands/run.js';
import type { View } from '../../src/core/answer/view.js';
import { createLogger } from '../../src/log.js';
import { join } from 'node:path';
import { type App, openApp } from '../../src/app.js';
import { SEEDS, tempDir } from '../helpers.js';
import { discordUnsafe, HOSTILE, HOSTILE_URLS, hostileView, megabyteOfHostileText, slackUnsafe, terminalUnsafe } from './unsafe.js';

/** Every surface's rendering of a view, and why each is unsafe (null when safe). */
function verdicts(view: View): { discord: (string | null)[]; slack: (string | null)[]; terminal: string | null } {
  const urls = view.blocks.flatMap((b) => (b.type === 'quote' ? [b.cite.url] : b.type === 'line' ? b.cites.map((c) => c.url) : []));
  const pages = new PageStore();
  return {
    discord: renderPages(view).map((embeds) => discordUnsafe(embeds, urls)),
    slack: [slackUnsafe(presentView(view, 'U1', pages), urls), slackUnsafe(renderView(view), urls)],
    terminal: terminalUnsafe(terminalText(view)),
  };
}

describe('hostile text in every field of a view', () => {
  it('renders safely on Discord, Slack and the terminal, for every payload and URL', () => {
    const unsafe: string[] = [];
    for (const p of HOSTILE) {
      for (const url of HOSTILE_URLS) {
        for (const text of [p, `${p}${p}`, `a ${p} b\n${p}`]) {
          const v = verdicts(hostileView(text, url));
          for (const [surface, why] of [...v.discord.map((d) => ['discord', d] as const), ...v.slack.map((s) => ['slack', s] as const), ['terminal', v.terminal] as const]) {
            if (why) unsafe.push(`${surface} ${JSON.stringify(text)} ${url}: ${why}`);
          }
        }
      }
    }
    expect(unsafe.slice(0, 10)).toEqual([]);
  });

  it('Discord: a masked link, an autolink and a mention in article text are shown literally, not parsed', () => {
    expect(discordText('[click](https://evil.example/x)')).toBe('\\[click\\](https:\u200b//evil.example/x)');
    expect(discordText('<https://evil.example> <@123> @everyone')).toBe('\\<https:\u200b//evil.example> \\<@123> @\u200beveryone');
    expect(discordText('# h\n> q\n-# s\n12. x\n  - y')).toBe('\\# h\n\\> q\n\\-# s\n12\\. x\n  \\- y');
    // The text reads the same once Discord removes its escapes and the zero-width space is invisible.
    const shown = discordText('[a](https://b.example) *c* _d_').replace(/\\(.)/g, '$1').replace(/\u200b/g, '');
    expect(shown).toBe('[a](https://b.example) *c* _d_');
  });

  it('an article URL is linked only when it is plain http(s), labelled with the host it goes to', () => {
    expect(trustedUrl('https://apnews.com/article/x')).toEqual({ href: 'https://apnews.com/article/x', host: 'apnews.com' });
    expect(trustedUrl('https://www.reuters.com/a')?.host).toBe('reuters.com');
    expect(trustedUrl('https://evil.example/x)[y](https://z')?.href).toBe('https://evil.example/x%29%5By%5D%28https://z');
    for (const bad of ['javascript:alert(1)', 'https://user:pass@evil.example/', 'ftp://x.example/', 'https://a b.example', 'data:text/html,x', null]) expect(trustedUrl(bad)).toBeNull();
    const quote: View = { kind: 'stance', title: 't', accent: { kind: 'info' }, blocks: [{ type: 'quote', text: 'q', cite: { docId: 'd', source: 'Reuters', at: null, when: '', url: 'https://evil.example/login' } }] };
    expect(renderPages(quote)[0]?.[0]?.description).toContain('*Reuters* ([evil.example](https://evil.example/login))');
    expect(JSON.stringify(renderView(quote).blocks)).toContain('Reuters (<https://evil.example/login|evil.example>)');
  });

  it('the terminal strips escape sequences (OSC 8 hidden links too) and control characters but keeps newlines, tabs and plain URLs', () => {
    expect(stripControls('a\x1b[31mred\x1b[0m\tb\nc\x1b]8;;https://e\x07l\x1b]8;;\x07\x00\x9b2Jd')).toBe('ared\tb\ncld');
    expect(terminalText({ kind: 'info', title: 'T\x1b[2J', accent: { kind: 'info' }, blocks: [{ type: 'text', text: 'see https://e.example \u202eevil' }] })).toBe('T\nsee https://e.example evil');
    expect(breakLinks('www.e.example and http://x')).toBe('www\u200b.e.example and http:\u200b//x');
  });
});

describe('size: capped at render, linear on hostile text', () => {
  it('caps one title, sentence or field, keeping highlights inside the text', () => {
    const big = 'x'.repeat(100_000);
    const v = capView({ kind: 'ask', title: big, accent: { kind: 'info' }, lead: big, blocks: [{ type: 'quote', text: big, cite: { docId: 'd', source: big, at: null, when: '' }, highlight: [[10, 99_000]] }], footer: big });
    expect(v.title.length).toBeLessThanOrEqual(RENDER_CAPS.title);
    expect(v.lead?.length).toBeLessThanOrEqual(RENDER_CAPS.text);
    const q = v.blocks[0];
    if (q?.type !== 'quote') throw new Error('quote expected');
    expect(q.text.length).toBeLessThanOrEqual(RENDER_CAPS.text);
    expect(q.cite.source.length).toBeLessThanOrEqual(RENDER_CAPS.field);
    expect(q.highlight).toEqual([[10, q.text.length]]);
  });

  it('renders 1 MB of hostile text in one sentence, title and field on every surface, safely', () => {
    const mb = megabyteOfHostileText();
    expect(mb.length).toBe(1_000_000);
    const view = hostileView(mb, 'https://apnews.com/x');
    // Completion is the assertion (the quadratic escaper took minutes on this); timing is in bench/stress.
    const v = verdicts(view);
    expect(v).toEqual({ discord: v.discord.map(() => null), slack: [null, null], terminal: null });
    // Also as many blocks as a view could hold, each a long hostile sentence.
    const many: View = { ...view, blocks: Array.from({ length: 1000 }, (_, i) => ({ type: 'text' as const, text: mb.slice(i * 1000, i * 1000 + 5000) })) };
    const w = verdicts(many);
    expect(w.discord.every((d) => d === null)).toBe(true);
    expect(w.slack).toEqual([null, null]);
    expect(w.terminal).toBeNull();
  });
});

describe('hostile articles through the real commands', () => {
  let app: App;
  const tmp = tempDir();
  const db = join(tmp.dir, 'kb.db');
  const evil = HOSTILE.slice(0, 16).join(' ');
  beforeAll(() => {
    app = openApp({ db, seedsDir: SEEDS });
    const r = app.kb.ingest([
      {
        path: 'evil.md',
        title: `Breaking [login here](https://evil.example/t) <@123> \x1b[31m`,
        source: `Evil [News](https://evil.example/s) @everyone`,
        published: '2019-01-24',
        url: 'https://evil.example/article',
        text: `Russia backs Maduro, said [Peskov](https://evil.example/p) at https://evil.example/q.\n\nTurkey supports Maduro <https://evil.example/r> ${evil} \x1b]8;;https://evil.example\x07x\x1b]8;;\x07.`,
      },
    ]);
    expect(r[0]).toMatchObject({ ok: true });
  });
  afterAll(() => {
    app?.close();
    tmp.cleanup();
  });

  it('/stance, /sources, /timeline, /digest and /ask with hostile text are safe everywhere', async () => {
    const invs = [
      { command: 'stance', options: { actor: 'Russia' } },
      { command: 'stance', options: { actor: 'Turkey' } },
      { command: 'stance', options: { actor: '[x](https://evil.example) <@1> @here \x1b[2J' } },
      { command: 'sources', options: {} },
      { command: 'timeline', options: {} },
      { command: 'digest', subcommand: 'now', options: { date: '2019-01-24' } },
      { command: 'ask', options: { question: 'Who backs Maduro? [x](https://evil.example) <!here> \x1b[31m' } },
    ];
    expect(commands.length).toBeGreaterThan(0);
    const unsafe: string[] = [];
    for (const inv of invs) {
      const { view } = await runInvocation(inv, app.context('discord', 'C1', 'U1', true));
      const v = verdicts(view);
      for (const why of [...v.discord, ...v.slack, v.terminal]) if (why) unsafe.push(`${inv.command}: ${why}`);
    }
    expect(unsafe).toEqual([]);
  });

  it('the terminal chat prints no escape sequence from an article or a question', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => {
      printed += c.toString();
    });
    const term = startTerminal(app, { input, output, log: createLogger('silent') });
    input.end('/sources\n/stance \x1b[31mRussia\x1b]0;pwned\x07\n/ask who? \x1b[2J\x9b31m\n');
    await term.done;
    expect(printed).toContain('Evil');
    expect(terminalUnsafe(printed)).toBeNull();
  });

  it('the CLI prints no escape sequence from an article either (text mode)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sources'], { env: { ...process.env, BRIEFING_DB: db, BRIEFING_SEEDS: SEEDS }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Evil');
    expect(terminalUnsafe(r.stdout)).toBeNull();
  });
});
