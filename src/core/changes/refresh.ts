/**
 * What an ingest makes stale, recomputed in the caller's transaction: event importance, and each
 * touched actor's position (aggregated from its claims) with its evidence and history, comparing
 * it with the position before to record alerts (collect.ts).
 *
 * On a large corpus a busy actor's claims run to the ten thousands, and recomputing its position
 * costs tens of milliseconds: `positionsInSlices` reads and aggregates
 * one actor at a time, yielding between them, and only the writing happens in one short
 * transaction (savePositions), so a bot that ingests a feed while it answers stays responsive.
 */
import { type Aggregate, aggregate } from '../answer/stance.js';
import type { KbReader } from '../../store/kb-read.js';
import { refreshImportance } from '../../store/kb-write.js';
import type { Store } from '../../store/store.js';
import type { CrisisConfig } from '../types.js';
import { AlertCollector } from './collect.js';

/**
 * An actor's new position, computed but not yet saved: only what is written (a refresh in slices
 * holds every touched actor's until the end, so not the claims behind it).
 */
export interface NewPosition {
  id: string;
  alignment: string;
  strength: Aggregate['strength'];
  change: Aggregate['change'];
  history: Aggregate['history'];
  /** Up to five evidence sentences: the current position's, with the previous position's last. */
  evidence: number[];
  lastAt: string | null;
  nClaims: number;
  nDocs: number;
}

/** Recompute importance, and the positions of `actors` (default every actor with claims). */
export function refreshPositions(store: Store, reader: KbReader, crisis: CrisisConfig, now: Date, arena: Set<string>, actors?: Set<string>): void {
  const alerts = new AlertCollector(store, reader, crisis, now, arena);
  const positions: NewPosition[] = [];
  for (const id of actors ?? reader.claimActors()) {
    const p = positionOf(reader, alerts, id);
    if (p) positions.push(p);
  }
  savePositions(store, reader, alerts, positions);
}

/** The same reads and aggregation as refreshPositions, an actor at a time, awaiting `pause` between actors. */
export async function positionsInSlices(reader: KbReader, alerts: AlertCollector, actors: Iterable<string>, pause: () => Promise<void>): Promise<NewPosition[]> {
  const positions: NewPosition[] = [];
  for (const id of actors) {
    const p = positionOf(reader, alerts, id);
    if (p) positions.push(p);
    await pause();
  }
  return positions;
}

/** One actor's position from all its claims; its change, if any, goes to the alert collector. */
function positionOf(reader: KbReader, alerts: AlertCollector, id: string): NewPosition | null {
  const claims = reader.claimsLight(id);
  const agg = aggregate(claims);
  if (!agg) return null;
  const before = reader.stance(id);
  alerts.stance(id, before ? { alignment: before.alignment, strength: before.strength } : null, agg, claims);
  const evidence: number[] = [];
  for (const c of agg.support) {
    if (evidence.length >= 5) break;
    if (!evidence.includes(c.sentenceId)) evidence.push(c.sentenceId);
  }
  if (agg.previous && evidence.length < 5 && !evidence.includes(agg.previous.sentenceId)) evidence.push(agg.previous.sentenceId);
  // The previous position's evidence stays in the list even when five newer sentences exist.
  if (agg.previous && !evidence.includes(agg.previous.sentenceId)) evidence[evidence.length - 1] = agg.previous.sentenceId;
  const { alignment, strength, change, history } = agg;
  return { id, alignment, strength, change, history, evidence, lastAt: agg.support[0]?.at ?? null, nClaims: claims.length, nDocs: new Set(claims.map((c) => c.docId)).size };
}

/** Write the positions, importance and alerts: in the caller's transaction. */
export function savePositions(store: Store, reader: KbReader, alerts: AlertCollector, positions: NewPosition[]): void {
  refreshImportance(store);
  for (const p of positions) {
    reader.saveHistory(p.id, p.history);
    reader.saveStance({
      actor_id: p.id,
      alignment: p.alignment,
      strength: p.strength,
      change: p.change ? JSON.stringify(p.change) : null,
      last_at: p.lastAt,
      evidence: JSON.stringify(p.evidence),
      n_claims: p.nClaims,
      n_docs: p.nDocs,
    });
  }
  // Alerts: each position before and after (collected above), then new figures and events, stored in this transaction.
  alerts.finish();
}
