/**
 * Free questions the knowledge base answers from its structured answers, not from retrieval:
 * - an actor's position: "What is Russia's position?", "Where does Turkey stand?", "What is the
 *   US stance on the crisis?" (the stance, with its evidence);
 * - whether an actor backs a side: "Does China back Koval?", "Did the army support the Reval Union?"
 *   (yes, leaning, no, or no side, from the stance; never from a sentence that merely has "back");
 * - whether an actor blames another: "Did Ostmark blame the Reval Union?" (blamed.ts: the sentences
 *   where it does, or denies it; never read from the stance);
 * - what an actor said: "What did Kemp say?" (its own quotes, newest first);
 * - what happened on a day: "What happened on January 23?" (that day's most important events).
 * Only these shapes, and only about an actor the corpus names (or a day it has events for): any
 * other question, or one whose name or day the corpus lacks, goes to retrieval (ask.ts).
 */
import type { Briefing } from '../briefing.js';
import { findDates } from '../read/dates.js';
import { escapeRegExp } from '../text.js';
import type { AskResult, Citation, StanceResult } from '../types.js';
import { formatWhen } from '../when.js';
import { blamed } from './blamed.js';
import { evidenceCitation } from './stance-answer.js';
import { shortText } from './timeline.js';

/** How many evidence sentences, quotes or events an answer cites. */
const CITED = 3;

const POSITION = [
  // "What is Russia's position?", "What's the US stance on the crisis?", "what is the position of China"
  /^\s*what(?:\s+is|['’]s)\s+(?:the\s+)?(.+?)(?:['’]s?)?\s+(?:position|stance)(?:\s+(?:on|in|over|toward|towards)\s+.+)?\s*\??\s*$/i,
  /^\s*what(?:\s+is|['’]s)\s+the\s+(?:position|stance)\s+of\s+(.+?)(?:\s+(?:on|in|over|toward|towards)\s+.+)?\s*\??\s*$/i,
  // "Where does Turkey stand?", "where do the Europeans stand on Koval"
  /^\s*where\s+(?:does|do|did)\s+(.+?)\s+stand(?:\s+(?:on|in|over|toward|towards)\s+.+)?\s*\??\s*$/i,
];
const SUPPORT = 'back|support|side with|stand with|stand behind|endorse';
const OPPOSE = 'oppose|condemn';
const BACKS = new RegExp(String.raw`^\s*(?:does|did|do|has|have)\s+(.+?)\s+(${SUPPORT}|${OPPOSE})(?:ed|s)?\s+(.+?)\s*\??\s*$`, 'i');
const SAID = /^\s*what\s+(?:did|does|has|have)\s+(.+?)\s+(?:say|said|tell reporters|told reporters)\s*\??\s*$/i;
const HAPPENED = /^\s*what\s+happened\s+(?:on|during)\s+(.+?)\s*\??\s*$/i;

/**
 * With a model configured, "what did X say" is left to it (it words the retrieved passages, checked
 * for grounding); a position, a yes or no, and a day's events come from the knowledge base either way.
 */
export function routedAnswer(kb: Briefing, question: string, opts: { model: boolean }): AskResult | null {
  return position(kb, question) ?? backs(kb, question) ?? blamed(kb, question) ?? (opts.model ? null : said(kb, question)) ?? happened(kb, question);
}

/** The actor a name in the question denotes, when the corpus names it (a side, its leader, anyone). */
function actorAsked(kb: Briefing, name: string): StanceResult | null {
  const r = kb.stance(name.trim());
  return r.found && r.actor ? r : null;
}

function evidenceCitations(r: StanceResult): Citation[] {
  return r.evidence.slice(0, CITED).map(evidenceCitation);
}

function position(kb: Briefing, question: string): AskResult | null {
  const name = POSITION.map((re) => re.exec(question)?.[1]).find(Boolean);
  if (!name) return null;
  const r = actorAsked(kb, name);
  if (!r) return null;
  if (r.evidence.length === 0 && r.alignment === 'neutral' && r.strength === null) {
    return { question, answer: null, citations: [], mode: 'extractive', note: `No position stated: ${r.summary}` };
  }
  return { question, answer: r.summary, citations: evidenceCitations(r), mode: 'extractive', note: 'From the stance; /stance NAME shows all its evidence.' };
}

function backs(kb: Briefing, question: string): AskResult | null {
  const m = BACKS.exec(question);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const target = kb.resolve(m[3].replace(/^the\s+/i, '')).id;
  const side = kb.crisis.sides.find((s) => s.id === target);
  if (!side) return null;
  const r = actorAsked(kb, m[1]);
  if (!r?.actor || r.actor.kind === 'side') return null;
  if (r.evidence.length === 0) {
    return { question, answer: null, citations: [], mode: 'extractive', note: `No position stated: ${r.summary}` };
  }
  const supports = new RegExp(`^(?:${SUPPORT})$`, 'i').test(m[2]);
  const twoSided = kb.crisis.sides.length === 2;
  let verdict: string;
  if (r.alignment === 'neutral') verdict = 'No side:';
  else if (r.alignment === side.id) verdict = supports ? (r.strength === 'firm' ? 'Yes.' : 'It leans that way.') : 'No.';
  else if (supports) verdict = 'No.';
  else if (twoSided) verdict = r.strength === 'firm' ? 'Yes.' : 'It leans that way.';
  else return null;
  return { question, answer: `${verdict} ${r.summary}`, citations: evidenceCitations(r), mode: 'extractive', note: 'From the stance; /stance NAME shows all its evidence.' };
}

function said(kb: Briefing, question: string): AskResult | null {
  const m = SAID.exec(question);
  if (!m?.[1]) return null;
  const r = actorAsked(kb, m[1]);
  if (!r?.actor) return null;
  const quotes = kb.reader.quotesBy([r.actor.id], CITED);
  if (quotes.length === 0) return reportedSpeech(kb, question, r.actor.id, r.actor.name);
  const first = quotes[0] as (typeof quotes)[number];
  const citations = quotes.map((q) => {
    const at = q.text.indexOf(q.quote);
    return { quote: q.text, docId: q.docId, source: q.source, at: q.at ?? q.published, highlight: at >= 0 ? ([at, at + q.quote.length] as [number, number]) : null };
  });
  // A fragment ("“if he continues to stand strong …”") is no answer without its sentence.
  const answer = /^\p{Ll}/u.test(first.quote) ? first.text : `“${first.quote.replace(/[,;:]\s*$/, '')}”`;
  return { question, answer, citations, mode: 'extractive', note: `${r.actor.name}'s own words, newest first.` };
}

function happened(kb: Briefing, question: string): AskResult | null {
  const m = HAPPENED.exec(question);
  const newest = kb.reader.newestDay();
  if (!m?.[1] || !newest) return null;
  const days = findDates(m[1], newest).filter((d) => d.precision === 'day');
  if (days.length !== 1) return null;
  const day = (days[0] as (typeof days)[number]).value.slice(0, 10);
  const t = kb.timeline({ from: day, to: day, limit: CITED });
  if (t.events.length === 0) return null;
  const top = [...t.events].sort((a, b) => b.importance - a.importance)[0] as (typeof t.events)[number];
  const citations = t.events.map((e) => ({ quote: e.text, docId: e.sources[0]?.docId ?? '', source: e.sources[0]?.source ?? '', at: e.at, highlight: null }));
  const more = t.total > t.events.length ? `; ${t.total - t.events.length} more events in the timeline of that day` : '';
  return { question, answer: `${formatWhen(day)}: ${shortText(top.text, 140)}`, citations, mode: 'extractive', note: `The day's most important events, in time order${more}.` };
}

const SPEECH = String.raw`said|says|told|tweeted|warned|stated|added|wrote|insisted|declared`;

/**
 * What an actor said in reported speech ("Kemp told the diplomats to stay …"): sentences where one
 * of its names is the subject of a verb of saying, or follows "said" ("…, said Kemp"). A sentence
 * that only mentions it ("Wrona says he will discuss it with Kemp") is not its words.
 */
function reportedSpeech(kb: Briefing, question: string, id: string, name: string): AskResult | null {
  const names = [...new Set([name, ...kb.gazetteer.aliasesOf(id)])].filter((n) => n.length >= 3 && !n.includes('"'));
  if (names.length === 0) return null;
  const rows = kb.reader.search(`(${names.map((n) => `"${n}"`).join(' OR ')}) AND (${SPEECH.split("|").join(" OR ")})`, 400, { bm25: false });
  const alt = names.map(escapeRegExp).join('|');
  // The name, then its verb within a few words ("Kemp on Thursday told") or after one appositive
  // between commas ("Kemp, the secretary of state, said"); not "…to Koval, Strand said", nor
  // "Koval and denounced Norrby, who declared". Or a closing "said" then the name, ending the
  // clause ("…,” said Kemp."), not "says Koval's government is …".
  const speaker = new RegExp(
    String.raw`\b(?:${alt})\b(?!['’]s)(?:(?:\s+[^\s.;:,“”"]+){0,3}?|,[^.;:,“”"]{1,80},)\s+(?:${SPEECH})\b` +
      // Only a title between "said" and the name ("…,” said Foreign Minister Kemp."), never a clause
      // of its own (", said he stood by Telmann.").
      // (The regex is case-insensitive, so the clause is told by its words: a pronoun, a preposition, a verb.)
      String.raw`|[,”"]\s*(?:said|says)\s+(?:(?!(?:he|she|it|they|we|i|you|that|this|who|which|by|to|with|for|on|in|at|from|against|was|is|were|are|had|has|have|would|will|could|did|does|\p{L}+ed|\p{L}+ing)\b)[\p{L}.'’-]+\s+){0,4}(?:${alt})\b(?!['’]s)\s*(?:[.,;:]|$)`,
    'iu',
  );
  const hits = rows.filter((row) => speaker.test(row.text)).slice(0, CITED);
  if (hits.length === 0) return null;
  const citations = hits.map((h) => ({ quote: h.text, docId: h.docId, source: h.source, at: h.at, highlight: null }));
  return { question, answer: (hits[0] as (typeof hits)[number]).text, citations, mode: 'extractive', note: `What ${name} said, as reported; newest first.` };
}
