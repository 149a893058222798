/**
 * Retrieval: the passages that answer a question, best first. Retrieval is FTS5 over sentences
 * (query-plan.ts builds the query), the candidates scored and ordered by rank.ts. Both the
 * extractive answer and a model's answer are built from these, so they cite the same evidence.
 */
import type { Briefing } from '../briefing.js';
import type { QType } from './question.js';
import { planQuery } from './query-plan.js';
import { rankSentences } from './rank.js';
import type { Span } from './spans.js';

/** A retrieved sentence, ranked; `id` ("p1", "p2", ...) names it to a model and in its citations. */
export interface Passage {
  id: string;
  sentenceId: number;
  text: string;
  docId: string;
  source: string;
  at: string | null;
  /** The answer span when the question asks for an age, a number, a date or a person. */
  span: Span | null;
  /** Full names of the actors the passage mentions ("Jane Smith" for "Smith"). */
  names: string[];
}

/** What retrieval found for a question: passages best first (none when the corpus does not say). */
export interface Retrieval {
  question: string;
  type: QType;
  passages: Passage[];
  /**
   * When no passage answers: the nearest sentences, shown as such ("closest passages"), never as
   * the answer and never given to a model.
   */
  closest: Passage[];
  /** Names in the question read as others ("britian" as "Britain"); said with the answer. */
  read?: { typed: string; as: string }[];
}

/** How many passages retrieval keeps: the extractive answer cites 3, a model reads up to 6. */
const MAX_PASSAGES = 8;
const MAX_CLOSEST = 3;

/**
 * Retrieve the passages that answer a question, best first. Both the extractive answer and a
 * model's answer are built from these, so they cite the same evidence.
 */
export function retrieve(kb: Briefing, question: string): Retrieval {
  const plan = planQuery(kb, question);
  const { asked, type, qActors, groups, parts } = plan;
  const none: Retrieval = { question: asked, type, passages: [], closest: [], read: plan.read };
  if (parts.length === 0) return none;
  // Unknown named actors ("Mexico" when no article names it) mean the corpus cannot answer.
  for (const id of qActors) if (!kb.inCorpus(id) && !kb.crisis.sides.some((s) => s.id === id) && !kb.gazetteer.arena.has(id)) return none;
  let rows: ReturnType<typeof kb.reader.search>;
  try {
    // A definition is one particular sentence, not the newest mention: rank those with BM25.
    rows = groups.length > 0 && type !== 'define' ? kb.reader.search(groups.join(' AND '), 60, { bm25: false }) : [];
    if (rows.length < 10) rows = kb.reader.search(parts.join(' OR '), 60);
  } catch {
    return none;
  }
  if (rows.length === 0) return none;
  const { answers, scored, sActors } = rankSentences(kb, plan, rows);
  const passages = toPassages(kb, answers, sActors, MAX_PASSAGES);
  if (passages.length > 0) return { question: asked, type, passages, closest: [], read: plan.read };
  // Nothing answers: the nearest sentences that share something with the question, labelled as such.
  const near = scored.filter((s) => s.coverage > 0).sort((a, b) => b.score - a.score);
  return { question: asked, type, passages: [], closest: toPassages(kb, near.map((s) => ({ ...s, span: null })), sActors, MAX_CLOSEST), read: plan.read };
}

type Scored = { r: { id: number; text: string; docId: string; source: string; at: string | null }; span: Span | null };

function toPassages(kb: Briefing, list: Scored[], sActors: Map<number, string[]>, max: number): Passage[] {
  const passages: Passage[] = [];
  const seen = new Set<string>();
  for (const s of list) {
    if (passages.length >= max) break;
    if (seen.has(s.r.text)) continue;
    seen.add(s.r.text);
    const names = new Set((sActors.get(s.r.id) ?? []).map((a) => kb.gazetteer.actors.get(a)?.name ?? ''));
    names.delete('');
    passages.push({ id: `p${passages.length + 1}`, sentenceId: s.r.id, text: s.r.text, docId: s.r.docId, source: s.r.source, at: s.r.at, span: s.span, names: [...names] });
  }
  return passages;
}
