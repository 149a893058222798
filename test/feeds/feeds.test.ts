/**
 * Feeds against a local web server on 127.0.0.1: RSS 2.0, Atom and JSON Feed; 304s; 500s,
 * timeouts, slow and endless bodies with backoff; malformed XML; redirects to private addresses
 * refused; items not about the crisis skipped; one story under two URLs ingested once.
 * The crisis is the made-up Valdoria (test/fixtures/valdoria).
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.js';
import type { FeedService, FeedSettings } from '../../src/ingest/feeds/poll.js';
import { tempDir, VALDORIA } from '../helpers.js';
import { page, serve, startWebServer, type WebServer } from './server.js';

const RSS = 'application/rss+xml';
const HTML = 'text/html; charset=utf-8';
const ICELAND = ["Iceland on Monday recognized Ilan Reyes as Valdoria's legitimate president, the first Nordic government to do so.", 'Officials said the foreign ministry would summon the envoy on Tuesday.'];
const FESTIVAL = ["The city's harbor festival drew record crowds on Saturday, organisers said.", 'Next year it will run for a whole week.'];

let web: WebServer;
let tmp: ReturnType<typeof tempDir>;
let app: App;
let feeds: FeedService;
let now: Date;

function settings(over: Partial<FeedSettings['policy']> = {}): FeedSettings {
  return { minutes: 15, policy: { allowPrivate: true, timeoutMs: 2000, maxBytes: 256 * 1024, maxRedirects: 3, ...over } };
}

async function openWith(s: FeedSettings): Promise<void> {
  app?.close();
  app = openApp({ db: join(tmp.dir, `kb-${Math.random().toString(36).slice(2)}.db`), seedsDir: VALDORIA, clock: { now: () => now }, feeds: s });
  feeds = await app.feeds();
}

function rss(items: { title: string; link: string; date?: string; source?: string }[], title = 'Harbor Times – World'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>https://harbor.example/</link>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}${i.source ? `<source url="https://x.example/rss">${i.source}</source>` : ''}</item>`).join('\n')}
</channel></rss>`;
}

async function follow(path: string) {
  const r = await feeds.add(`${web.base}${path}`, 'tester');
  expect(r.added).toBe(true);
  return r.feed;
}

const poll = async (path: string) => {
  const f = app.feedStore.get(`${web.base}${path}`);
  if (!f) throw new Error(`not followed: ${path}`);
  return feeds.poll(f);
};

beforeAll(async () => {
  web = await startWebServer();
  tmp = tempDir();
});
afterAll(async () => {
  app?.close();
  await web.close();
  tmp.cleanup();
});
beforeEach(async () => {
  now = new Date('2031-03-12T08:00:00Z');
  web.routes.clear();
  web.requests.length = 0;
  await openWith(settings());
});
afterEach(() => web.routes.clear());

describe('feed formats', () => {
  it('RSS 2.0: each item page read through the HTML reader, with the item’s title, outlet, date and URL; an item not about the crisis is skipped', async () => {
    web.routes.set('/rss', serve(rss([
      { title: 'Iceland recognizes Reyes', link: `${web.base}/a/iceland?utm_source=rss`, date: 'Mon, 10 Mar 2031 09:30:00 GMT', source: 'Nordic Wire' },
      { title: 'Harbor festival breaks records', link: `${web.base}/a/festival`, date: 'Sat, 08 Mar 2031 12:00:00 GMT' },
    ]), RSS));
    web.routes.set('/a/iceland', serve(page({ title: 'Iceland recognizes Reyes', outlet: 'Harbor Times', canonical: 'https://harbor.example/a/iceland', paras: ICELAND }), HTML));
    web.routes.set('/a/festival', serve(page({ title: 'Harbor festival breaks records', outlet: 'Harbor Times', paras: FESTIVAL }), HTML));
    await follow('/rss');
    const r = await poll('/rss');
    expect(r).toEqual({ url: `${web.base}/rss`, ok: true, added: 1, duplicates: 0, skipped: 1, failed: 0, error: null });
    const src = app.kb.sources().find((s) => s.title === 'Iceland recognizes Reyes');
    expect(src).toMatchObject({ source: 'Nordic Wire', published: '2031-03-10T09:30:00Z', url: 'https://harbor.example/a/iceland' });
    const s = app.kb.stance('Iceland');
    expect(s).toMatchObject({ found: true, alignment: 'reyes', strength: 'firm' });
    expect(s.evidence[0]?.quote).toMatch(/^Iceland on Monday recognized Ilan Reyes/);
    expect(app.kb.sources().some((x) => /festival/i.test(x.title))).toBe(false);
    expect(app.feedStore.get(`${web.base}/rss`)).toMatchObject({ articles: 1, lastError: null, failures: 0, lastOkAt: now.toISOString() });
    // A second poll of the same feed adds nothing and fetches no page again.
    const pages = web.hits('/a/iceland?utm_source=rss') + web.hits('/a/festival');
    expect(await poll('/rss')).toMatchObject({ ok: true, added: 0, duplicates: 0, skipped: 0, failed: 0 });
    expect(web.hits('/a/iceland?utm_source=rss') + web.hits('/a/festival')).toBe(pages);
  });

  it('Atom and JSON Feed', async () => {
    web.routes.set('/atom', serve(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Baltic Ledger</title>
<entry><title type="html">Estonia backs Reyes &amp;amp; calls for talks</title><link rel="alternate" href="/e/estonia"/><link rel="enclosure" href="/x.jpg"/><id>tag:e</id><published>2031-03-10T10:00:00Z</published></entry>
</feed>`, 'application/atom+xml'));
    web.routes.set('/e/estonia', serve(page({ title: 'Estonia backs Reyes', outlet: 'Baltic Ledger', paras: ["Estonia on Tuesday recognized Ilan Reyes as Valdoria's legitimate president.", 'The decision was announced in Tallinn.'] }), HTML));
    web.routes.set('/feed.json', serve(JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Riga Courier',
      items: [{ id: '1', url: `${web.base}/j/latvia`, title: 'Latvia backs Reyes', date_published: '2031-03-11T07:00:00+02:00' }],
    }), 'application/feed+json'));
    web.routes.set('/j/latvia', serve(page({ title: 'Latvia backs Reyes', outlet: 'Riga Courier', paras: ["Latvia on Wednesday recognized Ilan Reyes as Valdoria's legitimate president.", 'The decision was announced in Riga.'] }), HTML));
    await follow('/atom');
    await follow('/feed.json');
    expect(await poll('/atom')).toMatchObject({ ok: true, added: 1 });
    expect(await poll('/feed.json')).toMatchObject({ ok: true, added: 1 });
    expect(app.kb.sources().find((s) => s.source === 'Baltic Ledger')).toMatchObject({ title: 'Estonia backs Reyes & calls for talks', published: '2031-03-10T10:00:00Z', url: `${web.base}/e/estonia` });
    expect(app.kb.sources().find((s) => s.source === 'Riga Courier')).toMatchObject({ title: 'Latvia backs Reyes', published: '2031-03-11T05:00:00Z' });
    expect(app.kb.stance('Estonia')).toMatchObject({ alignment: 'reyes' });
    expect(app.kb.stance('Latvia')).toMatchObject({ alignment: 'reyes' });
  });
});

describe('polite polling', () => {
  it('conditional requests: ETag and Last-Modified are sent back, and a 304 is a success that adds nothing', async () => {
    web.routes.set('/etag', serve(rss([]), RSS, { etag: '"v1"' }));
    web.routes.set('/lm', serve(rss([]), RSS, { lastModified: 'Tue, 11 Mar 2031 10:00:00 GMT' }));
    await follow('/etag');
    await follow('/lm');
    expect(await poll('/etag')).toMatchObject({ ok: true, added: 0 });
    expect(await poll('/lm')).toMatchObject({ ok: true });
    web.requests.length = 0;
    expect(await poll('/etag')).toMatchObject({ ok: true, added: 0, error: null });
    expect(await poll('/lm')).toMatchObject({ ok: true, error: null });
    expect(web.requests.find((r) => r.path === '/etag')?.headers['if-none-match']).toBe('"v1"');
    expect(web.requests.find((r) => r.path === '/lm')?.headers['if-modified-since']).toBe('Tue, 11 Mar 2031 10:00:00 GMT');
    expect(app.feedStore.get(`${web.base}/etag`)).toMatchObject({ etag: '"v1"', failures: 0 });
  });

  it('a 500 backs the feed off, doubling per failure; a success resets it', async () => {
    let fail = true;
    web.routes.set('/flaky', (req, res) => (fail ? res.writeHead(500).end('oops') : serve(rss([]), RSS)(req, res)));
    await follow('/flaky');
    expect(await poll('/flaky')).toMatchObject({ ok: false, error: 'HTTP 500' });
    let f = app.feedStore.get(`${web.base}/flaky`);
    expect(f).toMatchObject({ failures: 1, lastError: 'HTTP 500', nextPollAt: '2031-03-12T08:15:00.000Z', lastOkAt: null });
    // The schedule skips it until then.
    now = new Date('2031-03-12T08:14:00Z');
    expect(app.feedStore.due(now).map((x) => x.url)).not.toContain(f?.url);
    now = new Date('2031-03-12T08:15:00Z');
    expect((await feeds.pollAll('due')).map((r) => r.url)).toEqual([f?.url]);
    f = app.feedStore.get(`${web.base}/flaky`);
    expect(f).toMatchObject({ failures: 2, nextPollAt: '2031-03-12T08:45:00.000Z' });
    fail = false;
    now = new Date('2031-03-12T08:45:00Z');
    await feeds.pollAll('due');
    expect(app.feedStore.get(`${web.base}/flaky`)).toMatchObject({ failures: 0, lastError: null, lastOkAt: '2031-03-12T08:45:00.000Z', nextPollAt: '2031-03-12T09:00:00.000Z' });
  });

  it('a 503 with Retry-After waits at least that long', async () => {
    web.routes.set('/busy', (_req, res) => res.writeHead(503, { 'retry-after': '7200' }).end());
    await follow('/busy');
    expect(await poll('/busy')).toMatchObject({ ok: false, error: 'HTTP 503' });
    expect(app.feedStore.get(`${web.base}/busy`)?.nextPollAt).toBe('2031-03-12T10:00:00.000Z');
  });

  it('a server that never answers, a body that trickles forever, and an endless fast body all end with an error', async () => {
    await openWith(settings({ timeoutMs: 400 }));
    web.routes.set('/silent', () => {});
    web.routes.set('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': RSS });
      res.write('<?xml version="1.0"?><rss><channel>');
      const t = setInterval(() => res.write('<!-- still here -->'), 20);
      res.on('close', () => clearInterval(t));
    });
    web.routes.set('/endless', (_req, res) => {
      res.writeHead(200, { 'content-type': RSS });
      const chunk = `<!-- ${'x'.repeat(16_000)} -->`;
      const pump = () => {
        while (res.write(chunk)) {}
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    for (const p of ['/silent', '/trickle', '/endless']) await follow(p);
    expect(await poll('/silent')).toMatchObject({ ok: false, error: 'timed out after 400 ms' });
    expect(await poll('/trickle')).toMatchObject({ ok: false, error: 'timed out after 400 ms' });
    expect(await poll('/endless')).toMatchObject({ ok: false, error: expect.stringMatching(/^too large/) });
    for (const p of ['/silent', '/trickle', '/endless']) expect(app.feedStore.get(`${web.base}${p}`)?.failures).toBe(1);
  });

  it('malformed XML and a non-feed are one-line errors', async () => {
    web.routes.set('/bad', serve('<?xml version="1.0"?><rss><channel><item><title>x</item></channel></rss>', RSS));
    web.routes.set('/notfeed', serve('{"hello": "world"}', 'application/json'));
    await follow('/bad');
    await follow('/notfeed');
    const bad = await poll('/bad');
    expect(bad).toMatchObject({ ok: false });
    expect(bad.error).toMatch(/^malformed XML: .* \(line \d+\)$/);
    expect((await poll('/notfeed')).error).toMatch(/^not a JSON Feed/);
  });
});

describe('safety', () => {
  it('only http and https; private addresses are refused unless allowed, also after a redirect and by resolved name', async () => {
    // 127.0.0.1 is exempted by name for this test only; "localhost" still resolves to loopback.
    await openWith(settings({ allowPrivate: false, allowHosts: ['127.0.0.1'] }));
    await expect(feeds.add('file:///etc/passwd', 'x')).rejects.toThrow(/only http and https/);
    await expect(feeds.add(`http://localhost:${web.port}/rss`, 'x')).rejects.toThrow(/refused: localhost is a private or local address \(127\.0\.0\.1|::1\)/);
    await expect(feeds.add('http://10.1.2.3/feed', 'x')).rejects.toThrow(/refused: 10\.1\.2\.3/);
    await expect(feeds.add('http://[::ffff:192.168.0.1]/feed', 'x')).rejects.toThrow(/refused/);
    await expect(feeds.add('http://169.254.169.254/latest/meta-data', 'x')).rejects.toThrow(/refused/);
    // The feed itself redirects to a loopback name: refused before any request is made to it.
    web.routes.set('/hop', (_req, res) => res.writeHead(302, { location: `http://localhost:${web.port}/internal` }).end());
    web.routes.set('/internal', serve(rss([]), RSS));
    await follow('/hop');
    expect(await poll('/hop')).toMatchObject({ ok: false, error: expect.stringMatching(/^refused: localhost is a private or local address/) });
    expect(web.hits('/internal')).toBe(0);
    // An item's page that redirects to a private address fails that item only.
    web.routes.set('/rss', serve(rss([{ title: 'Iceland recognizes Reyes', link: `${web.base}/go`, date: 'Mon, 10 Mar 2031 09:30:00 GMT' }]), RSS));
    web.routes.set('/go', (_req, res) => res.writeHead(301, { location: 'http://192.168.1.1/admin' }).end());
    await follow('/rss');
    expect(await poll('/rss')).toMatchObject({ ok: true, added: 0, failed: 1 });
  });

  it('too many redirects is an error', async () => {
    web.routes.set('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    await follow('/loop');
    expect(await poll('/loop')).toMatchObject({ ok: false, error: 'too many redirects (more than 3)' });
    expect(web.hits('/loop')).toBe(4);
  });
});

describe('duplicates', () => {
  it('the same story under two URLs is ingested once: by canonical URL and by content', async () => {
    web.routes.set('/one', serve(rss([{ title: 'Iceland recognizes Reyes', link: `${web.base}/s/iceland`, date: 'Mon, 10 Mar 2031 09:30:00 GMT' }]), RSS));
    web.routes.set('/two', serve(rss([
      // The same page under a tracking parameter: known by URL, not fetched again.
      { title: 'Iceland recognizes Reyes', link: `${web.base}/s/iceland?utm_campaign=x#top`, date: 'Mon, 10 Mar 2031 09:30:00 GMT' },
      // A syndicated copy: another URL, another headline and boilerplate, the same paragraphs.
      { title: 'Reykjavik sides with Reyes', link: `${web.base}/wire/123`, date: 'Mon, 10 Mar 2031 10:00:00 GMT' },
      // An AMP copy that names the original as canonical.
      { title: 'Iceland recognizes Reyes (AMP)', link: `${web.base}/amp/iceland`, date: 'Mon, 10 Mar 2031 09:30:00 GMT' },
    ]), RSS));
    web.routes.set('/s/iceland', serve(page({ title: 'Iceland recognizes Reyes', outlet: 'Harbor Times', paras: ICELAND }), HTML));
    web.routes.set('/wire/123', serve(page({ title: 'Reykjavik sides with Reyes', outlet: 'Wire Service', paras: ICELAND, boilerplate: 'More from the wire' }), HTML));
    web.routes.set('/amp/iceland', serve(page({ title: 'Iceland recognizes Reyes', outlet: 'Harbor Times', canonical: `${web.base}/s/iceland`, paras: [...ICELAND, 'Sign up for our newsletter today.'] }), HTML));
    await follow('/one');
    await follow('/two');
    expect(await poll('/one')).toMatchObject({ ok: true, added: 1, duplicates: 0 });
    expect(await poll('/two')).toMatchObject({ ok: true, added: 0, duplicates: 3, failed: 0 });
    expect(web.hits('/s/iceland?utm_campaign=x')).toBe(0);
    expect(app.kb.sources().filter((s) => /Reyes/.test(s.title))).toHaveLength(1);
    expect(app.kb.stance('Iceland').evidence).toHaveLength(1);
  });
});
