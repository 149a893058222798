/**
 * Generality: a made-up crisis (Valdoria, 2031) with its own sides, a live blog in Tokyo time that
 * crosses midnight, a stance that changes, hedges, negations, lists, and later articles in
 * Markdown and HTML. Nothing here is in the seeds.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/ingest/read.js';
import { freshApp, MORE, VALDORIA } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
beforeAll(() => {
  app = freshApp(VALDORIA);
});
afterAll(() => app.cleanup());

describe('stances in a made-up crisis', () => {
  it.each([
    ['Norway', 'reyes', 'firm'], // "recognized Ilan Reyes as the legitimate president"
    ['Peru', 'council', 'firm'], // a list: "Peru, Chile and Japan have voiced their backing"
    ['Canada', 'reyes', 'leaning'], // "does not recognize the military council"
    ['Brazil', 'neutral', null], // "declined to endorse"
    ['United Nations', 'neutral', null], // "called for dialogue and restraint"
  ])('%s → %s (%s)', (q, alignment, strength) => {
    expect(app.kb.stance(q)).toMatchObject({ found: true, alignment, strength });
  });

  it('a changed stance: the latest evidence decides, and the change shows both dates', () => {
    const r = app.kb.stance('Japan');
    expect(r).toMatchObject({ alignment: 'reyes', strength: 'firm' });
    expect(r.change).toEqual({
      from: { alignment: 'council', strength: 'firm', at: '2031-03-04' },
      to: { alignment: 'reyes', strength: 'firm', at: '2031-03-05T00:40:00+09:00' },
    });
    expect(r.evidence[0]?.quote).toMatch(/^Japan has withdrawn its support/);
    expect(r.evidence.some((e) => e.quote.startsWith('Peru, Chile and Japan'))).toBe(true);
  });

  it('a country never named is not found', () => {
    expect(app.kb.stance('Atlantis').found).toBe(false);
    expect(app.kb.stance('Mexico').found).toBe(false);
  });

  it('the crisis file’s own country is the arena, not a side-taker', () => {
    expect(app.kb.stance('Valdoria')).toMatchObject({ found: true, alignment: null });
  });
});

describe('time in a made-up crisis', () => {
  it('a reverse-chronological live blog crossing midnight dates each entry on the right day and offset', () => {
    const t = app.kb.timeline({ limit: 50 });
    const ats = t.events.map((e) => e.at);
    expect(ats).toContain('2031-03-05T00:40:00+09:00');
    expect(ats).toContain('2031-03-04T23:50:00+09:00');
    expect(ats).toContain('2031-03-04T23:05:00+09:00');
  });

  it('merges one event reported by two outlets, keeping the precise time', () => {
    const t = app.kb.timeline({ limit: 50 });
    const seize = t.events.filter((e) => /declared a military council/.test(e.text));
    expect(seize).toHaveLength(1);
    expect(seize[0]).toMatchObject({ at: '2031-03-04T23:05:00+09:00', precision: 'minute' });
    expect(seize[0]?.sources.map((s) => s.docId).sort()).toEqual(['blog-0305', 'wire-0304']);
  });

  it('dates weekdays from the publication day, past and scheduled', () => {
    const t = app.kb.timeline({ limit: 50 });
    expect(t.events.find((e) => /killed in clashes on Monday/.test(e.text))).toMatchObject({ at: '2031-03-03', precision: 'day', scheduled: false });
    expect(t.events.find((e) => /will meet on Friday/.test(e.text))).toMatchObject({ at: '2031-03-07', precision: 'day', scheduled: true });
    expect(t.events.find((e) => /talks next month/.test(e.text))).toMatchObject({ at: '2031-04', precision: 'month' });
    // Captions are not events.
    expect(t.events.some((e) => /Photo/.test(e.text))).toBe(false);
  });

  it('digest: newest day, watch list with the scheduled meeting', () => {
    const d = app.kb.digest();
    expect(d.date).toBe('2031-03-05');
    expect(d.watch.some((w) => w.at === '2031-03-07')).toBe(true);
    expect(d.roster.reyes).toEqual(expect.arrayContaining(['Norway', 'Japan']));
    expect(d.roster.council).toEqual(expect.arrayContaining(['Peru']));
  });

  it('ask in a made-up crisis', async () => {
    expect((await app.kb.ask('How old is Mara Voss?')).answer).toBe('52');
    expect((await app.kb.ask('How much aid will Norway send?')).answer).toBe('$12 million');
    expect((await app.kb.ask('What did Argentina say?')).answer).toBeNull();
    expect((await app.kb.ask('Who is Dana Whitfield?')).answer).toBe('Canadian Foreign Minister');
    expect((await app.kb.ask('When will the Security Council meet?')).answer).toBe('7 Mar 2031');
  });
});

describe('later articles the bot has never seen', () => {
  it('dates a live blog without a zone from its dateline city', () => {
    const text = 'The Latest: talks in Tokyo\n\nTOKYO (AP) — The Latest on the Valdoria talks (all times local):\n\n3:10 p.m.\nJapanese officials said the talks on Valdoria will resume.\n\n9:05 a.m.\nJapan said it backs President Ilan Reyes.';
    const [r] = app.kb.ingest([{ text, source: 'Harbor Times', published: '2031-03-06', path: 'tokyo.txt' }]);
    expect(r?.ok).toBe(true);
    const ats = app.kb.timeline({ from: '2031-03-06', to: '2031-03-06', limit: 10 }).events.map((e) => e.at);
    expect(ats).toEqual(['2031-03-06T09:05:00+09:00', '2031-03-06T15:10:00+09:00']);
  });

  it('ingests Markdown with front matter and HTML with meta tags, and updates stances', () => {
    const md = readArticle(join(MORE, 'chile-0307.md'));
    const html = readArticle(join(MORE, 'page.html'));
    expect(md.meta).toMatchObject({ source: 'Southern Ledger', published: '2031-03-07', timezone: 'America/Santiago' });
    expect(html.meta).toMatchObject({ source: 'Gulf Courier', title: 'Mexico weighs in' });
    expect(html.text).not.toContain('var x'); // scripts are not text
    expect(html.text).not.toContain('Crowds in the capital'); // captions are not events
    const res = app.kb.ingest([
      { ...md.meta, path: md.path, text: md.text },
      { ...html.meta, path: html.path, text: html.text },
    ]);
    expect(res.every((r) => r.ok && !r.duplicate)).toBe(true);
    const chile = app.kb.stance('Chile');
    expect(chile).toMatchObject({ alignment: 'reyes', strength: 'firm' });
    expect(chile.change?.from).toMatchObject({ alignment: 'council', at: '2031-03-04' });
    expect(chile.change?.to.at).toBe('2031-03-07');
    expect(app.kb.stance('Mexico')).toMatchObject({ found: true, alignment: 'reyes', strength: 'firm' });
    const quote = app.kb.stance('Rosa Ibarra');
    expect(quote.found).toBe(true);
    expect(quote.affiliation?.id).toBe('chile');
  });
});
