/**
 * Answer spans: the part of a sentence that answers the question — an age tied to the person asked
 * about (age-spans.ts), the quantity a number question wants (counts-asked.ts), a date (date-spans.ts),
 * who someone is and a place (here), a person who did something (doers.ts).
 */
import type { Briefing } from '../briefing.js';
import { fold, stem } from '../text.js';
import { variants } from './words.js';
import { ageSpan } from './age-spans.js';
import { dateSpan } from './date-spans.js';
import { findNames } from './names-in-text.js';
import type { ParsedQuestion } from './question.js';
import { describe as describePerson } from './roles.js';
import { whoSpan } from './doers.js';
import { countSpan } from './counts-asked.js';

const TITLE_WORD = /\b(?:President|Minister|Ambassador|Secretary|Spokes(?:man|woman|person)|Chief|Leader|General|Chancellor|Speaker|Governor|Senator|Envoy|Commander|Chairman|Chairwoman|Director|Coordinator|Pope|King|Queen)\b/i;

export interface Span {
  answer: string;
  start: number;
  end: number;
  /** How well the span fits the question (added to the passage's score). */
  fit?: number;
  /** A sentence the span depends on ("The 46-year-old…" after the sentence naming her), cited with it. */
  context?: { sentenceId: number; text: string };
  /** The reason the sentence ties to a why-question's act (causes.ts): the answer even to an open question. */
  reason?: true;
}

/** What the question asks about, for the span finders. */
export interface Asked {
  q: ParsedQuestion;
  qStems: Set<string>;
  qActors: Set<string>;
  /** Names of the person asked about, longest first, accent-folded and lower-cased. */
  names: string[];
  /** Stems of the words naming that person in the question ("King Bhumibol" → king, bhumibol). */
  subjectStems: Set<string>;
  /** For a count: the question's words beyond the thing counted ("How many people fled?" → fled). */
  event?: string[];
  /** A "when will …" question: of a sentence's dates, those ahead of its report answer. */
  ahead?: boolean;
  /** A "when is/will …" question: only a date the sentence states answers it, never its report's day. */
  stated?: boolean;
}

/** The names a person in the question goes by: the gazetteer's, and the question's own words. */
export function personNames(kb: Briefing, qActors: Set<string>, subject: string | null, asked: string[]): string[] {
  const out = new Set<string>();
  const add = (n: string | undefined) => {
    const f = fold(n ?? '').toLowerCase().trim();
    if (f.length >= 3) out.add(f);
  };
  for (const id of qActors) {
    const a = kb.gazetteer.actors.get(id);
    if (a?.kind === 'person') for (const n of kb.gazetteer.aliasesOf(id)) add(n);
    // A side's leader only when the question names the leader: a side may list several people
    // among its aliases ("Tymoshenko" is not the side's leader "Yatsenyuk").
    const side = kb.crisis.sides.find((x) => x.id === id);
    const leader = fold(side?.leader ?? '').toLowerCase();
    if (side?.leader && asked.some((m) => leader.includes(fold(m).toLowerCase()))) {
      add(side.leader);
      add(side.leader.split(/\s+/).pop());
    }
  }
  if (subject) {
    // "King Bhumibol" → also "Bhumibol"; "Brice Clotaire Oligui Nguema" → also "Oligui Nguema", "Nguema".
    const words = subject.replace(/^(?:the\s+)?/i, '').split(/\s+/).filter(Boolean);
    add(words.join(' '));
    const bare = words.filter((w, i) => i > 0 || !TITLE_WORD.test(w) || words.length === 1);
    add(bare.join(' '));
    if (bare.length >= 2) add(bare.slice(-2).join(' '));
    if (bare.length >= 2 && (bare[bare.length - 1] ?? '').length >= 4) add(bare[bare.length - 1]);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

function defineSpan(text: string, ask: Asked): Span | null {
  let best: Span | null = null;
  for (const [a, b] of findNames(text, ask.names)) {
    const d = describePerson(text, a, b);
    if (!d) continue;
    // An apposition is the surest description; a bare rank ("Gen.") the weakest.
    const fit = d.how === 'apposition' || d.how === 'before' ? 4 : d.how === 'title' ? (/\s/.test(d.answer) ? 2 : 1) : 3;
    if (!best || fit > (best.fit ?? 0)) best = { answer: d.answer, start: d.start, end: d.end, fit };
  }
  return best;
}

/** The distance from each of the question's words in `text` to `pos`, the nearest; Infinity when none is before it. */
function wordBefore(text: string, pos: number, qStems: Set<string>): number {
  let best = Infinity;
  for (const m of text.slice(0, pos).matchAll(/\p{L}+/gu)) {
    const w = stem(m[0].toLowerCase());
    if (qStems.has(w) || [...qStems].some((q) => q.length >= 4 && (w.startsWith(q) || variants(q).some((v) => w.startsWith(v))))) best = Math.min(best, pos - (m.index ?? 0));
  }
  return best;
}

export function extractSpan(ask: Asked, text: string, at: string | null, kb: Briefing, sentenceId?: number): Span | null {
  const type = ask.q.type;
  const { qStems, qActors } = ask;
  if (type === 'age') return ageSpan(text, ask);
  if (type === 'count') return countSpan(text, ask);
  if (type === 'when') return dateSpan(ask, text, at, kb, sentenceId);
  if (type === 'where') {
    // "in Lisbon", "at U.N. headquarters in New York": the last capitalised place after in/at.
    const places = [...text.matchAll(/\b(?:in|at|near)\s+((?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'-]*)*)/gu)].filter(
      (m) => !/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(m[1] ?? ''),
    );
    // Of several places, the one after the question's own words ("arrived home in Port Essan …, but
    // the ship will remain impounded until a court in Kesh rules"); a place that narrows the one
    // before it ("at U.N. headquarters in New York") stands for it. Without those words, the last.
    let k = places.length - 1;
    const dist = places.map((p) => wordBefore(text, p.index ?? 0, qStems));
    const nearest = dist.reduce((b, d, i) => (d <= (dist[b] ?? Infinity) ? i : b), 0);
    if (Number.isFinite(dist[nearest])) {
      k = nearest;
      while (k + 1 < places.length) {
        const cur = places[k] as RegExpMatchArray;
        const gap = text.slice((cur.index ?? 0) + cur[0].length, places[k + 1]?.index ?? 0);
        if (!/^[\p{Ll}\s]{0,30}$/u.test(gap)) break;
        k++;
      }
    }
    const m = places[k];
    if (m?.[1]) {
      const place = /^(?:\p{L}\.){2,}$/u.test(m[1]) ? m[1] : m[1].replace(/\.$/, '');
      const start = (m.index ?? 0) + m[0].length - m[1].length;
      return { answer: place, start, end: start + place.length };
    }
  }
  if (type === 'define') {
    const d = defineSpan(text, ask);
    if (d) return d;
    for (const id of qActors) {
      // "South Africa's U.N. Ambassador Jerry Matjila": the title before a name.
      // Longest names first; a shorter name inside a longer one ("Voss" in "Mara Voss") is skipped.
      const folded = fold(text);
      const taken: [number, number][] = [];
      // Only the asked person's own names: a side's aliases ("Drovanian") are not the person.
      for (const alias of [...kb.gazetteer.aliasesOf(id)].filter((a) => ask.names.includes(fold(a).toLowerCase())).sort((a, b) => b.length - a.length)) {
        const i = folded.indexOf(fold(alias));
        if (i <= 0) continue;
        const inside = taken.some(([a, b]) => i >= a && i < b);
        taken.push([i, i + alias.length]);
        if (inside) continue;
        const lead = /((?:(?:\p{Lu}[\p{L}.’'-]*|spokes(?:man|woman|person)|minister|president|secretary|ambassador|chief|leader|envoy|foreign|defen[cs]e|policy|affairs|general|counterpart)\s+)+)$/u.exec(text.slice(Math.max(0, i - 80), i))?.[1] ?? '';
        const title = lead.trim();
        if (title && TITLE_WORD.test(title) && /\p{Lu}/u.test(title)) return { answer: title, start: i - lead.length, end: i - lead.length + title.length, fit: 2 };
      }
    }
  }
  if (type === 'who') return whoSpan(ask, text, kb);
  void qStems;
  return null;
}
