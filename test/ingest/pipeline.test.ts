/** The two-thread ingest gives exactly what the single-threaded ingest gives. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNTH_CRISIS, synthArticles } from '../../bench/synth.js';
import { Briefing, type IncomingArticle } from '../../src/core/briefing.js';
import { ingestPipelined, ingestStream } from '../../src/ingest/pipeline.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
const ROOT = join(import.meta.dirname, '..', '..');
afterAll(() => tmp.cleanup());

function articles(): IncomingArticle[] {
  const list: IncomingArticle[] = [...synthArticles(300, 7)];
  // A duplicate of an earlier article, an invalid one, and one that names a new person.
  list.splice(150, 0, { ...(list[3] as IncomingArticle), id: 'copy-of-3' });
  list.splice(200, 0, { text: 'Bad\n\nNo zone here.', source: 'X', published: '2031-02-01', timezone: 'Mars/Base', path: 'bad.txt' });
  list.push({ text: 'Late news\n\nIcelandic Foreign Minister Sigrun Olafsdottir said Iceland backs President Tomas Arden.', source: 'Reykjavik Post', published: '2031-06-01', timezone: 'Atlantic/Reykjavik', id: 'iceland' });
  return list;
}

describe('ingestPipelined', () => {
  it('matches the single-threaded ingest, result by result and answer by answer', async () => {
    const one = new Briefing(new Store(join(tmp.dir, 'one.db')), SYNTH_CRISIS);
    const two = new Briefing(new Store(join(tmp.dir, 'two.db')), SYNTH_CRISIS);
    const input = articles();
    const a = one.ingest(input);
    let progress = 0;
    const b = await ingestPipelined(
      two,
      (function* () {
        yield* input;
      })(),
      (done) => {
        progress = done;
      },
      input.length,
    );
    expect(b.threads).toBeGreaterThanOrEqual(2);
    expect(progress).toBe(input.length);
    expect(b.results).toEqual(a);
    expect(a.filter((r) => r.duplicate)).toHaveLength(1);
    expect(a.filter((r) => !r.ok).map((r) => r.error)).toEqual(['unknown time zone "Mars/Base"']);
    for (const q of ['Norway', 'Japan', 'Peru', 'Lia Marek', 'Iceland', 'Sigrun Olafsdottir']) {
      const x = one.stance(q);
      const y = two.stance(q);
      expect(y, q).toEqual(x);
    }
    expect(two.stance('Sigrun Olafsdottir')).toMatchObject({ found: true, alignment: 'federal', affiliation: { id: 'iceland' } });
    expect(two.timeline({ limit: 30 })).toEqual(one.timeline({ limit: 30 }));
    expect(await two.ask('How old is Lia Marek?')).toEqual(await one.ask('How old is Lia Marek?'));
    // Three workers extracting ahead of each other: extractions made with an outdated view of people
    // are redone, so the knowledge base is still the single thread's.
    const three = new Briefing(new Store(join(tmp.dir, 'three.db')), SYNTH_CRISIS);
    const c = await ingestStream(three, input, { workers: 3 });
    expect(c.threads).toBe(4);
    expect(c.results).toEqual(a);
    for (const q of ['Norway', 'Japan', 'Peru', 'Lia Marek', 'Iceland', 'Sigrun Olafsdottir']) expect(three.stance(q), q).toEqual(one.stance(q));
    expect(three.timeline({ limit: 30 })).toEqual(one.timeline({ limit: 30 }));
    expect(three.actors()).toEqual(one.actors());
    const quotes = (kb: Briefing) => kb.store.db.prepare('SELECT text, speaker_id, speaker FROM quotes ORDER BY id').all();
    expect(quotes(three)).toEqual(quotes(one));
    expect(quotes(two)).toEqual(quotes(one));
    // The writer extracting some items itself (as it does when it would otherwise wait), in
    // between items a worker extracted ahead with its own gazetteer: still the single thread's.
    const shared = new Briefing(new Store(join(tmp.dir, 'shared.db')), SYNTH_CRISIS);
    const d = await ingestStream(shared, input, { workers: 1, localEvery: 3 });
    expect(d.extractedHere).toBeGreaterThan(90);
    expect(d.results).toEqual(a);
    for (const q of ['Norway', 'Japan', 'Peru', 'Lia Marek', 'Iceland', 'Sigrun Olafsdottir']) expect(shared.stance(q), q).toEqual(one.stance(q));
    expect(shared.timeline({ limit: 30 })).toEqual(one.timeline({ limit: 30 }));
    expect(shared.actors()).toEqual(one.actors());
    expect(quotes(shared)).toEqual(quotes(one));
    // No worker (the fallback): the same results on this thread.
    const zero = await ingestStream(new Briefing(new Store(join(tmp.dir, 'zero.db')), SYNTH_CRISIS), input, { workers: 0 });
    expect(zero.threads).toBe(1);
    expect(zero.results).toEqual(a);
    const count = (kb: Briefing) => (kb.store.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    expect(count(two)).toBe(count(one));
  });

  it('the CLI ingests a large folder on two threads', () => {
    const folder = join(tmp.dir, 'feed');
    mkdirSync(folder);
    let n = 0;
    for (const a of synthArticles(120, 11)) {
      writeFileSync(join(folder, `a${String(n++).padStart(3, '0')}.md`), `---\nsource: ${a.source}\npublished: ${a.published.replace(/^203/, '202')}\ntimezone: ${a.timezone}\n---\n${a.text}`);
    }
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'ingest', folder, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BRIEFING_DB: join(tmp.dir, 'cli.db'), BRIEFING_SEEDS: join(ROOT, 'test', 'fixtures', 'valdoria') },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 120, duplicates: 0, failed: 0, });
    expect(JSON.parse(r.stdout).threads).toBeGreaterThanOrEqual(2);
  });
});
