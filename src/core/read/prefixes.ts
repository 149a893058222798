/**
 * Where a lexicon regex can match, found without running it: the few-letter prefixes every match
 * of it begins with, read off its source (lexicon.ts uses them to run a regex only where one
 * stands). Only regexes whose every alternative starts with \b and a word character get prefixes
 * (then every match starts at a word start); for any other, or for a construct this reader does
 * not know, `prefixes` returns null and the regex is scanned in full. Nothing here can drop a match.
 */

/** Prefix length: long enough to be selective, short enough to stay a small set. */
const K = 3;
/** Every digit stands for all of them, in prefixes and in the text looked up: "\d{1,3}" is one prefix. */
export const DIGIT = '0';
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

  /**
   * A literal character as the table keys it: digits as one; under the i flag lower-cased as the
   * text is (toLowerCase), so "É" in a source finds "é" and "É" in a text alike.
   */
  private key(c: string): string {
    if (c >= '0' && c <= '9') return DIGIT;
    if (!this.fold) return c;
    const l = c.toLowerCase();
    return l.length === 1 ? l : c;
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
