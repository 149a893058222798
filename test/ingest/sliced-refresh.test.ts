/**
 * After an ingest, each touched actor's position is recomputed from all its claims. The streaming
 * ingest (what a bot's feed polling runs) does it an actor at a time, yielding to the event loop
 * between actors, and writes in one short transaction at the end (Briefing.finishRunInSlices).
 * It must give exactly what the one-transaction refresh gives, and fall back to it when another
 * writer commits while it reads.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNTH_CRISIS, synthArticles } from '../../bench/synth.js';
import { Briefing, type IncomingArticle } from '../../src/core/briefing.js';
import { inThread } from '../../src/ingest/in-thread.js';
import { ingestStream } from '../../src/ingest/pipeline.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const clock = { now: () => new Date('2031-06-01T08:00:00Z') };
/** A first corpus, then three rounds of new articles (other seeds, so positions move and alerts fire). */
const first = [...synthArticles(150, 7)];
const rounds = [1, 2, 3].map((r) => [...synthArticles(20, 100 + r)].map((a) => ({ ...a, id: `${a.id}-r${r}` })));

/** What a refresh writes: positions, their histories and the alerts. */
function derived(store: Store) {
  const all = (sql: string) => store.db.prepare(sql).all();
  return {
    stances: all('SELECT * FROM stances ORDER BY actor_id'),
    history: all('SELECT * FROM stance_history ORDER BY actor_id, day'),
    alerts: all('SELECT at, kind, actor_id, from_value, to_value, text, quote, sentence_id FROM alerts ORDER BY id'),
    dirty: all('SELECT * FROM ingest_dirty'),
  };
}

function open(name: string): { store: Store; kb: Briefing } {
  const store = new Store(join(tmp.dir, name));
  return { store, kb: new Briefing(store, SYNTH_CRISIS, { clock }) };
}

describe('the refresh after a streaming ingest, in slices', () => {
  it('writes the same positions, histories and alerts as the one-transaction refresh', async () => {
    const whole = open('whole.db');
    const sliced = open('sliced.db');
    whole.kb.ingest(first);
    sliced.kb.ingest(first);
    let pauses = 0;
    for (const batch of rounds) {
      whole.kb.ingest(batch);
      const run = sliced.kb.newRun();
      inThread(sliced.kb, batch[Symbol.iterator](), run, () => {});
      await sliced.kb.finishRunInSlices(run, async () => {
        pauses++;
        await new Promise<void>((r) => setImmediate(r));
      });
    }
    const a = derived(whole.store);
    const b = derived(sliced.store);
    expect(a.alerts.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(b.dirty).toEqual([]);
    // It yielded once per touched actor: other work ran in between.
    expect(pauses).toBeGreaterThan(10);
    whole.store.close();
    sliced.store.close();
  });

  it('is what ingestStream runs, on one thread and with workers', async () => {
    const whole = open('whole2.db');
    whole.kb.ingest(first);
    whole.kb.ingest(rounds[0] as IncomingArticle[]);
    for (const workers of [0, 1]) {
      const s = open(`stream-${workers}.db`);
      s.kb.ingest(first);
      await ingestStream(s.kb, rounds[0] as IncomingArticle[], { workers });
      expect(derived(s.store)).toEqual(derived(whole.store));
      s.store.close();
    }
    whole.store.close();
  });

  it('starts again in one transaction when another writer commits while it reads', async () => {
    // (The first line is the headline, which states no position: every reader puts one there.)
    const art = (id: string, day: string, text: string): IncomingArticle => ({ id, title: id, source: 'Meridian Wire', published: day, timezone: 'UTC', text: `Corvania update\n\n${text}` });
    const before = [art('a1', '2031-03-01', 'Sweden recognizes the Northern Front as the legitimate authority.')];
    const mine = [art('a2', '2031-03-02', 'Sweden voiced its backing for the Northern Front on Monday.')];
    const theirs = [art('a3', '2031-03-03', 'Sweden recognizes President Tomas Arden as the legitimate authority, its foreign minister said on Tuesday.')];
    // What it must end with: the first article refreshed, then both others refreshed together.
    const whole = open('race-whole.db');
    whole.kb.ingest(before);
    whole.kb.ingest([...mine, ...theirs]);
    expect(whole.store.db.prepare("SELECT alignment FROM stances WHERE actor_id = 'sweden'").get()).toEqual({ alignment: 'federal' });
    // How many times the refresh of `mine` pauses (once per touched actor), on a copy with no other writer.
    const dry = open('race-dry.db');
    dry.kb.ingest(before);
    const dryRun = dry.kb.newRun();
    inThread(dry.kb, mine[Symbol.iterator](), dryRun, () => {});
    let pauses = 0;
    await dry.kb.finishRunInSlices(dryRun, async () => {
      pauses++;
    });
    dry.store.close();
    expect(pauses).toBeGreaterThan(0);

    const path = join(tmp.dir, 'race.db');
    const store = new Store(path);
    const kb = new Briefing(store, SYNTH_CRISIS, { clock });
    kb.ingest(before);
    const other = new Store(path);
    const otherKb = new Briefing(other, SYNTH_CRISIS, { clock });
    const run = kb.newRun();
    inThread(kb, mine[Symbol.iterator](), run, () => {});
    let seen = 0;
    await kb.finishRunInSlices(run, async () => {
      // After the last actor is read, another process ingests (and refreshes) `theirs`: what this
      // one read is stale, so it must not be written.
      if (++seen === pauses) otherKb.ingest(theirs);
    });
    expect(derived(store)).toEqual(derived(whole.store));
    store.close();
    other.close();
    whole.store.close();
  });
});
