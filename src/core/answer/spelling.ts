/**
 * Names as askers type them: misspelt ("britian", "pavel sarrin"), or an acronym in lower case
 * ("what did the eu say"). A word the corpus never uses, one or two letters from exactly one known
 * actor's name with the same first letter, is read as that name; the answer says how it was read.
 * Cost: one FTS lookup per unknown-looking word; the actor directory only for words the corpus lacks.
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

function nearest(kb: Briefing, typed: string): { alias: string; d: number } | null {
  const key = fold(typed).toLowerCase();
  const r = kb.resolve(typed);
  if (r.id) return null; // a name the directory already knows (a part of a person's name): nothing to correct
  const found: { alias: string; d: number; id: string }[] = [];
  for (const name of r.suggestions) {
    const id = kb.resolve(name).id;
    if (!id) continue;
    let best: { alias: string; d: number } | null = null;
    for (const a of kb.gazetteer.aliasesOf(id)) {
      const k = fold(a).toLowerCase().replace(/^the /, '');
      if (k[0] !== key[0]) continue;
      const d = distance(k, key);
      if (d > 0 && d <= slack(Math.min(k.length, key.length)) && (!best || d < best.d)) best = { alias: a.replace(/^the /i, ''), d };
    }
    if (best) found.push({ ...best, id });
  }
  found.sort((a, b) => a.d - b.d);
  const [first, second] = found;
  // Two names equally near: the asker could mean either, so neither.
  if (!first || (second && second.d === first.d && second.id !== first.id)) return null;
  return first;
}

export function readNames(kb: Briefing, question: string, skip: Set<string>): ReadQuestion {
  const toks = tokenize(question);
  const covered = new Set<number>();
  for (const m of kb.gazetteer.match(toks)) for (let i = m.t0; i < m.t1; i++) covered.add(i);
  const edits: { start: number; end: number; typed: string; as: string }[] = [];
  const inCorpus = (w: string) => {
    try {
      return kb.reader.search(`"${w.replace(/"/g, '')}"`, 1, { bm25: false }).length > 0;
    } catch {
      return true;
    }
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t || covered.has(i) || skip.has(t.norm) || isStopword(t.norm) || !/^\p{L}+$/u.test(t.raw)) continue;
    // "eu", "imf": an acronym the gazetteer knows, typed in lower case ("us" is a stopword and stays).
    if (t.raw.length <= 4 && t.raw === t.norm && kb.gazetteer.lookup(t.raw.toUpperCase()) && toks.length > 0) {
      const up = t.raw.toUpperCase();
      if (kb.gazetteer.match(tokenize(up)).length > 0) {
        edits.push({ start: t.start, end: t.end, typed: t.raw, as: up });
        continue;
      }
    }
    if (t.norm.length < 4 || inCorpus(t.norm)) continue;
    // The name with the word before it first ("pavel sarrin" → "Pavel Sarin"), then alone.
    const prev = toks[i - 1];
    const pair = prev && !covered.has(i - 1) && !isStopword(prev.norm) && !skip.has(prev.norm) && /^\p{L}+$/u.test(prev.raw) ? question.slice(prev.start, t.end) : null;
    const two = pair ? nearest(kb, pair) : null;
    if (two && prev) {
      if (edits[edits.length - 1]?.end === prev.end) edits.pop();
      edits.push({ start: prev.start, end: t.end, typed: pair as string, as: two.alias });
      continue;
    }
    const one = nearest(kb, t.raw);
    if (one) edits.push({ start: t.start, end: t.end, typed: t.raw, as: one.alias });
  }
  if (edits.length === 0) return { q: question, read: [] };
  let q = question;
  for (const e of [...edits].reverse()) q = q.slice(0, e.start) + e.as + q.slice(e.end);
  return { q, read: edits.map((e) => ({ typed: e.typed, as: e.as })) };
}
