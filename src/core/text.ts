/** Tokens with offsets into the original text, accent- and punctuation-folded for matching. */

export interface Token {
  /** The token as written (without a possessive 's). */
  raw: string;
  /** Accents folded, dots removed, case kept: "U.S." -> "US", "Díaz" -> "Diaz". */
  cased: string;
  /** `cased` lower-cased: the matching key. */
  norm: string;
  start: number;
  end: number;
  /** Followed by a possessive 's / ’s. */
  poss: boolean;
}

const UPPER_START = /^\p{Lu}/u;

/** Whether `s` starts with an upper-case letter: an ASCII first character is read without a regex (run for every token). */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(s);
}

/** Fold accents: "Díaz" -> "Diaz", "Zoë" -> "Zoe". */
export function fold(s: string): string {
  // Most text is ASCII: skip Unicode normalisation when there is nothing to fold.
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

const TOKEN = /[\p{L}\p{N}@#]+(?:[.'’][\p{L}\p{N}]+)*\.?/gu;
const ABBREV = /^(?:\p{L}\.){2,}$/u;
/** The same two patterns for ASCII text, where \p{L} is [A-Za-z] and \p{N} is [0-9]: without the Unicode flag V8 runs them several times faster. */
const TOKEN_ASCII = /[A-Za-z0-9@#]+(?:[.'][A-Za-z0-9]+)*\.?/g;
const ABBREV_ASCII = /^(?:[A-Za-z]\.){2,}$/;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Split text into word tokens. Hyphens and slashes separate tokens; "U.S." stays one token;
 * a trailing period is kept only on abbreviations like "U.S.".
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Most sentences are plain ASCII: then no token needs accent folding.
  const ascii = ASCII.test(text);
  const re = ascii ? TOKEN_ASCII : TOKEN;
  const abbrev = ascii ? ABBREV_ASCII : ABBREV;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let raw = m[0];
    const start = m.index;
    const dotted = raw.includes('.');
    if (dotted && raw.endsWith('.') && !abbrev.test(raw)) raw = raw.slice(0, -1);
    let poss = false;
    const last = raw.charCodeAt(raw.length - 1);
    if (raw.length > 2 && (last === 115 || last === 83) && (raw[raw.length - 2] === "'" || raw[raw.length - 2] === '’') && !(dotted && abbrev.test(raw))) {
      raw = raw.slice(0, -2);
      poss = true;
    } else if (last === 39 || last === 0x2019) {
      // A trailing ' or ’ (character codes: this runs for every token).
      raw = raw.slice(0, -1);
    }
    let cased = ascii ? raw : fold(raw);
    if (dotted && cased.includes('.')) cased = cased.replace(/\./g, '');
    if (!ascii && cased.includes('’')) cased = cased.replace(/’/g, "'");
    if (!cased) continue;
    out.push({ raw, cased, norm: cased.toLowerCase(), start, end: start + raw.length, poss });
  }
  return out;
}

/** Lower-case, accent-folded, punctuation-free key of a name: "the Kremlin" -> "the kremlin". */
export function normKey(s: string): string {
  return tokenize(s)
    .map((t) => t.norm)
    .join(' ');
}

export function slug(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const STOP = new Set(
  'a an the and or but of to in on at for from by with as is are was were be been being has have had do does did this that these those it its he she his her they their them we our you your i not no than then so such there here what which who whom whose when where why how all any each few more most other some can could should would will shall may might must also just only over under into out up down about after before again further once said says say told'.split(
    ' ',
  ),
);

export function isStopword(w: string): boolean {
  return STOP.has(w);
}

/** Stems already computed: the same few thousand words recur in every article. Bounded. */
const STEMS = new Map<string, string>();

/** Crude English stem for matching "recognized"/"recognizes"/"recognition" style variants. */
export function stem(w: string): string {
  const known = STEMS.get(w);
  if (known !== undefined) return known;
  const s = stemOf(w);
  if (STEMS.size >= 50_000) STEMS.clear();
  STEMS.set(w, s);
  return s;
}

function stemOf(w: string): string {
  let s = w.toLowerCase();
  if (s.length <= 4) return s;
  // "freed", "agreed", "guaranteed": the past of a verb ending in -ee keeps its stem ("free", not "fre").
  if (/[rt]eed$/.test(s)) return s.slice(0, -1);
  for (const suf of ['ational', 'ization', 'ations', 'ation', 'ments', 'ment', 'ness', 'ings', 'ing', 'edly', 'ies', 'ied', 'ers', 'ed', 'es', 'er', 'ly', 's']) {
    if (s.endsWith(suf) && s.length - suf.length >= 3) {
      s = s.slice(0, -suf.length);
      break;
    }
  }
  return s;
}

/** Content-word stems of a text (or of its tokens, when already at hand), for similarity and retrieval. */
export function contentStems(text: string | Token[]): string[] {
  return (typeof text === 'string' ? tokenize(text) : text)
    .map((t) => t.norm)
    .filter((w) => w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w))
    .map(stem);
}

/** A dateline opening a sentence: "DOHA (Lantern Wire) -", "LIBREVILLE, Gabon (SNA) —". */
export const DATELINE = /^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Za-z .'-]{2,30})?\s*(?:\([^)]{1,40}\))?\s*[—–-]\s/;

/**
 * A sentence without the dateline that opens it ("STOCKHOLM (Harbor Wire) — Two explosions …" ->
 * "Two explosions …"): where the reporter filed from is not part of the event. Still verbatim: a
 * tail of the sentence, never rewritten.
 */
export function withoutDateline(text: string): string {
  const m = DATELINE.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length).trimStart();
  return rest.length >= 12 ? rest : text;
}

/** A literal string as a regular expression source ("U.S." matches only "U.S."). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether two names share a word of three letters or more ("Prime Minister Norrby", "Helga Norrby"). */
export function shareNameWord(a: string, b: string): boolean {
  const words = new Set(tokenize(b).map((t) => t.norm));
  return tokenize(a).some((t) => t.norm.length > 2 && words.has(t.norm));
}
