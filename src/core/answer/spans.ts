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
import { placeSpan } from './place-spans.js';
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
  /** A "when did/was …" question: a date ahead of the sentence's report does not answer it. */
  past?: boolean;
  /** A "when is/will …" question: only a date the sentence states answers it, never its report's day. */
  stated?: boolean;
  /** The question's content words as written, in order ("Where were the men taken?" → men, taken). */
  words?: string[];
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

export function extractSpan(ask: Asked, text: string, at: string | null, kb: Briefing, sentenceId?: number): Span | null {
  const type = ask.q.type;
  const { qStems, qActors } = ask;
  if (type === 'age') return ageSpan(text, ask);
  if (type === 'count') return countSpan(text, ask);
  if (type === 'when') return dateSpan(ask, text, at, kb, sentenceId);
  if (type === 'where') return placeSpan(text, qStems, ask.words ?? []);
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
