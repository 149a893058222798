/**
 * Quantities in a sentence as news English writes them: digits ("3,000", "8.6 million", "$1.5
 * billion"), words ("ten days", "two dozen", "hundreds of"), hyphenated modifiers ("a 48-hour
 * strike", "a seven-year term"), tallies ("voted 88-4", "by 328 votes to none"), percentages,
 * distances, and, for how-long questions, "since 1994". Each comes with its kind and the words it
 * counts ("145 LNA soldiers" → ["LNA", "soldiers"]), so /ask can pick the one a question asks for.
 */

export type QuantityKind = 'duration' | 'distance' | 'percent' | 'money' | 'count' | 'since';

export interface Quantity {
  kind: QuantityKind;
  /** The span as written, quantifier included: "at least 1,000", "ten days", "$2.1 billion". */
  text: string;
  start: number;
  end: number;
  /** The number it states, when one can be read ("two dozen" → 24); null for "hundreds of". */
  value: number | null;
  /** Up to three words it counts or measures: "LNA soldiers", "tonnes of rice". Empty when none. */
  noun: string[];
  /** Where those words end in the text (= end when there are none). */
  nounEnd: number;
}

const UNITS_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, mln: 1e6, m: 1e6, k: 1e3 };

const U = Object.keys(UNITS_WORDS).join('|');
const T = Object.keys(TENS_WORDS).join('|');
/** A number in words: "seven", "twenty-five", "a hundred", "three hundred thousand". */
const WORDNUM = String.raw`(?:(?:${T})(?:[-\s](?:${U}))?|${U}|an?(?=\s+(?:hundred|thousand|million|billion|trillion)\b))(?:\s+(?:hundred|thousand|million|billion|trillion))*`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s*(?:hundred|thousand|million|billion|trillion)\b|\s?(?:bn|mn|mln)\b)`;
const VAGUE = String.raw`(?:(?:a|one|two|three|four|five|six|half a)\s+dozen|dozens|(?:tens|hundreds) of (?:thousands|millions)|hundreds|thousands|millions|scores)`;
const QUANT = String.raw`(?:(?:at least|at most|more than|less than|fewer than|over|nearly|almost|about|around|roughly|some|up to|close to|an estimated|approximately|as many as|just over|just under)\s+)?`;
const CUR_BEFORE = String.raw`(?:US\$|A\$|C\$|\$|€|£|¥)`;
const CUR_AFTER = /^\s+(?:(?:U\.?S\.?|American|Canadian|Hong Kong)\s+)?(?:dollars|euros|pounds|yuan|rubles|roubles|yen|francs|dinars|pounds sterling|rupees|lira|bolivars|baht|hryvnias?|CFA francs)\b/i;

const DURATION = /^(?:second|minute|hour|day|night|week|fortnight|month|year|decade)s?$/i;
const DISTANCE = /^(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m|nautical miles?)$/i;
const PERCENT = /^(?:%|percent|per cent|percentage points?)/i;

const NUMBER_RE = new RegExp(
  // After a currency sign "m" and "k" are scales too: "€50m".
  String.raw`(?<![\p{L}\d.,$€£¥-])(${QUANT})(?:(${CUR_BEFORE})\s?(?=\d))?(${VAGUE}|(?:${DIGITS})(?:${SCALE}|(?<=[$€£¥]\s?[\d,.]+)[mk]\b)?|${WORDNUM})(?![\p{L}\d])`,
  'giu',
);

const NOT_NOUN = new Set(
  'a an the of in on at to for by from and or but with as that which who whom whose is are was were be been being has have had will would can could may might should must said says say told after before since until during when while than per ago this these those it its his her their our there here'.split(' '),
);

function wordsValue(s: string): number | null {
  let total = 0;
  let cur = 0;
  let any = false;
  for (const w of s.toLowerCase().split(/[\s-]+/)) {
    if (w === 'a' || w === 'an') {
      cur = 1;
      any = true;
    } else if (w in UNITS_WORDS) {
      cur += UNITS_WORDS[w] as number;
      any = true;
    } else if (w in TENS_WORDS) {
      cur += TENS_WORDS[w] as number;
      any = true;
    } else if (w === 'hundred') cur = (cur || 1) * 100;
    else if (w in SCALES) {
      total += (cur || 1) * (SCALES[w] as number);
      cur = 0;
    } else return null;
  }
  return any ? total + cur : null;
}

/** The numeric value of a number phrase, or null when it is vague ("hundreds"). */
export function numberValue(s: string): number | null {
  const t = s.trim().toLowerCase();
  const dz = /^(a|one|two|three|four|five|six|half a)\s+dozen$/.exec(t);
  if (dz) return dz[1] === 'half a' ? 6 : 12 * (wordsValue(dz[1] === 'a' ? 'one' : (dz[1] as string)) ?? 1);
  const m = /^(\d[\d,]*(?:\.\d+)?)\s*(hundred|thousand|million|billion|trillion|bn|mn|mln|m|k)?$/.exec(t);
  if (m) return Number((m[1] as string).replace(/,/g, '')) * (m[2] ? (SCALES[m[2]] as number) : 1);
  return wordsValue(t);
}

/** Up to three words after a quantity that say what it counts ("tonnes of rice"), and their length. */
function nounAfter(rest: string): { words: string[]; len: number } {
  const words: string[] = [];
  let len = 0;
  const re = /\s*([\p{L}][\p{L}'’.-]*)/uy;
  let pos = 0;
  let m: RegExpExecArray | null;
  let afterOf = false;
  let partOf = false;
  while (words.length < 3) {
    // "162 of the 301 seats": the part counts what the whole does.
    const whole = partOf && words.length === 0 ? /^\s*\d[\d,.]*(?=\s+\p{L})/u.exec(rest.slice(pos)) : null;
    if (whole) {
      pos += whole[0].length;
      partOf = false;
      continue;
    }
    re.lastIndex = pos;
    m = re.exec(rest);
    if (!m) break;
    const w = (m[1] as string).replace(/[.'’]+$/, '');
    const lw = w.toLowerCase();
    // "of" joins a measure to what it measures ("tonnes of rice") or opens a vague count ("hundreds of").
    if (lw === 'of' && words.length <= 1) {
      pos = re.lastIndex;
      afterOf = true;
      continue;
    }
    // A part of a whole: "600 of the most vulnerable migrants".
    if (afterOf && words.length === 0 && /^(?:the|its|their|those|these)$/.test(lw)) {
      pos = re.lastIndex;
      afterOf = false;
      partOf = true;
      continue;
    }
    partOf = false;
    afterOf = false;
    if (!w || NOT_NOUN.has(lw)) break;
    // A verb ends the noun phrase: "protesters marched", "a truce followed", "a battle lasting".
    if (words.length > 0 && /^[a-z][a-z-]*(?:ed|ing)$/.test(w)) break;
    words.push(w);
    pos = re.lastIndex;
    len = pos - (m[1] as string).length + w.length;
    // The end of a clause or sentence ends it too ("U.S." is one word, "truce." ends one).
    if (/^[,;:]/.test(rest.slice(pos)) || (/\.$/.test(m[1] as string) && !/^(?:\p{L}\.)+$/u.test(m[1] as string))) break;
  }
  return { words, len };
}

/** A toll or a count named before the number it reaches: "the death toll … rose to", "the number of refugees has reached". */
const TOLL_BEFORE = /\b(?:(death toll)|toll|tally|number of ([a-z-]+))\b[^.;]{0,80}?\b(?:risen|rose|climbed|jumped|increased|reached|hit|passed|topped|surpassed|stood|stands)(?:\s+(?:to|at))?\s+$/i;

/** Quantities in a sentence, in order. Years, clock times, dates and ages are not quantities. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  const push = (q: Quantity) => {
    if (!out.some((o) => q.start < o.end && q.end > o.start)) out.push(q);
  };
  // Tallies first: "voted 88-4", "by 328 votes to none", "passed 52-48".
  // "by 88 votes to 71" too.
  for (const m of text.matchAll(/\b(?:voted|vote|votes|passed|approved|rejected|margin of|by|was)\s+(\d{1,4})\s*(?:votes\s+)?(?:[-–]|\bto\b)\s*(\d{1,4})\b(?![-–]\d)/gi)) {
    // "was 52 to 48" is a tally only in a sentence about a vote.
    if (/^was$/i.test(m[0].split(/\s+/)[0] as string) && !/\bvot(?:e|es|ed|ing)\b/i.test(text)) continue;
    const start = (m.index ?? 0) + m[0].indexOf(m[1] as string);
    const span = text.slice(start, (m.index ?? 0) + m[0].length);
    push({ kind: 'count', text: span, start, end: start + span.length, value: Number(m[1]), noun: ['votes'], nounEnd: start + span.length });
  }
  for (const m of text.matchAll(/\bsince\s+((?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d{2})\b/g)) {
    push({ kind: 'since', text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, value: null, noun: [], nounEnd: (m.index ?? 0) + m[0].length });
  }
  NUMBER_RE.lastIndex = 0;
  for (const m of text.matchAll(NUMBER_RE)) {
    const quant = m[1] ?? '';
    const cur = m[2] ?? '';
    const num = m[3] ?? '';
    const start = m.index ?? 0;
    let end = start + m[0].length;
    const lower = num.toLowerCase();
    const after = text.slice(end);
    const before = text.slice(Math.max(0, start - 12), start);
    // "a" and "an" are numbers only before a scale: "a hundred", "a dozen".
    if (/^an?$/.test(lower)) continue;
    // "one" is a pronoun as often as a number ("one of the", "no one").
    if (lower === 'one' && !/^[\s-]+(?:hundred|thousand|million|billion|(?:second|minute|hour|day|night|week|month|year|decade)s?\b)/i.test(after)) continue;
    // Dates and times: "April 15", "15 April", "10 p.m.", "22:00", years.
    if (/\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/.test(before) && /^\d{1,2}$/.test(num)) continue;
    if (/^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(after) && /^\d{1,2}$/.test(num)) continue;
    if (/^\s*(?:[ap]\.?m\.?|GMT|UTC|[:.]\d{2})/i.test(after) && /^\d/.test(num)) continue;
    if (/^(?:1[89]|20)\d{2}$/.test(num) && !cur && !/^\s*(?:people|troops|soldiers)\b/i.test(after)) continue;
    if (/^-year-old|^\s*years?\s+old\b/i.test(after)) continue; // an age
    if (/^(?:st|nd|rd|th)\b/i.test(after)) continue;
    const value = numberValue(num.replace(/^(\d[\d,]*(?:\.\d+)?)\s*/, '$1 ').replace(/\s+$/, ''));
    let kind: QuantityKind = 'count';
    let noun: string[] = [];
    let nounEnd = -1;
    const takeNoun = (from: number) => {
      const n = nounAfter(text.slice(from));
      noun = n.words;
      nounEnd = from + n.len;
    };
    const hy = /^-(second|minute|hour|day|night|week|month|year|decade|kilomet(?:er|re)|km|mile|met(?:er|re))s?\b(?:-long)?/i.exec(after);
    const unit = /^\s*((?:%|per cent|percent|percentage points?|nautical miles?)|[\p{L}]+)/iu.exec(after);
    const curAfter = CUR_AFTER.exec(after);
    if (cur || curAfter) {
      kind = 'money';
      if (curAfter) end += curAfter[0].length;
      takeNoun(end);
    } else if (hy) {
      // "a 48-hour strike", "a seven-year term": a duration (or distance) with what it measures.
      end += hy[0].length;
      kind = DISTANCE.test(hy[1] as string) ? 'distance' : 'duration';
      takeNoun(end);
    } else if (unit && PERCENT.test(unit[1] as string)) {
      end += unit[0].length;
      kind = 'percent';
    } else if (unit && DURATION.test(unit[1] as string)) {
      end += unit[0].length;
      kind = 'duration';
    } else if (unit && DISTANCE.test(unit[1] as string) && (unit[1] !== 'm' || /^\d/.test(num))) {
      end += unit[0].length;
      kind = 'distance';
    } else {
      takeNoun(end);
    }
    // A number a toll or a tally reaches counts what it tallies: "the death toll … has risen to 23".
    if (kind === 'count' && noun.length === 0) {
      const toll = TOLL_BEFORE.exec(text.slice(Math.max(0, start - 100), start));
      if (toll) noun = toll[1] ? ['deaths'] : [toll[2] ?? 'people'];
    }
    // "the detained opposition lawmakers, 23 of whom remain in custody": the count is of the noun before.
    const ofWhom = kind === 'count' && noun.length === 0 ? /^\s+of\s+(?:whom|which|them)\b/i.exec(after) : null;
    const antecedent = ofWhom ? /(\p{L}+s)\s*,\s*$/u.exec(text.slice(Math.max(0, start - 60), start)) : null;
    if (ofWhom && antecedent?.[1]) {
      noun = [antecedent[1]];
      nounEnd = end + ofWhom[0].length;
    }
    // "between 10,000 and 20,000 people": the range is the answer.
    const between = /\bbetween\s+$/i.exec(text.slice(Math.max(0, start - 9), start));
    const range = between ? /^\s+and\s+(\d[\d,.]*(?:\s+(?:thousand|million))?)/i.exec(after) : null;
    if (between && range && kind === 'count') {
      const rangeStart = start - between[0].length;
      const rEnd = end + range[0].length;
      const n = nounAfter(text.slice(rEnd));
      const span = text.slice(rangeStart, rEnd + n.len).trim();
      push({ kind, text: span, start: rangeStart, end: rangeStart + span.length, value, noun: n.words, nounEnd: rEnd + n.len });
      continue;
    }
    // A bare small number with nothing after it ("in 2", "Article 5") says little; a large one
    // before a verb counts people ("100,000 have fled abroad").
    // So does a large one a past verb acts on ("displaced 1.2 million").
    const objectOf = (value ?? 0) >= 1000 && /\b\p{L}+ed\s+$/u.test(before);
    if (kind === 'count' && noun.length === 0 && !quant && !objectOf && !/^(?:dozens|hundreds|thousands|millions)/i.test(num) && !(/^\d{1,3}(?:,\d{3})+$/.test(num) && /^\s+(?:have|had|has|were|are)\b/i.test(after))) continue;
    const span = text.slice(start, end).trim();
    push({ kind, text: span, start, end: start + span.length, value, noun, nounEnd: Math.max(nounEnd, start + span.length) });
  }
  return out.sort((a, b) => a.start - b.start);
}
