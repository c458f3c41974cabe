/**
 * The safety net for lost webhooks: search the shop's orders by `update_time` from the persisted
 * cursor (minus an overlap) up to now, page to the end, enqueue an `order.upsert` job for every
 * order found, and only then move the cursor to the end of the window. A failure part-way leaves
 * the cursor where it was, so the next pass covers the same window again (reconcile-window.ts).
 */
import type { Logger } from 'pino';
import type { Clock } from '../../../shared-types/src/time/clock';
import { describeError } from '../core/errors';
import { walkPages } from '../core/page-walk';
import type { BridgeStore } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { orderUpsertJob } from './job-kinds';
import {
  closeCursorWindow,
  CURSOR_KEPT,
  forEachConnectedShop,
  openCursorWindow,
  recordPassFailure,
  type ShopPassResult,
  type WindowOptions,
} from './reconcile-window';
import { reconcileShopShipments } from './shipments';

export const ORDERS_CURSOR = 'orders.update_time';
/** Cursor (per shop): when a pass last queued an order no webhook had queued (ms), for the doctor (issue #21). */
export const RECONCILE_CATCH_CURSOR = 'orders.reconcile_catch';

export interface ReconcileDeps {
  store: BridgeStore;
  tiktok: TikTokClient;
  clock: Clock;
  logger: Logger;
}

export interface ReconcileOptions extends WindowOptions {
  pageSize?: number;
  maxPages?: number;
  /** Also search packages shipped outside NetSuite (default true; workers/shipments.ts). */
  packages?: boolean;
}

export interface ReconcileResult {
  shopId: string;
  windowStart: number;
  windowEnd: number;
  pages: number;
  ordersFound: number;
  jobsCreated: number;
}

export async function reconcileShopOrders(
  deps: ReconcileDeps,
  shopId: string,
  options: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const window = await openCursorWindow(deps.store, deps.clock, shopId, ORDERS_CURSOR, options);
  const result: ReconcileResult = {
    shopId,
    windowStart: window.start,
    windowEnd: window.end,
    pages: 0,
    ordersFound: 0,
    jobsCreated: 0,
  };
  result.pages = await walkPages(
    `Order search for shop ${shopId}`,
    (pageToken) =>
      deps.tiktok.searchOrders(shopId, {
        updateTimeGe: window.start,
        updateTimeLt: window.end,
        pageSize: options.pageSize ?? 50,
        pageToken,
        sortField: 'update_time',
        sortOrder: 'ASC',
      }),
    async (page) => {
      result.ordersFound += page.orders.length;
      for (const order of page.orders) {
        const { created } = await deps.store.enqueueJob(
          orderUpsertJob(shopId, order.id, deps.clock.now()),
          deps.clock.now(),
        );
        if (created) result.jobsCreated += 1;
      }
    },
    { consequence: CURSOR_KEPT, ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }) },
  );
  await closeCursorWindow(deps.store, deps.clock, shopId, ORDERS_CURSOR, window);
  if (result.jobsCreated > 0) {
    await deps.store.setCursor(shopId, RECONCILE_CATCH_CURSOR, deps.clock.now(), deps.clock.now());
  }
  deps.logger.info({ ...result }, 'order reconciliation pass complete');
  return result;
}

export type ReconcileAllResult = ShopPassResult<ReconcileResult>;

/**
 * One pass over every connected shop; a failing shop is recorded and the others still run. After a shop's
 * orders, its packages shipped outside NetSuite (issue #15, workers/shipments.ts) on their own cursor.
 */
export async function reconcileAllShops(
  deps: ReconcileDeps,
  options: ReconcileOptions = {},
): Promise<ReconcileAllResult> {
  return forEachConnectedShop(deps, { source: 'reconcile.orders', label: 'order' }, async (shopId) => {
    try {
      return await reconcileShopOrders(deps, shopId, options);
    } finally {
      if (options.packages !== false) await reconcilePackages(deps, shopId, options);
    }
  });
}

async function reconcilePackages(
  deps: ReconcileDeps,
  shopId: string,
  options: ReconcileOptions,
): Promise<void> {
  try {
    await reconcileShopShipments(deps, shopId, {
      ...(options.overlapSec === undefined ? {} : { overlapSec: options.overlapSec }),
      ...(options.initialLookbackSec === undefined ? {} : { initialLookbackSec: options.initialLookbackSec }),
    });
  } catch (error) {
    await recordPassFailure(
      deps,
      { source: 'reconcile.packages', label: 'package' },
      shopId,
      describeError(error),
    );
  }
}
