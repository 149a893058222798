/**
 * Where people stand in a sentence: the asked person's names as whole words, and every person (or
 * side's leader by name) the gazetteer knows. Used by the span finders.
 */
import type { Briefing } from '../briefing.js';
import { fold, tokenize } from '../text.js';

export /** Where any of `names` stands in `text` as whole words: [start, end) spans, longest names first. */
function findNames(text: string, names: string[]): [number, number][] {
  const folded = fold(text).toLowerCase();
  const spans: [number, number][] = [];
  for (const n of names) {
    let i = folded.indexOf(n);
    while (i >= 0) {
      const before = folded[i - 1] ?? ' ';
      const after = folded[i + n.length] ?? ' ';
      const whole = !/[\p{L}\d]/u.test(before) && !/[\p{L}\d]/u.test(after);
      if (whole && !spans.some(([a, b]) => i < b && i + n.length > a)) spans.push([i, i + n.length]);
      i = folded.indexOf(n, i + 1);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

export function holderIs(holder: string, names: string[]): boolean {
  const h = fold(holder).toLowerCase();
  return names.some((n) => h === n || h.endsWith(` ${n}`) || n.endsWith(` ${h}`));
}

/** Mentions of people (and sides' leaders by name) in a text, in order. */
export function personsIn(kb: Briefing, text: string): { start: number; end: number }[] {
  return kb.gazetteer
    .match(tokenize(text))
    .filter((m) => {
      const a = kb.gazetteer.actors.get(m.actorId);
      if (a?.kind === 'person') return true;
      const leader = kb.crisis.sides.find((x) => x.id === m.actorId)?.leader;
      // "Vesk", "Anton Vesk", or the leader with a title ("President Anton Vesk" as a side's alias).
      const said = fold(text.slice(m.start, m.end)).toLowerCase();
      const name = fold(leader ?? '').toLowerCase();
      return Boolean(leader && (name.includes(said) || said.endsWith(` ${name}`)));
    })
    .map((m) => ({ start: m.start, end: m.end }));
}

