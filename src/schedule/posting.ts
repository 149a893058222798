/**
 * What every scheduled post shares, digests (run.ts) and alert batches (alerts.ts): the retry
 * delays, when a silent claim is taken over, the points where a test can stop a run, and the
 * context a publisher posts one claimed delivery with.
 */
import type { Clock } from '../core/types.js';
import { type DeliveryKey, type DeliveryLedger, deliveryId } from '../store/deliveries.js';
import { LostClaimError, type PublishContext } from './publisher.js';

/** Wait before each retry of a failed post; its length bounds the attempts (1 + retries). */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 15 * 60_000];
/**
 * A claim with no activity for this long is taken over even when its owner's death cannot be
 * proven (another host). Well above what one request can take (the clients time out in 30 s).
 */
export const STALE_POSTING_MS = 15 * 60_000;

/**
 * Points where a test or the stress suite can stop a run, as a crash would: before a claim, after
 * it (nothing sent), just before a request ("sending" recorded), after the platform answered (not
 * yet recorded).
 */
export type FaultPoint = 'before-claim' | 'after-claim' | 'before-send' | 'after-send';

/** Fault injection (tests, `npm run stress`): called at each FaultPoint; may throw or never settle. */
export type Faults = (point: FaultPoint, k: DeliveryKey, page?: number) => void | Promise<void>;

/**
 * The context a publisher posts one claimed delivery with: its progress from the ledger, and the
 * hooks that record "sending" before each request and each confirmed page (digests and alert batches).
 */
export function publishContext(ledger: DeliveryLedger, k: DeliveryKey, claimId: string, clock: Clock, faults?: Faults): PublishContext {
  const progress = ledger.get(k);
  return {
    deliveryId: deliveryId(k),
    done: progress?.pagesDone ?? 0,
    ref: progress?.messageRef ?? undefined,
    uncertainSince: progress?.sendingAt ? new Date(progress.sendingAt) : undefined,
    now: () => clock.now(),
    beforeSend: async (page) => {
      if (!ledger.markSending(k, claimId, clock.now())) throw new LostClaimError();
      await faults?.('before-send', k, page);
    },
    sent: async (page, ref) => {
      await faults?.('after-send', k, page);
      if (!ledger.pageSent(k, claimId, page, ref ?? null, clock.now())) throw new LostClaimError();
    },
    absent: () => ledger.clearSending(k, claimId),
  };
}

/** Run tasks with at most `n` at once. */
export async function inParallel(tasks: (() => Promise<void>)[], n: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, worker));
}
