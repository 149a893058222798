/**
 * Ages and whom they describe. News English ties an age to a person in a few ways:
 *   "Ruth Anand, 47, said"                     apposition: the name before it
 *   "Anand, a 47-year-old economist, said"     apposition with a descriptor
 *   "the 47-year-old Anand"                    a premodifier: the name after it
 *   "The 47-year-old economist said"           a descriptor alone: someone named earlier, or the
 *                                              one whose role it names ("the 86-year-old king")
 *   "aged 47", "47 years old"                  after the name
 */

export interface AgeMention {
  age: string;
  /** The span to highlight: "47", "47-year-old", "aged 47". */
  start: number;
  end: number;
  /** The name the text ties it to, when it gives one in the same sentence. */
  holder: string | null;
  /** For a descriptor alone, its words ("economist", "field marshal"); "" when bare ("The 53-year-old said"). */
  descriptor: string | null;
}

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|di|du|la|le)[\s-])?\p{Lu}[\p{L}'’.-]*)*`;
const APPOS_NUM = new RegExp(String.raw`(${NAME}),\s+(\d{1,3})(?=\s*(?:[,.;)]|$|\s+(?:and|said|was|is|has|had|who|will|would)\b))`, 'gu');
const APPOS_DESC = new RegExp(String.raw`(${NAME}),\s+(?:an?|the)\s+(\d{1,3})-year-old\b`, 'gu');
const PREMOD = new RegExp(String.raw`\b(?:[Aa]n?|[Tt]he)\s+(\d{1,3})-year-old\s+(${NAME})`, 'gu');
const DESC = /\b(?:[Aa]n?|[Tt]he)\s+(\d{1,3})-year-old\b((?:\s+(?!(?:was|is|had|has|have|who|said|says|told|and|or|but|will|would|took|met|did|of|in|on|at|as|to|by|for|from|with|before|after|when|while|that|which|since|during|has|could|also)\b)[a-z][\p{L}-]*){0,3})/gu;
const AGED = new RegExp(String.raw`(${NAME}),?\s+(?:aged\s+(\d{1,3})|(\d{1,3})\s+years\s+old)\b`, 'gu');

/** Words that open a sentence with a capital but are not names. */
const NOT_NAME = /^(?:The|A|An|In|On|At|He|She|They|His|Her|Their|It|Its|But|And|When|While|After|Before|Since|Yesterday|Today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function cleanName(s: string): string {
  // "In Minsk, Maria Kolesnikova" is cut at the comma by the pattern; drop a leading sentence word.
  const words = s.split(/\s+/);
  while (words.length > 1 && NOT_NAME.test(words[0] as string)) words.shift();
  return words.join(' ');
}

export function agesIn(text: string): AgeMention[] {
  const out: AgeMention[] = [];
  const add = (a: AgeMention) => {
    if (!out.some((o) => a.start < o.end && a.end > o.start)) out.push(a);
  };
  for (const m of text.matchAll(APPOS_NUM)) {
    const holder = cleanName(m[1] as string);
    if (NOT_NAME.test(holder)) continue;
    const start = (m.index ?? 0) + m[0].lastIndexOf(m[2] as string);
    add({ age: m[2] as string, start, end: start + (m[2] as string).length, holder, descriptor: null });
  }
  for (const m of text.matchAll(APPOS_DESC)) {
    const holder = cleanName(m[1] as string);
    if (NOT_NAME.test(holder)) continue;
    const start = (m.index ?? 0) + m[0].indexOf(`${m[2]}-year-old`);
    add({ age: m[2] as string, start, end: start + `${m[2]}-year-old`.length, holder, descriptor: null });
  }
  for (const m of text.matchAll(PREMOD)) {
    const start = (m.index ?? 0) + m[0].indexOf(`${m[1]}-year-old`);
    add({ age: m[1] as string, start, end: start + `${m[1]}-year-old`.length, holder: m[2] as string, descriptor: null });
  }
  for (const m of text.matchAll(AGED)) {
    const age = (m[2] ?? m[3]) as string;
    const start = (m.index ?? 0) + m[0].indexOf(age);
    add({ age, start, end: start + age.length, holder: cleanName(m[1] as string), descriptor: null });
  }
  for (const m of text.matchAll(DESC)) {
    const start = (m.index ?? 0) + m[0].indexOf(`${m[1]}-year-old`);
    add({ age: m[1] as string, start, end: start + `${m[1]}-year-old`.length, holder: null, descriptor: (m[2] ?? '').trim() });
  }
  return out.sort((a, b) => a.start - b.start);
}
