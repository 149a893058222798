/**
 * Numbers a model's answer states, read with their scale, unit and currency, and compared with
 * those of the sentence it cites. Pure functions, used by grounding.ts.
 */
import { fold } from '../text.js';

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
/** Scales multiply the number: "65 billion" is 65e9, like "65bn" and "65,000,000,000". */
const SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, mln: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const UNITS: Record<string, string> = {
  percent: 'percent', '%': 'percent', pct: 'percent', second: 'second', minute: 'minute', hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year',
  km: 'km', kilometre: 'km', kilometer: 'km', mile: 'mile', metre: 'metre', meter: 'metre', tonne: 'tonne', ton: 'tonne', barrel: 'barrel', kg: 'kg', kilogram: 'kg',
};
/** Currency signs and words, by the currency they name. */
const CURRENCIES: Record<string, string> = {
  $: 'dollar', dollar: 'dollar', usd: 'dollar', 'us$': 'dollar', '€': 'euro', euro: 'euro', eur: 'euro', '£': 'pound', pound: 'pound', gbp: 'pound', sterling: 'pound',
  '¥': 'yen', yen: 'yen', jpy: 'yen', yuan: 'yuan', renminbi: 'yuan', cny: 'yuan', rmb: 'yuan', ruble: 'ruble', rouble: 'ruble', rub: 'ruble', bolivar: 'bolivar', bolivares: 'bolivar',
  peso: 'peso', rupee: 'rupee', franc: 'franc', lira: 'lira',
};

/** A number as stated: its value with the scale applied, its unit and currency, whether it is part of a date. */
export interface Num {
  text: string;
  /** The number as written, before its scale: "65" in "$65 billion". */
  value: number;
  /** value × scale: 65e9 for "$65 billion". */
  amount: number;
  scale?: string;
  /** A unit right after it: "hour", "percent", "km". */
  unit?: string;
  /** A currency sign or word around it: "dollar", "euro". */
  cur?: string;
  /** Part of a date or a time ("24 January", "2019", "2:30 p.m."): may come from the passage's date. */
  dateish: boolean;
}

const MONTHS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));

const plural = (tok: string | undefined, table: Record<string, string | number>): string | undefined => {
  if (!tok) return undefined;
  if (tok in table) return tok;
  if (tok.endsWith('es') && tok.slice(0, -2) in table) return tok.slice(0, -2);
  if (tok.endsWith('s') && tok.slice(0, -1) in table) return tok.slice(0, -1);
  return undefined;
};

/**
 * Numbers in a text with their scale, unit and currency: "$65 billion", "65 billion euros",
 * "72 hours", "35-year-old", "7,000", "a dozen". "one" is left out: it is a pronoun as often as a number.
 */
export function numbersIn(text: string): Num[] {
  const norm = fold(text)
    .toLowerCase()
    .replace(/[-‐‑–—/]/g, ' ')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/\bper cent\b/g, 'percent')
    .replace(/\bus\s?\$/g, 'us$ ');
  const toks = [...norm.matchAll(/us\$|[$€£¥%]|\d+(?:\.\d+)?\p{L}*|\p{L}[\p{L}\d']*|:/gu)].map((m) => m[0]);
  const out: Num[] = [];
  toks.forEach((tok, i) => {
    let value: number | undefined;
    let suffix = '';
    const m = /^(\d+(?:\.\d+)?)(\p{L}*)$/u.exec(tok);
    if (m) {
      suffix = m[2] ?? '';
      if (suffix && !(suffix in SCALES) && !(suffix in UNITS) && !/^(?:st|nd|rd|th|s)$/.test(suffix)) return; // "g20" is a word
      value = Number(m[1]);
    } else if (tok in NUMBER_WORDS) {
      value = NUMBER_WORDS[tok];
    }
    if (value === undefined) return;
    let j = i + 1;
    let scale = suffix in SCALES ? suffix : undefined;
    const after = toks[j];
    if (!scale && after !== undefined && after in SCALES && after.length > 1) {
      scale = after;
      j++;
    }
    const unitTok = suffix in UNITS ? suffix : plural(toks[j], UNITS);
    const unit = unitTok ? UNITS[unitTok] : undefined;
    if (unitTok && !(suffix in UNITS)) j++;
    const prev = toks[i - 1];
    const curTok = prev && prev in CURRENCIES ? prev : plural(toks[j], CURRENCIES);
    const next = toks[i + 1];
    const dateish =
      (!scale && !unit && !curTok && Number.isInteger(value) && value >= 1900 && value <= 2100) ||
      MONTHS.has(prev ?? '') || MONTHS.has(next ?? '') || WEEKDAYS.has(prev ?? '') ||
      next === ':' || prev === ':' || next === 'am' || next === 'pm' || ((next === 'a' || next === 'p') && toks[i + 2] === 'm');
    out.push({ text: tok, value, amount: value * (scale ? (SCALES[scale] as number) : 1), scale: scale && SCALES[scale] ? scale : undefined, unit, cur: curTok ? CURRENCIES[curTok] : undefined, dateish });
  });
  return out;
}

/**
 * Whether a stated number is supported by one the passage states: the same amount, and the unit
 * and currency the answer gives, if it gives one ("65 billion euros" is not "$65 billion").
 */
export function sameNumber(claim: Num, stated: Num): boolean {
  if (Math.abs(claim.amount - stated.amount) > 1e-9 * Math.max(1, claim.amount)) return false;
  if (claim.unit && claim.unit !== stated.unit) return false;
  if (claim.cur && claim.cur !== stated.cur) return false;
  return true;
}
