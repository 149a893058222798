/** `briefing explain <docId|file>`: JSON and text, a stored article, a file explained without storing, errors. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const ROOT = join(import.meta.dirname, '..');
const MORVANE = join(ROOT, 'test', 'fixtures', 'morvane');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BRIEFING_DB: join(tmp.dir, 'explain.db'), BRIEFING_SEEDS: MORVANE, LOG_LEVEL: 'silent' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('briefing explain', () => {
  it('explains a stored article by id, re-read from its file', () => {
    const r = cli('explain', 'wire-0510', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ docId: 'wire-0510', source: 'Lantern Wire', stored: true, note: null });
    const s = j.sentences.find((x: { text: string }) => /^Amina Sow/.test(x.text));
    expect(s.actors.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['ghana']));
    const claim = s.claims.find((c: { cue: string }) => c.cue === 'would not recognise');
    expect(claim).toMatchObject({ holder: { id: expect.any(String), name: expect.any(String) }, strength: expect.any(String), why: expect.stringMatching(/\w/) });
    expect(j.sentences.find((x: { text: string }) => /^ESKEL/.test(x.text)).figures[0]).toMatchObject({ kind: 'deadline' });
    for (const x of j.sentences) expect(Object.keys(x)).toEqual(['seq', 'kind', 'text', 'at', 'precision', 'actors', 'dates', 'events', 'claims', 'quotes', 'figures']);
  });

  it('explains a file that is not in the corpus without storing it', () => {
    const file = join(tmp.dir, 'new.md');
    writeFileSync(file, '---\ntitle: Ghana recognises the council\nsource: Test Wire\npublished: 2033-05-14\n---\nGhana recognises the council\n\nGhana recognised the military council on Friday.\n');
    const before = JSON.parse(cli('sources', '--json').out).length;
    const r = cli('explain', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/not in the corpus; nothing stored/);
    expect(r.out).toMatch(/claim: Ghana backs Military council \(firm\) — cue "recognised"/);
    expect(JSON.parse(cli('sources', '--json').out).length).toBe(before);
  });

  it('a file without a publication date, or an unknown target, is a one-line error', () => {
    const file = join(tmp.dir, 'nodate.txt');
    writeFileSync(file, 'Ghana recognised the military council.\n');
    const a = cli('explain', file, '--source', 'X');
    expect(a.code).toBe(2);
    expect(a.err.trim().split('\n')).toHaveLength(1);
    expect(a.err).toMatch(/publication date/);
    const b = cli('explain', 'no-such-article');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^error: "no-such-article" is neither an article id/);
  });
});
