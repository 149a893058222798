/**
 * Answer spans: the part of a sentence that answers the question — an age tied to the person asked
 * about, the quantity a number question wants (counts-asked.ts), who someone is, a date, a place,
 * a person who did something (doers.ts).
 */
import type { Briefing } from '../briefing.js';
import { findDates } from '../read/dates.js';
import { fold, stem, tokenize } from '../text.js';
import { formatWhen } from '../when.js';
import { variants } from './words.js';
import { agesIn } from './ages.js';
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
export function personsIn(kb: Briefing, text: string): { start: number; end: number }[] {
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

/**
 * Of several dates in a sentence, the one nearest the question's own words: "called a strike on
 * Monday and said protesters would march on parliament on Saturday" answers "When will they march?"
 * with Saturday. Without those words, the first date.
 */
function nearestDate<D extends { start: number; end: number }>(dates: D[], text: string, qStems: Set<string>): D | undefined {
  if (dates.length < 2) return dates[0];
  const at: number[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = stem(m[0].toLowerCase());
    if (qStems.has(w) || [...qStems].some((q) => q.length >= 4 && w.startsWith(q))) at.push(m.index ?? 0);
  }
  if (at.length === 0) return dates[0];
  const distance = (d: D) => Math.min(...at.map((p) => (p < d.start ? d.start - p : p > d.end ? p - d.end : 0)));
  return dates.reduce((best, d) => (distance(d) < distance(best) ? d : best));
}

/**
 * Whether a date names the day of what the question asks about: right before its word ("the
 * October 10 presidential election") or right after it ("the election on October 10", "the vote
 * held on Sunday"), not anywhere in the sentence ("sworn in on Thursday, three weeks after an election").
 */
function dateOf(d: { start: number; end: number }, text: string, qStems: Set<string>): boolean {
  // Only the question's own content words of four letters or more: "two" or "men" name no act.
  const asked = [...qStems].filter((q) => q.length >= 4 && !/\d/.test(q));
  const isAsked = (w: string) => {
    const st = stem(w.toLowerCase());
    // Either stem may be the longer: "dissolve" asked, "dissolved" stems to "dissolv".
    return asked.some((q) => st === q || st.startsWith(q) || (st.length >= 5 && q.startsWith(st)));
  };
  const after = /^\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(text.slice(d.end, d.end + 40));
  if (after && [after[1], after[2]].some((w) => w !== undefined && isAsked(w))) return true;
  const before = /([\p{L}-]+)\s+(?:(?:held|set|scheduled|planned)\s+)?(?:on|of|for)\s+(?:the\s+)?$/u.exec(text.slice(Math.max(0, d.start - 40), d.start));
  if (before?.[1] !== undefined && isAsked(before[1])) return true;
  // The asked act as a past-tense verb earlier in the clause: "Ilario dissolved Congress and
  // suspended parts of the constitution on Sunday" (not "struck down the decree dissolving Congress").
  const clause = text.slice(Math.max(0, d.start - 90), d.start);
  const start = Math.max(clause.lastIndexOf(';'), clause.lastIndexOf(':'), clause.lastIndexOf(', '));
  return [...clause.slice(start + 1).matchAll(/\p{L}+ed\b/gu)].some((m) => isAsked(m[0]));
}

/**
 * "The White House disclosed on Friday that Trump had spoken with Haftar": the date is the report's,
 * and the act it reports came before it, on a day the sentence does not give.
 */
function reportedEarlier(d: { end: number }, text: string, qStems: Set<string>): boolean {
  const after = text.slice(d.end);
  const m = /\bthat\b[^.;]{0,80}?\bhad\s+(\p{L}+)(?:\s+(\p{L}+))?/iu.exec(after);
  if (!m?.[1]) return false;
  // The verb after "had", or after "had already", "had also": a form of the question's own verb.
  return [m[1], m[2]].some((word) => {
    const w = stem((word ?? '').toLowerCase());
    return w.length >= 3 && [...qStems].some((q) => q.length >= 3 && (w.startsWith(q) || variants(q).some((v) => w.startsWith(v))));
  });
}

/** A day given by the sentence before: "The same day, the junta closed the border." */
const SAME_DAY = /\b(?:the same day|that same day|that day|later that day|earlier that day|that (?:morning|afternoon|evening|night))\b/i;
/** A day relative to one the text does not give here: "the next day", "weeks earlier". */
const OTHER_DAY = /\b(?:the (?:next|following|previous) (?:day|morning|evening|week)|the day (?:before|after)|a day (?:later|earlier)|(?:days|weeks|months|hours) (?:later|earlier))\b/i;

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
  if (type === 'when') {
    const dates = findDates(text, at ?? '2000-01-01');
    // "When will the trial open?" of "on Tuesday charged two men …, and set their trial for September 14".
    const ahead = ask.ahead ? dates.filter((x) => x.future) : [];
    // "When will he be sworn in?" is not answered by the day he was sworn in as interim leader.
    if (ask.ahead && dates.length > 0 && ahead.length === 0) return null;
    const d = nearestDate(ahead.length ? ahead : dates, text, qStems);
    if (d && reportedEarlier(d, text, qStems)) return null;
    // A date the sentence states beats the day it was reported.
    if (d && at) return { answer: formatWhen(d.value), start: d.start, end: d.end, fit: dateOf(d, text, qStems) ? 2 : 1 };
    if (!d && at && sentenceId !== undefined) {
      // "Rebels attacked a barracks on Wednesday. The same day, the junta closed the border.": the
      // day is the previous sentence's; "the next day", "weeks earlier" name a day the text does not give.
      if (SAME_DAY.test(text)) {
        const prev = kb.reader.sentencesBefore(sentenceId, 1)[0];
        const pd = prev ? findDates(prev.text, at) : [];
        const last = pd[pd.length - 1];
        return last ? { answer: formatWhen(last.value), start: 0, end: 0, fit: 1, context: { sentenceId: prev?.id ?? 0, text: prev?.text ?? '' } } : null;
      }
      if (OTHER_DAY.test(text)) return null;
    }
    // What is due ("When is the vote?") is not the day a report was written.
    if (ask.stated) return null;
    if (at) return { answer: formatWhen(at), start: 0, end: 0 };
  }
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
