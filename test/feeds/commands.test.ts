/**
 * /feeds on every surface (through runInvocation, as the adapters call it), the running bot's
 * poller, and the CLI contract `briefing feed add|list|poll|remove [--json]`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLine, runInvocation, type Invocation } from '../../commands/run.js';
import { type App, openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startFeedPoller } from '../../src/ingest/feeds/poller.js';
import { startBot } from '../../src/main.js';
import { tempDir, VALDORIA } from '../helpers.js';
import { page, serve, startWebServer, type WebServer } from './server.js';

const ROOT = join(import.meta.dirname, '..', '..');
let web: WebServer;
let tmp: ReturnType<typeof tempDir>;

const RSS = (base: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Times</title>
<item><title>Iceland recognizes Reyes</title><link>${base}/a/iceland</link><pubDate>Mon, 10 Mar 2031 09:30:00 GMT</pubDate></item>
<item><title>Harbor festival</title><link>${base}/a/festival</link><pubDate>Mon, 10 Mar 2031 08:00:00 GMT</pubDate></item></channel></rss>`;

beforeAll(async () => {
  web = await startWebServer();
  tmp = tempDir();
  web.routes.set('/rss', serve(RSS(web.base), 'application/rss+xml'));
  web.routes.set('/a/iceland', serve(page({ title: 'Iceland recognizes Reyes', outlet: 'Harbor Times', paras: ["Iceland on Monday recognized Ilan Reyes as Valdoria's legitimate president.", 'More later.'] }), 'text/html'));
  web.routes.set('/a/festival', serve(page({ title: 'Harbor festival', outlet: 'Harbor Times', paras: ['The harbor festival drew record crowds on Saturday.', 'More later.'] }), 'text/html'));
  web.routes.set('/silent', () => {});
});
afterAll(async () => {
  await web.close();
  tmp.cleanup();
});

describe('/feeds', () => {
  let app: App;
  beforeAll(() => {
    app = openApp({ db: join(tmp.dir, 'cmd.db'), seedsDir: VALDORIA, feeds: { minutes: 15, policy: { allowPrivate: true, timeoutMs: 2000, maxBytes: 1 << 20, maxRedirects: 3 } } });
  });
  afterAll(() => app.close());
  const run = (inv: Invocation, canManage = true, platform: 'discord' | 'slack' | 'terminal' = 'terminal') => runInvocation(inv, app.context(platform, 'C1', 'U1', canManage));
  const line = (l: string) => {
    const inv = parseLine(l);
    if ('code' in inv) throw new Error(inv.message);
    return inv;
  };

  it('add, list (status), remove; a Slack-wrapped link is understood', async () => {
    const added = await run(line(`/feeds add <${web.base}/rss|rss>`), true, 'slack');
    expect(added.view.title).toBe('Feed added');
    expect(added.data).toMatchObject({ added: true, feed: { url: `${web.base}/rss`, crisis: 'valdoria-2031', articles: 0, lastOkAt: null } });
    expect((await run(line(`/feeds add ${web.base}/rss`))).view.title).toBe('Already followed');
    await (await app.feeds()).pollAll('all');
    const list = await run(line('/feeds list'));
    expect(list.data).toEqual({ feeds: [{ url: `${web.base}/rss`, crisis: 'valdoria-2031', lastPolledAt: expect.any(String), lastOkAt: expect.any(String), lastError: null, articles: 1 }] });
    const text = list.view.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(text).toContain('1 article added');
    expect(text).toContain('last success');
    const removed = await run(line(`/feeds remove ${web.base}/rss`));
    expect(removed.data).toEqual({ removed: true });
    expect((await run(line('/feeds list'))).data).toEqual({ feeds: [] });
    expect(app.kb.stance('Iceland').found).toBe(true); // its articles stay
  });

  it('needs Manage Channels on Discord to add or remove; anyone may list', async () => {
    const r = await run({ command: 'feeds', subcommand: 'add', options: { url: `${web.base}/rss` } }, false, 'discord');
    expect(r.view.kind).toBe('error');
    expect(r.view.title).toMatch(/permission to manage this channel/);
    expect((await run({ command: 'feeds', subcommand: 'remove', options: { url: `${web.base}/rss` } }, false, 'discord')).view.kind).toBe('error');
    expect((await run({ command: 'feeds', subcommand: 'list', options: {} }, false, 'discord')).view.kind).toBe('info');
  });

  it('a URL that is not http(s) or is private (when not allowed) is a clear error', async () => {
    const bad = await run(line('/feeds add ftp://example.org/rss'));
    expect(bad.view).toMatchObject({ kind: 'error', title: expect.stringMatching(/^Bad url .*use an http or https URL/) });
    const strict = openApp({ db: join(tmp.dir, 'strict.db'), seedsDir: VALDORIA });
    try {
      const r = await runInvocation(line(`/feeds add ${web.base}/rss`), strict.context('terminal', 'C', 'U', true));
      expect(r.view).toMatchObject({ kind: 'error', title: 'Cannot follow that feed: refused: 127.0.0.1 is a private or local address.' });
    } finally {
      strict.close();
    }
  });
});

describe('the running bot polls feeds', () => {
  it('startBot starts the poller (BRIEFING_FEED_MINUTES), a tick polls what is due, stop cancels a poll in flight', async () => {
    const input = new PassThrough();
    const env = { BRIEFING_DB: join(tmp.dir, 'bot.db'), BRIEFING_SEEDS: VALDORIA, LOG_LEVEL: 'silent', BRIEFING_FETCH_ALLOW_PRIVATE: '1', BRIEFING_FEED_MINUTES: '5', BRIEFING_FETCH_TIMEOUT_MS: '60000' };
    const bot = await startBot(loadConfig(env), { input, output: new PassThrough() });
    try {
      expect(bot.feeds).not.toBeNull();
      await (await bot.app.feeds()).add(`${web.base}/rss`, 'U');
      await bot.feeds?.tick();
      const f = bot.app.feedStore.get(`${web.base}/rss`);
      expect(f).toMatchObject({ articles: 1, lastError: null });
      expect(Date.parse(f?.nextPollAt ?? '') - Date.parse(f?.lastOkAt ?? '')).toBe(5 * 60_000);
      // Not due again: a tick fetches nothing.
      const hits = web.hits('/rss');
      await bot.feeds?.tick();
      expect(web.hits('/rss')).toBe(hits);
      // A feed that never answers: stop() aborts the poll instead of waiting a minute, and records no failure.
      await (await bot.app.feeds()).add(`${web.base}/silent`, 'U');
      const pending = bot.feeds?.tick();
      while (web.hits('/silent') === 0) await new Promise((r) => setTimeout(r, 10));
      await bot.feeds?.stop();
      await pending;
      expect(bot.app.feedStore.get(`${web.base}/silent`)).toMatchObject({ failures: 0, lastPolledAt: null });
    } finally {
      input.end();
      await bot.stop();
    }
    const off = await startBot(loadConfig({ ...env, BRIEFING_DB: ':memory:', BRIEFING_FEED_MINUTES: '0' }), { input: new PassThrough(), output: new PassThrough() });
    expect(off.feeds).toBeNull();
    await off.stop();
  });

  it('startFeedPoller: one poll at a time', async () => {
    const app = openApp({ db: ':memory:', seedsDir: VALDORIA, feeds: { minutes: 15, policy: { allowPrivate: true, timeoutMs: 2000, maxBytes: 1 << 20, maxRedirects: 3 } } });
    try {
      const service = await app.feeds();
      await service.add(`${web.base}/rss`, 'U');
      const poller = startFeedPoller(service, undefined, 3_600_000);
      const before = web.hits('/rss');
      await Promise.all([poller.tick(), poller.tick()]);
      expect(web.hits('/rss') - before).toBe(1);
      await poller.stop();
    } finally {
      app.close();
    }
  });
});

/** The CLI in a child process (asynchronously: this process serves the feed meanwhile). */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, BRIEFING_DB: join(tmp.dir, 'cli.db'), BRIEFING_SEEDS: VALDORIA, BRIEFING_FETCH_ALLOW_PRIVATE: '1', LOG_LEVEL: 'silent', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('briefing feed', () => {
  it('add, list, poll and remove follow the JSON contract', async () => {
    const url = `${web.base}/rss`;
    const add = await cli(['feed', 'add', url, '--json']);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.out)).toMatchObject({ added: true, feed: { url, crisis: 'valdoria-2031' } });
    const poll = await cli(['feed', 'poll', '--json']);
    expect(poll.code).toBe(0);
    expect(JSON.parse(poll.out)).toEqual({ feeds: [{ url, crisis: 'valdoria-2031', ok: true, added: 1, duplicates: 0, skipped: 1, failed: 0, error: null }] });
    const list = JSON.parse((await cli(['feed', 'list', '--json'])).out);
    expect(list).toEqual({ feeds: [{ url, crisis: 'valdoria-2031', lastPolledAt: expect.any(String), lastOkAt: expect.any(String), lastError: null, articles: 1 }] });
    expect((await cli(['feed', 'list'])).out).toContain('1 article added');
    const again = JSON.parse((await cli(['feed', 'poll', '--json'])).out);
    expect(again.feeds[0]).toMatchObject({ ok: true, added: 0 });
    const rm = await cli(['feed', 'remove', url]);
    expect(rm.code).toBe(0);
    expect(rm.out).toContain('Feed removed');
    expect(JSON.parse((await cli(['feed', 'list', '--json'])).out)).toEqual({ feeds: [] });
  });

  it('briefing ingest <url>: one web page, with its title, outlet, date and canonical URL; once only', async () => {
    web.routes.set(
      '/story/finland',
      serve(page({ title: 'Finland recognizes Reyes', outlet: 'Harbor Times', published: '2026-03-10T09:00:00Z', canonical: `${web.base}/story/finland?ref=canonical`, paras: ["Finland on Tuesday recognized Ilan Reyes as Valdoria's legitimate president.", 'More later.'] }), 'text/html'),
    );
    web.routes.set('/story/undated', serve(page({ title: 'No date', outlet: 'Harbor Times', paras: ['Finland said nothing new about Valdoria.'] }), 'text/html'));
    const url = `${web.base}/story/finland`;
    const r = await cli(['ingest', url, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ added: 1, duplicates: 0, failed: 0, files: [{ path: url, ok: true }] });
    const sources = JSON.parse((await cli(['sources', '--json'])).out) as { title: string; source: string; published: string; url: string }[];
    expect(sources.find((s) => s.title === 'Finland recognizes Reyes')).toMatchObject({ source: 'Harbor Times', url: `${web.base}/story/finland?ref=canonical` });
    expect(JSON.parse((await cli(['stance', 'Finland', '--json'])).out)).toMatchObject({ found: true, alignment: 'reyes' });
    expect(JSON.parse((await cli(['ingest', url, '--json'])).out)).toMatchObject({ added: 0, duplicates: 1 });
    // A page without a date, a missing page, a private address: one line each, nothing stored.
    const bad = await cli(['ingest', `${web.base}/story/undated`, `${web.base}/nowhere`]);
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toEqual([expect.stringContaining('no publication date on the page'), expect.stringMatching(/nowhere: .*404/)]);
    const refused = await cli(['ingest', `http://localhost:${web.port}/story/finland`], { BRIEFING_FETCH_ALLOW_PRIVATE: '' });
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
  });

  it('a private address without BRIEFING_FETCH_ALLOW_PRIVATE is refused with exit 2 and one line', async () => {
    const r = await cli(['feed', 'add', `http://localhost:${web.port}/rss`], { BRIEFING_FETCH_ALLOW_PRIVATE: '' });
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^error: Cannot follow that feed: refused: localhost is a private or local address/);
  });
});
