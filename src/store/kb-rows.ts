/** The rows knowledge-base reads return (kb-read.ts, kb-search.ts) and writes take (kb-write.ts). */
export interface ActorRow {
  id: string;
  name: string;
  kind: string;
  affiliation: string | null;
  aliases: string;
  mentions: number;
}
export interface ClaimJoin {
  side: string | null;
  strength: 'firm' | 'leaning' | 'neutral';
  at: string | null;
  precision: string | null;
  sentenceId: number;
  speaker: string | null;
  docId: string;
  source: string;
  url: string | null;
  text: string;
}
export interface StanceRow {
  actor_id: string;
  alignment: string;
  strength: string | null;
  change: string | null;
  last_at: string | null;
  /** JSON array of sentence ids, best evidence first. */
  evidence: string;
  n_claims: number;
  n_docs: number;
}
export interface EventRow {
  id: number;
  day: string;
  at: string;
  precision: string;
  text: string;
  kind: string;
  scheduled: number;
  importance: number;
  /** How many articles report the event. */
  n_sources: number;
}
export interface FigureRow {
  kind: string;
  value: string;
  text: string;
  docId: string;
  source: string;
  at: string | null;
}
/** The articles of a digest: one news day, or those ingested after an instant (ISO). */
export type DocScope = { day: string } | { since: string };
export interface EventSourceRow {
  docId: string;
  source: string;
  title: string;
  url: string | null;
  published: string;
}
export interface DocSummaryRow {
  id: string;
  title: string;
  source: string;
  published: string;
  url: string | null;
  sentences: number;
}
