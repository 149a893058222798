/**
 * ask(question): an extractive answer with citations. Retrieval is FTS5 BM25 over sentences, with
 * the question's actors expanded to all their names; the answer is a span of the best sentence
 * when the question asks for an age, a number, a date or a person, else the sentence itself.
 * A question whose named things the corpus never mentions gets "not in the corpus".
 * `retrieve` feeds both this extractive answer and an optional model's (see grounding.ts).
 */
import type { Briefing } from '../briefing.js';
import { findDates } from '../read/dates.js';
import { findFigures } from '../read/figures.js';
import { contentStems, fold, isStopword, normKey, stem, tokenize } from '../text.js';
import { type AnswerModel, answerWithModel, type NameLexicon } from './grounding.js';
import type { AskResult, Citation } from '../types.js';
import { formatWhen } from '../when.js';

const QUESTION_WORDS = new Set('what who whom whose when where why how which did does do is are was were old many much long has have had happen happened say tell about according'.split(' '));

export type QType = 'age' | 'count' | 'when' | 'where' | 'define' | 'who' | 'other';

function qtype(q: string): QType {
  const l = q.toLowerCase();
  if (/\bhow old\b|\bwhat age\b|\bage of\b/.test(l)) return 'age';
  if (/\bhow (many|much|long)\b|\bwhat number\b|\bdeath toll\b/.test(l)) return 'count';
  if (/^\s*when\b|\bwhat (time|day|date)\b/.test(l)) return 'when';
  if (/^\s*where\b/.test(l)) return 'where';
  // "Who is X?" asks what X is, not for another person.
  if (/^\s*(who|what) (is|was|are|were) [^?]+\??\s*$/.test(l) && !/\b(the|a|an) (one|person|leader|minister|president|head|chief|spokesman|spokeswoman)\b.*\b(who|that)\b/.test(l) && /^\s*who/.test(l)) return 'define';
  if (/^\s*who\b/.test(l)) return 'who';
  return 'other';
}

const TITLE_WORD = /\b(?:President|Minister|Ambassador|Secretary|Spokes(?:man|woman|person)|Chief|Leader|General|Chancellor|Speaker|Governor|Senator|Envoy|Commander|Chairman|Chairwoman|Director|Coordinator|Pope|King|Queen)\b/i;

/** News words for the same thing, so "death toll" finds "were killed". Stems, both ways. */
const SYNONYMS: Record<string, string[]> = {
  death: ['kill', 'dead', 'died', 'slain', 'fatal'],
  kill: ['death', 'dead', 'died', 'slain'],
  dead: ['death', 'kill', 'died'],
  die: ['death', 'kill', 'dead'],
  protest: ['demonstr', 'rally', 'march'],
  aid: ['assist', 'humanitarian'],
  money: ['billion', 'million', 'loan'],
};

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
  if (type === 'where') {
    // "in Lisbon", "at U.N. headquarters in New York": the last capitalised place after in/at.
    const places = [...text.matchAll(/\b(?:in|at)\s+((?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'-]*)*)/gu)].filter(
      (m) => !/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(m[1] ?? ''),
    );
    const m = places[places.length - 1];
    if (m?.[1]) {
      const place = /^(?:\p{L}\.){2,}$/u.test(m[1]) ? m[1] : m[1].replace(/\.$/, '');
      const start = (m.index ?? 0) + m[0].length - m[1].length;
      return { answer: place, start, end: start + place.length };
    }
  }
  if (type === 'define') {
    // "Voss, the 52-year-old commander of the northern army, …": the apposition after a name.
    for (const id of qActors) {
      // Matched accent-folded: the gazetteer keeps one spelling of a name, articles use either.
      const folded = fold(text);
      for (const alias of kb.gazetteer.aliasesOf(id)) {
        const i = folded.indexOf(`${fold(alias)}, `);
        if (i < 0) continue;
        const m = /^(?:the|a|an|head|leader|chief|president|chairman|spokesman|spokeswoman)\b[^,;.]*/i.exec(text.slice(i + alias.length + 2));
        if (m) {
          const start = i + alias.length + 2;
          return { answer: m[0].trim(), start, end: start + m[0].trim().length };
        }
      }
      // "South Africa's U.N. Ambassador Jerry Matjila": the title before a name.
      // Longest names first; a shorter name inside a longer one ("Voss" in "Mara Voss") is skipped.
      const taken: [number, number][] = [];
      for (const alias of [...kb.gazetteer.aliasesOf(id)].sort((a, b) => b.length - a.length)) {
        const i = folded.indexOf(fold(alias));
        if (i <= 0) continue;
        const inside = taken.some(([a, b]) => i >= a && i < b);
        taken.push([i, i + alias.length]);
        if (inside) continue;
        const lead = /((?:(?:\p{Lu}[\p{L}.’'-]*|spokes(?:man|woman|person)|minister|president|secretary|ambassador|chief|leader|envoy|foreign|defen[cs]e|policy|affairs|general|counterpart)\s+)+)$/u.exec(text.slice(Math.max(0, i - 80), i))?.[1] ?? '';
        const title = lead.trim();
        if (title && TITLE_WORD.test(title) && /\p{Lu}/u.test(title)) return { answer: title, start: i - lead.length, end: i - lead.length + title.length };
      }
    }
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
  const synonyms = words.flatMap((w) => SYNONYMS[stem(w.norm)] ?? []);
  const parts = [...new Set([...terms, ...phrases, ...typeTerms])].filter(Boolean).map(ftsPhrase);
  for (const x of synonyms) parts.push(`${x}*`);
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
    const alts = [st, ...(SYNONYMS[st] ?? [])].filter((x) => /^[a-z0-9]+$/.test(x) && x.length >= 3).map((x) => `${x}*`);
    groups.push(alts.length ? `(${alts.join(' OR ')})` : ftsPhrase(w.norm));
  }
  let rows: ReturnType<typeof kb.reader.search>;
  try {
    if (type === 'age') groups.push('(year OR aged OR old)');
    // A definition is one particular sentence, not the newest mention: rank those with BM25.
    rows = groups.length > 0 && type !== 'define' ? kb.reader.search(groups.join(' AND '), 60, { bm25: false }) : [];
    if (rows.length < 10) rows = kb.reader.search(parts.join(' OR '), 60);
  } catch {
    return none;
  }
  if (rows.length === 0) return none;
  const qStems = new Set(words.map((t) => stem(t.norm)));
  const sActors = kb.reader.sentenceActors(rows.map((r) => r.id));
  const mentionTexts = qMentions.map((m) => q.slice(m.start, m.end).toLowerCase().replace(/^the /, ''));
  const asksSpeech = /\b(say|said|says|think|thinks|position|stance|react|reacted|respond|responded)\b/i.test(q);
  const scored = rows.map((r) => {
    const stems = new Set(contentStems(r.text));
    const lower = r.text.toLowerCase();
    const wordHits = [...qStems].filter((w) => stems.has(w) || (SYNONYMS[w] ?? []).some((x) => [...stems].some((t) => t.startsWith(x)))).length;
    const actorHits = [...qActors].filter((a) => (sActors.get(r.id) ?? []).includes(a)).length;
    const groups = qStems.size + qActors.size;
    const coverage = groups ? (wordHits + actorHits) / groups : 0;
    const namesOk = names.every((n) => lower.includes(n));
    const actorsOk = actorHits === qActors.size;
    // The asker's own words for an actor ("the Kremlin", not "Moscow") and, when they ask what
    // someone said, a sentence where someone speaks.
    const literal = mentionTexts.filter((m) => lower.includes(m)).length * 0.5;
    const speaks = asksSpeech && /\b(?:says|said|told|tweeted|added|called|warned|urged|statement)\b|[“"]/.test(r.text) ? 1 : 0;
    const score = coverage * 10 - r.rank + (r.kind === 'body' ? 0.5 : 0) + literal + speaks;
    return { r, coverage, ok: namesOk && actorsOk, span: null as Span | null, score };
  });
  // Answer spans only for the few sentences that could answer: they cost more than scoring.
  const viable = scored
    .filter((s) => s.ok && s.coverage >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, type === 'define' ? 60 : 30);
  for (const s of viable) {
    s.span = extractSpan(type, s.r.text, s.r.at, qStems, kb, qActors);
    if (s.span && type !== 'other') s.score += 4;
  }
  // Equal evidence: the latest report wins (a death toll rises during the day).
  const when = (at: string | null) => (at ? Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at) || 0 : 0);
  const bucket = (x: number) => Math.floor(x * 2) / 2; // scores within half a point are equal evidence
  viable.sort((a, b) => bucket(b.score) - bucket(a.score) || when(b.r.at) - when(a.r.at) || b.score - a.score);
  // An age or a number must be stated, not guessed from a sentence that merely names the actor.
  const needsSpan = type === 'age' || type === 'count' || type === 'define';
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
  return answerWithModel(ret, extractive, model, nameLexicon(kb));
}

/**
 * The knowledge base's names for the grounding checks, in any case: every lower-case word that
 * is not a stopword is read as if capitalised, so "mexico" in a model's answer is Mexico
 * (acronyms still need their capitals: "us" is not the US).
 */
export function nameLexicon(kb: Briefing): NameLexicon {
  return {
    mentions(text) {
      const title = (w: string) => (w === w.toLowerCase() && !isStopword(w) ? w.charAt(0).toUpperCase() + w.slice(1) : w);
      const toks = tokenize(text).map((t) => ({ ...t, raw: title(t.raw), cased: title(t.cased) }));
      return kb.gazetteer.match(toks).map((m) => ({ start: m.start, end: m.end, key: m.actorId, names: kb.gazetteer.aliasesOf(m.actorId) }));
    },
  };
}
