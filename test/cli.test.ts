/** The CLI contract: JSON shapes, exit codes, one-line errors. Runs the real command in a child process. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MORE, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const ROOT = join(import.meta.dirname, '..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BRIEFING_DB: join(tmp.dir, 'cli.db'), BRIEFING_SEEDS: join(ROOT, 'seeds') },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('briefing CLI', () => {
  it('stance --json follows the contract', () => {
    const r = cli('stance', 'Russia', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ query: 'Russia', found: true, actor: { id: 'russia', name: 'Russia', kind: 'country' }, alignment: 'maduro', strength: 'firm', suggestions: [] });
    expect(typeof j.summary).toBe('string');
    for (const e of j.evidence) expect(Object.keys(e)).toEqual(expect.arrayContaining(['quote', 'docId', 'source', 'at', 'speaker']));
  });

  it('an unknown actor exits 0 with found false', () => {
    const r = cli('--json', 'stance', 'Mexico');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ found: false, actor: null, alignment: null, strength: null });
  });

  it('timeline, digest, ask, actors and sources print one JSON document each', () => {
    const t = JSON.parse(cli('timeline', '--limit', '3', '--json').out);
    expect(t.events).toHaveLength(3);
    expect(Object.keys(t.days[0])).toEqual(expect.arrayContaining(['date', 'summary', 'count']));
    expect(Object.keys(t.events[0])).toEqual(expect.arrayContaining(['at', 'precision', 'text', 'actors', 'sources', 'importance']));
    const d = JSON.parse(cli('digest', '--json').out);
    expect(Object.keys(d)).toEqual(expect.arrayContaining(['date', 'headline', 'developments', 'roster', 'figures', 'watch', 'text']));
    const a = JSON.parse(cli('ask', 'How', 'old', 'is', 'Guaido?', '--json').out);
    expect(a).toMatchObject({ question: 'How old is Guaido?', answer: '35', mode: 'extractive' });
    expect(JSON.parse(cli('actors', '--json').out).length).toBeGreaterThan(10);
    expect(JSON.parse(cli('sources', '--json').out)).toHaveLength(2);
  });

  it('usage errors exit 2 with a one-line message', () => {
    for (const args of [['timeline', '--limit', '0'], ['timeline', '--from', '2019-13-45'], ['nonsense'], ['stance']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('errors speak the CLI: the option as a flag, why, and the usage line with flags; never a raw validator message', () => {
    const limit = cli('timeline', '--limit', 'abc');
    expect(limit.err.trim()).toBe('error: Bad --limit "abc": use a whole number from 1 to 100. Usage: briefing timeline [--actor NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--crisis ID]');
    const long = cli('ask', 'x'.repeat(600));
    expect(long.code).toBe(2);
    expect(long.err).toContain('a question is at most 500 characters');
    expect(long.err).toContain('Usage: briefing ask <question...>');
    expect(long.err).not.toMatch(/Too big|expected string|limit:N|question:/);
    const missing = cli('stance');
    expect(missing.err.trim()).toBe("error: missing required argument 'actor' Usage: briefing stance <actor...> [--crisis ID]");
    const unknown = cli('stance', 'Atlantis');
    expect(unknown.out).toContain('“Atlantis” is not named in the corpus.');
    expect(unknown.out).toContain('briefing actors lists every name');
    // said once, and no footer about quotes when nothing is quoted
    const none = cli('ask', 'What is the capital of Mars?');
    expect(none.out.match(/Not in the corpus/g)).toHaveLength(1);
    expect(none.out).not.toContain('Extractive answer');
  });

  it('ingest: bad files get one line each, good ones go in, readable output without --json', () => {
    const bad = join(tmp.dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0, 1, 2]));
    // Files from outside may not be dated after tomorrow: the made-up fixture moves to the past.
    const chile = join(tmp.dir, 'chile-0307.md');
    writeFileSync(chile, readFileSync(join(MORE, 'chile-0307.md'), 'utf8').replace('published: 2031-03-07', 'published: 2021-03-07'));
    const r = cli('ingest', bad, chile, join(tmp.dir, 'missing.txt'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Ingested 1 article/);
    expect(r.err.trim().split('\n')).toEqual(['error: bad.txt: binary file, not text', 'error: missing.txt: no such file or folder']);
    expect(cli('sources', '--json').out).toContain('Southern Ledger');
    const again = JSON.parse(cli('ingest', chile, '--json').out);
    expect(again).toMatchObject({ added: 0, duplicates: 1, failed: 0 });
    const allBad = cli('ingest', bad);
    expect(allBad.code).toBe(1);
  });

  it('crisis add and list, --crisis on questions, ingest and feeds (issue 13)', () => {
    const norland = join(ROOT, 'test', 'fixtures', 'norland');
    const added = cli('crisis', 'add', norland, '--json');
    expect(added.code, added.err).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({ added: true, crisis: { id: 'norland-2031', articles: 2, feeds: 0 } });
    const list = JSON.parse(cli('crisis', 'list', '--json').out);
    expect(list.crises.map((c: { id: string }) => c.id)).toEqual(['venezuela-2019', 'norland-2031']);
    expect(list.crises[1]).toMatchObject({ id: 'norland-2031', name: expect.stringContaining('Norland'), articles: 2, feeds: 0 });
    // The same question, two crises.
    expect(JSON.parse(cli('stance', 'Mira', 'Hale', '--crisis', 'norland-2031', '--json').out)).toMatchObject({ found: true });
    expect(JSON.parse(cli('stance', 'Mira', 'Hale', '--json').out)).toMatchObject({ found: false });
    expect(JSON.parse(cli('sources', '--crisis', 'norland-2031', '--json').out)).toHaveLength(2);
    const explained = JSON.parse(cli('explain', 'norland-wire-0613', '--crisis', 'norland-2031', '--json').out);
    expect(explained).toMatchObject({ docId: 'norland-wire-0613', stored: true });
    // An article ingested into one crisis is not in the other.
    const later = join(tmp.dir, 'norland-later.md');
    writeFileSync(later, '---\ntitle: Norland vote\nsource: Test Wire\npublished: 2021-05-01\n---\nMongolia recognised the junta on Monday.\n');
    expect(JSON.parse(cli('ingest', later, '--crisis', 'norland-2031', '--json').out)).toMatchObject({ added: 1 });
    expect(JSON.parse(cli('sources', '--crisis', 'norland-2031', '--json').out)).toHaveLength(3);
    expect(cli('sources', '--json').out).not.toContain('Norland vote');
    expect(JSON.parse(cli('feed', 'list', '--json').out)).toEqual({ feeds: [] });
    // Unknown crises and bad folders: exit 2, one line.
    for (const args of [['stance', 'Russia', '--crisis', 'atlantis'], ['ingest', later, '--crisis', 'atlantis'], ['crisis', 'add', join(tmp.dir, 'nowhere')]]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
