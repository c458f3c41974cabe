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
 * once. The window and per-shop pass are reconcile-window.ts's.
 */
import type { Logger } from 'pino';
import { REFUND_DONE_STATUSES } from '../../../shared-types/src/refunds/tiktok-refund';
import type { Clock } from '../../../shared-types/src/time/clock';
import type { BridgeStore } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { refundUpsertJob } from './job-kinds';
import type { ReconcileOptions } from './reconcile';
import {
  closeCursorWindow,
  forEachConnectedShop,
  openCursorWindow,
  type ShopPassResult,
} from './reconcile-window';

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
  const window = await openCursorWindow(deps.store, deps.clock, shopId, REFUNDS_CURSOR, options);
  const filter = { updateTimeGe: window.start, updateTimeLt: window.end };
  const returns = await deps.tiktok.searchReturns(shopId, {
    ...filter,
    statuses: REFUND_DONE_STATUSES.return,
  });
  const cancellations = await deps.tiktok.searchCancellations(shopId, {
    ...filter,
    statuses: [...REFUND_DONE_STATUSES.cancellation],
  });
  const found = [
    ...returns.map((r) => ({ source: 'return' as const, id: r.return_id })),
    ...cancellations.map((c) => ({ source: 'cancellation' as const, id: String(c.cancel_id) })),
  ];
  const result: RefundReconcileResult = {
    shopId,
    windowStart: window.start,
    windowEnd: window.end,
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
  await closeCursorWindow(deps.store, deps.clock, shopId, REFUNDS_CURSOR, window);
  deps.logger.info({ ...result }, 'refund reconciliation pass complete');
  return result;
}

export type RefundReconcileAllResult = ShopPassResult<RefundReconcileResult>;

/** One pass over every connected shop; a failing shop is recorded and the others still run. */
export async function reconcileAllShopsRefunds(
  deps: RefundReconcileDeps,
  options: ReconcileOptions = {},
): Promise<RefundReconcileAllResult> {
  return forEachConnectedShop(deps, { source: 'reconcile.refunds', label: 'refund' }, (shopId) =>
    reconcileShopRefunds(deps, shopId, options),
  );
}
