/**
 * The safety net for lost return webhooks (RETURN_STATUS_CHANGE, type 12; TikTok also changes a
 * return without a webhook: an arbitration opened, a parcel delivered): Search Returns by
 * `update_time` from the persisted cursor `returns.update_time` (minus an overlap) up to now, page to
 * the end, enqueue a `return.upsert` job for every return found, and only then move the cursor to
 * the end of the window. A failure part-way leaves the cursor where it was, so the next pass covers
 * the same window again. The window, paging and per-shop pass are reconcile-window.ts's.
 */
import type { Logger } from 'pino';
import type { Clock } from '../../../shared-types/src/time/clock';
import { walkPages } from '../core/page-walk';
import type { BridgeStore } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { returnUpsertJob } from './job-kinds';
import type { ReconcileOptions } from './reconcile';
import {
  closeCursorWindow,
  CURSOR_KEPT,
  forEachConnectedShop,
  openCursorWindow,
  type ShopPassResult,
} from './reconcile-window';

export const RETURNS_CURSOR = 'returns.update_time';

export interface ReturnReconcileDeps {
  store: BridgeStore;
  tiktok: Pick<TikTokClient, 'searchReturnsPage'>;
  clock: Clock;
  logger: Logger;
}

export interface ReturnReconcileResult {
  shopId: string;
  windowStart: number;
  windowEnd: number;
  pages: number;
  returnsFound: number;
  jobsCreated: number;
}

export async function reconcileShopReturns(
  deps: ReturnReconcileDeps,
  shopId: string,
  options: Omit<ReconcileOptions, 'pageSize'> = {},
): Promise<ReturnReconcileResult> {
  const window = await openCursorWindow(deps.store, deps.clock, shopId, RETURNS_CURSOR, options);
  const result: ReturnReconcileResult = {
    shopId,
    windowStart: window.start,
    windowEnd: window.end,
    pages: 0,
    returnsFound: 0,
    jobsCreated: 0,
  };
  result.pages = await walkPages(
    `Search Returns for shop ${shopId}`,
    (pageToken) =>
      deps.tiktok.searchReturnsPage(
        shopId,
        { updateTimeGe: window.start, updateTimeLt: window.end },
        pageToken,
      ),
    async (page) => {
      result.returnsFound += page.returns.length;
      for (const ret of page.returns) {
        const { created } = await deps.store.enqueueJob(
          returnUpsertJob(shopId, ret.return_id, deps.clock.now()),
          deps.clock.now(),
        );
        if (created) result.jobsCreated += 1;
      }
    },
    { consequence: CURSOR_KEPT, ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }) },
  );
  await closeCursorWindow(deps.store, deps.clock, shopId, RETURNS_CURSOR, window);
  deps.logger.info({ ...result }, 'return reconciliation pass complete');
  return result;
}

export type ReturnReconcileAllResult = ShopPassResult<ReturnReconcileResult>;

/** One pass over every connected shop; a failing shop is recorded and the others still run. */
export async function reconcileAllShopsReturns(
  deps: ReturnReconcileDeps,
  options: Omit<ReconcileOptions, 'pageSize'> = {},
): Promise<ReturnReconcileAllResult> {
  return forEachConnectedShop(deps, { source: 'reconcile.returns', label: 'return' }, (shopId) =>
    reconcileShopReturns(deps, shopId, options),
  );
}
