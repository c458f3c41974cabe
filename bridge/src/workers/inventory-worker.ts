/**
 * The inventory pass ("Push inventory information to TikTok", issue #14 item 4), per connected shop
 * every BRIDGE_INVENTORY_INTERVAL_SECONDS: pull the quantities NetSuite's export queued
 * (`inventory.pull`, a SKU's warehouses together), leave out what TikTok already confirmed (the
 * `inventory_confirmed` table: 0 TikTok calls when nothing changed), send the rest with one Update
 * Inventory call per TikTok product listing every warehouse of each SKU
 * (`shared-types/src/inventory/inventory-batches.ts`), record what TikTok took, and acknowledge each
 * pair (`inventory.ack`): confirmed, not listed on TikTok, or failed with the fix (the pair stays
 * queued in NetSuite and is sent again on the next pass: never silently skipped). Quantities are
 * absolute, so a retried call (429 / 5xx, the API caller's backoff) or a pass repeated after a crash
 * before the ack sets the same numbers again.
 *
 * The no-oversell window (issue #16, `shared-types/src/inventory/oversell.ts`): units of TikTok
 * orders the bridge received that the pulled quantities do not reflect yet (not in NetSuite's inbox
 * when the export ran, or there but not imported) are held back from what is sent; such a pair is
 * not acknowledged, so NetSuite serves it again and it reaches its own quantity once every order is
 * reflected. Reflected reservations are dropped.
 */
import type { Logger } from 'pino';
import type {
  InventoryAckResult,
  PulledQuantity,
} from '../../../shared-types/src/inventory/inventory-contract';
import type { InventoryChange } from '../../../shared-types/src/inventory/inventory-delta';
import { pairKey } from '../../../shared-types/src/inventory/inventory-delta';
import { heldBackUnits, isReflected, quantityToSend } from '../../../shared-types/src/inventory/oversell';
import type { UpdateInventoryCall } from '../../../shared-types/src/inventory/inventory-batches';
import { batchInventoryUpdates } from '../../../shared-types/src/inventory/inventory-batches';
import type { Clock } from '../../../shared-types/src/time/clock';
import { describeError } from '../core/errors';
import { CATALOG_STALE_CODES, inventoryRefusal } from '../inventory/inventory-errors';
import type { InventoryCatalog } from '../inventory/catalog';
import type { BridgeMetrics } from '../metrics';
import type { NetSuiteClient } from '../netsuite/client';
import { withShopInNetSuite } from '../netsuite/connector-reactions';
import { pushShopToNetSuite } from '../shops/shop-sync';
import type { BridgeStore, ConfirmedInventory, ShopRecord } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { TikTokApiError } from '../tiktok/errors';

export interface InventoryWorkerDeps {
  store: BridgeStore;
  tiktok: TikTokClient;
  netsuite: NetSuiteClient;
  clock: Clock;
  logger: Logger;
  catalog: InventoryCatalog;
  metrics?: BridgeMetrics;
  /**
   * Run before a pass (the bridge: its due jobs), so every order whose webhook came in has been
   * fetched and holds its units back (issue #16) before quantities are sent.
   */
  beforePass?: () => Promise<unknown>;
}

export interface InventoryOptions {
  /** Pairs per `inventory.pull` page (default NetSuite's, 2,000). */
  pageSize?: number;
  /** Most pages per shop in one pass (default 50). */
  maxPages?: number;
  /** Update Inventory calls in flight per shop (default 4; the API caller rate-limits per API). */
  concurrency?: number;
  /**
   * How long after the bridge stored an order in NetSuite an export must run before its quantities
   * count as reflecting it (ms; default 60 s): covers the clocks of the bridge and NetSuite.
   */
  reserveMarginMs?: number;
}

/** Default of `reserveMarginMs`. */
export const DEFAULT_RESERVE_MARGIN_MS = 60_000;

export interface InventoryShopResult {
  shopId: string;
  pulled: number;
  /** Update Inventory calls made. */
  updateCalls: number;
  /** Search Products calls made to read the catalogue. */
  catalogReads: number;
  outcomes: Partial<Record<InventoryAckResult['outcome'], number>>;
  /** Pairs left out because TikTok already confirmed that quantity after it was queued. */
  alreadyConfirmed: number;
  /** ms from NetSuite's queueing to TikTok's confirmation, per confirmed pair sent this pass. */
  freshnessMs: number[];
  pushInventory: boolean;
  /** Pairs sent below NetSuite's quantity because orders it does not reflect yet hold units (not acknowledged). */
  heldPairs: number;
  /** Units held back over those pairs. */
  heldUnits: number;
  /** Reservations dropped because NetSuite's quantities now reflect their orders. */
  released: number;
}

export interface InventoryAllResult {
  results: InventoryShopResult[];
  failures: { shopId: string; error: string }[];
}

function count(result: InventoryShopResult, outcome: InventoryAckResult['outcome'], n = 1): void {
  result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + n;
}

async function mapLimit<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await run(item);
    }
  });
  await Promise.all(lanes);
}

/** One page of pulled pairs: what to send, sent, and each pair's outcome. */
async function pushPage(
  deps: InventoryWorkerDeps,
  shopId: string,
  page: readonly PulledQuantity[],
  options: InventoryOptions,
  result: InventoryShopResult,
): Promise<InventoryAckResult[]> {
  const acks: InventoryAckResult[] = [];
  const ack = (p: PulledQuantity, outcome: InventoryAckResult['outcome'], message?: string): void => {
    acks.push({
      sellerSku: p.sellerSku,
      warehouseId: p.warehouseId,
      quantity: p.quantity,
      outcome,
      ...(message === undefined ? {} : { message }),
    });
    count(result, outcome);
  };
  const skus = [...new Set(page.map((p) => p.sellerSku))];
  const confirmed = new Map<string, ConfirmedInventory>();
  for (const row of await deps.store.getConfirmedInventory(shopId, skus)) {
    confirmed.set(pairKey(row.sellerSku, row.warehouseId), row);
  }
  const isConfirmed = (p: PulledQuantity): boolean => {
    const c = confirmed.get(pairKey(p.sellerSku, p.warehouseId));
    return c !== undefined && c.quantity === p.quantity && (c.confirmedAt ?? 0) >= p.queuedAt;
  };
  const bySku = new Map<string, PulledQuantity[]>();
  for (const p of page) bySku.set(p.sellerSku, [...(bySku.get(p.sellerSku) ?? []), p]);
  const toSend: PulledQuantity[] = [];
  for (const pairs of bySku.values()) {
    if (pairs.every(isConfirmed)) {
      for (const p of pairs) ack(p, 'confirmed');
      result.alreadyConfirmed += pairs.length;
    } else {
      toSend.push(...pairs);
    }
  }
  if (toSend.length === 0) return acks;

  const sendSkus = [...new Set(toSend.map((p) => p.sellerSku))];
  const readsBefore = deps.catalog.reads;
  const products = await deps.catalog.productsFor(shopId, sendSkus);
  result.catalogReads += deps.catalog.reads - readsBefore;
  const pulledByKey = new Map(toSend.map((p) => [pairKey(p.sellerSku, p.warehouseId), p]));
  const changes: InventoryChange[] = toSend.map((p) => ({
    sellerSku: p.sellerSku,
    warehouseId: p.warehouseId,
    quantity: p.quantity,
    confirmed: confirmed.get(pairKey(p.sellerSku, p.warehouseId))?.quantity ?? null,
  }));
  const current = new Map(toSend.map((p) => [pairKey(p.sellerSku, p.warehouseId), p.quantity]));
  const batches = batchInventoryUpdates(changes, products, current);
  const forgotten: { sellerSku: string; warehouseId: string }[] = [];
  for (const problem of batches.problems) {
    const p = pulledByKey.get(pairKey(problem.sellerSku, problem.warehouseId))!;
    if (problem.kind === 'sku_not_on_tiktok' && !p.override) {
      // An item no TikTok product sells: nothing to send, nothing to fix.
      ack(p, 'not_listed');
    } else {
      ack(p, 'failed', problem.message);
      forgotten.push({ sellerSku: p.sellerSku, warehouseId: p.warehouseId });
    }
  }
  const confirmedNow: ConfirmedInventory[] = [];
  await mapLimit(batches.calls, options.concurrency ?? 4, async (call: UpdateInventoryCall) => {
    const skuOf = new Map(
      products
        .find((pr) => pr.productId === call.productId)!
        .skus.map((s) => [s.skuId, s.sellerSku] as const),
    );
    result.updateCalls += 1;
    let failedSkus = new Map<string, string>();
    try {
      const errors = await deps.tiktok.updateInventory(shopId, call.productId, call.skus);
      for (const e of errors) {
        const sellerSku = e.skuId === null ? null : (skuOf.get(e.skuId) ?? null);
        const targets = sellerSku === null ? [...new Set(call.changes.map((c) => c.sellerSku))] : [sellerSku];
        for (const t of targets) {
          failedSkus.set(t, inventoryRefusal(t, call.productId, e.code, e.message, e.warehouses[0]));
        }
        if (CATALOG_STALE_CODES.has(e.code)) deps.catalog.forget(shopId, targets);
      }
    } catch (error) {
      const all = [...new Set(call.changes.map((c) => c.sellerSku))];
      const message =
        error instanceof TikTokApiError
          ? inventoryRefusal(all[0], call.productId, error.tiktokCode, error.tiktokMessage)
          : `TikTok Update Inventory of product ${call.productId} failed: ${describeError(error)}. It is sent again on the next pass.`;
      failedSkus = new Map(all.map((sku) => [sku, message]));
      if (!(error instanceof TikTokApiError) || CATALOG_STALE_CODES.has(error.tiktokCode))
        deps.catalog.forget(shopId, all);
    }
    const now = deps.clock.now();
    for (const change of call.changes) {
      const p = pulledByKey.get(pairKey(change.sellerSku, change.warehouseId))!;
      const failure = failedSkus.get(change.sellerSku);
      if (failure !== undefined) {
        ack(p, 'failed', failure);
        forgotten.push({ sellerSku: p.sellerSku, warehouseId: p.warehouseId });
        continue;
      }
      ack(p, 'confirmed');
      result.freshnessMs.push(Math.max(0, now - p.queuedAt));
      const sku = call.skus.find((s) => skuOf.get(s.id) === change.sellerSku)!;
      confirmedNow.push({
        shopId,
        sellerSku: change.sellerSku,
        warehouseId: change.warehouseId,
        quantity: change.quantity,
        productId: call.productId,
        skuId: sku.id,
      });
    }
  });
  await deps.store.confirmInventory(confirmedNow, deps.clock.now());
  if (forgotten.length > 0) await deps.store.forgetInventory(shopId, forgotten);
  return acks;
}

export async function runInventoryForShop(
  deps: InventoryWorkerDeps,
  shop: ShopRecord,
  options: InventoryOptions = {},
): Promise<InventoryShopResult> {
  const result: InventoryShopResult = {
    shopId: shop.shopId,
    pulled: 0,
    updateCalls: 0,
    catalogReads: 0,
    outcomes: {},
    alreadyConfirmed: 0,
    freshnessMs: [],
    pushInventory: true,
    heldPairs: 0,
    heldUnits: 0,
    released: 0,
  };
  let after: string | undefined;
  let held: Map<string, number> | null = null;
  for (let page = 0; page < (options.maxPages ?? 50); page += 1) {
    const pulled = await withShopInNetSuite(
      (id) => pushShopToNetSuite(deps.store, deps.netsuite, id),
      shop.shopId,
      () => deps.netsuite.pullInventory(shop.shopId, after, options.pageSize),
    );
    if (!pulled.pushInventory) {
      result.pushInventory = false;
      break;
    }
    if (held === null) {
      held = await holdBack(
        deps,
        shop.shopId,
        pulled,
        options.reserveMarginMs ?? DEFAULT_RESERVE_MARGIN_MS,
        result,
      );
    }
    if (pulled.changes.length === 0) break;
    result.pulled += pulled.changes.length;
    const freshBefore = result.freshnessMs.length;
    const original = new Map(pulled.changes.map((p) => [pairKey(p.sellerSku, p.warehouseId), p.quantity]));
    // A SKU with units held back stays queued in NetSuite as a whole (its warehouses travel together).
    const heldSkus = new Set<string>();
    const page = pulled.changes.map((p) => {
      const send = quantityToSend(p, held!);
      if (send.heldBack === 0) return p;
      heldSkus.add(p.sellerSku);
      result.heldPairs += 1;
      result.heldUnits += Math.min(send.heldBack, p.quantity);
      return { ...p, quantity: send.quantity };
    });
    const acks = (await pushPage(deps, shop.shopId, page, options, result)).flatMap((a) => {
      if (!heldSkus.has(a.sellerSku)) return [a];
      // Held back: stays queued; a failure is still reported (with NetSuite's quantity).
      return a.outcome === 'failed'
        ? [{ ...a, quantity: original.get(pairKey(a.sellerSku, a.warehouseId))! }]
        : [];
    });
    for (const a of acks) deps.metrics?.inventoryPairs.inc({ outcome: a.outcome });
    for (const ms of result.freshnessMs.slice(freshBefore))
      deps.metrics?.inventoryFreshness.observe(ms / 1000);
    await deps.netsuite.ackInventory(shop.shopId, acks);
    deps.logger.info(
      { shopId: shop.shopId, pulled: pulled.changes.length, outcomes: result.outcomes },
      'inventory page sent to TikTok',
    );
    if (pulled.next === null) break;
    after = pulled.next;
  }
  return result;
}

/**
 * Drops the reservations the pulled snapshot reflects and returns the units the others hold back,
 * per seller SKU and warehouse.
 */
async function holdBack(
  deps: InventoryWorkerDeps,
  shopId: string,
  pulled: { lastRunAt: number | null; openOrders?: readonly string[] },
  marginMs: number,
  result: InventoryShopResult,
): Promise<Map<string, number>> {
  const reservations = await deps.store.listStockReservations(shopId);
  const snapshot = { snapshotAt: pulled.lastRunAt, openOrders: new Set(pulled.openOrders ?? []) };
  const reflected = [
    ...new Set(reservations.filter((r) => isReflected(r, snapshot, marginMs)).map((r) => r.orderId)),
  ];
  if (reflected.length > 0) await deps.store.releaseStock(shopId, reflected);
  result.released += reflected.length;
  const gone = new Set(reflected);
  return heldBackUnits(reservations.filter((r) => !gone.has(r.orderId)));
}

/** One pass over every connected shop; a failing shop is recorded and the others still run. */
export async function runInventoryAllShops(
  deps: InventoryWorkerDeps,
  options: InventoryOptions = {},
): Promise<InventoryAllResult> {
  const out: InventoryAllResult = { results: [], failures: [] };
  if (deps.beforePass) {
    try {
      await deps.beforePass();
    } catch (error) {
      deps.logger.warn({ err: describeError(error) }, 'jobs before the inventory pass failed');
    }
  }
  for (const shop of await deps.store.listShops()) {
    if (shop.state !== 'connected') continue;
    try {
      out.results.push(await runInventoryForShop(deps, shop, options));
    } catch (error) {
      const message = describeError(error);
      out.failures.push({ shopId: shop.shopId, error: message });
      deps.logger.warn({ shopId: shop.shopId, err: message }, 'inventory pass failed');
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'inventory',
        shopId: shop.shopId,
        message: `Sending NetSuite stock to TikTok failed: ${message}`,
      });
    }
  }
  return out;
}
