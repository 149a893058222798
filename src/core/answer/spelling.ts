/**
 * Names as askers type them: misspelt ("britian", "pavel sarrin"), or an acronym in lower case
 * ("what did the eu say"). A word the corpus never uses, one or two letters from exactly one known
 * actor's name with the same first letter, is read as that name; the answer says how it was read.
 * Cost: a few edit distances per word against the names sharing its first letter (an index built
 * once per gazetteer size); an FTS lookup only for a word near a name.
 */
import { distance } from 'fastest-levenshtein';
import type { Briefing } from '../briefing.js';
import { fold, isStopword, tokenize } from '../text.js';

/** A question as read: its text with names corrected, and each correction (as typed, as read). */
export interface ReadQuestion {
  q: string;
  read: { typed: string; as: string }[];
}

/** Letters a typed name may differ by: none below 5, one up to 6, two beyond. */
const slack = (n: number) => (n < 5 ? 0 : n <= 6 ? 1 : 2);

/** Every actor alias by first letter, folded, for near-miss lookups; rebuilt when the gazetteer grows. */
const INDEX = new WeakMap<Briefing, { size: number; byLetter: Map<string, { key: string; alias: string; id: string }[]> }>();

function aliasIndex(kb: Briefing) {
  const g = kb.gazetteer;
  const size = g.actors.size + kb.crisis.sides.length;
  const cached = INDEX.get(kb);
  if (cached && cached.size === size) return cached.byLetter;
  const byLetter = new Map<string, { key: string; alias: string; id: string }[]>();
  const ids = new Set([...g.actors.keys(), ...kb.crisis.sides.map((x) => x.id)]);
  for (const id of ids) {
    for (const a of g.aliasesOf(id)) {
      const alias = a.replace(/^the /i, '');
      const key = fold(alias).toLowerCase();
      if (key.length < 4) continue;
      const list = byLetter.get(key[0] as string) ?? [];
      list.push({ key, alias, id });
      byLetter.set(key[0] as string, list);
    }
  }
  INDEX.set(kb, { size, byLetter });
  return byLetter;
}

/** The one actor name `typed` is a letter or two from (same first letter), or null. */
function nearest(kb: Briefing, typed: string): { alias: string; d: number } | null {
  const key = fold(typed).toLowerCase();
  const found: { alias: string; d: number; id: string }[] = [];
  for (const e of aliasIndex(kb).get(key[0] as string) ?? []) {
    if (Math.abs(e.key.length - key.length) > 2) continue;
    const d = distance(e.key, key);
    if (d > 0 && d <= slack(Math.min(e.key.length, key.length))) found.push({ alias: e.alias, d, id: e.id });
  }
  // Only names the corpus uses (or the crisis's sides): an actor no article names answers nothing.
  const live = found.filter((f) => kb.inCorpus(f.id) || kb.crisis.sides.some((x) => x.id === f.id)).sort((a, b) => a.d - b.d);
  const [first, second] = live;
  // Two names equally near: the asker could mean either, so neither.
  if (!first || (second && second.d === first.d && second.id !== first.id)) return null;
  return first;
}

export function readNames(kb: Briefing, question: string, skip: Set<string>): ReadQuestion {
  const toks = tokenize(question);
  const covered = new Set<number>();
  for (const m of kb.gazetteer.match(toks)) for (let i = m.t0; i < m.t1; i++) covered.add(i);
  const edits: { start: number; end: number; typed: string; as: string }[] = [];
  const inCorpus = (w: string) => kb.reader.hasWord(w);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t || covered.has(i) || skip.has(t.norm) || isStopword(t.norm) || !/^\p{L}+$/u.test(t.raw)) continue;
    // "eu", "imf": an acronym the gazetteer knows, typed in lower case ("us" is a stopword and stays).
    if (t.raw.length <= 4 && t.raw === t.norm && kb.gazetteer.lookup(t.raw.toUpperCase())) {
      const up = t.raw.toUpperCase();
      if (kb.gazetteer.match(tokenize(up)).length > 0) {
        edits.push({ start: t.start, end: t.end, typed: t.raw, as: up });
        continue;
      }
    }
    if (t.norm.length < 4) continue;
    // The name with the word before it first ("eva lindt" → "Eva Lind"), then alone; a word near
    // no name costs no lookup, and one the corpus uses is not a misspelling.
    const prev = toks[i - 1];
    const pair = prev && !covered.has(i - 1) && !isStopword(prev.norm) && !skip.has(prev.norm) && /^\p{L}+$/u.test(prev.raw) ? question.slice(prev.start, t.end) : null;
    const two = pair ? nearest(kb, pair) : null;
    const one = two ? null : nearest(kb, t.raw);
    if ((!two && !one) || inCorpus(t.norm)) continue;
    if (two && prev) {
      if (edits[edits.length - 1]?.end === prev.end) edits.pop();
      edits.push({ start: prev.start, end: t.end, typed: pair as string, as: two.alias });
    } else if (one) edits.push({ start: t.start, end: t.end, typed: t.raw, as: one.alias });
  }
  if (edits.length === 0) return { q: question, read: [] };
  let q = question;
  for (const e of [...edits].reverse()) q = q.slice(0, e.start) + e.as + q.slice(e.end);
  return { q, read: edits.map((e) => ({ typed: e.typed, as: e.as })) };
}
