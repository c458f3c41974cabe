/**
 * The inventory export (issue #14 item 3), run by `ss_inventory_export.ts` every 15 minutes and at
 * once for Push inventory now / Force inventory resync: per shop with Pull Inventory from NetSuite
 * on, it reads the warehouse links, the locations and every active inventory item's balances in
 * bulk, runs the pure export (`shared-types/src/inventory/inventory-export.ts`), writes the shop's
 * state file, logs each new notice (a broken link, an ambiguous SKU, a quantity over TikTok's range)
 * to the sync log once, and clears the triggers. Governance: `shared-types/src/inventory/export-governance.ts`.
 */
import { pairKey } from '../../../../shared-types/src/inventory/inventory-delta';
import type {
  InventoryAcks,
  InventoryExportResult,
  InventoryExportState,
} from '../../../../shared-types/src/inventory/inventory-export';
import {
  parseInventoryState,
  runInventoryExport,
} from '../../../../shared-types/src/inventory/inventory-export';
import { parseInventoryAckFile } from '../../../../shared-types/src/inventory/inventory-contract';
import {
  canFetchPage,
  canStartShop,
  MAX_NOTICES_LOGGED,
} from '../../../../shared-types/src/inventory/export-governance';
import type {
  TikTokWarehouseStatus,
  WarehouseLinks,
} from '../../../../shared-types/src/inventory/warehouse-flags';
import {
  clearInventoryTriggers,
  inventoryAckFileName,
  inventoryStateFileName,
  listInventorySettings,
  readInventoryBalances,
  readItemMembers,
  readOpenOrderIds,
  readStateFile,
  writeStateFile,
} from '../dao/inventory-dao';
import { loadLocationStates } from '../dao/location-dao';
import { writeLogEntry } from '../dao/log-dao';
import { findWarehousesOfShop } from '../dao/warehouse-dao';
import type { ShopInventorySettings } from '../mappers/shop-mapper';
import { accountFeatures } from '../platform/account';

export const INVENTORY_FLOW = 'inventory';

export interface ShopExportSummary {
  shopId: string;
  /** done, or why the shop was left alone. */
  outcome: 'exported' | 'pull_inventory_off' | 'pull_locations_off' | 'deferred';
  changed: number;
  pending: number;
  pairs: number;
  notices: number;
}

export interface ExportDeps {
  remaining: () => number;
  now: () => number;
}

const STATUSES: readonly string[] = ['ENABLED', 'DISABLED', 'RESTRICTED', 'DELETED'];

function warehouseLinksOf(recordId: string): WarehouseLinks[] {
  return findWarehousesOfShop(recordId)
    .filter((w) => w.type === null || w.type === 'SALES_WAREHOUSE')
    .map((w) => ({
      warehouseId: w.warehouseId,
      name: w.name,
      status: (w.status !== null && STATUSES.includes(w.status)
        ? w.status
        : 'ENABLED') as TikTokWarehouseStatus,
      isDefault: w.isDefault,
      locationIds: w.locationIds,
      primaryLocationId: w.primaryLocationId,
    }));
}

function logNotice(shop: ShopInventorySettings, message: string, tiktokId: string | null): void {
  writeLogEntry({
    shopRecordId: shop.recordId,
    level: 'warning',
    flow: INVENTORY_FLOW,
    message: `Shop ${shop.shopName}: ${message}`,
    recordType: null,
    recordId: null,
    tiktokId,
  });
}

/**
 * Reads one shop's input in bulk and runs the pure export over it; writes nothing. Null when the
 * reads did not fit in the units left. The export and the preview (`inventory-preview-page.ts`) share it.
 */
export function runShopExport(
  shop: ShopInventorySettings,
  deps: ExportDeps,
  previous: InventoryExportState,
  acks: InventoryAcks,
): { result: InventoryExportResult; locationNames: Record<string, string> } | null {
  const warehouses = warehouseLinksOf(shop.recordId);
  const linkedIds = [...new Set(warehouses.flatMap((w) => w.locationIds))];
  const locations = linkedIds.length > 0 ? loadLocationStates(linkedIds) : {};
  const multiLocation = accountFeatures().multiLocationInventory;
  // Read before the balances: an order imported in between is then held back twice, never not at all.
  const openOrders = readOpenOrderIds(shop.recordId);
  const withInactive = shop.availability.inactiveAsZero;
  const canFetch = (): boolean => canFetchPage(deps.remaining());
  const read =
    linkedIds.length === 0
      ? { items: [], balances: [] }
      : readInventoryBalances(multiLocation, linkedIds, canFetch, withInactive);
  if (read === null) return null;
  const kits =
    linkedIds.length === 0
      ? { items: [], members: new Map(), assemblies: new Set<string>() }
      : readItemMembers(canFetch, withInactive);
  if (kits === null) return null;
  const items = new Map(read.items.map((i) => [i.id, i]));
  for (const item of kits.items) if (!items.has(item.id)) items.set(item.id, item);
  const result = runInventoryExport(
    {
      warehouses,
      locations,
      locationFilter: shop.locationFilter,
      multiLocation,
      safetyBuffer: shop.buffer,
      items: [...items.values()],
      balances: read.balances,
      options: shop.availability,
      members: kits.members,
      assemblies: kits.assemblies,
      openOrders,
      force: shop.force,
      now: deps.now(),
    },
    previous,
    acks,
  );
  const locationNames = Object.fromEntries(Object.entries(locations).map(([id, l]) => [id, l.name]));
  return { result, locationNames };
}

/** One shop's export; null when it was deferred for lack of units. */
export function exportShop(shop: ShopInventorySettings, deps: ExportDeps): ShopExportSummary {
  const base = { shopId: shop.shopId, changed: 0, pending: 0, pairs: 0, notices: 0 };
  if (!shop.pullInventory) return { ...base, outcome: 'pull_inventory_off' };
  const stateName = inventoryStateFileName(shop.shopId);
  const previous = parseInventoryState(readStateFile(stateName));
  if (!canStartShop(deps.remaining(), Object.keys(previous.exported).length)) {
    return { ...base, outcome: 'deferred' };
  }
  if (!shop.pullLocations) {
    const message =
      'Pull locations from NetSuite is off, so no NetSuite location takes part and no stock is sent to TikTok. Fix: tick Pull locations from NetSuite on the TikTok Shop record.';
    if (!previous.notices.includes(message)) {
      logNotice(shop, message, null);
      writeStateFile(stateName, JSON.stringify({ ...previous, notices: [message] }));
    }
    return { ...base, outcome: 'pull_locations_off', notices: 1 };
  }
  const acks = parseInventoryAckFile(readStateFile(inventoryAckFileName(shop.shopId)));
  const run = runShopExport(shop, deps, previous, acks.done);
  if (run === null) return { ...base, outcome: 'deferred' };
  const result = run.result;
  writeStateFile(stateName, JSON.stringify(result.state));
  for (const notice of result.newNotices.slice(0, MAX_NOTICES_LOGGED)) {
    logNotice(shop, notice.message, /^[0-9]+$/.test(notice.subject) ? notice.subject : null);
  }
  clearInventoryTriggers(shop.recordId, shop.force, shop.pushNow);
  return {
    shopId: shop.shopId,
    outcome: 'exported',
    changed: result.changed,
    pending: result.pending,
    pairs: result.pairs,
    notices: result.notices.length,
  };
}

/** Every shop's export, in record order; shops left over are reported `deferred`. */
export function exportAllShops(deps: ExportDeps): ShopExportSummary[] {
  return listInventorySettings().map((shop) => exportShop(shop, deps));
}

/** The pair key a pending entry of a shop's state has (for tests and tools). */
export { pairKey };
