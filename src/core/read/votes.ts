/**
 * Votes on a resolution the article described earlier: "The General Assembly adopted a resolution
 * calling on X to release the ship. … Belarus and Iran voted against the resolution." The later
 * sentence names no side; the earlier one says what the resolution asks, so voting for it leans
 * the way the resolution does and voting against it (vetoing, blocking, opposing) the other way.
 * A vote on a resolution that was never described, or one aimed at both sides, is nobody's stance.
 */
import type { XClaim } from './extract.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import { coordinated } from './shape.js';

type Claim = Omit<XClaim, 'seq' | 'speaker'>;

/** "voted against the resolution", "vetoed the draft", "voted in favour of the motion". */
const VOTE_ON = /\b(?:(vot(?:e|es|ed|ing) (?:against|for|in favou?r of))|(vetoe?(?:s|d|ing)?|blocked|opposed|rejected)|(backed|supported|endorsed))\s+(?:the|that|this)\s+(?:[\w.-]+\s+){0,2}?(?:resolution|motion|draft)\b(?!\s+(?:calling|urging|demanding|condemning|that|which|on|to)\b)/i;

/**
 * The side a resolution described in this sentence leans to: the one side of the sentence's claims
 * made after the word "resolution", or null.
 */
export function resolutionSide(text: string, claims: Claim[]): string | null {
  const at = text.search(/\bresolution\b/i);
  if (at < 0) return null;
  const sides = new Set(claims.filter((c) => c.side && text.indexOf(c.cue, at) >= 0).map((c) => c.side));
  return sides.size === 1 ? ([...sides][0] as string) : null;
}

/** Claims of the actors who vote on "the resolution" described earlier (`side`: the way it leans). */
export function voteClaims(text: string, mentions: Mention[], gaz: Gazetteer, side: string | null, already: Claim[]): Claim[] {
  if (!side) return [];
  const m = VOTE_ON.exec(text);
  if (!m) return [];
  const sides = [...gaz.sideIds];
  const against = Boolean(m[2]) || /against/i.test(m[1] ?? '');
  const toward = against ? sides.find((s) => s !== side) : side;
  if (!toward || sides.length !== 2) return [];
  const voters = coordinated(text, mentions.filter((x) => x.end <= m.index && !gaz.isSide(x.actorId)), text.slice(0, m.index).trimEnd().length, false);
  const why = 'a vote on a resolution described earlier in the article, read by what the resolution asks';
  return voters
    .filter((v) => !already.some((c) => c.actorId === v.actorId))
    .map((v) => ({ actorId: v.actorId, side: toward, strength: 'leaning' as const, cue: m[0], why }));
}
