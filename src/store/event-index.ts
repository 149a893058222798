/** Finding, while an article is written, the stored event it reports again (kb-write.ts merges them). */
import type { Store } from './store.js';

export interface DayEvent {
  id: number;
  sig: Set<string>;
  precision: string;
  at: string;
  docs: Set<string>;
}

/** One day's events, in the order added, and its postings: token -> positions in `list`. */
interface Day {
  list: DayEvent[];
  postings: Map<string, number[]>;
}

/** Shared-word counts of one lookup, by position in the day's list (reused: no map per lookup). */
let counts = new Uint32Array(1024);

/**
 * Event merging: an in-memory inverted index per day (token -> event ids), loaded from the store
 * on first use, so finding the same event reported elsewhere costs a few postings, not a scan.
 * It keeps the most recently used days only: an article's events fall within days of its
 * publication, so a corpus ingested roughly in date order reuses the same few days; older days
 * are dropped and read again from the store if an article needs them (the store has everything
 * the memory had, in the same order), so memory stays flat however long the corpus.
 */
export class EventIndex {
  /** Days kept in memory; a static so a check can compare with an unbounded index. */
  static maxDays = 24;
  private readonly days = new Map<string, Day>();

  constructor(private readonly store: Store) {}

  private load(day: string) {
    let d = this.days.get(day);
    if (d) {
      // Most recently used last: the first entry is the one to drop.
      if (this.last !== day) {
        this.days.delete(day);
        this.days.set(day, d);
        this.last = day;
      }
      return d;
    }
    d = { list: [], postings: new Map() };
    const rows = this.store
      .prepare("SELECT id, sig, precision, at, (SELECT group_concat(doc_id, char(31)) FROM event_sources WHERE event_id = events.id) AS docs FROM events WHERE day = ?")
      .all(day) as { id: number; sig: string; precision: string; at: string; docs: string | null }[];
    for (const r of rows) this.addTo(d, { id: r.id, sig: new Set(JSON.parse(r.sig) as string[]), precision: r.precision, at: r.at, docs: new Set((r.docs ?? '').split('\x1f')) });
    this.days.set(day, d);
    this.last = day;
    while (this.days.size > EventIndex.maxDays) this.days.delete(this.days.keys().next().value as string);
    return d;
  }

  private last: string | null = null;

  private addTo(d: Day, e: DayEvent) {
    const at = d.list.length;
    d.list.push(e);
    for (const t of e.sig) {
      const p = d.postings.get(t);
      if (p) p.push(at);
      else d.postings.set(t, [at]);
    }
  }

  /**
   * The stored event this one repeats, if any: most shared content words, overlap >= 0.5. Within
   * one article only near-identical sentences merge (a live blog's entries are separate updates),
   * and two timed reports hours apart are different events.
   */
  find(day: string, sig: string[], docId: string, at: string, precision: string): DayEvent | undefined {
    const d = this.load(day);
    if (counts.length < d.list.length) counts = new Uint32Array(d.list.length * 2);
    // Events in the order their first shared word was met: ties go to the first, as they always did.
    const seen: number[] = [];
    for (const t of sig) {
      const p = d.postings.get(t);
      if (!p || p.length > 400) continue;
      for (const i of p) {
        const c = counts[i] as number;
        if (c === 0) seen.push(i);
        counts[i] = c + 1;
      }
    }
    let best: DayEvent | undefined;
    let bestScore = 0;
    for (const i of seen) {
      const shared = counts[i] as number;
      counts[i] = 0;
      if (shared < 4) continue;
      const e = d.list[i] as DayEvent;
      const overlap = shared / Math.min(e.sig.size, sig.length);
      if (overlap < 0.5 || overlap <= bestScore) continue;
      if (e.docs.has(docId) && overlap < 0.9) continue;
      if (precision === 'minute' && e.precision === 'minute' && Math.abs(Date.parse(at) - Date.parse(e.at)) > 3 * 3600_000) continue;
      best = e;
      bestScore = overlap;
    }
    return best;
  }

  add(day: string, e: DayEvent): void {
    this.addTo(this.load(day), e);
  }

  clear(): void {
    this.days.clear();
    this.last = null;
  }
}
