/**
 * What an ingest makes stale, recomputed in the caller's transaction: event importance, and each
 * touched actor's position (aggregated from its claims) with its evidence and history, comparing
 * it with the position before to record alerts (collect.ts).
 */
import { aggregate } from '../answer/stance.js';
import type { KbReader } from '../../store/kb-read.js';
import { refreshImportance } from '../../store/kb-write.js';
import type { Store } from '../../store/store.js';
import type { CrisisConfig } from '../types.js';
import { AlertCollector } from './collect.js';

/** Recompute importance, and the positions of `actors` (default every actor with claims). */
export function refreshPositions(store: Store, reader: KbReader, crisis: CrisisConfig, now: Date, arena: Set<string>, actors?: Set<string>): void {
  refreshImportance(store);
  // Alerts: each position before and after, then new figures and events, stored in this transaction.
  const alerts = new AlertCollector(store, reader, crisis, now, arena);
  for (const id of actors ?? reader.claimActors()) {
    const claims = reader.claimsLight(id);
    const agg = aggregate(claims);
    if (!agg) continue;
    const before = reader.stance(id);
    alerts.stance(id, before ? { alignment: before.alignment, strength: before.strength } : null, agg, claims);
    reader.saveHistory(id, agg.history);
    const ids: number[] = [];
    for (const c of [...agg.support, ...(agg.previous ? [agg.previous] : [])]) if (!ids.includes(c.sentenceId) && ids.length < 5) ids.push(c.sentenceId);
    // The previous position's evidence stays in the list even when five newer sentences exist.
    if (agg.previous && !ids.includes(agg.previous.sentenceId)) ids[ids.length - 1] = agg.previous.sentenceId;
    reader.saveStance({
      actor_id: id,
      alignment: agg.alignment,
      strength: agg.strength,
      change: agg.change ? JSON.stringify(agg.change) : null,
      last_at: agg.support[0]?.at ?? null,
      evidence: JSON.stringify(ids),
      n_claims: claims.length,
      n_docs: new Set(claims.map((c) => c.docId)).size,
    });
  }
  alerts.finish();
}
