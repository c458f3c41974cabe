/**
 * The safety net for lost webhooks: search the shop's orders by `update_time` from the persisted
 * cursor (minus an overlap) up to now, page to the end, enqueue an `order.upsert` job for every
 * order found, and only then move the cursor to the end of the window. A failure part-way leaves
 * the cursor where it was, so the next pass covers the same window again.
 */
import type { Logger } from 'pino';
import { type Clock, unixSeconds } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from '../core/errors';
import type { BridgeStore } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { orderUpsertJob } from './job-kinds';
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

export interface ReconcileOptions {
  /** Unix seconds; overrides the cursor for this pass. */
  sinceSec?: number;
  overlapSec?: number;
  /** Window start for a shop without a cursor. */
  initialLookbackSec?: number;
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
  // `update_time_lt` is exclusive: end the window after the current second so an order updated in
  // this very second is found now rather than one pass later.
  const windowEnd = unixSeconds(deps.clock) + 1;
  const cursor = await deps.store.getCursor(shopId, ORDERS_CURSOR);
  const windowStart =
    options.sinceSec ??
    (cursor
      ? cursor.value - (options.overlapSec ?? 300)
      : windowEnd - (options.initialLookbackSec ?? 3 * 24 * 3600));
  const result: ReconcileResult = {
    shopId,
    windowStart,
    windowEnd,
    pages: 0,
    ordersFound: 0,
    jobsCreated: 0,
  };
  const seenTokens = new Set<string>();
  let pageToken: string | undefined;
  do {
    if (result.pages >= (options.maxPages ?? 10_000)) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
        `Order search for shop ${shopId} did not end after ${result.pages} pages; the cursor was not moved.`,
        { retryable: true },
      );
    }
    const page = await deps.tiktok.searchOrders(shopId, {
      updateTimeGe: windowStart,
      updateTimeLt: windowEnd,
      pageSize: options.pageSize ?? 50,
      pageToken,
      sortField: 'update_time',
      sortOrder: 'ASC',
    });
    result.pages += 1;
    result.ordersFound += page.orders.length;
    for (const order of page.orders) {
      const { created } = await deps.store.enqueueJob(
        orderUpsertJob(shopId, order.id, deps.clock.now()),
        deps.clock.now(),
      );
      if (created) result.jobsCreated += 1;
    }
    pageToken = page.nextPageToken;
    if (pageToken !== undefined) {
      if (seenTokens.has(pageToken)) {
        throw new BridgeError(
          BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
          `Order search for shop ${shopId} returned the same page token twice; the cursor was not moved.`,
          { retryable: true },
        );
      }
      seenTokens.add(pageToken);
    }
  } while (pageToken !== undefined);
  await deps.store.setCursor(shopId, ORDERS_CURSOR, windowEnd, deps.clock.now());
  if (result.jobsCreated > 0) {
    await deps.store.setCursor(shopId, RECONCILE_CATCH_CURSOR, deps.clock.now(), deps.clock.now());
  }
  deps.logger.info({ ...result }, 'order reconciliation pass complete');
  return result;
}

export interface ReconcileAllResult {
  results: ReconcileResult[];
  failures: { shopId: string; error: string }[];
}

/** One pass over every connected shop; a failing shop is recorded and the others still run. */
export async function reconcileAllShops(
  deps: ReconcileDeps,
  options: ReconcileOptions = {},
): Promise<ReconcileAllResult> {
  const out: ReconcileAllResult = { results: [], failures: [] };
  for (const shop of await deps.store.listShops()) {
    if (shop.state !== 'connected') continue;
    try {
      out.results.push(await reconcileShopOrders(deps, shop.shopId, options));
    } catch (error) {
      const message = describeError(error);
      out.failures.push({ shopId: shop.shopId, error: message });
      deps.logger.warn({ shopId: shop.shopId, err: message }, 'order reconciliation failed');
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'reconcile.orders',
        shopId: shop.shopId,
        message: `Order reconciliation failed: ${message}`,
      });
    }
    if (options.packages === false) continue;
    try {
      // Packages shipped outside NetSuite (issue #15): their own cursor, after the orders.
      await reconcileShopShipments(deps, shop.shopId, {
        ...(options.overlapSec === undefined ? {} : { overlapSec: options.overlapSec }),
        ...(options.initialLookbackSec === undefined
          ? {}
          : { initialLookbackSec: options.initialLookbackSec }),
      });
    } catch (error) {
      const message = describeError(error);
      deps.logger.warn({ shopId: shop.shopId, err: message }, 'package reconciliation failed');
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'reconcile.packages',
        shopId: shop.shopId,
        message: `Package reconciliation failed: ${message}`,
      });
    }
  }
  return out;
}
