/**
 * Availability per item and TikTok warehouse (issue #14 item 2): NetSuite's quantity available
 * (on hand − committed) summed over the NetSuite locations linked to the warehouse, minus the shop's
 * safety buffer, never below zero and never above what TikTok's Update Inventory takes (99,999).
 *
 * - A location whose on hand is below its committed quantity (negative inventory allowed) adds 0,
 *   not a negative number: one location's deficit never hides another location's stock.
 * - Without Multi-Location Inventory an item has one company-wide quantity. Sending it to several
 *   TikTok warehouses would let TikTok sell the same units once per warehouse, so it goes to one
 *   warehouse only: the TikTok default warehouse when it is linked, else the linked warehouse with
 *   the lowest id; the others get 0 (`warehouse-flags.ts` flags that set-up with its fix).
 * - The buffer is per SKU and warehouse: a buffer of 2 keeps 2 units back in every warehouse.
 */

/** TikTok's upper bound for `quantity` (TikTok's Update Inventory: 1–99 999; 0 = out of stock). */
export const TIKTOK_MAX_QUANTITY = 99_999;

/** One inventory balance row: an item at a location (`locationId` null: the single quantity without MLI). */
export interface InventoryBalance {
  itemId: string;
  locationId: string | null;
  onHand: number;
  committed: number;
}

/** A TikTok warehouse and the NetSuite locations linked to it (only those that take part). */
export interface LinkedWarehouse {
  warehouseId: string;
  isDefault: boolean;
  locationIds: readonly string[];
}

export interface AvailabilityInput {
  balances: readonly InventoryBalance[];
  warehouses: readonly LinkedWarehouse[];
  /** Units kept back per SKU and warehouse (shop default); 0 = none. */
  safetyBuffer: number;
  /** The account has Multi-Location Inventory. */
  multiLocation: boolean;
}

/** itemId → warehouseId → quantity to show on TikTok. Warehouses without links are left out. */
export type AvailabilityByItem = Map<string, Map<string, number>>;

/** Quantity available at one balance row: on hand − committed, never below zero. */
export function quantityAvailable(balance: Pick<InventoryBalance, 'onHand' | 'committed'>): number {
  const onHand = Number.isFinite(balance.onHand) ? balance.onHand : 0;
  const committed = Number.isFinite(balance.committed) ? balance.committed : 0;
  return Math.max(0, Math.floor(onHand - committed));
}

/** Applies the buffer and TikTok's range to a summed quantity. */
export function afterBuffer(available: number, safetyBuffer: number): number {
  if (!Number.isInteger(safetyBuffer) || safetyBuffer < 0) {
    throw new Error(`safety buffer must be a whole number ≥ 0, got ${safetyBuffer}`);
  }
  return Math.min(TIKTOK_MAX_QUANTITY, Math.max(0, available - safetyBuffer));
}

/** The one warehouse that shows the single quantity without Multi-Location Inventory. */
export function singleQuantityWarehouse(warehouses: readonly LinkedWarehouse[]): string | null {
  const linked = warehouses.filter((w) => w.locationIds.length > 0);
  if (linked.length === 0) {
    return null;
  }
  const preferred = linked.find((w) => w.isDefault);
  if (preferred !== undefined) {
    return preferred.warehouseId;
  }
  return [...linked].sort((a, b) => compareIds(a.warehouseId, b.warehouseId))[0].warehouseId;
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Computes the quantity of every item with a balance, for every linked warehouse. */
export function computeAvailability(input: AvailabilityInput): AvailabilityByItem {
  const linked = input.warehouses.filter((w) => w.locationIds.length > 0);
  const perItemLocation = new Map<string, Map<string | null, number>>();
  for (const balance of input.balances) {
    let byLocation = perItemLocation.get(balance.itemId);
    if (byLocation === undefined) {
      byLocation = new Map();
      perItemLocation.set(balance.itemId, byLocation);
    }
    const key = input.multiLocation ? balance.locationId : null;
    byLocation.set(key, (byLocation.get(key) ?? 0) + quantityAvailable(balance));
  }
  const single = input.multiLocation ? null : singleQuantityWarehouse(linked);
  const result: AvailabilityByItem = new Map();
  for (const [itemId, byLocation] of perItemLocation) {
    const perWarehouse = new Map<string, number>();
    for (const warehouse of linked) {
      let sum = 0;
      if (input.multiLocation) {
        for (const locationId of new Set(warehouse.locationIds)) {
          sum += byLocation.get(locationId) ?? 0;
        }
      } else if (warehouse.warehouseId === single) {
        sum = byLocation.get(null) ?? 0;
      }
      perWarehouse.set(warehouse.warehouseId, afterBuffer(sum, input.safetyBuffer));
    }
    result.set(itemId, perWarehouse);
  }
  return result;
}
