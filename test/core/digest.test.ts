/** The digest: five headed sections, always present; positions, figures and scheduled events as of its date. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_SECTIONS } from '../../src/core/answer/digest.js';
import { digestView } from '../../src/core/answer/views.js';
import { readArticle } from '../../src/ingest/read.js';
import { freshApp, MORE, VALDORIA } from '../helpers.js';

describe('digest as of its date', () => {
  const app = freshApp(VALDORIA);
  beforeAll(() => {
    const md = readArticle(join(MORE, 'chile-0307.md'));
    const html = readArticle(join(MORE, 'page.html'));
    const res = app.kb.ingest([
      { ...md.meta, path: md.path, text: md.text },
      { ...html.meta, path: html.path, text: html.text },
    ]);
    expect(res.every((r) => r.ok)).toBe(true);
  });
  afterAll(() => app.cleanup());

  const sideOf = (roster: Record<string, string[]>, name: string) => Object.entries(roster).find(([, names]) => names.some((n) => n.replace(/ \(leaning\)$/, '') === name))?.[0] ?? null;

  it('a digest of an earlier day shows the positions of that day, not later ones', () => {
    const early = app.kb.digest({ date: '2031-03-05' });
    expect(sideOf(early.roster, 'Chile')).toBe('council'); // it changed on 2031-03-07
    expect(sideOf(early.roster, 'Mexico')).toBeNull(); // first named on 2031-03-08
    const changed = app.kb.digest({ date: '2031-03-07' });
    expect(sideOf(changed.roster, 'Chile')).toBe('reyes');
    expect(sideOf(changed.roster, 'Mexico')).toBeNull();
    const late = app.kb.digest({ date: '2031-03-08' });
    expect(sideOf(late.roster, 'Mexico')).toBe('reyes');
    expect(app.kb.digest().roster).toEqual(late.roster); // the newest day is the stored stances
  });

  it('figures, sources and what to watch come only from articles published by the date', () => {
    const early = app.kb.digest({ date: '2031-03-04' });
    expect(early.sources.map((s) => s.published?.slice(0, 10))).toEqual(['2031-03-04']);
    const docs = new Set(early.sources.map((s) => s.docId));
    for (const f of early.figures) expect(docs.has(f.docId)).toBe(true);
    for (const w of early.watch) expect(w.docId === undefined || ['wire-0304'].includes(w.docId)).toBe(true);
  });

  it('every section has its heading, in order, in the text and in the view, even when empty', () => {
    for (const date of ['2031-03-04', '2031-03-05', '2031-03-07', '2031-03-09']) {
      const d = app.kb.digest({ date });
      const lines = d.text.split('\n');
      expect(DIGEST_SECTIONS.map((s) => lines.indexOf(s))).toEqual([...DIGEST_SECTIONS.map((s) => lines.indexOf(s))].sort((a, b) => a - b));
      for (const s of DIGEST_SECTIONS) expect(lines).toContain(s);
      const headings = digestView(d, app.kb.crisis).blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text);
      expect(headings).toEqual([...DIGEST_SECTIONS]);
    }
  });
});
