/**
 * Where a lexicon regex can match, found without running it: the few-letter prefixes every match
 * of it begins with, read off its source. Every sentence of every article meets dozens of lexicon
 * regexes and most of them match nowhere; V8 scans each one over the whole sentence. With the
 * prefixes at hand, a sentence's word starts are looked up once in a table, and a regex runs only
 * where one of its prefixes stands (anchored there with the sticky flag), which finds exactly the
 * matches a full scan finds, since every match starts at such a place.
 *
 * Only regexes whose every alternative starts with \b and a word character get prefixes (then every
 * match starts at a word start); for any other, or for a construct this reader does not know,
 * `prefixes` returns null and the regex is scanned as before. Nothing here can drop a match.
 */

/** Prefix length: long enough to be selective, short enough to stay a small set. */
const K = 3;
/** Every digit stands for all of them, in prefixes and in the text looked up: "\d{1,3}" is one prefix. */
const DIGIT = '0';
/** Marks a prefix cut short by something that is not a literal (\w, \S, a wide class). */
const STOP = '\u0000';
/** A set grown past this is not worth keeping: treat the place as "anything". */
const MAX_SET = 4000;

type Strings = Set<string>;

const done = (s: string) => s.length >= K || s.endsWith(STOP);

function concat(a: Strings, b: Strings): Strings {
  const out: Strings = new Set();
  for (const x of a) {
    if (done(x)) {
      out.add(x);
      continue;
    }
    for (const y of b) {
      const z = x + y;
      out.add(z.length > K ? z.slice(0, K) : z);
    }
    if (out.size > MAX_SET) return new Set([STOP]);
  }
  return out;
}

class Reader {
  i = 0;
  constructor(
    readonly src: string,
    private readonly fold: boolean,
  ) {}

  /** A literal character as the table keys it: digits as one, A-Z lower-cased under the i flag. */
  private key(c: string): string {
    if (c >= '0' && c <= '9') return DIGIT;
    return this.fold && c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  }

  /** alternation := sequence ('|' sequence)* */
  alternation(): Strings {
    const out: Strings = new Set();
    for (;;) {
      for (const s of this.sequence()) out.add(s);
      if (this.src[this.i] !== '|') return out.size > MAX_SET ? new Set([STOP]) : out;
      this.i++;
    }
  }

  sequence(): Strings {
    let acc: Strings = new Set(['']);
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      acc = concat(acc, this.quantified(atom));
    }
    return acc;
  }

  private quantified(atom: Strings): Strings {
    const q = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.src.slice(this.i));
    if (!q) return atom;
    this.i += q[0].length;
    const min = q[1] === '?' || q[1] === '*' ? 0 : q[1] === '+' ? 1 : Number(q[2]);
    const max = q[1] === '?' ? 1 : q[1] ? Infinity : q[3] ? (q[4] ? Number(q[4]) : Infinity) : min;
    const out: Strings = new Set();
    let rep: Strings = new Set(['']);
    for (let r = 0; r <= Math.min(max, min + K); r++) {
      if (r >= min) for (const s of rep) out.add(s);
      rep = concat(rep, atom);
    }
    return out;
  }

  private atom(): Strings {
    const c = this.src[this.i] as string;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^' || c === '$') return new Set(['']);
    if (c === '.') return new Set([STOP]);
    return new Set([this.key(c)]);
  }

  private group(): Strings {
    const head = /^\((\?(?:[:=!]|<[=!]|<[A-Za-z_]\w*>))?/.exec(this.src.slice(this.i)) as RegExpExecArray;
    this.i += head[0].length;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unbalanced group');
    this.i++;
    const kind = head[1] ?? '';
    // Lookarounds consume nothing.
    return kind === '?=' || kind === '?!' || kind === '?<=' || kind === '?<!' ? new Set(['']) : inner;
  }

  private escape(): Strings {
    const c = this.src[this.i + 1] as string;
    this.i += 2;
    if (c === 'b' || c === 'B') return new Set(['']);
    if (c === 'd') return new Set([DIGIT]);
    if ('wWsSDpPuxck0123456789'.includes(c)) {
      // \p{…}, \u…, \x…: skip their argument; all are wider than a literal.
      const arg = /^(?:\{[^}]*\}|[0-9a-fA-F]{2,4})/.exec(this.src.slice(this.i));
      if ((c === 'p' || c === 'P' || c === 'u' || c === 'x') && arg) this.i += arg[0].length;
      return new Set([STOP]);
    }
    if (c === 'n' || c === 't' || c === 'r' || c === 'f' || c === 'v') return new Set([STOP]);
    return new Set([this.key(c)]);
  }

  private charClass(): Strings {
    const end = this.src.indexOf(']', this.i + 1);
    const body = this.src.slice(this.i + 1, end).replaceAll('\\d', '0').replaceAll('\\,', ',').replaceAll('\\.', '.');
    this.i = end + 1;
    // Only a short list of plain characters ("[sz]", "['’]", "[\d,]") is a literal choice.
    if (body.startsWith('^') || body.includes('\\') || body.includes('-') || body.length > 8) return new Set([STOP]);
    return new Set([...body].map((c) => this.key(c)));
  }
}

/** Splits a source at its top-level '|'. */
function topAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (ch === '\\') {
      cur += ch + (src[++i] ?? '');
      continue;
    }
    if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === '|' && depth === 0 && !inClass) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Whether an alternative opens with \b, after any lookbehinds: then it can only start where \b holds. */
function startsAtBoundary(alt: string): boolean {
  let i = 0;
  while (alt.startsWith('(?<=', i) || alt.startsWith('(?<!', i)) {
    let depth = 0;
    let inClass = false;
    for (; i < alt.length; i++) {
      const ch = alt[i];
      if (ch === '\\') i++;
      else if (inClass) inClass = ch !== ']';
      else if (ch === '[') inClass = true;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) break;
    }
    i++;
  }
  return alt.startsWith('\\b', i);
}

const WORD_CHAR = /^[A-Za-z0-9_]/;

/**
 * The prefixes (at most three characters, digits as 0, lower-case when `fold`) one of which begins
 * every match of `source`, or null when it cannot be known: some alternative may start other than
 * at a word start, or may start with something wider than a few letters.
 */
export function prefixes(source: string, fold = true): string[] | null {
  let all: Strings;
  try {
    for (const alt of topAlternatives(source)) {
      // "\b(?:a|b)" as a whole group: the \b is the alternative's own.
      if (!startsAtBoundary(alt)) return null;
    }
    const r = new Reader(source, fold);
    all = r.alternation();
    if (r.i !== source.length) return null;
  } catch {
    return null;
  }
  const out: string[] = [];
  for (const s of all) {
    const p = s.endsWith(STOP) ? s.slice(0, -1) : s;
    if (!WORD_CHAR.test(p)) return null;
    out.push(p);
  }
  return out;
}

/** A-Z lower-cased, nothing else: what a case-insensitive, non-Unicode regex treats as equal (and the length stays). */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

const NONE: number[] = [];
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const DIGITS = /[1-9]/g;

/** How a text is keyed: as written, or lower-cased for the i flag; digits as 0 in both. */
function keyed(text: string, fold: boolean): string {
  // Lower-casing may only change A-Z here: other characters never equal a prefix's letters, and
  // only U+0130 (İ) changes length under toLowerCase, which would shift every offset after it.
  const t = fold ? (text.includes('\u0130') ? asciiLower(text) : text.toLowerCase()) : text;
  return t.replace(DIGITS, DIGIT);
}

/**
 * A list of regexes and the table of their prefixes. `scan(text)` gives each regex's matches in
 * that text as a global scan would find them, running the regex (anchored, with the sticky flag)
 * only at the word starts where one of its prefixes stands; a regex without prefixes (or with the
 * Unicode and i flags together, whose case folding differs) is scanned over the whole text.
 */
export class Lexicon {
  private readonly tables: [Map<string, number[]>, Map<string, number[]>] = [new Map(), new Map()];
  private readonly lengths: [number[], number[]];
  private readonly anchored: (RegExp | null)[];
  private readonly global: RegExp[];

  constructor(readonly regexes: readonly RegExp[]) {
    const lengths: [Set<number>, Set<number>] = [new Set(), new Set()];
    this.global = regexes.map((re) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`));
    this.anchored = regexes.map((re, k) => {
      const fold = re.flags.includes('i');
      if (fold && (re.flags.includes('u') || re.flags.includes('v'))) return null;
      const ps = prefixes(re.source, fold);
      if (!ps) return null;
      const t = fold ? 0 : 1;
      for (const p of ps) {
        lengths[t].add(p.length);
        const l = this.tables[t].get(p);
        if (!l) this.tables[t].set(p, [k]);
        else if (!l.includes(k)) l.push(k);
      }
      return new RegExp(re.source, `${re.flags.replace('g', '')}y`);
    });
    this.lengths = [[...lengths[0]].sort((a, b) => a - b), [...lengths[1]].sort((a, b) => a - b)];
  }

  /** Which regexes run over the whole text (no prefixes): for tests. */
  get scanned(): boolean[] {
    return this.anchored.map((a) => a === null);
  }

  /** For each regex, the word starts of `text` where one of its prefixes stands, in order (null: none known). */
  candidates(text: string): (number[] | null)[] {
    const out: (number[] | null)[] = this.anchored.map((a) => (a ? NONE : null));
    for (const t of [0, 1] as const) {
      if (this.tables[t].size === 0) continue;
      const key = keyed(text, t === 0);
      const table = this.tables[t];
      const lengths = this.lengths[t];
      let prevWord = false;
      for (let i = 0; i < key.length; i++) {
        const word = isWordCode(key.charCodeAt(i));
        if (word && !prevWord) {
          for (const n of lengths) {
            if (i + n > key.length) break;
            const ks = table.get(key.slice(i, i + n));
            if (!ks) continue;
            for (const k of ks) {
              const l = out[k] as number[];
              if (l === NONE) out[k] = [i];
              else if (l[l.length - 1] !== i) l.push(i);
            }
          }
        }
        prevWord = word;
      }
    }
    // Both tables may list one regex's starts out of order only if it were in both: it is in one.
    return out;
  }

  scan(text: string): LexiconScan {
    return new LexiconScan(this, text, this.candidates(text), this.anchored, this.global);
  }
}

/** One text's matches of a lexicon's regexes (see Lexicon.scan). */
export class LexiconScan {
  private readonly at: number[];

  constructor(
    readonly lexicon: Lexicon,
    readonly text: string,
    private readonly cands: (number[] | null)[],
    private readonly anchored: (RegExp | null)[],
    private readonly global: RegExp[],
  ) {
    this.at = new Array(cands.length).fill(0);
  }

  /** Regex k's first match starting at or after `pos` (calls for one k must not go back). */
  next(k: number, pos: number): RegExpExecArray | null {
    const list = this.cands[k] as number[] | null;
    const re = this.anchored[k];
    if (list === null || !re) {
      const g = this.global[k] as RegExp;
      g.lastIndex = pos;
      return g.exec(this.text);
    }
    for (let j = this.at[k] as number; j < list.length; j++) {
      const p = list[j] as number;
      if (p < pos) continue;
      this.at[k] = j;
      re.lastIndex = p;
      const m = re.exec(this.text);
      if (m) return m;
    }
    this.at[k] = list.length;
    return null;
  }

  /** Every match of regex k, in order, as a global scan (matchAll) finds them. */
  all(k: number): RegExpExecArray[] {
    const out: RegExpExecArray[] = [];
    let pos = 0;
    for (let m = this.next(k, pos); m; m = this.next(k, pos)) {
      out.push(m);
      pos = m.index + Math.max(1, m[0].length);
    }
    return out;
  }

  /** Whether regex k matches anywhere. */
  test(k: number): boolean {
    return this.next(k, 0) !== null;
  }
}
