/**
 * The safety net for lost return webhooks (RETURN_STATUS_CHANGE, type 12; TikTok also changes a
 * return without a webhook: an arbitration opened, a parcel delivered): Search Returns by
 * `update_time` from the persisted cursor `returns.update_time` (minus an overlap) up to now, page to
 * the end, enqueue a `return.upsert` job for every return found, and only then move the cursor to
 * the end of the window. A failure part-way leaves the cursor where it was, so the next pass covers
 * the same window again. The same shape as the orders' pass (reconcile.ts).
 */
import type { Logger } from 'pino';
import { type Clock, unixSeconds } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from '../core/errors';
import type { BridgeStore } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { returnUpsertJob } from './job-kinds';
import type { ReconcileOptions } from './reconcile';

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
  // `update_time_lt` is exclusive: end after the current second so a return changed now is found now.
  const windowEnd = unixSeconds(deps.clock) + 1;
  const cursor = await deps.store.getCursor(shopId, RETURNS_CURSOR);
  const windowStart =
    options.sinceSec ??
    (cursor
      ? cursor.value - (options.overlapSec ?? 300)
      : windowEnd - (options.initialLookbackSec ?? 3 * 24 * 3600));
  const result: ReturnReconcileResult = {
    shopId,
    windowStart,
    windowEnd,
    pages: 0,
    returnsFound: 0,
    jobsCreated: 0,
  };
  const seenTokens = new Set<string>();
  let pageToken: string | undefined;
  do {
    if (result.pages >= (options.maxPages ?? 10_000)) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
        `Search Returns for shop ${shopId} did not end after ${result.pages} pages; the cursor was not moved.`,
        { retryable: true },
      );
    }
    const page = await deps.tiktok.searchReturnsPage(
      shopId,
      { updateTimeGe: windowStart, updateTimeLt: windowEnd },
      pageToken,
    );
    result.pages += 1;
    result.returnsFound += page.returns.length;
    for (const ret of page.returns) {
      const { created } = await deps.store.enqueueJob(
        returnUpsertJob(shopId, ret.return_id, deps.clock.now()),
        deps.clock.now(),
      );
      if (created) result.jobsCreated += 1;
    }
    pageToken = page.nextPageToken;
    if (pageToken !== undefined) {
      if (seenTokens.has(pageToken)) {
        throw new BridgeError(
          BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
          `Search Returns for shop ${shopId} returned the same page token twice; the cursor was not moved.`,
          { retryable: true },
        );
      }
      seenTokens.add(pageToken);
    }
  } while (pageToken !== undefined);
  await deps.store.setCursor(shopId, RETURNS_CURSOR, windowEnd, deps.clock.now());
  deps.logger.info({ ...result }, 'return reconciliation pass complete');
  return result;
}

export interface ReturnReconcileAllResult {
  results: ReturnReconcileResult[];
  failures: { shopId: string; error: string }[];
}

/** One pass over every connected shop; a failing shop is recorded and the others still run. */
export async function reconcileAllShopsReturns(
  deps: ReturnReconcileDeps,
  options: Omit<ReconcileOptions, 'pageSize'> = {},
): Promise<ReturnReconcileAllResult> {
  const out: ReturnReconcileAllResult = { results: [], failures: [] };
  for (const shop of await deps.store.listShops()) {
    if (shop.state !== 'connected') continue;
    try {
      out.results.push(await reconcileShopReturns(deps, shop.shopId, options));
    } catch (error) {
      const message = describeError(error);
      out.failures.push({ shopId: shop.shopId, error: message });
      deps.logger.warn({ shopId: shop.shopId, err: message }, 'return reconciliation failed');
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'reconcile.returns',
        shopId: shop.shopId,
        message: `Return reconciliation failed: ${message}`,
      });
    }
  }
  return out;
}
