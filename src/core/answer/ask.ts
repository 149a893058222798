/**
 * ask(question): an extractive answer with citations. Questions a structured answer fits go there
 * first (who-backs.ts, routed.ts); the rest are retrieved (retrieve.ts: query-plan.ts builds the
 * search, rank.ts picks the sentences, spans.ts the part that answers). The answer is a span of the
 * best sentence when the question asks for an age, a number, a date or a person, else the sentence
 * itself. A question whose named things the corpus never mentions gets "not in the corpus"; so does
 * one no sentence answers (the relevance floor), with the closest passages labelled as such.
 */
import type { Briefing } from '../briefing.js';
import { isStopword, tokenize } from '../text.js';
import { type AnswerModel, answerWithModel, type NameLexicon } from './grounding.js';
import { retrieve, type Retrieval } from './retrieve.js';
import { whoBacks } from './who-backs.js';
import { routedAnswer } from './routed.js';
import type { AskResult, Citation } from '../types.js';

export type { QType } from './question.js';
export type { Span } from './spans.js';
export { retrieve, type Passage, type Retrieval } from './retrieve.js';

/** The extractive answer from retrieved passages: a span of the best one, or the sentence itself. */
export function extractiveAnswer(ret: Retrieval): AskResult {
  const best = ret.passages[0];
  if (!best) {
    const closest = ret.closest.map((p) => ({ quote: p.text, docId: p.docId, source: p.source, at: p.at, highlight: null }));
    return { question: ret.question, answer: null, citations: [], mode: 'extractive', note: NOT_IN_CORPUS, ...(closest.length ? { closest } : {}) };
  }
  const citations: Citation[] = ret.passages.slice(0, 3).map((p) => {
    const span = p === best ? best.span : null;
    return { quote: p.text, docId: p.docId, source: p.source, at: p.at, highlight: span && span.end > span.start ? [span.start, span.end] : null };
  });
  // A span that depends on an earlier sentence ("The 46-year-old…") cites that sentence second.
  const ctx = best.span?.context;
  if (ctx && !citations.some((c) => c.quote === ctx.text)) citations.splice(1, 0, { quote: ctx.text, docId: best.docId, source: best.source, at: best.at, highlight: null });
  const answer = best.span && (ret.type !== 'other' || best.span.reason) ? best.span.answer : best.text;
  const read = readNote(ret);
  return { question: ret.question, answer, citations: citations.slice(0, 3), mode: 'extractive', ...(read ? { note: read } : {}) };
}

/** "Read “britian” as “Britain”.": how the question's names were read, or null. */
function readNote(ret: Retrieval): string | null {
  return ret.read?.length ? `Read ${ret.read.map((r) => `“${r.typed}” as “${r.as}”`).join(', ')}.` : null;
}

export const NOT_IN_CORPUS = 'Not in the corpus: no article here answers that.';

/**
 * Answer a question from the corpus. With a model, the model writes the answer from the retrieved
 * passages and the grounding checks decide whether it is shown; otherwise (or when it fails) the
 * extractive answer is.
 */
export async function askQuestion(kb: Briefing, question: string, model?: AnswerModel): Promise<AskResult> {
  // "Who backs X?" about a side: the stance roster answers it, each supporter with its evidence.
  const roster = whoBacks(kb, question.trim());
  if (roster) return roster;
  const routed = routedAnswer(kb, question.trim(), { model: model !== undefined });
  if (routed) return routed;
  const ret = retrieve(kb, question);
  const extractive = extractiveAnswer(ret);
  // No passage, no request: the corpus does not say, and a model must not guess.
  if (!model || ret.passages.length === 0) return extractive;
  return answerWithModel(ret, extractive, model, nameLexicon(kb));
}

/**
 * The knowledge base's names for the grounding checks, in any case: every lower-case word that
 * is not a stopword is read as if capitalised, so "mexico" in a model's answer is Mexico
 * (acronyms still need their capitals: "us" is not the US).
 */
export function nameLexicon(kb: Briefing): NameLexicon {
  return {
    mentions(text) {
      const title = (w: string) => (w === w.toLowerCase() && !isStopword(w) ? w.charAt(0).toUpperCase() + w.slice(1) : w);
      const toks = tokenize(text).map((t) => ({ ...t, cased: title(t.cased) }));
      return kb.gazetteer.match(toks).map((m) => ({ start: m.start, end: m.end, key: m.actorId, names: kb.gazetteer.aliasesOf(m.actorId) }));
    },
  };
}
