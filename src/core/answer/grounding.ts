/**
 * Grounding: whether a model's answer may be shown. The model (an optional port, implemented in
 * src/llm) writes an answer from the retrieved passages and cites them with verbatim quotes; the
 * answer is shown only when every citation names a passage it was given, every quote is in that
 * passage, and every number and name in the answer is in the cited passages. Otherwise the
 * extractive answer is shown, with a note saying why. The core imports no SDK.
 */
import type { Passage, Retrieval } from './ask.js';
import { fold, isStopword, tokenize } from '../text.js';
import type { AskResult, Citation } from '../types.js';
import { formatWhen } from '../when.js';

/** A passage as the model sees it. Its text is data to answer from, never instructions. */
export interface ModelPassage {
  id: string;
  text: string;
  source: string;
  /** When the article dates the passage, e.g. "24 Jan 2019, 2:30 p.m. (UTC-4)", or "undated". */
  date: string;
}

export interface ModelRequest {
  question: string;
  passages: ModelPassage[];
}

/** A model's structured answer: its text (null: the passages do not say) and what supports it. */
export interface ModelAnswer {
  answer: string | null;
  citations: { id: string; quote: string }[];
}

/** Why a model gave no usable answer; each code has one user-facing note below. */
export type ModelFailure = 'timeout' | 'unreachable' | 'rate_limited' | 'budget' | 'invalid' | 'error';

export type ModelOutcome = { ok: true; answer: ModelAnswer } | { ok: false; code: ModelFailure; detail?: string };

/**
 * The port to an optional language model. Implementations never throw: expected failures
 * (timeout, budget, unreachable, malformed output) come back as `{ ok: false, code }`.
 */
export interface AnswerModel {
  answer(req: ModelRequest): Promise<ModelOutcome>;
}

/** How many of the retrieved passages the model reads. */
export const MODEL_PASSAGES = 6;

const FALLBACK = 'showing the extractive answer.';
const NOTES: Record<ModelFailure, string> = {
  timeout: `The model did not answer in time; ${FALLBACK}`,
  unreachable: `The model could not be reached; ${FALLBACK}`,
  rate_limited: `The model is rate-limited right now; ${FALLBACK}`,
  budget: `Today's model token budget is used up; ${FALLBACK}`,
  invalid: `The model's reply was not a valid structured answer; ${FALLBACK}`,
  error: `The model returned an error; ${FALLBACK}`,
};
const NO_ANSWER = `The model found no answer in the sources; ${FALLBACK}`;
const unsupported = (why: string) => `The model's answer was not supported by the sources (${why}); ${FALLBACK}`;

/** Ask the model, check its answer, and return it, or the extractive answer with a note. */
export async function answerWithModel(ret: Retrieval, extractive: AskResult, model: AnswerModel): Promise<AskResult> {
  const given = ret.passages.slice(0, MODEL_PASSAGES);
  let outcome: ModelOutcome;
  try {
    outcome = await model.answer({ question: ret.question, passages: given.map(toModelPassage) });
  } catch {
    outcome = { ok: false, code: 'error' };
  }
  if (!outcome.ok) return { ...extractive, note: NOTES[outcome.code] };
  const text = outcome.answer.answer === null ? '' : cleanModelText(outcome.answer.answer);
  if (!text) return { ...extractive, note: NO_ANSWER };
  const verdict = checkGrounding(text, outcome.answer.citations, given);
  if (!verdict.ok) return { ...extractive, note: unsupported(verdict.reason) };
  return { question: ret.question, answer: text, citations: verdict.citations, mode: 'llm' };
}

export function toModelPassage(p: Passage): ModelPassage {
  return { id: p.id, text: p.text, source: p.source, date: formatWhen(p.at) };
}

/**
 * Model text as it may enter a view: no mentions (@everyone, @here, <@id>, <#id>, <!here>), no
 * passage ids such as "(p2)", single spaces. Adapters escape again; this keeps the text itself clean.
 */
export function cleanModelText(s: string): string {
  return s
    .replace(/<[@#!][^>]*>/g, '')
    .replace(/@(?:everyone|here)\b/gi, '')
    .replace(/\s*[[(]\s*p\d+(?:\s*[,;]\s*p\d+)*\s*[\])]/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/[,;:]+(?=[.!?]|$)/g, '')
    .replace(/^[\s,;:.!?]+/, '')
    .trim();
}

export type GroundingVerdict = { ok: true; citations: Citation[] } | { ok: false; reason: string };

/**
 * Check an answer against the passages the model was given. Returns the citations to show (the
 * cited passages, each with the quote highlighted) or the first reason it fails.
 */
export function checkGrounding(answer: string, cites: { id: string; quote: string }[], given: Passage[]): GroundingVerdict {
  if (cites.length === 0) return { ok: false, reason: 'no citation' };
  const byId = new Map(given.map((p) => [p.id, p]));
  const cited: Passage[] = [];
  const citations: Citation[] = [];
  for (const c of cites) {
    const p = byId.get(c.id.trim());
    if (!p) return { ok: false, reason: 'citation of a passage it was not given' };
    const at = locateQuote(p.text, c.quote);
    if (!at) return { ok: false, reason: 'quote not found' };
    if (cited.includes(p)) continue;
    cited.push(p);
    citations.push({ quote: p.text, docId: p.docId, source: p.source, at: p.at, highlight: at });
  }
  // Words the answer puts in quote marks must be verbatim too: a paraphrase is never shown as a quote.
  for (const m of answer.matchAll(/[“"]([^”"]{2,})[”"]/g)) {
    if (!cited.some((p) => locateQuote(p.text, m[1] ?? ''))) return { ok: false, reason: 'quote not found' };
  }
  // What the answer may state: the cited passages, their outlets and dates, and the full names of
  // the actors they mention (the knowledge base knows "Smith" is "Jane Smith").
  const support = cited.map((p) => `${p.text}\n${p.source}\n${dateWords(p.at)}\n${p.names.join('\n')}`).join('\n');
  const nums = numbersIn(support);
  for (const n of numbersIn(answer)) {
    if (!nums.some((s) => s.value === n.value && (!n.unit || !s.unit || s.unit === n.unit) && (!n.cur || !s.cur || s.cur === n.cur))) {
      return { ok: false, reason: `number "${n.text}" not in the cited passages` };
    }
  }
  const words = new Set(tokenize(support).map((t) => t.norm));
  for (const name of namesIn(answer)) {
    if (!hasWord(words, name.norm)) return { ok: false, reason: `name "${name.raw}" not in the cited passages` };
  }
  return { ok: true, citations };
}

// ------------------------------------------------------------------ quotes

const QUOTE_CHARS: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"' };

/** Whitespace collapsed and curly quotes straightened, with each output char's index in `s`. */
function normQuote(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (/\s/.test(c)) {
      if (text && !text.endsWith(' ')) {
        text += ' ';
        map.push(i);
      }
      continue;
    }
    text += QUOTE_CHARS[c] ?? c;
    map.push(i);
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    map.pop();
  }
  return { text, map };
}

/** Where `quote` stands verbatim in `passage` (whitespace and quote styles aside), or null. */
export function locateQuote(passage: string, quote: string): [number, number] | null {
  const p = normQuote(passage);
  let q = normQuote(quote).text;
  // A quote the model wrapped in quote marks of its own still counts.
  if (!p.text.includes(q) && /^["'].*["']$/.test(q)) q = q.slice(1, -1).trim();
  if (q.replace(/\W/g, '').length < 3) return null;
  const i = p.text.indexOf(q);
  if (i < 0) return null;
  return [p.map[i] as number, (p.map[i + q.length - 1] as number) + 1];
}

// ------------------------------------------------------------------ numbers

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const UNITS: Record<string, string> = {
  thousand: 'thousand', million: 'million', mn: 'million', mln: 'million', billion: 'billion', bn: 'billion', trillion: 'trillion',
  percent: 'percent', '%': 'percent', second: 'second', minute: 'minute', hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year',
};
const CURRENCY = new Set(['$', '€', '£', '¥']);

interface Num {
  text: string;
  value: number;
  /** A scale or unit right after it: "billion", "hour", "percent". */
  unit?: string;
  /** A currency sign right before it. */
  cur?: string;
}

function unitOf(tok: string | undefined): string | undefined {
  if (!tok) return undefined;
  return UNITS[tok] ?? (tok.endsWith('s') ? UNITS[tok.slice(0, -1)] : undefined);
}

/**
 * Numbers in a text with their unit and currency: "$65 billion", "72 hours", "35-year-old",
 * "7,000", "a dozen". "one" is left out: it is a pronoun as often as a number.
 */
export function numbersIn(text: string): Num[] {
  const norm = fold(text)
    .toLowerCase()
    .replace(/[-‐‑–—/]/g, ' ')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/\bper cent\b/g, 'percent');
  const toks = [...norm.matchAll(/[$€£¥%]|\d+(?:\.\d+)?\p{L}*|\p{L}[\p{L}\d']*/gu)].map((m) => m[0]);
  const out: Num[] = [];
  toks.forEach((tok, i) => {
    let value: number | undefined;
    let unit: string | undefined;
    const m = /^(\d+(?:\.\d+)?)(\p{L}*)$/u.exec(tok);
    if (m) {
      const suffix = m[2] ?? '';
      if (suffix && !UNITS[suffix] && !/^(?:st|nd|rd|th|s)$/.test(suffix)) return; // "g20" is a word
      value = Number(m[1]);
      unit = UNITS[suffix];
    } else if (tok in NUMBER_WORDS) {
      value = NUMBER_WORDS[tok];
    }
    if (value === undefined) return;
    unit ??= unitOf(toks[i + 1]);
    const prev = toks[i - 1];
    out.push({ text: tok, value, unit, cur: prev && CURRENCY.has(prev) ? prev : undefined });
  });
  return out;
}

// ------------------------------------------------------------------ names

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A passage's date in the words an answer may use: "24 Jan 2019, 2:30 p.m. January Thursday". */
function dateWords(at: string | null): string {
  const m = at ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(at) : null;
  if (!m) return '';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null];
  const weekday = d ? WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()] : '';
  return `${formatWhen(at)} ${LONG_MONTHS[mo - 1] ?? ''} ${weekday}`;
}

/** Common words that open sentences with a capital; anywhere else a capital marks a name. */
const OPENERS = new Set(
  'according although because both despite during earlier even however instead later many meanwhile neither none nor several since still though today unclear unknown until while yes yesterday'.split(' '),
);

/**
 * Proper names in an answer: capitalised words not at the start of a sentence (and, at the start,
 * those that are not common sentence openers). Stopwords ("The", "He") are never names.
 */
export function namesIn(text: string): { raw: string; norm: string }[] {
  const toks = tokenize(text);
  const out: { raw: string; norm: string }[] = [];
  let prevEnd = 0;
  toks.forEach((t, i) => {
    const gap = text.slice(prevEnd, t.start);
    prevEnd = t.end;
    if (!/^\p{Lu}/u.test(t.raw) || isStopword(t.norm)) return;
    const start = i === 0 || /[.!?]["'”’)\]]*\s+["'“‘([]*$/.test(gap) || gap.includes('\n');
    if (start && OPENERS.has(t.norm)) return;
    out.push({ raw: t.raw, norm: t.norm });
  });
  return out;
}

/** A name is supported by the same word, or a close form of it ("Ruritanian" by "Ruritania"). */
function hasWord(words: Set<string>, w: string): boolean {
  if (words.has(w)) return true;
  for (const s of words) {
    const [short, long] = s.length < w.length ? [s, w] : [w, s];
    if (short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3) return true;
  }
  return false;
}
