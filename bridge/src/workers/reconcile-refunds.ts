/**
 * The safety net for lost refund webhooks (issue #18): a completed refund whose webhook never came
 * (RETURN_STATUS_CHANGE at RETURN_OR_REFUND_REQUEST_COMPLETE / REPLACEMENT_REQUEST_REFUND_SUCCESS,
 * CANCELLATION_STATUS_CHANGE at CANCELLATION_REQUEST_COMPLETE) is still booked. One pass per shop:
 * Search Returns in those statuses and Search Cancellations at CANCELLATION_REQUEST_COMPLETE, both by
 * `update_time` from the persisted cursor `refunds.update_time` (minus an overlap) up to now, every
 * page; a `refund.upsert` job for each one found (deduplicated per shop and refund id, as a webhook's);
 * only then the cursor moves to the end of the window. A failure part-way leaves the cursor where it
 * was, so the next pass covers the same window again. The refund's NetSuite document carries its
 * externalid `tts_rf_<shop>_<refund>`, so a refund found by both a webhook and this pass is booked
 * once. The same shape as the returns' pass (reconcile-returns.ts).
 */
import type { Logger } from 'pino';
import { REFUND_DONE_STATUSES } from '../../../shared-types/src/refunds/tiktok-refund';
import { type Clock, unixSeconds } from '../../../shared-types/src/time/clock';
import { describeError } from '../core/errors';
import type { BridgeStore } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { refundUpsertJob } from './job-kinds';
import type { ReconcileOptions } from './reconcile';

export const REFUNDS_CURSOR = 'refunds.update_time';

export interface RefundReconcileDeps {
  store: BridgeStore;
  tiktok: Pick<TikTokClient, 'searchReturns' | 'searchCancellations'>;
  clock: Clock;
  logger: Logger;
}

export interface RefundReconcileResult {
  shopId: string;
  windowStart: number;
  windowEnd: number;
  refundsFound: number;
  jobsCreated: number;
}

export async function reconcileShopRefunds(
  deps: RefundReconcileDeps,
  shopId: string,
  options: ReconcileOptions = {},
): Promise<RefundReconcileResult> {
  // `update_time_lt` is exclusive: end after the current second so a refund completed now is found now.
  const windowEnd = unixSeconds(deps.clock) + 1;
  const cursor = await deps.store.getCursor(shopId, REFUNDS_CURSOR);
  const windowStart =
    options.sinceSec ??
    (cursor
      ? cursor.value - (options.overlapSec ?? 300)
      : windowEnd - (options.initialLookbackSec ?? 3 * 24 * 3600));
  const window = { updateTimeGe: windowStart, updateTimeLt: windowEnd };
  const returns = await deps.tiktok.searchReturns(shopId, {
    ...window,
    statuses: REFUND_DONE_STATUSES.return,
  });
  const cancellations = await deps.tiktok.searchCancellations(shopId, {
    ...window,
    statuses: [...REFUND_DONE_STATUSES.cancellation],
  });
  const found = [
    ...returns.map((r) => ({ source: 'return' as const, id: r.return_id })),
    ...cancellations.map((c) => ({ source: 'cancellation' as const, id: String(c.cancel_id) })),
  ];
  const result: RefundReconcileResult = {
    shopId,
    windowStart,
    windowEnd,
    refundsFound: found.length,
    jobsCreated: 0,
  };
  for (const refund of found) {
    const { created } = await deps.store.enqueueJob(
      refundUpsertJob(shopId, refund.source, refund.id, deps.clock.now()),
      deps.clock.now(),
    );
    if (created) result.jobsCreated += 1;
  }
  await deps.store.setCursor(shopId, REFUNDS_CURSOR, windowEnd, deps.clock.now());
  deps.logger.info({ ...result }, 'refund reconciliation pass complete');
  return result;
}

export interface RefundReconcileAllResult {
  results: RefundReconcileResult[];
  failures: { shopId: string; error: string }[];
}

/** One pass over every connected shop; a failing shop is recorded and the others still run. */
export async function reconcileAllShopsRefunds(
  deps: RefundReconcileDeps,
  options: ReconcileOptions = {},
): Promise<RefundReconcileAllResult> {
  const out: RefundReconcileAllResult = { results: [], failures: [] };
  for (const shop of await deps.store.listShops()) {
    if (shop.state !== 'connected') continue;
    try {
      out.results.push(await reconcileShopRefunds(deps, shop.shopId, options));
    } catch (error) {
      const message = describeError(error);
      out.failures.push({ shopId: shop.shopId, error: message });
      deps.logger.warn({ shopId: shop.shopId, err: message }, 'refund reconciliation failed');
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'reconcile.refunds',
        shopId: shop.shopId,
        message: `Refund reconciliation failed: ${message}`,
      });
    }
  }
  return out;
}
