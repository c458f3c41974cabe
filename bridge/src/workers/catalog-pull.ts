/**
 * Pull products from TikTok (issue #19): one pass per shop asks NetSuite for the shop's catalog settings
 * (`catalog.status`), and only when Process product catalog updates (TikTok side) is Pull products from
 * TikTok, reads Search Products by `update_time` from the persisted cursor `products.update_time`
 * (minus an overlap) to now, sends the products to `products.upsert` in calls of at most 100 SKUs, and
 * only then moves the cursor. With Force product catalog resync ticked (or no cursor yet) the window
 * starts at 0: every product once; the flag is cleared (`catalog.status` with `clearForce`) after the
 * pass. TikTok serves at most 10,000 results of one search, so a window with more is halved until each
 * half fits. A failure part-way leaves the cursor where it was; the next pass covers the window again,
 * which changes nothing in NetSuite for what was already sent (items are found by TikTok SKU ID). A
 * full pass ends by sending every TikTok SKU it read (`catalog.snapshot`, parts of 5,000) for the SKU
 * audit's TikTok side. Product Catalog Progress on the shop record (`catalog.status` with `progress`)
 * shows a forced resync's progress page by page, and the summary of a pass that changed or refused
 * something.
 * SKUs NetSuite answers `error` for (a duplicate SKU, an empty seller SKU) are recorded for the status
 * page with NetSuite's message and not retried until the product changes or a resync: a person has to
 * act (the SKU audit lists them too). Product webhooks (types 5, 15, 16) queue a `catalog.pull` job of
 * the shop, which runs this same pass.
 */
import type { Logger } from 'pino';
import {
  chunkProducts,
  MAX_SNAPSHOT_SKUS,
  type CatalogSnapshotRequest,
  type ProductSkuOutcome,
} from '../../../shared-types/src/catalog/products-upsert';
import { chunk } from '../../../shared-types/src/orders/sku-item-map';
import { type Clock, unixSeconds } from '../../../shared-types/src/time/clock';
import { describeError } from '../core/errors';
import { walkPages } from '../core/page-walk';
import type { NetSuiteClient } from '../netsuite/client';
import { type SendShop, withShopInNetSuite } from '../netsuite/connector-reactions';
import type { BridgeStore } from '../store/types';
import type { PulledProduct, TikTokClient } from '../tiktok/client';
import type { JobHandler } from './job-runner';
import { shopPassHandler } from './shop-pass-handler';
import { JOB_KINDS } from './job-kinds';
import { CURSOR_KEPT } from './reconcile-window';

export const PRODUCTS_CURSOR = 'products.update_time';
/** TikTok's cap on the results of one Search Products query. */
export const SEARCH_RESULT_CAP = 10_000;

export interface CatalogPullDeps {
  store: Pick<BridgeStore, 'getCursor' | 'setCursor' | 'recordError' | 'listShops'>;
  tiktok: Pick<TikTokClient, 'searchProductsByUpdateTime'>;
  netsuite: Pick<NetSuiteClient, 'upsertProducts' | 'catalogStatus' | 'saveCatalogSnapshot'>;
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
    // With Do not sync products there is nothing to resync: clear the box and say so. With Push products to
    // TikTok the push (issue #20) owns it.
    if (status.tiktokSide === 'none' && status.forceResync) {
      await deps.netsuite.catalogStatus(
        shopId,
        true,
        'Force product catalog resync: nothing to resync while Process product catalog updates (TikTok side) is "Do not sync products"; cleared.',
      );
    }
    return { ...result, skipped: 'flow_off' };
  }
  // A full pass also keeps every TikTok SKU for the SKU audit's TikTok side (catalog.snapshot).
  const snapshot: CatalogSnapshotRequest['skus'] | null = full ? [] : null;
  const windows: [number, number][] = [[windowStart, windowEnd]];
  while (windows.length > 0) {
    const [ge, le] = windows.shift()!;
    let first = true;
    await walkPages(
      `Search Products for shop ${shopId}`,
      async (pageToken) => {
        result.searchCalls += 1;
        return deps.tiktok.searchProductsByUpdateTime(
          shopId,
          { updateTimeGe: ge, updateTimeLe: le },
          pageToken,
        );
      },
      async (page) => {
        if (first && page.totalCount > SEARCH_RESULT_CAP && le > ge) {
          // TikTok would stop serving after 10,000 results: read the two halves instead.
          const mid = ge + Math.floor((le - ge) / 2);
          windows.unshift([ge, mid], [mid + 1, le]);
          return 'stop';
        }
        first = false;
        if (status.forceResync) {
          // Progress on the shop record while a forced resync runs (one small RESTlet call per page).
          const read = result.products + page.products.length;
          await deps.netsuite.catalogStatus(
            shopId,
            false,
            `Force product catalog resync running since ${new Date(windowEnd * 1000).toISOString()}: ${read} of about ${page.totalCount} products read so far.`,
          );
        }
        snapshot?.push(
          ...page.products.flatMap((p) =>
            p.skus.map((k) => ({ productId: p.id, skuId: k.id, sellerSku: k.seller_sku })),
          ),
        );
        await sendProducts(deps, shopId, page.products, result);
      },
      { consequence: CURSOR_KEPT },
    );
  }
  if (snapshot !== null) await sendSnapshot(deps, shopId, windowEnd, snapshot);
  await deps.store.setCursor(shopId, PRODUCTS_CURSOR, windowEnd, deps.clock.now());
  // The pass's summary on the shop record when it changed or refused something (or ends a resync): a quiet
  // pass does not write the shop record, so an admin editing it is not interrupted by a newer version.
  const o = result.outcomes;
  if (status.forceResync || o.created + o.linked + o.updated + o.error > 0) {
    await deps.netsuite.catalogStatus(
      shopId,
      status.forceResync,
      `Last ${full ? 'full ' : ''}catalog pass ${new Date(deps.clock.now()).toISOString()}: ${result.products} products read; ${o.created} items created, ${o.linked} linked, ${o.updated} updated, ${o.unchanged} unchanged, ${o.error} SKUs refused${o.error > 0 ? ' (see the TikTok Shop SKU Audit page and the bridge status page)' : ''}.`,
    );
  }

  deps.logger?.info({ ...result, outcomes: { ...result.outcomes } }, 'catalog pull pass complete');
  return result;
}

async function sendSnapshot(
  deps: CatalogPullDeps,
  shopId: string,
  takenAt: number,
  skus: CatalogSnapshotRequest['skus'],
): Promise<void> {
  const parts = skus.length === 0 ? [[]] : chunk(skus, MAX_SNAPSHOT_SKUS);
  for (const [part, list] of parts.entries()) {
    await deps.netsuite.saveCatalogSnapshot({ shopId, takenAt, part, parts: parts.length, skus: list });
  }
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
  return shopPassHandler(JOB_KINDS.CATALOG_PULL, (shopId) => pullShopCatalog(deps, shopId, options));
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
