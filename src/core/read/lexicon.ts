/**
 * Lexicons of regexes run only where they can match. Every sentence of every article meets dozens
 * of lexicon regexes (stance cues, event kinds, figures, dates) and most match nowhere in it, yet
 * V8 scans each over the whole sentence. Instead, each regex's prefixes are read off its source
 * (prefixes.ts) into one table for all lexicons; a sentence's word starts are looked up in it once,
 * and a regex runs only at the starts where one of its prefixes stands, anchored there with the
 * sticky flag. That finds exactly the matches a full scan finds, since every match starts at such
 * a place; a regex without prefixes is scanned in full.
 */
import { DIGIT, prefixes } from './prefixes.js';

/**
 * Lower-cased with every offset kept: U+0130 (İ) is the one character toLowerCase turns into two,
 * and no case-insensitive, non-Unicode regex equates it with anything else, so it stays as it is.
 */
export function lowerKeepingOffsets(text: string): string {
  return text.includes('\u0130') ? text.split('\u0130').map((s) => s.toLowerCase()).join('\u0130') : text.toLowerCase();
}

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const DIGITS = /[1-9]/g;

/** How a text is keyed: as written, or lower-cased for the i flag; digits as 0 in both. */
function keyed(text: string, fold: boolean): string {
  const t = fold ? lowerKeepingOffsets(text) : text;
  return t.replace(DIGITS, DIGIT);
}

/**
 * Up to three characters as one small integer when all are below 256 (no string and no heap
 * number is made per lookup), else -1: such keys (a curly apostrophe) go by string.
 */
function pack(s: string, i: number, n: number): number {
  const a = s.charCodeAt(i);
  const b = n > 1 ? s.charCodeAt(i + 1) : 0;
  const c = n > 2 ? s.charCodeAt(i + 2) : 0;
  return (a | b | c) > 255 ? -1 : a | (b << 8) | (c << 16) | (n << 24);
}

/** Every lexicon's prefixes, keyed lower-cased (i flag) or as written: prefix -> [lexicon, regex] pairs. */
const TABLES: [Map<number, number[]>, Map<number, number[]>] = [new Map(), new Map()];
/** The prefixes with a character above 255, by string. */
const WIDE: [Map<string, number[]>, Map<string, number[]>] = [new Map(), new Map()];
const LENGTHS: [number[], number[]] = [[], []];
/**
 * Which prefix lengths stand at a word start, by its first two characters (both below 256; digits
 * as 0): bit n-1 set when some prefix of length n begins there. Most word starts begin none, and a
 * typed-array read rules them out before any map lookup.
 */
const STARTS: [Uint8Array, Uint8Array] = [new Uint8Array(65536), new Uint8Array(65536)];
const LEXICONS: Lexicon[] = [];
const NONE: number[] = [];

/**
 * The last text's word starts and, per table, its candidates for every lexicon: one sentence meets
 * them all in a row. The case-sensitive table (dates, counts) is looked up only when a lexicon that
 * has such regexes scans the sentence: most sentences carry no date or number and never need it.
 */
let lastText: string | null = null;
let lastStarts: number[] = [];
let lastCands: (number[] | null)[][] = [];
const looked: [boolean, boolean] = [false, false];

function candidatesOf(text: string, tables: readonly (0 | 1)[]): (number[] | null)[][] {
  if (lastText !== text) {
    lastText = text;
    lastCands = LEXICONS.map((lex) => lex.empty());
    looked[0] = looked[1] = false;
    const starts: number[] = [];
    let prevWord = false;
    for (let i = 0; i < text.length; i++) {
      const word = isWordCode(text.charCodeAt(i));
      if (word && !prevWord) starts.push(i);
      prevWord = word;
    }
    lastStarts = starts;
  }
  for (const t of tables) {
    if (looked[t]) continue;
    looked[t] = true;
    const table = TABLES[t];
    if (table.size === 0 && WIDE[t].size === 0) continue;
    const key = keyed(text, t === 0);
    const lengths = LENGTHS[t];
    const starts = STARTS[t];
    const wide = WIDE[t].size > 0;
    for (const i of lastStarts) {
      const a = key.charCodeAt(i);
      const b = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
      // Lengths that may stand here: from the start table when both characters are narrow; else
      // every length if some prefix has a wide character, else a one-character prefix only.
      const may = (a | b) < 256 ? (starts[a | (b << 8)] as number) | (starts[a] as number) : wide ? 7 : a < 256 ? (starts[a] as number) & 1 : 0;
      if (may === 0) continue;
      for (const n of lengths) {
        if (i + n > key.length) break;
        if ((may & (1 << (n - 1))) === 0) continue;
        const packed = pack(key, i, n);
        const hits = packed >= 0 ? table.get(packed) : WIDE[t].get(key.slice(i, i + n));
        if (!hits) continue;
        for (let h = 0; h < hits.length; h += 2) {
          const lex = lastCands[hits[h] as number] as (number[] | null)[];
          const k = hits[h + 1] as number;
          const l = lex[k] as number[];
          if (l === NONE) lex[k] = [i];
          else if (l[l.length - 1] !== i) l.push(i);
        }
      }
    }
  }
  return lastCands;
}

/**
 * A list of regexes. `scan(text)` gives each regex's matches in that text as a global scan would
 * find them; a regex without prefixes (or with the Unicode and i flags together, whose case
 * folding differs) is scanned over the whole text.
 */
export class Lexicon {
  /** Built on first use: a process that answers questions and extracts nothing never pays for it. */
  private built: { id: number; anchored: (RegExp | null)[]; tables: (0 | 1)[]; global: RegExp[] } | null = null;

  constructor(readonly regexes: readonly RegExp[]) {}

  private build(): NonNullable<Lexicon['built']> {
    if (this.built) return this.built;
    const id = LEXICONS.length;
    LEXICONS.push(this);
    lastText = null;
    const tables: (0 | 1)[] = [];
    const global = this.regexes.map((re) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`));
    const anchored = this.regexes.map((re, k) => {
      const fold = re.flags.includes('i');
      if (fold && (re.flags.includes('u') || re.flags.includes('v'))) return null;
      const ps = prefixes(re.source, fold);
      if (!ps) return null;
      const t = fold ? 0 : 1;
      if (!tables.includes(t)) tables.push(t);
      for (const p of ps) {
        if (!LENGTHS[t].includes(p.length)) LENGTHS[t] = [...LENGTHS[t], p.length].sort((a, b) => a - b);
        const packed = pack(p, 0, p.length);
        // Flagged by its first two characters when both are narrow (a one-character prefix by its
        // character alone: second character 0); a start with a wide one tries every length.
        const a = p.charCodeAt(0);
        const b = p.length > 1 ? p.charCodeAt(1) : 0;
        if ((a | b) < 256) STARTS[t][a | (b << 8)] = (STARTS[t][a | (b << 8)] as number) | (1 << (p.length - 1));
        const table: Map<number | string, number[]> = packed >= 0 ? TABLES[t] : WIDE[t];
        const key = packed >= 0 ? packed : p;
        const l = table.get(key);
        if (!l) table.set(key, [id, k]);
        else if (!l.some((x, h) => h % 2 === 0 && x === id && l[h + 1] === k)) l.push(id, k);
      }
      return new RegExp(re.source, `${re.flags.replace('g', '')}y`);
    });
    this.built = { id, anchored, tables, global };
    return this.built;
  }

  /** Which regexes run over the whole text (no prefixes): for tests. */
  get scanned(): boolean[] {
    return this.build().anchored.map((a) => a === null);
  }

  /** A fresh candidate list: no start yet for a regex with prefixes, null (scan all) for one without. */
  empty(): (number[] | null)[] {
    return this.build().anchored.map((a) => (a ? NONE : null));
  }

  scan(text: string): LexiconScan {
    const b = this.build();
    return new LexiconScan(text, candidatesOf(text, b.tables)[b.id] as (number[] | null)[], b.anchored, b.global);
  }
}

/** One text's matches of a lexicon's regexes (see Lexicon.scan). */
export class LexiconScan {
  private readonly at: number[];

  constructor(
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
