/**
 * Pull products from TikTok (issue #19): one pass per shop asks NetSuite for the shop's catalog settings
 * (`catalog.status`), and only when Process product catalog updates (TikTok side) is Pull products from
 * TikTok, reads Search Products by `update_time` from the persisted cursor `products.update_time`
 * (minus an overlap) to now, sends the products to `products.upsert` in calls of at most 100 SKUs, and
 * only then moves the cursor. With Force product catalog resync ticked (or no cursor yet) the window
 * starts at 0: every product once; the flag is cleared (`catalog.status` with `clearForce`) after the
 * pass. TikTok serves at most 10,000 results of one search, so a window with more is halved until each
 * half fits. A failure part-way leaves the cursor where it was; the next pass covers the window again,
 * which changes nothing in NetSuite for what was already sent (items are found by TikTok SKU ID).
 * SKUs NetSuite answers `error` for (a duplicate SKU, an empty seller SKU) are recorded for the status
 * page with NetSuite's message and not retried until the product changes or a resync: a person has to
 * act (the SKU audit lists them too). Product webhooks (types 5, 15, 16) queue a `catalog.pull` job of
 * the shop, which runs this same pass.
 */
import type { Logger } from 'pino';
import { chunkProducts, type ProductSkuOutcome } from '../../../shared-types/src/catalog/products-upsert';
import { type Clock, unixSeconds } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from '../core/errors';
import type { NetSuiteClient } from '../netsuite/client';
import { type SendShop, withShopInNetSuite } from '../netsuite/connector-reactions';
import type { BridgeStore } from '../store/types';
import type { PulledProduct, TikTokClient } from '../tiktok/client';
import type { BatchResult, JobHandler } from './job-runner';
import { JOB_KINDS } from './job-kinds';

export const PRODUCTS_CURSOR = 'products.update_time';
/** TikTok's cap on the results of one Search Products query. */
export const SEARCH_RESULT_CAP = 10_000;

export interface CatalogPullDeps {
  store: Pick<BridgeStore, 'getCursor' | 'setCursor' | 'recordError' | 'listShops'>;
  tiktok: Pick<TikTokClient, 'searchProductsByUpdateTime'>;
  netsuite: Pick<NetSuiteClient, 'upsertProducts' | 'catalogStatus'>;
  sendShop: SendShop;
  clock: Clock;
  logger?: Logger;
}

export interface CatalogPullOptions {
  /** Seconds re-read before the cursor (late-indexed updates); default 300. */
  overlapSec?: number;
}

export interface CatalogPullResult {
  shopId: string;
  /** `flow_off`: the shop does not pull products from TikTok; nothing was read. */
  skipped: 'flow_off' | null;
  full: boolean;
  windowStart: number;
  windowEnd: number;
  searchCalls: number;
  restletCalls: number;
  products: number;
  outcomes: Record<ProductSkuOutcome, number>;
}

function emptyOutcomes(): Record<ProductSkuOutcome, number> {
  return { created: 0, linked: 0, updated: 0, unchanged: 0, error: 0, flow_off: 0 };
}

export async function pullShopCatalog(
  deps: CatalogPullDeps,
  shopId: string,
  options: CatalogPullOptions = {},
): Promise<CatalogPullResult> {
  const status = await withShopInNetSuite(deps.sendShop, shopId, () => deps.netsuite.catalogStatus(shopId));
  const windowEnd = unixSeconds(deps.clock);
  const cursor = await deps.store.getCursor(shopId, PRODUCTS_CURSOR);
  const full = status.forceResync || cursor === undefined;
  const windowStart =
    cursor === undefined || full ? 0 : Math.max(0, cursor.value - (options.overlapSec ?? 300));
  const result: CatalogPullResult = {
    shopId,
    skipped: null,
    full,
    windowStart,
    windowEnd,
    searchCalls: 0,
    restletCalls: 0,
    products: 0,
    outcomes: emptyOutcomes(),
  };
  if (status.tiktokSide !== 'pull') {
    return { ...result, skipped: 'flow_off' };
  }
  const windows: [number, number][] = [[windowStart, windowEnd]];
  while (windows.length > 0) {
    const [ge, le] = windows.shift()!;
    let pageToken: string | undefined;
    const seenTokens = new Set<string>();
    let first = true;
    do {
      const page = await deps.tiktok.searchProductsByUpdateTime(
        shopId,
        { updateTimeGe: ge, updateTimeLe: le },
        pageToken,
      );
      result.searchCalls += 1;
      if (first && page.totalCount > SEARCH_RESULT_CAP && le > ge) {
        // TikTok would stop serving after 10,000 results: read the two halves instead.
        const mid = ge + Math.floor((le - ge) / 2);
        windows.unshift([ge, mid], [mid + 1, le]);
        break;
      }
      first = false;
      await sendProducts(deps, shopId, page.products, result);
      pageToken = page.nextPageToken ?? undefined;
      if (pageToken !== undefined) {
        if (seenTokens.has(pageToken)) {
          throw new BridgeError(
            BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
            `Search Products for shop ${shopId} returned the same page token twice; the cursor was not moved.`,
            { retryable: true },
          );
        }
        seenTokens.add(pageToken);
      }
    } while (pageToken !== undefined);
  }
  await deps.store.setCursor(shopId, PRODUCTS_CURSOR, windowEnd, deps.clock.now());
  if (status.forceResync) await deps.netsuite.catalogStatus(shopId, true);
  deps.logger?.info({ ...result, outcomes: { ...result.outcomes } }, 'catalog pull pass complete');
  return result;
}

async function sendProducts(
  deps: CatalogPullDeps,
  shopId: string,
  products: readonly PulledProduct[],
  result: CatalogPullResult,
): Promise<void> {
  // A product without SKUs has nothing to become an item.
  const withSkus = products.filter((p) => p.skus.length > 0);
  result.products += withSkus.length;
  for (const call of chunkProducts(withSkus)) {
    const answer = await withShopInNetSuite(deps.sendShop, shopId, () =>
      deps.netsuite.upsertProducts(shopId, call),
    );
    result.restletCalls += 1;
    for (const sku of answer.results) {
      result.outcomes[sku.outcome] += 1;
      if (sku.outcome === 'error') {
        await deps.store.recordError({
          at: deps.clock.now(),
          source: 'catalog.pull',
          shopId,
          message: sku.message ?? `TikTok SKU ${sku.skuId}: NetSuite gave no message`,
        });
      }
    }
  }
}

/** `catalog.pull` jobs (one per shop at a time): the pass above; a failure is retried with backoff. */
export function catalogPullHandler(deps: CatalogPullDeps, options: CatalogPullOptions = {}): JobHandler {
  return {
    kind: JOB_KINDS.CATALOG_PULL,
    batchSize: 1,
    async run(jobs): Promise<BatchResult> {
      const failed = new Map<number, unknown>();
      for (const job of jobs) {
        if (job.shopId === null) {
          failed.set(
            job.id,
            new BridgeError(BRIDGE_ERROR_CODES.BAD_REQUEST, 'catalog.pull job without a shop id'),
          );
          continue;
        }
        try {
          await pullShopCatalog(deps, job.shopId, options);
        } catch (error) {
          failed.set(job.id, error);
        }
      }
      return { failed };
    },
  };
}

export interface CatalogPullAllResult {
  results: CatalogPullResult[];
  failures: { shopId: string; error: string }[];
}

/** One pass over every connected shop (the reconciliation poll); a failing shop is recorded, the others run. */
export async function pullAllShopsCatalog(
  deps: CatalogPullDeps,
  options: CatalogPullOptions = {},
): Promise<CatalogPullAllResult> {
  const out: CatalogPullAllResult = { results: [], failures: [] };
  for (const shop of await deps.store.listShops()) {
    if (shop.state !== 'connected') continue;
    try {
      out.results.push(await pullShopCatalog(deps, shop.shopId, options));
    } catch (error) {
      const message = describeError(error);
      out.failures.push({ shopId: shop.shopId, error: message });
      deps.logger?.warn({ shopId: shop.shopId, err: message }, 'catalog pull failed');
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'catalog.pull',
        shopId: shop.shopId,
        message: `Catalog pull failed: ${message}`,
      });
    }
  }
  return out;
}
