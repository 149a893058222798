/** Who speaks in a sentence: the actor before a speech verb, or the one a pronoun or title points back to. Split out of extract.ts. */
import { SPEECH } from './cues.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import { CONTACT_VERB, precededByPreposition } from './shape.js';
import type { Token } from '../text.js';

const PRONOUN_START = /^(?:["“]?\s*)(?:He|She|They|It|His|Her|Their|The (?:statement|ministry|leader|official|spokesman|spokeswoman|government|department|president|minister|chief|envoy|\p{Lu}\w+ leader))\b/u;
/** A quote's speaker named after it by a pronoun or a title: `"…," he said`, `"…," the minister added`. */
const QUOTE_TAIL = /[”"’]\s*,?\s*(?:(?:he|she|they)|(?:the|a)\s+(?:[\p{L}-]+\s+){0,3}(?:minister|spokes(?:man|woman|person)|president|secretary|envoy|official|ambassador|leader|chief|statement|ministry|premier|chancellor|commander))\s+(?:said|says|added|told|wrote|tweeted|warned|insisted)\b/iu;

/** True when the sentence's speaker is the passage's subject: "He said …", `"…," the minister added`. */
export function speaksForContext(text: string): boolean {
  return PRONOUN_START.test(text) || QUOTE_TAIL.test(text);
}

/** "said a spokesman for the", "said an official of": who speaks for the actor named next. */
const SPOKESMAN_FOR = /^\s*(?:a|an|the)\s+(?:senior\s+)?(?:spokes(?:man|woman|person)|official|representative|envoy|diplomat)\s+(?:for|of|at|from)\s+(?:the\s+)?$/i;

/**
 * What follows the speaker of an inverted "said X": the clause's end ("…," said Belarus.), its title
 * or possessive ("said Russia's foreign ministry", "said the Kremlin spokesman"), or when and where
 * ("said Belarus on Monday"). "…, and said Belarus would join" reports what Belarus would do: Belarus
 * is not the one speaking.
 */
const INVERTED_END = /^(?:['’]s?\b|\s*(?:[.,;:!?)"”’]|$)|\s+(?:on|in|at|late|early|earlier|later|this|last|yesterday|today|tonight|according|spokes\w*|officials?|minist\w*|foreign|president|leader|envoy|ambassador|prime|chief|government|authorities|statement)\b)/i;

/** The actor the sentence names as speaking (before or right after a speech verb), or null. */
export function findSpeaker(text: string, tokens: Token[], mentions: Mention[], gaz: Gazetteer): string | null {
  SPEECH.lastIndex = 0;
  for (const m of text.matchAll(SPEECH)) {
    const at = m.index ?? 0;
    // "Japan was urged by …", "the results were announced": a passive verb has no speaker before it.
    if (/\b(?:was|were|been|being|is|are)\s+$/i.test(text.slice(Math.max(0, at - 8), at))) continue;
    // The nearest actor ending before the verb, within a few words; not the object of a preposition
    // or of a relative clause closed before the verb ("X, who spoke to Y, urged …"), nor the one an
    // earlier verb of the clause was done to ("X thanked Y for his mediation and said …": X speaks).
    const before = mentions.filter((x) => x.end <= at && (at - x.end < 40 || /^,[^,;]{0,120},\s*$/.test(text.slice(x.end, at))) && !gaz.isSide(x.actorId) && !precededByPreposition(tokens, x) && !/,\s*(?:who|which|that)\b/i.test(text.slice(0, x.start).slice(-60)) && !CONTACT_VERB.test(text.slice(Math.max(0, x.start - 40), x.start)));
    const pick = before[before.length - 1];
    if (pick) return pick.actorId;
    const end = at + m[0].length;
    // "said the minister" names the speaker; "urged Japan", "told Japan", "warned Japan" name the one addressed.
    const after = /^(?:urg|told|warn)/i.test(m[0]) ? undefined : mentions.find((x) => x.start >= end && /^\s*(?:(?:a|an|the)\s+)?$/i.test(text.slice(end, x.start)) && INVERTED_END.test(text.slice(x.end, x.end + 40)) && !gaz.isSide(x.actorId));
    if (after) return after.actorId;
    // "…," said a spokesman for the Malian government: the government the spokesman speaks for.
    const forWhom = mentions.find((x) => x.start >= end && SPOKESMAN_FOR.test(text.slice(end, x.start)) && !gaz.isSide(x.actorId));
    if (forWhom) return forWhom.actorId;
  }
  return null;
}
