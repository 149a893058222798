/** The examples the issue names, on the seed corpus (Venezuela, 24 January 2019). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTimeLabel } from '../../src/core/read/segment.js';
import { freshApp, SEEDS } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
beforeAll(() => {
  app = freshApp(SEEDS);
});
afterAll(() => app.cleanup());

describe('stance on the seeds', () => {
  it('Russia backs Maduro firmly, with Putin’s call or the Kremlin as verbatim evidence', () => {
    const r = app.kb.stance('Russia');
    expect(r).toMatchObject({ found: true, actor: { id: 'russia', kind: 'country' }, alignment: 'maduro', strength: 'firm' });
    const quotes = r.evidence.map((e) => e.quote);
    expect(quotes.some((q) => /Putin|Kremlin/.test(q))).toBe(true);
    const corpus = readFileSync(join(SEEDS, '003_3a3a87932dc39973.txt'), 'utf8') + readFileSync(join(SEEDS, '000_9ac639b26d31d47b.txt'), 'utf8');
    for (const e of r.evidence) {
      expect(corpus).toContain(e.quote); // verbatim
      expect(e.source).toMatch(/CBC News|The Associated Press/);
      expect(e.at).toMatch(/^2019-01-24/);
    }
    const putin = r.evidence.find((e) => e.quote.startsWith('Russian President Vladimir Putin has offered'));
    expect(putin?.at).toBe('2019-01-24T14:30:00-04:00');
    expect(putin?.speaker).toBe('Vladimir Putin');
  });

  it('the Vatican is neutral', () => {
    expect(app.kb.stance('Vatican')).toMatchObject({ found: true, alignment: 'neutral' });
    expect(app.kb.stance('Holy See').actor?.id).toBe(app.kb.stance('Vatican').actor?.id);
  });

  it('Mexico is not in the corpus: found false, no guess', () => {
    const r = app.kb.stance('Mexico');
    expect(r).toMatchObject({ found: false, actor: null, alignment: null, strength: null, evidence: [] });
    expect(Array.isArray(r.suggestions)).toBe(true);
  });

  it('a near miss is never answered as the actor it resembles: not named, did you mean', () => {
    const r = app.kb.stance('Rusia');
    expect(r).toMatchObject({ found: false, actor: null, alignment: null, evidence: [] });
    expect(r.suggestions[0]).toBe('Russia');
    expect(r.summary).toBe('“Rusia” is not named in the corpus; did you mean Russia?');
    const t = app.kb.timeline({ actor: 'Rusia' });
    expect(t.actorFound).toBe(false);
    expect(t.events).toEqual([]);
    expect(t.suggestions?.[0]).toBe('Russia');
    // a country the corpus never names is not answered as a similar one that it does
    for (const q of ['Austria', 'Iraq', 'Chile', 'Canadia']) expect(app.kb.stance(q).found).toBe(false);
  });

  it.each([
    ['the kremlin', 'russia'],
    ['Kremlin', 'russia'],
    ['Russian', 'russia'],
    ['Putin', 'vladimir-putin'],
    ['Guaidó', 'guaido'],
    ['guaido', 'guaido'],
    ['Tehran', 'iran'],
    ['Damascus', 'syria'],
  ])('resolves %s', (q, id) => {
    expect(app.kb.stance(q).actor?.id).toBe(id);
  });

  it.each([
    ['China', 'maduro', 'firm'],
    ['Cuba', 'maduro', 'firm'],
    ['Turkey', 'maduro', 'firm'],
    ['Iran', 'maduro', 'firm'],
    ['Syria', 'maduro', 'firm'],
    ['South Africa', 'maduro', 'firm'],
    ['United States', 'guaido', 'firm'],
    ['Canada', 'guaido', 'firm'],
    ['Germany', 'guaido', 'firm'],
    ['EU', 'guaido', 'firm'],
    ['Ecuador', 'guaido', 'firm'],
    ['Denmark', 'guaido', 'firm'],
    ['Australia', 'guaido', 'leaning'], // "is considering recognizing"
    ['Britain', 'guaido', 'leaning'], // "stops short of recognizing"
    ['Spain', 'guaido', 'leaning'], // "declined to follow ... in endorsing"
    ['France', 'guaido', 'leaning'],
    ['Portugal', 'guaido', 'leaning'],
    ['United Nations', 'neutral', null],
  ])('%s → %s (%s)', (q, alignment, strength) => {
    expect(app.kb.stance(q)).toMatchObject({ found: true, alignment, strength });
  });

  it('an official named as an object keeps no guessed affiliation', () => {
    // "Hunt says he plans to discuss the matter with Vice President Mike Pence" in Britain's entry.
    expect(app.kb.actors().find((a) => a.id === 'mike-pence')?.affiliation).not.toBe('united-kingdom');
  });

  it('autocomplete: prefixes of names and aliases, near misses, at most 25', () => {
    const names = (p: string) => app.kb.suggest(p).map((x) => x.name);
    expect(names('kre')).toEqual(['Russia']); // the Kremlin
    expect(names('put')).toEqual(['Vladimir Putin']);
    expect(names('Rusia')).toEqual(['Russia']);
    expect(names('holy')).toEqual(['Vatican City']);
    expect(names('xyz')).toEqual([]);
    expect(names('').length).toBeLessThanOrEqual(25);
    expect(names('')[0]).toBe('United States'); // most mentioned first
  });

  it('a person carries their affiliation', () => {
    const r = app.kb.stance('Peskov');
    expect(r.affiliation?.id).toBe('russia');
    expect(r.alignment).toBe('maduro');
  });
});

describe('timeline on the seeds', () => {
  it('dates every time-stamped AP entry at its exact local instant', () => {
    const blog = readFileSync(join(SEEDS, '003_3a3a87932dc39973.txt'), 'utf8');
    const labels = blog.split('\n').filter((l) => parseTimeLabel(l) !== null);
    expect(labels.length).toBe(29);
    const t = app.kb.timeline({ limit: 100 });
    const minutes = new Set(t.events.filter((e) => e.precision === 'minute').map((e) => e.at));
    for (const l of labels) {
      const m = parseTimeLabel(l) as number;
      const at = `2019-01-24T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00-04:00`;
      expect(minutes, l).toContain(at);
    }
    expect(minutes).toContain('2019-01-24T14:30:00-04:00');
  });

  it('sorts events by time, merges the same event across outlets, and dates the Saturday meeting', () => {
    const t = app.kb.timeline({ limit: 100 });
    const keys = t.events.map((e) => Date.parse(e.at.length === 7 ? `${e.at}-01T00:00:00Z` : e.at.length === 10 ? `${e.at}T00:00:00Z` : e.at));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    const diplomats = t.events.filter((e) => /ordered all .*diplomats home/.test(e.text));
    expect(diplomats).toHaveLength(1);
    expect(diplomats[0]?.sources.map((s) => s.source).sort()).toEqual(['CBC News', 'The Associated Press']);
    expect(diplomats[0]?.at).toBe('2019-01-24T16:25:00-04:00');
    const saturday = t.events.find((e) => e.scheduled && /Security Council/.test(e.text));
    expect(saturday).toMatchObject({ at: '2019-01-26', precision: 'day' });
    expect(t.events.some((e) => e.at === '2019-01-23' && /left at least a dozen dead/.test(e.text))).toBe(true);
    expect(t.events.some((e) => e.at === '2018-12' && e.precision === 'month')).toBe(true);
  });

  it('limit keeps the most important events, in time order, with day summaries and counts', () => {
    const all = app.kb.timeline({ limit: 100 });
    const top = app.kb.timeline({ limit: 5 });
    expect(top.events).toHaveLength(5);
    expect(top.total).toBe(all.total);
    const minImportance = Math.min(...top.events.map((e) => e.importance));
    expect(all.events.filter((e) => e.importance > minImportance).length).toBeLessThanOrEqual(5);
    for (const d of top.days) {
      expect(d.summary.length).toBeGreaterThan(10);
      expect(d.count).toBeGreaterThanOrEqual(top.events.filter((e) => e.at.startsWith(d.date)).length);
    }
  });

  it('filters by actor and window; an unknown actor is reported', () => {
    const r = app.kb.timeline({ actor: 'Turkey', limit: 50 });
    expect(r.actorFound).toBe(true);
    expect(r.events.length).toBeGreaterThan(0);
    for (const e of r.events) expect(e.actors.some((a) => a === 'turkey' || a === 'recep-tayyip-erdogan')).toBe(true);
    const day = app.kb.timeline({ from: '2019-01-23', to: '2019-01-23', limit: 50 });
    for (const e of day.events) expect(e.at.slice(0, 10)).toBe('2019-01-23');
    expect(app.kb.timeline({ actor: 'Atlantis' }).actorFound).toBe(false);
  });
});

describe('digest, ask, actors and sources on the seeds', () => {
  it('digest of the newest news day', () => {
    const d = app.kb.digest();
    expect(d.date).toBe('2019-01-24');
    expect(d.developments.length).toBeGreaterThan(2);
    expect(d.roster.maduro).toEqual(expect.arrayContaining(['Russia', 'China', 'Cuba', 'Turkey']));
    expect(d.roster.guaido).toEqual(expect.arrayContaining(['United States', 'Canada']));
    expect(d.roster.neutral).toEqual(expect.arrayContaining(['Vatican City']));
    expect(d.figures.some((f) => f.kind === 'deaths')).toBe(true);
    expect(d.watch.some((w) => w.at === '2019-01-26')).toBe(true);
    expect(d.sources.map((s) => s.source).sort()).toEqual(['CBC News', 'The Associated Press']);
    expect(d.text).toContain('Who backs whom');
  });

  it('ask: “How old is Guaido?” → 35, highlighted in a cited sentence', async () => {
    const r = await app.kb.ask('How old is Guaido?');
    expect(r.answer).toBe('35');
    expect(r.mode).toBe('extractive');
    const c = r.citations[0];
    expect(c?.source).toBe('CBC News');
    expect(c?.highlight && c.quote.slice(c.highlight[0], c.highlight[1])).toBe('35-year-old');
  });

  it('ask: numbers and “not in the corpus”', async () => {
    expect((await app.kb.ask('How much money has China given Venezuela?')).answer).toBe('$65 billion');
    expect((await app.kb.ask('How many people have been killed?')).answer).toMatch(/dozen/);
    const none = await app.kb.ask('What did Mexico say?');
    expect(none.answer).toBeNull();
    expect(none.citations).toEqual([]);
    expect((await app.kb.ask('How old is Maduro?')).answer).toBeNull();
  });

  it('ask: durations, places, definitions, what someone said, and the latest toll', async () => {
    expect((await app.kb.ask('How long did Maduro give American diplomats to leave?')).answer).toBe('72 hours to leave');
    expect((await app.kb.ask('Where did Guaido swear himself in?')).answer).toBe('Caracas');
    expect((await app.kb.ask('Who is Steffen Seibert?')).answer).toBe('Government spokesman');
    expect((await app.kb.ask('Who is Putin?')).answer).toBe('Russian President');
    expect((await app.kb.ask('What did the Kremlin say?')).citations[0]?.quote).toMatch(/^The Kremlin/);
    // "death toll" finds "have been killed"; of equal evidence, the later report wins.
    expect((await app.kb.ask('What is the death toll?')).answer).toMatch(/^at least a dozen/);
  });

  it('actors and sources', () => {
    const actors = app.kb.actors();
    expect(actors.find((a) => a.id === 'russia')).toMatchObject({ alignment: 'maduro', strength: 'firm' });
    expect(actors.find((a) => a.id === 'vladimir-putin')).toMatchObject({ kind: 'person', affiliation: 'russia' });
    expect(app.kb.sources().map((s) => s.docId).sort()).toEqual(['ap-2019-01-24-latest', 'cbc-2019-01-24-maduro-diplomats']);
  });
});
