/**
 * A ruling the article described earlier: "Kaimora rejected as null and void a 2036 arbitration
 * ruling …" (or "the tribunal ruled in favour of Duresh"). The ruling went against one side; a later
 * sentence that names no side ("Laos also rejected the ruling", "Japan welcomed the award") takes a
 * side only through it: rejecting it is with the side it went against, welcoming or backing it is
 * with the other. extract.ts keeps the side per article and calls both functions in one line each.
 * Investigators' findings are read the same way: "Dravonia rejected the findings as politically
 * motivated" makes them findings against Dravonia, and "Belarus rejected the findings" is with it.
 */
import type { XClaim } from './extract.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import { coordinated } from './shape.js';

type Claim = Omit<XClaim, 'seq' | 'speaker'>;

const RULING = String.raw`(?:ruling|award|verdict|judg(?:e)?ment|arbitration decision|tribunal['’]s decision|findings)`;
/** A side rejecting a ruling: "Kaimora (again) rejected (as null and void) a 2036 arbitration ruling", "Kaimora deployed … and rejected …". */
const REJECTED_BY = new RegExp(String.raw`^(?:['’]s?\s+(?:[a-z]+\s+){0,2}?)?\s*(?:[a-z]+(?:ed|s)\b[^,;"“”]{0,100}?\s(?:and|but)\s+)?(?:(?:has|have|had|also|again|formally|flatly|swiftly|quickly|on \w+)\s+){0,2}(?:reject(?:s|ed)?|dismiss(?:es|ed)?|refus(?:es|ed) to (?:recogni[sz]e|accept|abide by))\s+(?:as\s+(?:["“']?null and void["”']?|illegal|invalid)\s+)?(?:the|a|an|this|that|its)\s+(?:[\w-]+\s+){0,3}?${RULING}\b`, 'i');
/** "ruled in favour of X", "ruled against X", "found in favour of X". */
const RULED = /\b(?:ruled|found|decided)\s+(?:largely\s+|overwhelmingly\s+)?(in favou?r of|against)\s+(?:the\s+)?$/i;

/** A sentence that names a ruling at all (compiled once: every sentence meets it). */
const NAMES_RULING = new RegExp(String.raw`\b${RULING}|\bruled\b`, 'i');

/** The side a ruling described in this sentence went against, or null. */
export function rulingAgainst(text: string, mentions: Mention[], gaz: Gazetteer): string | null {
  if (/\?\s*$/.test(text) || !NAMES_RULING.test(text)) return null;
  const sides = mentions.filter((m) => gaz.isSide(m.actorId));
  const ids = [...gaz.sideIds];
  if (ids.length !== 2) return null;
  for (const m of sides) {
    if (REJECTED_BY.test(text.slice(m.end, m.end + 140)) && !/\b(?:if|whether|not|never)\s+(?:\w+\s+){0,2}$/i.test(text.slice(Math.max(0, m.start - 20), m.start))) return m.actorId;
    const r = RULED.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (r) return /against/i.test(r[1] ?? '') ? m.actorId : (ids.find((s) => s !== m.actorId) ?? null);
  }
  return null;
}

/** "(also) rejected the ruling" (with the side it went against); "welcomed / backed the ruling" (with the other). */
const ON_RULING = new RegExp(String.raw`\b(?:(reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refus(?:e|es|ed|ing) to (?:recogni[sz]e|accept))|(welcom(?:e|es|ed|ing)|hail(?:s|ed|ing)?|back(?:s|ed|ing)?|support(?:s|ed|ing)?|endors(?:e|es|ed|ing)|prais(?:e|es|ed|ing)))\s+(?:the|that|this|last \w+['’]s)\s+(?:[\w-]+\s+){0,2}?${RULING}\b(?!\s+(?:against|in favou?r of|on|that|which|by)\b)`, 'i');
const WITHHELD = /(?:\bnot|n['’]t|\bnever|\bno|short of|declin\w+ to|refus\w+ to|yet to|without|whether|if)\s+(?:\w+\s+){0,2}$/i;

/** Claims of actors taking a position on the ruling the article described earlier (`against`: whom it went against). */
export function rulingClaims(text: string, mentions: Mention[], gaz: Gazetteer, against: string | null, already: Claim[]): Claim[] {
  if (!against) return [];
  const m = ON_RULING.exec(text);
  const ids = [...gaz.sideIds];
  const other = ids.find((s) => s !== against);
  if (!m || !other || ids.length !== 2 || /\?\s*$/.test(text) || WITHHELD.test(text.slice(Math.max(0, m.index - 30), m.index))) return [];
  // A side named in the sentence says whose ruling or act it is: leave it to the other cues.
  if (mentions.some((x) => gaz.isSide(x.actorId))) return [];
  const at = text.slice(0, m.index).replace(/\s+(?:also|likewise|too|has|have|had|formally|publicly|quickly|swiftly|later)\s*$/i, '').trimEnd().length;
  const holders = coordinated(text, mentions.filter((x) => x.end <= at && !gaz.isSide(x.actorId)), at, false);
  const side = m[1] ? against : other;
  const why = m[1] ? 'rejecting a ruling described earlier in the article: with the side it went against' : 'welcoming or backing a ruling described earlier in the article: against the side it went against';
  return holders.filter((h) => !already.some((c) => c.actorId === h.actorId)).map((h) => ({ actorId: h.actorId, side, strength: 'leaning' as const, cue: m[0], why }));
}
