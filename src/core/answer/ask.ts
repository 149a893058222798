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
import { type AgeMention, agesIn } from './ages.js';
import { type AnswerModel, answerWithModel, type NameLexicon } from './grounding.js';
import { findQuantities, type Quantity } from './numbers.js';
import { type ParsedQuestion, parseQuestion, type QType, type Want } from './question.js';
import { describe as describePerson } from './roles.js';
import type { AskResult, Citation } from '../types.js';
import { formatWhen } from '../when.js';

const QUESTION_WORDS = new Set('what who whom whose when where why how which did does do is are was were old many much long has have had happen happened say tell about according'.split(' '));

export type { QType } from './question.js';

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
  /** How well the span fits the question (added to the passage's score). */
  fit?: number;
  /** A sentence the span depends on ("The 46-year-old…" after the sentence naming her), cited with it. */
  context?: { sentenceId: number; text: string };
}

/** What the question asks about, for the span finders. */
interface Asked {
  q: ParsedQuestion;
  qStems: Set<string>;
  qActors: Set<string>;
  /** Names of the person asked about, longest first, accent-folded and lower-cased. */
  names: string[];
  /** Stems of the words naming that person in the question ("King Bhumibol" → king, bhumibol). */
  subjectStems: Set<string>;
}

/** Words of a number question that say what kind of number it wants, not what it is about. */
const KIND_WORDS = new Set(['share', 'percentag', 'proportion', 'percent', 'fraction', 'number', 'total', 'figure', 'amount']);

/** "the capital of France", "France's capital": a noun the question relates to an actor. */
interface Relation {
  noun: string;
  actor: string;
}

function relationOf(kb: Briefing, q: string, toks: ReturnType<typeof tokenize>): Relation | null {
  const ms = kb.gazetteer.match(toks);
  for (const m of ms) {
    const prev = toks[m.t0 - 1];
    const noun = toks[m.t0 - 2];
    if (prev?.norm === 'of' && noun && !isStopword(noun.norm) && !QUESTION_WORDS.has(noun.norm)) return { noun: stem(noun.norm), actor: m.actorId };
    const next = toks[m.t1];
    if (m.poss && next && !isStopword(next.norm) && !QUESTION_WORDS.has(next.norm)) return { noun: stem(next.norm), actor: m.actorId };
  }
  void q;
  return null;
}

/** The relation's noun within three words of the actor in the sentence ("the French capital" too). */
function relationHolds(kb: Briefing, rel: Relation | null, text: string): boolean {
  if (!rel) return true;
  const toks = tokenize(text);
  const at = kb.gazetteer.match(toks).filter((m) => m.actorId === rel.actor);
  return toks.some((t, i) => stem(t.norm) === rel.noun && at.some((m) => Math.abs(i - m.t0) <= 3 || Math.abs(i - (m.t1 - 1)) <= 3));
}

/** The names a person in the question goes by: the gazetteer's, and the question's own words. */
function personNames(kb: Briefing, qActors: Set<string>, subject: string | null): string[] {
  const out = new Set<string>();
  const add = (n: string | undefined) => {
    const f = fold(n ?? '').toLowerCase().trim();
    if (f.length >= 3) out.add(f);
  };
  for (const id of qActors) {
    const a = kb.gazetteer.actors.get(id);
    if (a?.kind === 'person') for (const n of kb.gazetteer.aliasesOf(id)) add(n);
    const side = kb.crisis.sides.find((x) => x.id === id);
    if (side?.leader) {
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

/** Where any of `names` stands in `text` as whole words: [start, end) spans, longest names first. */
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

function holderIs(holder: string, names: string[]): boolean {
  const h = fold(holder).toLowerCase();
  return names.some((n) => h === n || h.endsWith(` ${n}`) || n.endsWith(` ${h}`));
}

/** An age the sentence ties to the person asked about. */
function ageSpan(text: string, ask: Asked): Span | null {
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

/** Mentions of people (and sides' leaders by name) in a text, in order. */
function personsIn(kb: Briefing, text: string): { start: number; end: number }[] {
  return kb.gazetteer
    .match(tokenize(text))
    .filter((m) => {
      const a = kb.gazetteer.actors.get(m.actorId);
      if (a?.kind === 'person') return true;
      const leader = kb.crisis.sides.find((x) => x.id === m.actorId)?.leader;
      return Boolean(leader && fold(leader).toLowerCase().includes(fold(text.slice(m.start, m.end)).toLowerCase()));
    })
    .map((m) => ({ start: m.start, end: m.end }));
}

/** Stems of tallies and tolls, which may answer a count of people ("328 votes", "25 dead"). */
const TALLY = new Set(['vot', 'dead', 'death', 'kill']);
/** Words for people: "120 men" may answer "how many migrants", "two planes" never answers "how many troops". */
const HUMAN = /^(?:people|person|men|man|women|woman|child|civilian|migrant|refuge|soldi|troop|fighter|protest|demonstr|resident|citizen|worker|deput|lawmaker|official|diplomat|prisoner|detaine|officer|member|voter|student|journalist|supporter|activist|minister|senator|general|memb)/;
const isHuman = (stems: string[]) => stems.some((w) => HUMAN.test(w));

/** How well a quantity answers a "how many / how much / how long" question. */
function quantityFit(x: Quantity, ask: Asked, text: string): number {
  const k = x.kind;
  let s = 0;
  const want: Want = ask.q.want;
  if (want === 'duration') s += k === 'duration' ? 4 : k === 'since' ? 2 : k === 'distance' ? 1 : -4;
  else if (want === 'distance') s += k === 'distance' ? 4 : -4;
  else if (want === 'percent') s += k === 'percent' ? 4 : -4;
  else if (want === 'money') s += k === 'money' ? 4 : k === 'count' ? -1 : -4;
  else if (want === 'amount') s += k === 'count' ? 2 : -2;
  else if (k === 'count') s += 2;
  else s -= 3;
  // What it counts: "145 LNA soldiers" for "How many LNA soldiers…".
  const nounStems = x.noun.map((w) => stem(fold(w).toLowerCase().replace(/['’]s$/, '')));
  const hits = ask.q.noun.filter((n) => nounStems.includes(n) || (n === 'people' && nounStems.some((w) => /^(?:person|civilian|resident|citizen)/.test(w)))).length;
  if (hits) s += 2 + hits;
  else if (ask.q.noun.length && x.noun.length && (want === 'count' || want === 'amount')) {
    // "two planes" does not answer "how many troops"; a tally or a toll ("328 votes", "25 dead")
    // may answer a count of people.
    s -= nounStems.some((w) => TALLY.has(w)) || (isHuman(nounStems) && isHuman(ask.q.noun)) ? 1 : 3;
  }
  // The question's other words near it.
  const near = contentStems(text.slice(Math.max(0, x.start - 60), Math.min(text.length, x.nounEnd + 60)));
  s += Math.min(2, near.filter((w) => ask.qStems.has(w)).length * 0.5);
  return s;
}

function countSpan(text: string, ask: Asked): Span | null {
  const figs = findFigures(text).filter((f) => f.kind !== 'age');
  let best: { x: Quantity; fit: number } | null = null;
  for (const x of findQuantities(text)) {
    const fit = quantityFit(x, ask, text);
    if (!best || fit > best.fit) best = { x, fit };
  }
  if (!best || best.fit <= 0) {
    // Fall back on the figures extraction found (deaths, deadlines, counts), scored by the words after them.
    if (ask.q.want === 'percent' || ask.q.want === 'distance') return null;
    const scored = figs.map((f) => ({ f, s: contentStems(text.slice(f.start, Math.min(text.length, f.end + 40))).filter((w) => ask.qStems.has(w)).length }));
    scored.sort((a, b) => b.s - a.s);
    const f = scored[0]?.f;
    return f && (!best || best.fit > -3) ? { answer: f.value, start: f.start, end: f.end, fit: 0 } : null;
  }
  const { x, fit } = best;
  // A figure extraction already reads around this number ("72 hours to leave", "At least 9 people died") says it best.
  const fig = figs.find((f) => f.start <= x.start && f.end >= x.end && (x.kind !== 'count' || f.kind !== 'money'));
  if (fig) return { answer: fig.value, start: fig.start, end: fig.end, fit };
  // A count with what it counts ("145 LNA soldiers"); a hyphenated measure with its noun ("48-hour strike").
  const end = x.kind === 'count' || /^[^\s]*\d-|^\S+-(?:second|minute|hour|day|night|week|month|year|decade)/i.test(x.text) ? x.nounEnd : x.end;
  return { answer: text.slice(x.start, end).trim(), start: x.start, end, fit };
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

function extractSpan(ask: Asked, text: string, at: string | null, kb: Briefing): Span | null {
  const type = ask.q.type;
  const { qStems, qActors } = ask;
  if (type === 'age') return ageSpan(text, ask);
  if (type === 'count') return countSpan(text, ask);
  if (type === 'when') {
    const d = findDates(text, at ?? '2000-01-01')[0];
    // A date the sentence states beats the day it was reported.
    if (d && at) return { answer: formatWhen(d.value), start: d.start, end: d.end, fit: 1 };
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
    const d = defineSpan(text, ask);
    if (d) return d;
    for (const id of qActors) {
      // "South Africa's U.N. Ambassador Jerry Matjila": the title before a name.
      // Longest names first; a shorter name inside a longer one ("Voss" in "Mara Voss") is skipped.
      const folded = fold(text);
      const taken: [number, number][] = [];
      for (const alias of [...kb.gazetteer.aliasesOf(id)].sort((a, b) => b.length - a.length)) {
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
  if (type === 'who') {
    const ms = kb.gazetteer.match(tokenize(text)).filter((m) => !qActors.has(m.actorId) && !kb.gazetteer.arena.has(m.actorId));
    const person = ms.find((m) => kb.gazetteer.actors.get(m.actorId)?.kind === 'person') ?? ms[0];
    if (person) return { answer: kb.gazetteer.actors.get(person.actorId)?.name ?? text.slice(person.start, person.end), start: person.start, end: person.end };
  }
  void qStems;
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
  /**
   * When no passage answers: the nearest sentences, shown as such ("closest passages"), never as
   * the answer and never given to a model.
   */
  closest: Passage[];
}

/** How many passages retrieval keeps: the extractive answer cites 3, a model reads up to 6. */
const MAX_PASSAGES = 8;
const MAX_CLOSEST = 3;

/**
 * Retrieve the passages that answer a question, best first. Both the extractive answer and a
 * model's answer are built from these, so they cite the same evidence.
 */
export function retrieve(kb: Briefing, question: string): Retrieval {
  const q = question.trim();
  const pq = parseQuestion(q);
  const type = pq.type;
  const none: Retrieval = { question: q, type, passages: [], closest: [] };
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
  // Words that only say what kind of number is wanted ("what share of the vote") are not topics.
  const qStems = new Set(words.map((t) => stem(t.norm)).filter((w) => !(type === 'count' && KIND_WORDS.has(w))));
  const relation = relationOf(kb, q, toks);
  const ask: Asked = { q: pq, qStems, qActors, names: type === 'age' || type === 'define' ? personNames(kb, qActors, pq.subject) : [], subjectStems: new Set(tokenize(pq.subject ?? '').map((t) => stem(t.norm))) };
  const sActors = kb.reader.sentenceActors(rows.map((r) => r.id));
  const docsByName = new Map<string, Set<string>>();
  const nameDocs = (n: string): Set<string> => {
    let d = docsByName.get(n);
    if (!d) {
      try {
        d = new Set(kb.reader.search(ftsPhrase(n), 200, { bm25: false }).map((x) => x.docId));
      } catch {
        d = new Set();
      }
      docsByName.set(n, d);
    }
    return d;
  };
  const mentionTexts = qMentions.map((m) => q.slice(m.start, m.end).toLowerCase().replace(/^the /, ''));
  const asksSpeech = /\b(say|said|says|think|thinks|position|stance|react|reacted|respond|responded)\b/i.test(q);
  const scored = rows.map((r) => {
    const stems = new Set(contentStems(r.text));
    const lower = r.text.toLowerCase();
    const wordHits = [...qStems].filter((w) => stems.has(w) || (SYNONYMS[w] ?? []).some((x) => [...stems].some((t) => t.startsWith(x)))).length;
    const actorHits = [...qActors].filter((a) => (sActors.get(r.id) ?? []).includes(a)).length;
    const groups = qStems.size + qActors.size;
    const coverage = groups ? (wordHits + actorHits) / groups : 0;
    // A name the question gives must be in the sentence, or in its article when the sentence has
    // every other word of the question ("the air strike on the detention centre" in the lede, the
    // centre's name in the next paragraph).
    const missing = names.filter((n) => !lower.includes(n));
    const namesOk = missing.length === 0 || (wordHits >= qStems.size - missing.length && qStems.size - missing.length >= 3 && missing.every((n) => nameDocs(n).has(r.docId)));
    const actorsOk = actorHits === qActors.size;
    // The relevance floor: most of what the question asks about, beyond the actors it names, must be
    // in the sentence ("the capital of France" is not answered by any sentence naming France).
    // A question about the sentence's own words ("what is X") needs most of them, and a relation
    // ("the capital of France") needs its two ends side by side; a question whose span says what
    // it wants (a date, a place, a person) needs one of its words.
    const floor =
      qStems.size === 0 ||
      (type === 'other' ? wordHits >= Math.ceil(qStems.size / 2) && relationHolds(kb, relation, r.text) : wordHits >= 1);
    // The asker's own words for an actor ("the Kremlin", not "Moscow") and, when they ask what
    // someone said, a sentence where someone speaks.
    const literal = mentionTexts.filter((m) => lower.includes(m)).length * 0.5;
    const speaks = asksSpeech && /\b(?:says|said|told|tweeted|added|called|warned|urged|statement)\b|[“"]/.test(r.text) ? 1 : 0;
    const score = coverage * 10 - r.rank + (r.kind === 'body' ? 0.5 : 0) + literal + speaks;
    return { r, coverage, ok: namesOk && actorsOk, floor, span: null as Span | null, score };
  });
  // Answer spans only for the few sentences that could answer: they cost more than scoring.
  // A span-typed question (an age, a number, who someone is) is held to its span instead of the floor.
  const spanTyped = type === 'age' || type === 'count' || type === 'define';
  const viable = scored
    .filter((s) => s.ok && (s.coverage >= 0.5 || (spanTyped && s.coverage >= 0.34)) && (spanTyped || s.floor))
    .sort((a, b) => b.score - a.score)
    .slice(0, type === 'define' ? 60 : 30);
  for (const s of viable) {
    s.span = extractSpan(ask, s.r.text, s.r.at, kb);
    if (s.span && type !== 'other') s.score += 4 + (s.span.fit ?? 0);
  }
  if (type === 'age') viable.push(...descriptorAges(kb, ask, new Set(viable.map((v) => v.r.id))));
  // Equal evidence: the latest report wins (a death toll rises during the day).
  const when = (at: string | null) => (at ? Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at) || 0 : 0);
  const bucket = (x: number) => Math.floor(x * 2) / 2; // scores within half a point are equal evidence
  // Who someone is: the surest construction first (an apposition over a bare rank), then relevance.
  const fitFirst = (a: { span: Span | null }, b: { span: Span | null }) => (type === 'define' ? (b.span?.fit ?? 0) - (a.span?.fit ?? 0) : 0);
  viable.sort((a, b) => fitFirst(a, b) || bucket(b.score) - bucket(a.score) || when(b.r.at) - when(a.r.at) || b.score - a.score);
  // An age or a number must be stated, not guessed from a sentence that merely names the actor.
  const good = viable.filter((s) => !spanTyped || s.span);
  const passages = toPassages(kb, good, sActors, MAX_PASSAGES);
  if (passages.length > 0) return { question: q, type, passages, closest: [] };
  // Nothing answers: the nearest sentences that share something with the question, labelled as such.
  const near = scored.filter((s) => s.coverage > 0).sort((a, b) => b.score - a.score);
  return { question: q, type, passages: [], closest: toPassages(kb, near.map((s) => ({ ...s, span: null })), sActors, MAX_CLOSEST) };
}

type Scored = { r: { id: number; text: string; docId: string; source: string; at: string | null }; span: Span | null };

function toPassages(kb: Briefing, list: Scored[], sActors: Map<number, string[]>, max: number): Passage[] {
  const passages: Passage[] = [];
  const seen = new Set<string>();
  for (const s of list) {
    if (passages.length >= max) break;
    if (seen.has(s.r.text)) continue;
    seen.add(s.r.text);
    const names = new Set((sActors.get(s.r.id) ?? []).map((a) => kb.gazetteer.actors.get(a)?.name ?? ''));
    names.delete('');
    passages.push({ id: `p${passages.length + 1}`, sentenceId: s.r.id, text: s.r.text, docId: s.r.docId, source: s.r.source, at: s.r.at, span: s.span, names: [...names] });
  }
  return passages;
}

/**
 * Ages stated by a descriptor alone ("The 46-year-old was detained…"): the sentence does not name
 * the person, the sentences before it do. Found among the sentences that state any age.
 */
function descriptorAges(kb: Briefing, ask: Asked, seen: Set<number>) {
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

/** The extractive answer from retrieved passages: a span of the best one, or the sentence itself. */
export function extractiveAnswer(ret: Retrieval): AskResult {
  const best = ret.passages[0];
  if (!best) {
    const closest = ret.closest.map((p) => ({ quote: p.text, docId: p.docId, source: p.source, at: p.at, highlight: null }));
    return { question: ret.question, answer: null, citations: [], mode: 'extractive', note: NOT_IN_CORPUS, ...(closest.length ? { closest } : {}) };
  }
  const citations: Citation[] = ret.passages.slice(0, 3).map((p) => {
    const span = p === best ? best.span : null;
    return { quote: p.text, docId: p.docId, source: p.source, at: p.at, highlight: span && span.end > span.start ? [span.start, span.end] : null };
  });
  // A span that depends on an earlier sentence ("The 46-year-old…") cites that sentence second.
  const ctx = best.span?.context;
  if (ctx && !citations.some((c) => c.quote === ctx.text)) citations.splice(1, 0, { quote: ctx.text, docId: best.docId, source: best.source, at: best.at, highlight: null });
  const answer = best.span && ret.type !== 'other' ? best.span.answer : best.text;
  return { question: ret.question, answer, citations: citations.slice(0, 3), mode: 'extractive' };
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
