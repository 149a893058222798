/**
 * Hostile input and crashes at ingest: adversarial text parses in linear time, sentences and fields
 * are capped, dates are bounded, a file over its time budget fails alone, error lines stay one
 * line, a kill at a chosen point leaves nothing half-written and nothing stale, and two processes
 * ingesting at once build what one after the other builds. (Heavier variants: npm run stress.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Briefing } from '../../src/core/briefing.js';
import { segment, splitSentences } from '../../src/core/read/segment.js';
import { frontMatter, stripMarkdown } from '../../src/ingest/markdown.js';
import { ingestStream } from '../../src/ingest/pipeline.js';
import { checkPublished, cleanText, LIMITS, safeName } from '../../src/ingest/prepare.js';
import { loadCrisis } from '../../src/ingest/seeds.js';
import { Store } from '../../src/store/store.js';
import { tempDir, VALDORIA } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const ROOT = join(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;
const NOW = new Date('2026-06-01T00:00:00Z');

/** An article file with front matter. */
function article(dir: string, name: string, body: string, published = '2025-03-04'): string {
  const p = join(dir, name);
  writeFileSync(p, `---\nsource: Test Wire\npublished: ${published}\ntimezone: UTC\n---\n${body}`);
  return p;
}

function cli(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BRIEFING_SEEDS: VALDORIA, LOG_LEVEL: 'silent', ...env },
  });
}

const count = (db: string, sql: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
};

describe('parsing is linear on adversarial input (a quadratic pass would not finish)', () => {
  const runs: [string, string][] = [
    ['2 MB of "["', '['.repeat(2 * MB)],
    ['2 MB of "!["', '!['.repeat(MB)],
    ['1 MB of "[x]("', '[x]('.repeat(MB / 4)],
    ['2 MB of "*"', '*'.repeat(2 * MB)],
    ['2 MB of "_"', '_'.repeat(2 * MB)],
    ['2 MB of spaces', `a${' '.repeat(2 * MB)}b`],
    ['2 MB of "# " lines', '# \n'.repeat(MB / 2)],
  ];
  it.each(runs)('Markdown: %s', (_, text) => {
    const out = stripMarkdown(text);
    expect(out.length).toBeLessThanOrEqual(text.length);
  });

  it('Markdown keeps link text and drops images, as before', () => {
    expect(stripMarkdown('# Title\nSee [the report](https://x.org/a) and ![pic](p.png) **now** __here__.')).toBe('Title\nSee the report and  now here.');
  });

  it('front matter: unclosed or huge blocks, runs of "---"', () => {
    expect(frontMatter(`---\n${'key: value\n'.repeat(200_000)}`).meta).toEqual({});
    expect(frontMatter(`---\n${'---x\n'.repeat(400_000)}`).body.length).toBeGreaterThan(MB);
    const ok = frontMatter('---\ntitle: "A"\nsource: B\n---\nbody');
    expect(ok).toEqual({ meta: { id: undefined, title: 'A', source: 'B', published: undefined, timezone: undefined, url: undefined }, body: 'body' });
  });

  it('sentence splitting: 2 MB of dots, of "?!", and "(" + slashes in a caption line', () => {
    expect(splitSentences('.'.repeat(2 * MB)).length).toBe(1);
    expect(splitSentences(`${'?!'.repeat(MB)} Next`).length).toBeGreaterThanOrEqual(1);
    const lines = segment(`Title\n\nBody one.\n(${'/'.repeat(2 * MB)}\n(${'a/'.repeat(MB / 2)})`, '2025-01-01', 'UTC');
    expect(lines.length).toBeGreaterThan(1);
  });

  it('one 4 MB sentence is cut to what a sentence may carry; a 4 MB line of sentences is broken up', () => {
    const one = cleanText(`Title\n\n${'word '.repeat(800_000)}end.`);
    expect(Math.max(...one.split('\n').map((l) => l.length))).toBeLessThanOrEqual(LIMITS.sentence + 1);
    const many = cleanText(`Title\n\n${'The council met again today. '.repeat(150_000)}`);
    const lines = many.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(LIMITS.line);
    expect(many.replace(/\n/g, ' ').replace(/\s+/g, ' ').length).toBeGreaterThan(4 * MB - 10);
    // Ordinary text is untouched.
    expect(cleanText('Title\r\n\r\nA short article.')).toBe('Title\n\nA short article.');
  });

  it('an article of one 4 MB sentence ingests with its stored sentences capped', () => {
    const kb = new Briefing(new Store(':memory:'), loadCrisis(VALDORIA));
    const [r] = kb.ingest([{ text: `Norway backs Reyes\n\nNorway said it backs President Ilan Reyes ${'and more '.repeat(450_000)}.`, source: 'W', published: '2025-01-02', path: 'long.txt' }]);
    expect(r).toMatchObject({ ok: true });
    const longest = (kb.store.db.prepare('SELECT MAX(length(text)) AS n FROM sentences').get() as { n: number }).n;
    expect(longest).toBeLessThanOrEqual(LIMITS.sentence + 1);
    kb.store.close();
  });
});

describe('publication dates and names in errors', () => {
  it('accepts 1900-01-01 to a day after now; says why otherwise', () => {
    expect(checkPublished('2019-01-24', NOW)).toEqual({ value: '2019-01-24' });
    expect(checkPublished('2026-06-01T20:00:00Z', NOW)).toEqual({ value: '2026-06-01T20:00:00Z' });
    expect(checkPublished('1900-01-01', NOW)).toEqual({ value: '1900-01-01' });
    expect(checkPublished('9999-12-31', NOW)).toEqual({ error: 'publication date 9999-12-31 is in the future (after 2026-06-02)' });
    expect(checkPublished('2026-06-03', NOW)).toMatchObject({ error: expect.stringMatching(/in the future/) });
    expect(checkPublished('-2019-01-01', NOW)).toEqual({ error: 'publication date -2019-01-01 is not a date (use YYYY-MM-DD or ISO 8601)' });
    expect(checkPublished('+002019-01-01', NOW)).toMatchObject({ error: expect.stringMatching(/not a date/) });
    expect(checkPublished('1899-12-31', NOW)).toEqual({ error: 'publication date 1899-12-31 is before 1900-01-01' });
    expect(checkPublished('January 24, 2019', NOW)).toEqual({ value: '2019-01-24' });
  });

  it('file names with newlines, escapes and control characters are quoted and escaped', () => {
    expect(safeName('plain-name.md')).toBe('plain-name.md');
    const s = safeName('a\nb\u001b[31mred\u0007"q"\\\u202e.md');
    expect(s).toBe('"a\\nb\\u001b[31mred\\u0007\\"q\\"\\\\\\u202e.md"');
    expect(s).not.toMatch(/[\n\u001b\u0007\u202e]/);
  });
});

describe('the streaming ingest (CLI)', () => {
  it('--workers 0 ingests on one thread; a malformed --workers is one line and exit code 2', () => {
    const dir = join(tmp.dir, 'one-thread');
    mkdirSync(dir);
    for (let i = 0; i < 4; i++) article(dir, `n-${i}.md`, `Fiji note ${i}\n\nFiji on Wednesday said it backs President Ilan Reyes, statement ${i}.`);
    const r = cli({ BRIEFING_DB: join(dir, 'kb.db') }, 'ingest', dir, '--workers', '0', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 4, failed: 0, threads: 1 });
    for (const bad of ['-1', 'two', '99', '1.5']) {
      const b = cli({ BRIEFING_DB: join(dir, 'kb.db') }, 'ingest', dir, '--workers', bad);
      expect(b.status).toBe(2);
      expect(b.stderr.trim().split('\n')).toHaveLength(1);
      expect(b.stderr).toMatch(/--workers .* is not a number of threads from 0 to 16/);
    }
  });

  it('a file over its time budget fails alone with one line; names are escaped; dates are checked', () => {
    const dir = join(tmp.dir, 'budget');
    mkdirSync(dir);
    for (let i = 0; i < 6; i++) article(dir, `good-${i}.md`, `Fiji note ${i}\n\nFiji on Wednesday said it backs President Ilan Reyes, statement ${i}.`);
    article(dir, 'stuck-file.md', 'Stuck\n\nNauru backs Reyes.');
    article(dir, 'future.md', 'Future\n\nTonga backs Reyes.', '9999-12-31');
    article(dir, 'bad\nname\u001b[2J.md', 'Odd\n\nSamoa backs Reyes.', '-2019-01-01');
    const r = cli({ BRIEFING_DB: join(dir, 'kb.db'), BRIEFING_FAULT: 'hang:stuck-file', BRIEFING_INGEST_BUDGET_MS: '1500' }, 'ingest', dir, '--json');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ added: 6, failed: 3 });
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toContain('error: "bad\\nname\\u001b[2J.md": publication date -2019-01-01 is not a date (use YYYY-MM-DD or ISO 8601)');
    expect(lines.find((l) => l.includes('future.md'))).toMatch(/^error: future\.md: publication date 9999-12-31 is in the future/);
    expect(lines.find((l) => l.includes('stuck-file'))).toMatch(/^error: stuck-file\.md: took longer than 2 s to read and parse/);
    expect(count(join(dir, 'kb.db'), "SELECT COUNT(*) AS n FROM documents WHERE source = 'Test Wire'")).toBe(6);
  });

  it('a run on worker threads with one hung file keeps order and restarts one worker', async () => {
    const kb = new Briefing(new Store(':memory:'), loadCrisis(VALDORIA));
    const items = Array.from({ length: 12 }, (_, i) => ({ text: `Note ${i}\n\nChile said it backs President Ilan Reyes, note ${i}.`, source: 'W', published: '2025-01-02', path: i === 5 ? 'hang-me' : `n${i}` }));
    const r = await ingestStream(kb, items, { workers: 2, budgetMs: 800, hangOn: 'hang-me' });
    expect(r.results.map((x) => x.ok)).toEqual(items.map((_, i) => i !== 5));
    expect(r.results[5]?.error).toMatch(/took longer than 1 s/);
    expect(r.restarts).toBe(1);
    expect(kb.stance('Chile')).toMatchObject({ alignment: 'reyes' });
    kb.store.close();
  });

  it('when every worker is gone and none may replace it, this thread finishes the run in order', async () => {
    const one = new Briefing(new Store(':memory:'), loadCrisis(VALDORIA));
    const kb = new Briefing(new Store(':memory:'), loadCrisis(VALDORIA));
    const items = Array.from({ length: 150 }, (_, i) => ({ text: `Note ${i}\n\nChile said it backs President Ilan Reyes, note ${i}. Foreign Minister Ana Ruiz${i % 7} of Peru agreed.`, source: 'W', published: '2025-01-02', path: i === 3 ? 'hang-me' : `n${i}` }));
    const r = await ingestStream(kb, items, { workers: 1, budgetMs: 800, hangOn: 'hang-me', maxRestarts: 0 });
    expect(r.restarts).toBe(0);
    expect(r.results[3]?.error).toMatch(/took longer than 1 s/);
    // Every other item written, in order, as one thread writes them.
    const expected = one.ingest(items.filter((_, i) => i !== 3));
    expect(r.results.filter((_, i) => i !== 3)).toEqual(expected);
    expect(kb.actors()).toEqual(one.actors());
    expect(kb.stance('Ana Ruiz5')).toEqual(one.stance('Ana Ruiz5'));
    kb.store.close();
    one.store.close();
  });
});

describe('kills at chosen points', () => {
  const files = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    article(dir, 'a1.md', 'Fiji backs Reyes\n\nFiji on Wednesday said it recognizes President Ilan Reyes as the legitimate leader.');
    article(dir, 'a2.md', 'Peru shifts\n\nPeru on Wednesday said it backs the military council of General Mara Voss.', '2025-03-05');
    article(dir, 'a3.md', 'Chile note\n\nChile called for dialogue between the two sides.', '2025-03-05');
    return dir;
  };

  it('killed after the ingest commits but before the refresh: the next start repairs the stances', () => {
    const dir = files(join(tmp.dir, 'kill-refresh'));
    const db = join(dir, 'kb.db');
    const killed = cli({ BRIEFING_DB: db, BRIEFING_FAULT: 'kill:refresh' }, 'ingest', dir, '--json');
    expect(killed.signal).toBe('SIGKILL');
    expect(count(db, "SELECT COUNT(*) AS n FROM documents WHERE source = 'Test Wire'")).toBe(3);
    expect(count(db, 'SELECT COUNT(*) AS n FROM ingest_dirty')).toBeGreaterThan(0);
    const st = JSON.parse(cli({ BRIEFING_DB: db }, 'stance', 'Fiji', '--json').stdout);
    expect(st).toMatchObject({ found: true, alignment: 'reyes' });
    expect(count(db, 'SELECT COUNT(*) AS n FROM ingest_dirty')).toBe(0);
    // The re-run adds nothing and reports duplicates.
    expect(JSON.parse(cli({ BRIEFING_DB: db }, 'ingest', dir, '--json').stdout)).toMatchObject({ added: 0, duplicates: 3 });
  });

  it('killed while writing an article: nothing half-written, and the re-run puts everything in once', () => {
    const dir = files(join(tmp.dir, 'kill-write'));
    const db = join(dir, 'kb.db');
    const killed = cli({ BRIEFING_DB: db, BRIEFING_FAULT: 'kill:write:1' }, 'ingest', dir, '--json');
    expect(killed.signal).toBe('SIGKILL');
    // The article being written (the second) is not there at all; one committed before it is whole.
    const kept = count(db, "SELECT COUNT(*) AS n FROM documents WHERE source = 'Test Wire'");
    expect(kept).toBeLessThanOrEqual(1);
    expect(count(db, "SELECT COUNT(*) AS n FROM documents WHERE path LIKE '%a2.md'")).toBe(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM documents WHERE id NOT IN (SELECT doc_id FROM sentences)')).toBe(0);
    for (const t of ['sentences', 'claims', 'quotes', 'figures', 'event_sources']) expect(count(db, `SELECT COUNT(*) AS n FROM ${t} WHERE doc_id NOT IN (SELECT id FROM documents)`), t).toBe(0);
    expect(JSON.parse(cli({ BRIEFING_DB: db }, 'ingest', dir, '--json').stdout)).toMatchObject({ added: 3 - kept, duplicates: kept, failed: 0 });
    expect(count(db, "SELECT COUNT(*) AS n FROM documents WHERE source = 'Test Wire'")).toBe(3);
    expect(JSON.parse(cli({ BRIEFING_DB: db }, 'stance', 'Peru', '--json').stdout)).toMatchObject({ alignment: 'council' });
  });
});

describe('two ingests at once', () => {
  it('a writer that extracted before another committed catches up: same people, same quotes, duplicates as duplicates', async () => {
    const dir = join(tmp.dir, 'conc');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    const intro = 'Iceland speaks\n\nIcelandic Foreign Minister Sigrun Olafsdottir said Iceland recognizes President Ilan Reyes.';
    const later = 'Olafsdottir again\n\n"We will not abandon the elected government of Valdoria," Olafsdottir said on Thursday.';
    article(a, 'intro.md', intro);
    article(a, 'shared.md', 'Shared story\n\nNorway said it backs President Ilan Reyes.');
    article(b, 'later.md', later, '2025-03-06');
    article(b, 'shared.md', 'Shared story\n\nNorway said it backs President Ilan Reyes.');
    // Reference: A, then B.
    const ref = join(dir, 'ref.db');
    cli({ BRIEFING_DB: ref }, 'ingest', a);
    cli({ BRIEFING_DB: ref }, 'ingest', b);
    // Concurrent: B reads and extracts first, then waits before writing until A has committed.
    const db = join(dir, 'kb.db');
    cli({ BRIEFING_DB: db }, 'sources'); // the seeds go in first, as in the reference
    const go = join(dir, 'go');
    const pb = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'ingest', b, '--json'], {
      cwd: ROOT,
      env: { ...process.env, BRIEFING_SEEDS: VALDORIA, BRIEFING_DB: db, BRIEFING_FAULT: `pause:batch:1:${go}` },
    });
    let outB = '';
    pb.stdout.on('data', (d) => (outB += d));
    const exitB = new Promise<number | null>((res) => pb.on('exit', res));
    // B has read and extracted its files and waits before its first batch.
    for (let i = 0; i < 1200 && !existsSync(`${go}.waiting`); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(`${go}.waiting`)).toBe(true);
    const ra = cli({ BRIEFING_DB: db }, 'ingest', a, '--json');
    expect(JSON.parse(ra.stdout)).toMatchObject({ added: 2 });
    writeFileSync(go, '');
    expect(await exitB).toBe(0);
    const rb = JSON.parse(outB);
    expect(rb).toMatchObject({ added: 1, duplicates: 1, failed: 0 });
    expect(JSON.stringify(rb)).not.toContain('UNIQUE');
    const quotes = (p: string) => new Database(p, { readonly: true }).prepare('SELECT text, speaker_id, speaker FROM quotes ORDER BY text').all();
    expect(quotes(db)).toEqual(quotes(ref));
    expect(quotes(db)).toContainEqual(expect.objectContaining({ speaker_id: 'sigrun-olafsdottir' }));
    const stance = (p: string) => JSON.parse(cli({ BRIEFING_DB: p }, 'stance', 'Sigrun Olafsdottir', '--json').stdout);
    expect(stance(db)).toEqual(stance(ref));
  }, 120_000);

  it('two processes ingesting the same folder at once: every article once, the same knowledge base as one ingest', async () => {
    const dir = join(tmp.dir, 'same');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 30; i++) article(dir, `s${String(i).padStart(2, '0')}.md`, `Story ${i}\n\n${i % 3 === 0 ? 'Icelandic Foreign Minister Sigrun Olafsdottir said Iceland recognizes President Ilan Reyes.' : `"We stand with Valdoria's elected government in story ${i}," Olafsdottir said.`} Norway said it backs President Ilan Reyes in report ${i}.`);
    const ref = join(dir, 'ref.db');
    cli({ BRIEFING_DB: ref }, 'ingest', dir);
    const db = join(dir, 'kb.db');
    cli({ BRIEFING_DB: db }, 'sources');
    const run = () =>
      new Promise<string>((res) => {
        const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'ingest', dir, '--json'], { cwd: ROOT, env: { ...process.env, BRIEFING_SEEDS: VALDORIA, BRIEFING_DB: db } });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('exit', () => res(out));
      });
    const [x, y] = (await Promise.all([run(), run()])).map((o) => JSON.parse(o));
    expect(x.failed + y.failed).toBe(0);
    expect(x.added + y.added).toBe(30);
    expect(x.duplicates + y.duplicates).toBe(30);
    const rows = (p: string) => new Database(p, { readonly: true }).prepare("SELECT q.text, q.speaker_id FROM quotes q ORDER BY q.text").all();
    expect(rows(db)).toEqual(rows(ref));
    expect(count(db, "SELECT COUNT(*) AS n FROM documents WHERE source = 'Test Wire'")).toBe(30);
  }, 120_000);
});
