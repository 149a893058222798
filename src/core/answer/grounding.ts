/**
 * Grounding: whether a model's answer may be shown. The model (an optional port, implemented in
 * src/llm) writes an answer from the retrieved passages and cites them with verbatim quotes; the
 * answer is shown only when every citation names a passage it was given, every quote is in that
 * passage, every number and name in the answer is in the cited passages, and no claim reverses
 * who did what to whom in the cited sentence. Otherwise the extractive answer is shown, with a
 * note saying why. The core imports no SDK.
 */
import type { Passage, Retrieval } from './ask.js';
import { claimsIn, contradiction, type NameSpan } from './grounding-claims.js';
import { numbersIn, sameNumber } from './grounding-numbers.js';
import { isStopword, normKey, type Token, tokenize } from '../text.js';
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

/**
 * The knowledge base's names (actors, their aliases, people), found in a text in any case, so a
 * lower-case "mexico" is a name too. Optional: without it only capitalised words are names.
 */
export interface NameLexicon {
  /** Mentions of known actors: character offsets, the actor's id, and every name it goes by. */
  mentions(text: string): { start: number; end: number; key: string; names: string[] }[];
}

export { numbersIn } from './grounding-numbers.js';

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
export async function answerWithModel(ret: Retrieval, extractive: AskResult, model: AnswerModel, lexicon?: NameLexicon): Promise<AskResult> {
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
  const verdict = checkGrounding(text, outcome.answer.citations, given, lexicon);
  if (!verdict.ok) return { ...extractive, note: unsupported(verdict.reason) };
  return { question: ret.question, answer: text, citations: verdict.citations, mode: 'llm' };
}

export function toModelPassage(p: Passage): ModelPassage {
  return { id: p.id, text: p.text, source: p.source, date: formatWhen(p.at) };
}

/**
 * Model text as it may enter a view: no links (a markdown `[text](url)` keeps its text, a Slack
 * `<url|text>` too, a bare or `<…>` URL goes), no mentions (@everyone, @here, <@id>, <#id>,
 * <!here>), no passage ids such as "(p2)", single spaces. Adapters escape again; this keeps the
 * text itself clean. Linear: every pattern is bounded by a delimiter it cannot contain.
 */
export function cleanModelText(s: string): string {
  return s
    .replace(/!?\[([^\[\]\n]{0,300})\]\([^()\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g, '$1')
    .replace(/<(?:https?|ftp|mailto|tel|javascript|data|steam|discord|slack)[^<>|\s]{0,2000}\|([^<>]{0,300})>/gi, '$1')
    .replace(/<?\b(?:[a-z][a-z0-9+.-]{1,20}:\/\/|www\.)(?:[^\s<>]{0,2000}[^\s<>.,;:!?)\]'"])?>?/gi, '')
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
export function checkGrounding(answer: string, cites: { id: string; quote: string }[], given: Passage[], lexicon?: NameLexicon): GroundingVerdict {
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
  // Words the answer puts in quote marks of any style must be verbatim: a paraphrase is never shown as a quote.
  for (const q of quotedIn(answer)) {
    if (!cited.some((p) => locateQuote(p.text, q))) return { ok: false, reason: 'quote not found' };
  }
  // Numbers come from the cited passages' own text (a date's numbers may also come from their dates),
  // with the same scale, and the unit and currency the answer gives.
  const textNums = cited.flatMap((p) => numbersIn(p.text));
  const dateNums = cited.flatMap((p) => numbersIn(dateWords(p.at)));
  for (const n of numbersIn(answer)) {
    if (!textNums.some((s) => sameNumber(n, s)) && !(n.dateish && dateNums.some((s) => sameNumber(n, s)))) {
      return { ok: false, reason: `number "${n.text}" not in the cited passages` };
    }
  }
  // Names: the cited passages, their outlets and dates, and the full names of the actors they
  // mention (the knowledge base knows "Smith" is "Jane Smith", and "U.S." is the United States),
  // compared case-insensitively.
  const support = cited.map((p) => `${p.text}\n${p.source}\n${dateWords(p.at)}\n${p.names.join('\n')}`).join('\n');
  const answerNames = lexicon ? lexicon.mentions(answer) : [];
  const supportKeys = new Set(lexicon ? lexicon.mentions(support).map((m) => m.key) : []);
  const supportText = ` ${normKey(support)} `;
  const supported = answerNames.filter((m) => supportKeys.has(m.key) || m.names.some((n) => normKey(n) && supportText.includes(` ${normKey(n)} `)));
  const words = new Set(tokenize(support).map((t) => t.norm));
  for (const name of capitalised(answer)) {
    if (supported.some((m) => name.start >= m.start && name.end <= m.end)) continue;
    if (!hasWord(words, name.norm)) return { ok: false, reason: `name "${name.raw}" not in the cited passages` };
  }
  for (const m of answerNames) {
    if (!supported.includes(m)) return { ok: false, reason: `name "${answer.slice(m.start, m.end)}" not in the cited passages` };
  }
  // Who did what to whom: the answer may not swap the two actors' roles or reverse a negation.
  const claims = claimsIn(answer, nameSpans(answer, answerNames));
  if (claims.length > 0) {
    const stated = cited.flatMap((p) => claimsIn(p.text, nameSpans(p.text, lexicon ? lexicon.mentions(p.text) : [])));
    const why = contradiction(claims, stated);
    if (why) return { ok: false, reason: `${why} from the cited passage` };
  }
  return { ok: true, citations };
}

/** Known names and capitalised words as the actors of claims; a known name's key is its actor. */
function nameSpans(text: string, known: { start: number; end: number; key: string }[]): NameSpan[] {
  const spans: NameSpan[] = known.map((m) => ({ start: m.start, end: m.end, key: m.key }));
  for (const t of capitalised(text)) {
    if (!spans.some((s) => t.start < s.end && t.end > s.start)) spans.push({ start: t.start, end: t.end, key: t.norm });
  }
  return spans;
}

// ------------------------------------------------------------------ quotes

const QUOTE_CHARS: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '‹': "'", '›': "'", '`': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"', '「': '"', '」': '"', '『': '"', '』': '"',
};

/**
 * What an answer puts in quote marks of any style: “…”, "…", ‘…’, '…', «…», ‹…›, „…“, `…`,
 * 「…」. Single quotes count only as a pair around words ("the 'legitimate' leader"), never as
 * apostrophes ("Smith's", "protesters' demands"). Each pattern stops at its closing mark: linear.
 */
export function quotedIn(text: string): string[] {
  const out: string[] = [];
  const pairs = [/[“"„‟]([^“”"„‟\n]{2,})[”"“]/g, /«\s?([^«»\n]{2,}?)\s?»/g, /‹([^‹›\n]{2,})›/g, /`+([^`\n]{2,})`+/g, /[「『]([^「」『』\n]{2,})[」』]/g];
  for (const re of pairs) for (const m of text.matchAll(re)) out.push(m[1] ?? '');
  for (const m of text.matchAll(/(?:^|(?<=[\s(\[—–-]))['‘](?=[^\s'‘’])([^'‘’\n]{2,}?)(?<=[^\s'‘’])['’](?=$|[\s.,;:!?)\]—–-])/g)) out.push(m[1] ?? '');
  return out.filter((q) => /\p{L}|\p{N}/u.test(q));
}

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

// ------------------------------------------------------------------ names

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A passage's date in the words an answer may use: "24 Jan 2019, 2:30 p.m. January Thursday". */
function dateWords(at: string | null): string {
  const m = at ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(at) : null;
  if (!m) return '';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null];
  const weekday = d ? WEEKDAY_NAMES[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()] : '';
  return `${formatWhen(at)} ${LONG_MONTHS[mo - 1] ?? ''} ${weekday}`;
}

/** Common words that open sentences with a capital; anywhere else a capital marks a name. */
const OPENERS = new Set(
  'according although because both despite during earlier even however instead later many meanwhile neither none nor several since still though today unclear unknown until while yes yesterday'.split(' '),
);

/** Capitalised tokens that are names: not stopwords, not a common word opening a sentence. */
function capitalised(text: string): Token[] {
  const toks = tokenize(text);
  const out: Token[] = [];
  let prevEnd = 0;
  toks.forEach((t, i) => {
    const gap = text.slice(prevEnd, t.start);
    prevEnd = t.end;
    if (!/^\p{Lu}/u.test(t.raw) || isStopword(t.norm)) return;
    const start = i === 0 || /[.!?]["'”’)\]]*\s+["'“‘([]*$/.test(gap) || gap.includes('\n');
    if (start && OPENERS.has(t.norm)) return;
    out.push(t);
  });
  return out;
}

/**
 * Proper names in an answer: capitalised words not at the start of a sentence (and, at the start,
 * those that are not common sentence openers). Stopwords ("The", "He") are never names.
 */
export function namesIn(text: string): { raw: string; norm: string }[] {
  return capitalised(text).map((t) => ({ raw: t.raw, norm: t.norm }));
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
