/** Figures in a sentence: deaths, money, deadlines, counts, ages and percentages. */
import type { Figure } from '../types.js';
import { Lexicon } from './lexicon.js';

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:two|three|four|five) dozen|a dozen|dozens|a half-dozen|half a dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|tens of thousands|hundreds of thousands|millions)`;
const QUANT = String.raw`(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|fewer than|less than)\s+)?`;

const PATTERNS: { kind: Figure['kind']; re: RegExp }[] = [
  { kind: 'deaths', re: new RegExp(String.raw`\b${QUANT}${NUM}(?:\s+\w+){0,3}?\s+(?:(?:have been|were|was|had been)\s+)?(?:killed|dead|deaths|died|slain|fatalities)\b|\bdeath toll (?:of|rose to|reached)\s+${QUANT}${NUM}|\bdeath toll\b[^.;]{0,60}?\b(?<verb>(?:has |had )?(?:risen|rose|climbed|jumped|increased|reached|hit|passed|topped|surpassed|stood|stands|now stands)(?: to| at)?)\s+(?<num>${QUANT}${NUM})`, 'gi') },
  { kind: 'money', re: new RegExp(String.raw`${QUANT}(?:[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|trillion))?|\d[\d,]*(?:\.\d+)?\s+(?:million|billion|trillion)\s+(?:dollars|euros|pounds|yuan|rubles|bolivars))`, 'gi') },
  { kind: 'deadline', re: new RegExp(String.raw`\b${NUM}\s+(?:hours|days|weeks)\s+(?:to\s+\w+|deadline|ultimatum)|\b(?:within|in)\s+${NUM}\s+(?:hours|days|weeks|months)\b`, 'gi') },
  { kind: 'age', re: /\b\d{1,3}-year-old\b|\baged \d{1,3}\b/gi },
  { kind: 'percent', re: /\b\d+(?:\.\d+)?\s?(?:%|percent|per cent)/gi },
  { kind: 'count', re: new RegExp(String.raw`\b${QUANT}(?:\d[\d,]{2,}|tens of thousands|hundreds of thousands|thousands|hundreds|\d{1,3})\s+(?:of\s+)?(?:[a-z-]+\s+|\p{Lu}\p{L}+\s+(?=(?:nationals|citizens)\b))?(?:people|nations|countries|troops|soldiers|protesters|demonstrators|refugees|migrants|workers|barrels|visas|civilians|generals|officers|citizens|nationals|passengers|residents|lawmakers|diplomats|\p{Lu}\p{L}+s)\b`, 'gu') },
];

export interface FoundFigure {
  kind: Figure['kind'];
  value: string;
  start: number;
  end: number;
}

/** The patterns' regexes, in order (for test/core/lexicon.test.ts). */
export const FIGURE_REGEXES: readonly RegExp[] = PATTERNS.map((p) => p.re);
const LEXICON = new Lexicon(FIGURE_REGEXES);

const ANY_NUMBER = /\d|dozen|hundreds|thousands|millions|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b/i;

export function findFigures(text: string): FoundFigure[] {
  const out: FoundFigure[] = [];
  if (!ANY_NUMBER.test(text)) return out;
  const scan = LEXICON.scan(text);
  for (let k = 0; k < PATTERNS.length; k++) {
    const { kind } = PATTERNS[k] as (typeof PATTERNS)[number];
    for (const m of scan.all(k)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (out.some((f) => start < f.end && end > f.start)) continue;
      // Years are not counts.
      if (kind === 'count' && /^\s*(?:19|20)\d{2}\b/.test(m[0])) continue;
      // "The death toll from four days of protests has risen to 23": the toll and its number, not the words between.
      const value = m.groups?.verb && m.groups.num ? `death toll ${m.groups.verb} ${m.groups.num}` : m[0].trim();
      out.push({ kind, value, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
