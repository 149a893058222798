/**
 * "Who backs the junta?", "Which countries support Sow?", "Who opposes X?": a question about a side's
 * supporters is answered from the stance roster (every actor whose position is that side, firm
 * ones first), each cited with the sentence that states it, not from whichever sentence happens to
 * contain "backing" ("Critics accused Germany of backing the junta" is an accusation).
 */
import type { Briefing } from '../briefing.js';
import type { AskResult, Citation } from '../types.js';
import { evidenceCitation, inSentence } from './stance-answer.js';

// Recognition is an act of its own ("Which countries recognised Hale?" wants those that did, not every backer).
const SUPPORT = String.raw`backs?|backed|supports?|supported|sides? with|sided with|stands? (?:with|behind)|stood (?:with|behind)|is backing|are backing|is supporting|are supporting|is on the side of`;
const OPPOSE = String.raw`opposes?|opposed|is against|are against|condemns?|condemned|is opposing|are opposing`;
const WHO = new RegExp(String.raw`^\s*(?:who|which (?:countries|country|states|governments|nations|leaders|actors|organi[sz]ations))\s+(?:(?:has|have|did|does|do)\s+)?(${SUPPORT}|${OPPOSE})\s+(.+?)\s*\??\s*$`, 'i');
const SUPPORT_RE = new RegExp(`^(?:${SUPPORT})$`, 'i');

/** How many evidence sentences are cited (of the first supporters); the answer names them all. */
const CITED = 3;

export function whoBacks(kb: Briefing, question: string): AskResult | null {
  const m = WHO.exec(question);
  if (!m?.[1] || !m[2]) return null;
  const backs = SUPPORT_RE.test(m[1].trim());
  const object = m[2].replace(/^the\s+/i, '');
  // The object must be a side (by any of its names, its leader included): anyone else's backers are a free question.
  const id = kb.resolve(object).id;
  const side = kb.crisis.sides.find((s) => s.id === id) ?? kb.crisis.sides.find((s) => s.leader && id && kb.gazetteer.aliasesOf(id).some((a) => a === s.leader));
  if (!side) return null;
  const others = kb.crisis.sides.filter((s) => s.id !== side.id);
  // "Who opposes X?" in a two-sided crisis: those who back the other side.
  const wanted = backs ? side : others.length === 1 ? others[0] : undefined;
  if (!wanted) return null;
  const rank = (s: string | null) => (s === 'firm' ? 0 : 1);
  const who = kb
    .actors()
    .filter((a) => a.alignment === wanted.id && !kb.crisis.sides.some((s) => s.id === a.id))
    .sort((a, b) => rank(a.strength) - rank(b.strength) || b.mentions - a.mentions);
  const label = backs ? `Backing ${inSentence(side.label)}` : `Against ${inSentence(side.label)} (backing ${inSentence(wanted.label)})`;
  if (who.length === 0) {
    return { question, answer: null, citations: [], mode: 'extractive', note: `Not in the corpus: no article states a position ${backs ? 'for' : 'against'} ${side.label}.` };
  }
  const citations: Citation[] = [];
  // One sentence naming several supporters ("Germany and Poland expressed solidarity …") is cited once.
  for (const a of who) {
    if (citations.length >= CITED) break;
    const evidence = kb.stance(a.name).evidence;
    const e = evidence.find((x) => x.side === wanted.id) ?? evidence[0];
    if (e && !citations.some((c) => c.docId === e.docId && c.quote === e.quote)) citations.push(evidenceCitation(e));
  }
  const names = who.map((a) => `${a.name}${a.strength === 'leaning' ? ' (leaning)' : ''}`);
  return { question, answer: `${label}: ${names.join(', ')}.`, citations, mode: 'extractive', note: 'From the stance of each actor; /stance NAME shows the evidence of each.' };
}
