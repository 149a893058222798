/** Ingestion: idempotence, atomicity, and one clear error per bad file while the others go in. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError, MAX_BYTES, readArticle } from '../../src/ingest/read.js';
import { Store } from '../../src/store/store.js';
import { freshApp, tempDir, VALDORIA } from '../helpers.js';

let app: ReturnType<typeof freshApp>;
const tmp = tempDir();
beforeAll(() => {
  app = freshApp(VALDORIA);
});
afterAll(() => {
  app.cleanup();
  tmp.cleanup();
});

const counts = () =>
  Object.fromEntries(
    ['documents', 'sentences', 'claims', 'events', 'event_sources', 'quotes', 'figures', 'mentions'].map((t) => [
      t,
      (app.store.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );

const article = {
  text: 'Fiji backs Reyes\n\nFiji on Wednesday said it backs President Ilan Reyes.',
  source: 'Pacific Post',
  published: '2031-03-05',
  timezone: 'Pacific/Fiji',
};

describe('ingest', () => {
  it('re-ingesting the same content adds nothing', () => {
    const first = app.kb.ingest([{ ...article, path: 'fiji.txt' }]);
    expect(first[0]).toMatchObject({ ok: true });
    expect(first[0]?.duplicate).toBeUndefined();
    const before = counts();
    const again = app.kb.ingest([{ ...article, path: 'fiji-copy.txt', title: 'another title' }]);
    expect(again[0]).toMatchObject({ ok: true, duplicate: true, docId: first[0]?.docId });
    expect(counts()).toEqual(before);
    expect(app.kb.stance('Fiji')).toMatchObject({ alignment: 'reyes', strength: 'firm' });
  });

  it('a failed ingest leaves the store as it was; the other articles still go in', () => {
    const before = counts();
    const res = app.kb.ingest([
      { ...article, text: 'Bad zone\n\nTonga backs Reyes.', timezone: 'Mars/Olympus', path: 'bad-zone.txt' },
      { ...article, text: 'No date\n\nTonga backs Reyes.', published: 'someday', path: 'no-date.txt' },
      { ...article, text: 'No outlet\n\nTonga backs Reyes.', source: undefined, path: 'no-source.txt' },
      { ...article, text: 'Samoa backs Reyes\n\nSamoa on Wednesday said it backs President Ilan Reyes.', path: 'samoa.txt' },
    ]);
    expect(res.map((r) => r.ok)).toEqual([false, false, false, true]);
    expect(res[0]?.error).toMatch(/time zone/);
    expect(res[1]?.error).toMatch(/publication date/);
    expect(res[2]?.error).toMatch(/outlet/);
    const after = counts();
    expect(after.documents).toBe((before.documents ?? 0) + 1);
    expect(app.kb.stance('Tonga').found).toBe(false);
  });

  it('an error inside extraction rolls the whole article back', () => {
    const before = counts();
    const exploding = { ...article, path: 'boom.txt', text: 'Boom\n\nNauru backs Reyes.' };
    Object.defineProperty(exploding, 'text', {
      get() {
        throw new Error('disk on fire');
      },
    });
    const res = app.kb.ingest([exploding]);
    expect(res[0]).toMatchObject({ ok: false, error: 'disk on fire' });
    expect(counts()).toEqual(before);
  });

  it.each([
    ['empty.txt', '', /empty file/],
    ['binary.txt', Buffer.from([0x68, 0x00, 0x69]), /binary/],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]), /not valid UTF-8/],
    ['notes.pdf', 'text', /unsupported file type/],
    ['tags.html', '<html><body><script>x</script></body></html>', /no text/],
  ])('%s gets a one-line error naming the file', (name, content, re) => {
    const p = join(tmp.dir, name);
    writeFileSync(p, content);
    expect(() => readArticle(p)).toThrowError(IngestError);
    try {
      readArticle(p);
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toMatch(re);
      expect(msg.startsWith(name)).toBe(true);
      expect(msg).not.toContain('\n');
    }
  });

  it('an oversized file is refused without reading it', () => {
    const p = join(tmp.dir, 'huge.txt');
    writeFileSync(p, Buffer.alloc(MAX_BYTES + 1, 0x61));
    expect(() => readArticle(p)).toThrowError(/huge\.txt: too large/);
  });
});

describe('store', () => {
  it('migrates to the latest version, in WAL mode, and reopens without migrating twice', () => {
    const path = join(tmp.dir, 'm.db');
    const s = new Store(path);
    const v = s.version;
    expect(v).toBeGreaterThanOrEqual(2);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    s.close();
    const again = new Store(path);
    expect(again.version).toBe(v);
    again.close();
  });
});
