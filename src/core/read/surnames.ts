/**
 * People by surname, for a misspelt surname ("Mogherni" for Mogherini): the person whose surname is
 * one edit away. An index of each surname's deletion neighbourhood (the surname and every string
 * with one character removed) finds the candidates in a few lookups; scanning every known actor
 * instead cost time in proportion to the people a corpus has named (29% of extraction with 10,000).
 */
import { distance } from 'fastest-levenshtein';

export interface NamedPerson {
  id: string;
  name: string;
}

/** A word and every word with one character removed. */
export function deletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

export class SurnameIndex {
  private readonly byDeletion = new Map<string, NamedPerson[]>();
  /** Definition order: the first person defined wins, as a scan in definition order found. */
  private readonly order = new WeakMap<NamedPerson, number>();
  private defined = 0;

  add(p: NamedPerson): void {
    this.order.set(p, this.defined++);
    const sur = (p.name.split(' ').pop() ?? '').toLowerCase();
    if (sur.length < 5) return;
    for (const d of new Set(deletions(sur))) {
      const l = this.byDeletion.get(d);
      if (l) l.push(p);
      else this.byDeletion.set(d, [p]);
    }
  }

  /**
   * Every person still `current` (a definition rolled back with its article is not) whose surname
   * (5+ letters) shares a deletion key with `word`: a superset of those one edit away, which `near`
   * checks; relevance.ts takes them all for its people check.
   */
  candidates(word: string, current: (p: NamedPerson) => boolean): NamedPerson[] {
    if (word.length < 5) return [];
    const found = new Set<NamedPerson>();
    for (const d of deletions(word.toLowerCase())) for (const p of this.byDeletion.get(d) ?? []) if (current(p)) found.add(p);
    return [...found];
  }

  /** The first-defined of the candidates whose surname (same first letter as written) is at most one edit from `word`. */
  near(word: string, current: (p: NamedPerson) => boolean): string | undefined {
    const w = word.toLowerCase();
    let best: NamedPerson | undefined;
    let bestOrder = Number.POSITIVE_INFINITY;
    for (const p of this.candidates(word, current)) {
      const o = this.order.get(p) as number;
      if (o >= bestOrder) continue;
      const sur = p.name.split(' ').pop() ?? '';
      if (sur[0] !== word[0] || distance(sur.toLowerCase(), w) > 1) continue;
      best = p;
      bestOrder = o;
    }
    return best?.id;
  }
}
