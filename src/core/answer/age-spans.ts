/**
 * Age spans: an age the sentence ties to the person asked about ("Smith, 46,", "the 86-year-old
 * king"), or one a descriptor gives alone ("The 46-year-old was freed") after a sentence naming them.
 */
import type { Briefing } from '../briefing.js';
import { fold, stem } from '../text.js';
import { agesIn } from './ages.js';
import { findNames, holderIs, personsIn } from './names-in-text.js';
import type { Asked, Span } from './spans.js';

/** An age the sentence ties to the person asked about. */
export function ageSpan(text: string, ask: Asked): Span | null {
  for (const a of agesIn(text)) {
    if (a.holder && holderIs(a.holder, ask.names)) return { answer: a.age, start: a.start, end: a.end, fit: 3 };
    // "the 86-year-old king" when the question asks about "King X".
    if (a.descriptor && a.descriptor.split(/\s+/).some((w) => ask.subjectStems.has(stem(w.toLowerCase())))) return { answer: a.age, start: a.start, end: a.end, fit: 2 };
  }
  return null;
}

/** An age given by a descriptor alone ("The 46-year-old was freed"), tied to the person the previous sentences name. */
function descriptorAge(text: string, before: string[], ask: Asked, kb: Briefing): Span | null {
  const a = agesIn(text).find((x) => x.holder === null && x.descriptor !== null);
  if (!a) return null;
  // Someone named in the same sentence before the descriptor is who it describes; not ours.
  if (findNames(text.slice(0, a.start), ask.names).length === 0 && personsIn(kb, text.slice(0, a.start)).length > 0) return null;
  for (const prev of before) {
    const persons = personsIn(kb, prev);
    const ours = findNames(prev, ask.names)[0];
    if (!ours && persons.length === 0) continue;
    if (!ours) return null;
    // The nearest sentence naming someone names its subject first: "Yingluck Shinawatra, the former
    // prime minister, was freed. The 46-year-old was detained…"
    const other = persons.find((p) => p.start < ours[0] && !ask.names.some((n) => fold(prev.slice(p.start, p.end)).toLowerCase().includes(n)));
    if (other) return null;
    return { answer: a.age, start: a.start, end: a.end, fit: 2 };
  }
  return null;
}

/**
 * Ages stated by a descriptor alone ("The 46-year-old was detained…"): the sentence does not name
 * the person, the sentences before it do. Found among the sentences that state any age.
 */
export function descriptorAges(kb: Briefing, ask: Asked, seen: Set<number>) {
  let rows: ReturnType<typeof kb.reader.search>;
  try {
    rows = kb.reader.search('"year old"', 200, { bm25: false });
  } catch {
    return [];
  }
  const out: { r: (typeof rows)[number]; coverage: number; ok: boolean; floor: boolean; span: Span | null; score: number }[] = [];
  for (const r of rows) {
    if (seen.has(r.id) || !/-year-old\b/.test(r.text)) continue;
    if (!agesIn(r.text).some((a) => a.holder === null)) continue;
    const before = kb.reader.sentencesBefore(r.id, 2);
    const span = ageSpan(r.text, ask) ?? descriptorAge(r.text, before.map((b) => b.text), ask, kb);
    if (!span) continue;
    const ctx = before.find((b) => findNames(b.text, ask.names).length > 0);
    if (ctx) span.context = { sentenceId: ctx.id, text: ctx.text };
    out.push({ r, coverage: 1, ok: true, floor: true, span, score: 10 + 4 + (span.fit ?? 0) });
  }
  return out;
}
