/**
 * The HTML reader (linkedom + readability) and the lede rule, on small made-up pages and articles
 * about the made-up Valdoria crisis. No timing assertions: hostile pages must simply finish with a
 * sane result (their cost is measured by hand, see the README).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TAGS, readHtml } from '../../src/ingest/html.js';
import { IngestError, readArticle, withHeadline } from '../../src/ingest/read.js';
import { seedArticles } from '../../src/ingest/seeds.js';
import { freshApp, tempDir, VALDORIA } from '../helpers.js';

const HTML = join(import.meta.dirname, '..', 'fixtures', 'html');
const page = (f: string) => readFileSync(join(HTML, f), 'utf8');

describe('readHtml', () => {
  it('keeps the article: headline first, paragraphs, entities decoded; drops scripts, navigation, captions, bylines and asides', () => {
    const r = readHtml(page('harbor-page.html'), 'https://harbor.example/world/');
    const lines = r.text.split('\n\n');
    expect(lines[0]).toBe('Iceland backs Reyes as pressure mounts on Valdoria’s junta');
    expect(lines[1]).toBe("Iceland on Monday recognized Ilan Reyes as Valdoria’s legitimate president, the first Nordic government to do so since the military council seized power.");
    expect(r.text).toContain('“The elected government must be restored,” Foreign Minister Sigrun Olafsdottir');
    expect(r.text).toContain('rights groups & opposition lawmakers');
    expect(r.text).toContain("summon Valdoria's envoy");
    expect(r.text).toContain('Iceland would review'); // &nbsp; is a space
    for (const noise of ['window.ads', 'color: #333', 'Home', 'Search', 'Supporters of Ilan Reyes', 'By Harbor Times staff', 'Most read', 'says no one', 'All rights reserved']) {
      expect(r.text).not.toContain(noise);
    }
    expect(r.text).not.toMatch(/&[a-z#0-9]+;/i);
    expect(r.meta).toEqual({
      title: 'Iceland backs Reyes as pressure mounts on Valdoria’s junta',
      source: 'Harbor Times',
      published: '2031-03-09T08:15:00+01:00',
      url: 'https://harbor.example/world/2031/03/09/iceland-reyes',
      canonical: 'https://harbor.example/world/2031/03/09/iceland-reyes',
    });
  });

  it('reads JSON-LD when there are no og: tags, and keeps a page without <h1> or article element', () => {
    const r = readHtml(page('ledger-ld.html'));
    expect(r.meta).toMatchObject({ title: 'Estonia weighs sanctions on Valdoria', source: 'Baltic Ledger', published: '2031-03-10T10:00:00Z' });
    expect(r.text.split('\n\n')).toEqual([
      'Estonia weighs sanctions on Valdoria',
      "TALLINN – Estonia said on Tuesday it was considering sanctions against members of Valdoria's military council, and called on the junta to release detained officials.",
      'The government said a decision would come after consultations with its European partners next week.',
    ]);
  });

  it('takes <title> without the outlet suffix, and only http(s) canonical links', () => {
    const r = readHtml(
      '<html><head><title>Talks resume | Gulf Courier</title><meta property="og:site_name" content="Gulf Courier"><link rel="canonical" href="javascript:alert(1)"></head><body><p>Talks resumed on Monday in the capital.</p></body></html>',
    );
    expect(r.meta.title).toBe('Talks resume');
    expect(r.meta.canonical).toBeUndefined();
    expect(r.text).toBe('Talks resume\n\nTalks resumed on Monday in the capital.');
  });

  it('a fragment without <html>, literal < and & in text, and stray private-use characters', () => {
    const r = readHtml('<p>Turnout was < 40% &amp rising; AT&T and R&D &zzz; \uE000 stayed.</p>');
    expect(r.text).toBe('Turnout was < 40% & rising; AT&T and R&D &zzz; stayed.');
  });

  it('hostile pages finish with a sane result', () => {
    const brokenMeta = `<html><head>${'<meta property="og:title" content=x '.repeat(2300)}</head><body><p>Hello there.</p></body></html>`;
    expect(brokenMeta.length).toBeGreaterThan(80_000);
    expect(readHtml(brokenMeta).text).toContain('Hello there.');
    const unclosed = `<html><head>${'<meta property="og:title" content="a'.repeat(2400)}</head><body><p>Hello</p></body></html>`;
    expect(readHtml(unclosed).text).toBe(''); // an unclosed quote swallows the page, as in a browser
    // 84 KB of bare "<meta " tags: one tag whose attributes swallow "<body", then the paragraph (as in a browser).
    expect(readHtml(`<html><head>${'<meta '.repeat(14_000)}<body><p>Hello there.</p></body></html>`).text).toBe('Hello there.');
    expect(readHtml('<html><head><title>T</title></head><p>No body element.</p></html>').text).toBe('T\n\nNo body element.');
    const lt = readHtml('<'.repeat(2_000_000));
    expect(lt.text.length).toBe(2_000_000);
    expect(readHtml(`<p>${'&amp;'.repeat(100_000)}</p>`).text).toBe('&'.repeat(100_000));
    const deep = readHtml(`<html><body>${'<div><p>Deep text.'.repeat(5_000)}</body></html>`);
    expect(deep.text.split('\n\n').length).toBe(5_000);
    expect(() => readHtml('<a>'.repeat(MAX_TAGS + 1))).toThrow(/too much markup/);
  });
});

describe('the lede stays when the title comes from elsewhere', () => {
  it('withHeadline puts a title first only when the text does not open with a headline', () => {
    expect(withHeadline('Iceland on Monday recognized Reyes.\n\nMore.', 'Iceland turns')).toBe('Iceland turns\n\nIceland on Monday recognized Reyes.\n\nMore.');
    expect(withHeadline('Iceland turns\n\nIceland on Monday recognized Reyes.', 'Iceland turns')).toBe('Iceland turns\n\nIceland on Monday recognized Reyes.');
    expect(withHeadline('# Iceland turns!\n\nBody.', 'Iceland turns')).toBe('# Iceland turns!\n\nBody.');
    expect(withHeadline('Iceland changes course on Valdoria\n\nBody.', 'Iceland turns')).toBe('Iceland changes course on Valdoria\n\nBody.'); // another wording of a headline
    expect(withHeadline('Body.', undefined)).toBe('Body.');
  });

  let app: ReturnType<typeof freshApp>;
  const t = tempDir();
  beforeAll(() => {
    app = freshApp(VALDORIA);
  });
  afterAll(() => {
    app.cleanup();
    t.cleanup();
  });

  it('front matter title: the first paragraph is read as the lede, with its stance', () => {
    const a = readArticle(join(HTML, 'lede.md'));
    expect(a.text.split('\n\n')[0]).toBe('Iceland turns to Reyes');
    const [r] = app.kb.ingest([{ ...a.meta, path: a.path, text: a.text }]);
    expect(r).toMatchObject({ ok: true });
    const s = app.kb.stance('Iceland');
    expect(s).toMatchObject({ found: true, alignment: 'reyes', strength: 'firm' });
    expect(s.evidence[0]?.quote).toMatch(/^Iceland on Monday recognized Ilan Reyes/);
  });

  it('manifest title: the same for seed articles', () => {
    writeFileSync(join(t.dir, 'crisis.json'), readFileSync(join(VALDORIA, 'crisis.json')));
    writeFileSync(join(t.dir, 'a.txt'), 'Estonia on Monday recognized Ilan Reyes as the legitimate president.\n\nMore later.\n');
    writeFileSync(join(t.dir, 'manifest.json'), JSON.stringify({ documents: [{ file: 'a.txt', id: 'a', title: 'Estonia turns', source: 'Baltic Ledger', published: '2031-03-09' }] }));
    const [a] = seedArticles(t.dir);
    expect(a?.text.split('\n\n').slice(0, 2)).toEqual(['Estonia turns', 'Estonia on Monday recognized Ilan Reyes as the legitimate president.']);
  });

  it('a page with more tags than the limit is a one-line ingest error', () => {
    const p = join(t.dir, 'tags.html');
    writeFileSync(p, `<p>x</p>${'<b>'.repeat(MAX_TAGS + 1)}`);
    expect(() => readArticle(p)).toThrowError(IngestError);
    expect(() => readArticle(p)).toThrowError(/^tags\.html: too much markup/);
  });
});
