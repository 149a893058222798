/**
 * ask(question): an extractive answer with citations. Retrieval is FTS5 BM25 over sentences, with
 * the question's actors expanded to all their names; the answer is a span of the best sentence
 * when the question asks for an age, a number, a date or a person, else the sentence itself.
 * A question whose named things the corpus never mentions gets "not in the corpus".
 * `retrieve` feeds both this extractive answer and an optional model's (see grounding.ts).
 */
import type { Briefing } from './briefing.js';
import { findDates } from './dates.js';
import { findFigures } from './figures.js';
import { contentStems, isStopword, normKey, stem, tokenize } from './text.js';
import { type AnswerModel, answerWithModel } from './grounding.js';
import type { AskResult, Citation } from './types.js';
import { formatWhen } from './when.js';

const QUESTION_WORDS = new Set('what who whom whose when where why how which did does do is are was were old many much long has have had happen happened say tell about according'.split(' '));

export type QType = 'age' | 'count' | 'when' | 'who' | 'other';

function qtype(q: string): QType {
  const l = q.toLowerCase();
  if (/\bhow old\b|\bwhat age\b|\bage of\b/.test(l)) return 'age';
  if (/\bhow (many|much)\b|\bwhat number\b|\bdeath toll\b/.test(l)) return 'count';
  if (/^\s*when\b|\bwhat (time|day|date)\b/.test(l)) return 'when';
  if (/^\s*who\b/.test(l)) return 'who';
  return 'other';
}

function ftsPhrase(s: string): string {
  return `"${s.replace(/"/g, '')}"`;
}

export interface Span {
  answer: string;
  start: number;
  end: number;
}

function extractSpan(type: QType, text: string, at: string | null, qStems: Set<string>, kb: Briefing, qActors: Set<string>): Span | null {
  if (type === 'age') {
    // "the 35-year-old leader", "aged 35", "35 years old", or a name in apposition: "Ruth Anand, 47, said".
    const m = /\b(\d{1,3})-year-old\b|\baged (\d{1,3})\b|\b(\d{1,3}) years old\b|(?<=\p{Lu}[\p{L}'’-]+, )(\d{2})(?=,)/u.exec(text);
    if (m) return { answer: m[1] ?? m[2] ?? m[3] ?? m[4] ?? '', start: m.index, end: m.index + m[0].length };
  }
  if (type === 'count') {
    const figs = findFigures(text).filter((f) => f.kind !== 'age');
    const scored = figs.map((f) => {
      const after = contentStems(text.slice(f.start, Math.min(text.length, f.end + 40)));
      return { f, s: after.filter((w) => qStems.has(w)).length };
    });
    scored.sort((a, b) => b.s - a.s);
    const best = scored[0]?.f;
    if (best) return { answer: best.value, start: best.start, end: best.end };
  }
  if (type === 'when') {
    const d = findDates(text, at ?? '2000-01-01')[0];
    if (d && at) return { answer: formatWhen(d.value), start: d.start, end: d.end };
    if (at) return { answer: formatWhen(at), start: 0, end: 0 };
  }
  if (type === 'who') {
    const ms = kb.gazetteer.match(tokenize(text)).filter((m) => !qActors.has(m.actorId) && !kb.gazetteer.arena.has(m.actorId));
    const person = ms.find((m) => kb.gazetteer.actors.get(m.actorId)?.kind === 'person') ?? ms[0];
    if (person) return { answer: kb.gazetteer.actors.get(person.actorId)?.name ?? text.slice(person.start, person.end), start: person.start, end: person.end };
  }
  return null;
}

/** A retrieved sentence, ranked; `id` ("p1", "p2", ...) names it to a model and in its citations. */
export interface Passage {
  id: string;
  sentenceId: number;
  text: string;
  docId: string;
  source: string;
  at: string | null;
  /** The answer span when the question asks for an age, a number, a date or a person. */
  span: Span | null;
  /** Full names of the actors the passage mentions ("Jane Smith" for "Smith"). */
  names: string[];
}

/** What retrieval found for a question: passages best first (none when the corpus does not say). */
export interface Retrieval {
  question: string;
  type: QType;
  passages: Passage[];
}

/** How many passages retrieval keeps: the extractive answer cites 3, a model reads up to 6. */
const MAX_PASSAGES = 8;

/**
 * Retrieve the passages that answer a question, best first. Both the extractive answer and a
 * model's answer are built from these, so they cite the same evidence.
 */
export function retrieve(kb: Briefing, question: string): Retrieval {
  const q = question.trim();
  const type = qtype(q);
  const none: Retrieval = { question: q, type, passages: [] };
  const toks = tokenize(q);
  // The crisis's own country is a place in the question, matched as words, not as an actor.
  const allMentions = kb.gazetteer.match(toks);
  const qMentions = allMentions.filter((m) => !kb.gazetteer.arena.has(m.actorId));
  const qActors = new Set(qMentions.map((m) => m.actorId));
  const covered = new Set<number>();
  for (const m of qMentions) for (let i = m.t0; i < m.t1; i++) covered.add(i);
  const words = toks.filter((t, i) => !covered.has(i) && !isStopword(t.norm) && !QUESTION_WORDS.has(t.norm) && t.norm.length > 1);
  // Capitalised words the gazetteer does not know are names too: they must appear in the answer.
  const names = words.filter((t, i) => i > 0 && /^\p{Lu}/u.test(t.raw)).map((t) => t.norm);
  const terms = new Set<string>(words.map((t) => t.norm));
  const phrases: string[] = [];
  for (const id of qActors) {
    const aliases = kb.gazetteer.aliasesOf(id).slice(0, 12);
    for (const a of aliases) phrases.push(normKey(a));
  }
  for (const m of qMentions) phrases.push(normKey(q.slice(m.start, m.end)));
  const typeTerms = type === 'age' ? ['year', 'aged', 'old'] : type === 'count' ? ['least', 'more', 'than'] : [];
  const parts = [...new Set([...terms, ...phrases, ...typeTerms])].filter(Boolean).map(ftsPhrase);
  if (parts.length === 0) return none;
  // Unknown named actors ("Mexico" when no article names it) mean the corpus cannot answer.
  for (const id of qActors) if (!kb.inCorpus(id) && !kb.crisis.sides.some((s) => s.id === id) && !kb.gazetteer.arena.has(id)) return none;
  // First every concept of the question (each actor by any of its names, each word by its stem),
  // which keeps FTS from scoring thousands of rows on a large corpus; then any of them.
  const groups: string[] = [];
  for (const id of qActors) {
    const names = [...new Set([...kb.gazetteer.aliasesOf(id).slice(0, 12).map(normKey), ...qMentions.filter((m) => m.actorId === id).map((m) => normKey(q.slice(m.start, m.end)))])].filter(Boolean);
    if (names.length) groups.push(`(${names.map(ftsPhrase).join(' OR ')})`);
  }
  for (const w of words) {
    const st = stem(w.norm);
    groups.push(/^[a-z0-9]+$/.test(st) && st.length >= 3 ? `${st}*` : ftsPhrase(w.norm));
  }
  let rows: ReturnType<typeof kb.reader.search>;
  try {
    if (type === 'age') groups.push('(year OR aged OR old)');
    rows = groups.length > 0 ? kb.reader.search(groups.join(' AND '), 60, { bm25: false }) : [];
    if (rows.length < 10) rows = kb.reader.search(parts.join(' OR '), 60);
  } catch {
    return none;
  }
  if (rows.length === 0) return none;
  const qStems = new Set(words.map((t) => stem(t.norm)));
  const sActors = kb.reader.sentenceActors(rows.map((r) => r.id));
  const scored = rows.map((r) => {
    const stems = new Set(contentStems(r.text));
    const lower = r.text.toLowerCase();
    const wordHits = [...qStems].filter((w) => stems.has(w)).length;
    const actorHits = [...qActors].filter((a) => (sActors.get(r.id) ?? []).includes(a)).length;
    const groups = qStems.size + qActors.size;
    const coverage = groups ? (wordHits + actorHits) / groups : 0;
    const namesOk = names.every((n) => lower.includes(n));
    const actorsOk = actorHits === qActors.size;
    const score = coverage * 10 - r.rank + (r.kind === 'body' ? 0.5 : 0);
    return { r, coverage, ok: namesOk && actorsOk, span: null as Span | null, score };
  });
  // Answer spans only for the few sentences that could answer: they cost more than scoring.
  const viable = scored
    .filter((s) => s.ok && s.coverage >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, 30);
  for (const s of viable) {
    s.span = extractSpan(type, s.r.text, s.r.at, qStems, kb, qActors);
    if (s.span && type !== 'other') s.score += 4;
  }
  viable.sort((a, b) => b.score - a.score);
  // An age or a number must be stated, not guessed from a sentence that merely names the actor.
  const needsSpan = type === 'age' || type === 'count';
  const good = viable.filter((s) => !needsSpan || s.span);
  const passages: Passage[] = [];
  const seen = new Set<string>();
  for (const s of good) {
    if (passages.length >= MAX_PASSAGES) break;
    if (seen.has(s.r.text)) continue;
    seen.add(s.r.text);
    const names = new Set((sActors.get(s.r.id) ?? []).map((a) => kb.gazetteer.actors.get(a)?.name ?? ''));
    names.delete('');
    passages.push({ id: `p${passages.length + 1}`, sentenceId: s.r.id, text: s.r.text, docId: s.r.docId, source: s.r.source, at: s.r.at, span: s.span, names: [...names] });
  }
  return { question: q, type, passages };
}

/** The extractive answer from retrieved passages: a span of the best one, or the sentence itself. */
export function extractiveAnswer(ret: Retrieval): AskResult {
  const best = ret.passages[0];
  if (!best) return { question: ret.question, answer: null, citations: [], mode: 'extractive', note: NOT_IN_CORPUS };
  const citations: Citation[] = ret.passages.slice(0, 3).map((p) => {
    const span = p === best ? best.span : null;
    return { quote: p.text, docId: p.docId, source: p.source, at: p.at, highlight: span && span.end > span.start ? [span.start, span.end] : null };
  });
  const answer = best.span && ret.type !== 'other' ? best.span.answer : best.text;
  return { question: ret.question, answer, citations, mode: 'extractive' };
}

export const NOT_IN_CORPUS = 'Not in the corpus: no article here answers that.';

/**
 * Answer a question from the corpus. With a model, the model writes the answer from the retrieved
 * passages and the grounding checks decide whether it is shown; otherwise (or when it fails) the
 * extractive answer is.
 */
export async function askQuestion(kb: Briefing, question: string, model?: AnswerModel): Promise<AskResult> {
  const ret = retrieve(kb, question);
  const extractive = extractiveAnswer(ret);
  // No passage, no request: the corpus does not say, and a model must not guess.
  if (!model || ret.passages.length === 0) return extractive;
  return answerWithModel(ret, extractive, model);
}
