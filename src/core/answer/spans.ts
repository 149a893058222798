/**
 * Answer spans: the part of a sentence that answers the question — an age tied to the person asked
 * about, the quantity a number question wants, who someone is, a date, a place, a person.
 */
import type { Briefing } from '../briefing.js';
import { findDates } from '../read/dates.js';
import { findFigures } from '../read/figures.js';
import { contentStems, DATELINE, fold, stem, tokenize } from '../text.js';
import { formatWhen } from '../when.js';
import { variants } from './words.js';
import { agesIn } from './ages.js';
import { findQuantities, type Quantity } from './numbers.js';
import type { ParsedQuestion, Want } from './question.js';
import { describe as describePerson } from './roles.js';

const TITLE_WORD = /\b(?:President|Minister|Ambassador|Secretary|Spokes(?:man|woman|person)|Chief|Leader|General|Chancellor|Speaker|Governor|Senator|Envoy|Commander|Chairman|Chairwoman|Director|Coordinator|Pope|King|Queen)\b/i;

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

/** What happens to people in the news, for telling one count from another. */
const EVENT_VERB = /^(?:kill|died|dead|wound|injur|arrest|detain|displac|fled|flee|cross|evacuat|rescu|abduct|kidnap|releas|freed|jail|sentenc|execut|miss)/;
/** Stems of tallies and tolls, which may answer a count of people ("328 votes", "25 dead"). */
const TALLY = new Set(['vot', 'dead', 'death', 'kill']);
/** Words for people: "120 men" may answer "how many migrants", "two planes" never answers "how many troops". */
const HUMAN = /^(?:people|person|men|man|women|woman|child|civilian|migrant|refuge|soldi|troop|fighter|protest|demonstr|resident|citizen|worker|deput|lawmaker|official|diplomat|prisoner|detaine|officer|member|voter|student|journalist|supporter|activist|minister|senator|general|memb)/;
const isHuman = (stems: string[]) => stems.some((w) => HUMAN.test(w));
/** Units of mass and volume, for "how much X" of something that is not money. */
const MEASURE = /^(?:kilogram|kg|gram|tonne|ton|barrel|litre|liter|gallon|cubic|pound|ounce)/;

/** Words of a change up or down, next to a percentage: "sending prices up 18%", "fell 22%". */
const UP = /\b(?:up|rise|rises|rose|risen|rising|increase[sd]?|higher|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|gain(?:ed|s)?|grew|grown|grow(?:s|ing)?|surge[sd]?|soar(?:ed|s|ing)?)\b/i;
const DOWN = /\b(?:down|fall|falls|fell|fallen|falling|drop(?:ped|s|ping)?|decline[sd]?|lower|slump(?:ed|s)?|plunge[sd]?|slid|tumble[sd]?|lost|loss)\b/i;

/** Whether the change next to a quantity went the other way from the one asked about. */
function againstDirection(x: Quantity, ask: Asked, text: string): boolean {
  const dir = ask.q.direction;
  if (!dir) return false;
  const around = text.slice(Math.max(0, x.start - 40), Math.min(text.length, x.nounEnd + 15));
  const [same, other] = dir === 'up' ? [UP, DOWN] : [DOWN, UP];
  return !same.test(around) || other.test(around);
}

/** A figure that is no length: a sum, or people. */
const NO_LENGTH = /[$€£¥]|\b(?:million|billion|people|troops|soldiers|protesters|demonstrators|refugees|migrants|workers|civilians|officers|citizens|residents|lawmakers|diplomats|killed|dead|deaths|died)\b/i;
/** A war by any of its words (stems). */
const WAR = /^(?:war|warfare|conflict|fight|hostil)/;
/** After a duration, what it is of: "14 months of fighting", "three years of war". */
const DURATION_OF = /^\s+of\s+(\p{L}+)/u;
/** Whether a duration is of something the question does not ask about ("14 months of fighting" for "How long is the ceasefire?"). */
function durationOfOther(after: string, qStems: Set<string>): boolean {
  const of = DURATION_OF.exec(after)?.[1]?.toLowerCase();
  if (!of || !(/ing$/.test(of) || WAR.test(of))) return false;
  const st = stem(of);
  return !qStems.has(st) && !(WAR.test(st) && [...qStems].some((w) => WAR.test(w)));
}

/** How well a quantity answers a "how many / how much / how long" question. */
function quantityFit(x: Quantity, ask: Asked, text: string): number {
  const k = x.kind;
  // A change asked about in one direction: a figure of the other (or of none) does not answer it.
  if (againstDirection(x, ask, text)) return -10;
  let s = 0;
  const want: Want = ask.q.want;
  if (want === 'duration') s += k === 'duration' ? 4 : k === 'since' ? 2 : k === 'distance' ? 1 : -4;
  else if (want === 'distance') s += k === 'distance' ? 4 : -4;
  else if (want === 'percent') s += k === 'percent' ? 4 : -4;
  else if (want === 'money') s += k === 'money' ? 4 : k === 'count' ? -1 : -4;
  else if (want === 'amount') s += k === 'count' ? 2 : -2;
  else if (k === 'count') s += 2;
  else s -= 3;
  // "14 months of fighting" is how long the fighting (or a war) lasted, not a ceasefire.
  if (want === 'duration' && k === 'duration' && durationOfOther(text.slice(x.nounEnd, x.nounEnd + 30), ask.qStems)) return -10;
  // What it counts: "145 LNA soldiers" for "How many LNA soldiers…".
  const nounStems = x.noun.map((w) => stem(fold(w).toLowerCase().replace(/['’]s$/, '')));
  const hits = ask.q.noun.filter((n) => nounStems.includes(n) || (n === 'people' && nounStems.some((w) => /^(?:person|civilian|resident|citizen)/.test(w)))).length;
  // "38 abstentions" counts what "How many countries abstained?" asks happened.
  const evHit = nounStems.some((w) => ask.event?.some((e) => e.length >= 4 && (w.startsWith(e) || variants(e).some((v) => w.startsWith(v)))));
  if (hits) s += 2 + hits;
  else if (evHit && want === 'count') s += 4;
  // "about 410 kilograms": a unit of measure is what "how much uranium" measures.
  else if (want === 'amount' && nounStems.length && MEASURE.test(nounStems[0] ?? '')) s += 2;
  else if (ask.q.noun.length && x.noun.length && (want === 'count' || want === 'amount')) {
    // "two planes" does not answer "how many troops"; a tally or a toll ("328 votes", "25 dead")
    // may answer a count of people.
    s -= nounStems.some((w) => TALLY.has(w)) || (isHuman(nounStems) && isHuman(ask.q.noun)) ? 1 : 3;
    // "How many Dutch nationals …" narrows the group: "the 298 people on board" counts them all.
    if (ask.q.noun.filter((n) => !/^(?:of|the|a|an|all|those|these)$/.test(n)).length >= 2) s -= 5;
  }
  // The question's other words near it.
  const near = contentStems(text.slice(Math.max(0, x.start - 60), Math.min(text.length, x.nounEnd + 60)));
  s += Math.min(2, near.filter((w) => ask.qStems.has(w)).length * 0.5);
  // What happened to what it counts, right after it: "100,000 have fled abroad" answers "How many
  // fled?"; "600 people have been killed" does not.
  if (ask.event?.length && (want === 'count' || want === 'amount')) {
    const afterText = text.slice(x.nounEnd, Math.min(text.length, x.nounEnd + 30));
    // "killed 9,000 people and displaced 1.2 million": a verb after "and" is the subject's next act, not this count's.
    const verbs = /^\s*,?\s*(?:and|or|but|while)\b/i.test(afterText) ? [] : contentStems(afterText);
    const asked = (w: string) => ask.event?.some((e) => w.startsWith(e) || variants(e).some((v) => w.startsWith(v)));
    // The verb the count is the object of: "displaced 1.2 million", "freed 250 rebel fighters".
    const object = /(\p{L}+)\s+(?:(?:more than|at least|about|around|some|nearly|almost|over|up to|roughly)\s+)?$/iu.exec(text.slice(Math.max(0, x.start - 30), x.start))?.[1];
    const verbBefore = object ? stem(object.toLowerCase()) : null;
    if (verbs.some(asked) || (verbBefore && asked(verbBefore))) s += 3;
    else if (verbs.some((w) => EVENT_VERB.test(w)) || (verbBefore && EVENT_VERB.test(verbBefore))) s -= 2;
  }
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
    // A percentage answers only "what share": "cap enrichment at 20 per cent" is not how much uranium there is.
    // Nor is a toll, a sum or a number of people ("9,000 people") how long something lasts.
    const scored = figs.filter((f) => !/%|\bper ?cent\b/i.test(f.value) && !(ask.q.want === 'duration' && NO_LENGTH.test(f.value))).map((f) => ({ f, s: contentStems(text.slice(f.start, Math.min(text.length, f.end + 40))).filter((w) => ask.qStems.has(w)).length }));
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
    return asked.some((q) => st === q || st.startsWith(q));
  };
  const after = /^\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(text.slice(d.end, d.end + 40));
  if (after && [after[1], after[2]].some((w) => w !== undefined && isAsked(w))) return true;
  const before = /([\p{L}-]+)\s+(?:(?:held|set|scheduled|planned)\s+)?(?:on|of|for)\s+(?:the\s+)?$/u.exec(text.slice(Math.max(0, d.start - 40), d.start));
  return before?.[1] !== undefined && isAsked(before[1]);
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
  if (type === 'who') {
    // "UNITED NATIONS (Harbor Wire) — …": where the reporter files from acts in nothing.
    const filedFrom = DATELINE.exec(text)?.[0].length ?? 0;
    const ms = kb.gazetteer.match(tokenize(text)).filter((m) => m.start >= filedFrom && !qActors.has(m.actorId) && !kb.gazetteer.arena.has(m.actorId));
    const people = ms.filter((m) => kb.gazetteer.actors.get(m.actorId)?.kind === 'person');
    // A side's leader named by name ("President Elias Dembo") is a person too.
    const leaders = ask.q.role ? personsIn(kb, text).filter((p) => !people.some((m) => m.start === p.start)) : [];
    if (ask.q.role) {
      // "Who is the British ambassador?": the person next to the role ("Britain's ambassador, Helen
      // Marsh,", "President Elias Dembo"), never a country or another person further off.
      const roleAt = (m: { start: number; end: number }) => {
        const near = text.slice(Math.max(0, m.start - 40), Math.min(text.length, m.end + 40));
        return contentStems(near).some((w) => qStems.has(w));
      };
      const p = people.find(roleAt);
      if (p) return { answer: kb.gazetteer.actors.get(p.actorId)?.name ?? text.slice(p.start, p.end), start: p.start, end: p.end };
      const l = leaders.find(roleAt);
      return l ? { answer: text.slice(l.start, l.end), start: l.start, end: l.end } : null;
    }
    if (ask.q.act) {
      // Only who did the act: an actor before its verb, or its agent ("by X"); "It recognizes Y,
      // who vowed to remove X" says nothing of who recognised Y, so it names no one.
      const at = actAt(text, ask.q.act);
      if (at >= 0) {
        // The verb's subject: the nearest actor before it with nothing but a title, an apposition,
        // adverbs or a time between ("The Reval Union on Monday vetoed"), then the list it heads
        // ("Egypt and Kenya urged"); "a patrol boat seized on Friday" has none.
        const before = ms.filter((m) => m.end <= at);
        let k = before.length - 1;
        while (k >= 0 && !SUBJECT_GAP.test(text.slice((before[k] as (typeof ms)[number]).end, at))) k--;
        while (k > 0 && /^\s*(?:,|and|,\s*and)\s*$/.test(text.slice((before[k - 1] as (typeof ms)[number]).end, (before[k] as (typeof ms)[number]).start))) k--;
        const agent = ms.find((m) => m.start >= at && /^\S*\s+by\s+(?:the\s+)?$/i.test(text.slice(at, m.start)));
        const p = k >= 0 ? (titledBy(before.slice(k), text) ?? before[k]) : agent;
        return p ? { answer: actorAsWritten(kb, p, text), start: p.start, end: p.end } : null;
      }
    }
    const person = people[0] ?? titledBy(ms, text) ?? ms[0];
    if (person) return { answer: actorAsWritten(kb, person, text), start: person.start, end: person.end };
  }
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

/**
 * The name to answer with for a mention: the actor's full name ("Dembo" -> "Elias Dembo"),
 * except a side named other than by its leader ("The Reval Union denied …"): a side's actor bears
 * its leader's name, and the act was the state's, so the answer is the side as the text names it.
 */
function actorAsWritten(kb: Briefing, m: { actorId: string; start: number; end: number }, text: string): string {
  const written = text.slice(m.start, m.end);
  const def = kb.gazetteer.actors.get(m.actorId);
  if (!def) return written;
  if (def.kind !== 'side') return def.name;
  return namesLeader(kb, m, text) ? def.name : written;
}

/**
 * What may stand between a subject and its verb: a possessive title ("'s prime minister"), an
 * apposition between commas, adverbs, auxiliaries and a time ("on Monday", "late Tuesday").
 */
const SUBJECT_GAP = /^(?:['’]s?(?:\s+[\p{Ll}-]+){1,3})?(?:\s*,[^,;]{1,80},)?(?:\s+(?:also|later|then|reportedly|allegedly|swiftly|quickly|formally|officially|jointly|already|again|once|never|not|itself|has|have|had|was|were|is|are|will|would|could|did|does|do|been|on|in|at|last|this|early|late|earlier|\p{Lu}\p{Ll}+|\d{1,4}(?:st|nd|rd|th)?))*\s*$/u;

/** Where a word of the stem `act` stands in the text (a verb of the question: "recogni" finds "recognizes"), or -1. */
function actAt(text: string, act: string): number {
  for (const m of text.matchAll(/[\p{L}'’-]+/gu)) {
    const w = fold(m[0]).toLowerCase();
    // A short stem ("den" of "denied") must be the word's own stem: "Denmark" is no denial.
    if (w.length >= 3 && (stem(w) === act || (act.length >= 4 && (w.startsWith(act) || variants(act).some((v) => w.startsWith(v)))))) return m.index ?? 0;
  }
  return -1;
}

/**
 * "Revalian President Dmitar Koval said …": a demonym opening a title before a named actor describes
 * that actor, who is the one who acted.
 */
function titledBy<M extends { via: string; start: number; end: number }>(ms: M[], text: string): M | undefined {
  const [first, next] = ms;
  if (!first || !next || first.via !== 'demonym') return undefined;
  return /^(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}\s+$/u.test(text.slice(first.end, next.start)) ? next : undefined;
}

/** Whether a side's mention names its leader (a word of the leader's name), not the side's other names. */
function namesLeader(kb: Briefing, m: { actorId: string; start: number; end: number }, text: string): boolean {
  const def = kb.gazetteer.actors.get(m.actorId);
  if (def?.kind !== 'side') return false;
  const leader = new Set(tokenize(def.name).map((t) => t.norm));
  return tokenize(text.slice(m.start, m.end)).some((t) => leader.has(t.norm));
}
