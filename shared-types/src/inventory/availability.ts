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
 *
 * Inventory II (issue #16) adds the shop's availability options (`availability-options.ts`): quantity
 * on order and in transit counted or not, a percentage buffer beside the units, a per-item buffer
 * override, kits / item groups computed from their members and assemblies optionally adding what can
 * be built. `computeAvailabilityDetail` also says, per pair, which rule and buffer made the quantity
 * (the preview shows it).
 */
import type { AvailabilityOptions, BufferRule, ItemMember } from './availability-options';
import { bufferUnits, DEFAULT_AVAILABILITY_OPTIONS } from './availability-options';

/** TikTok's upper bound for `quantity` (TikTok's Update Inventory: 1–99 999; 0 = out of stock). */
export const TIKTOK_MAX_QUANTITY = 99_999;

/** One inventory balance row: an item at a location (`locationId` null: the single quantity without MLI). */
export interface InventoryBalance {
  itemId: string;
  locationId: string | null;
  onHand: number;
  committed: number;
  /** On open purchase orders (counted only with the shop's "Count Quantity On Order" option). */
  onOrder?: number;
  /** In transit between locations (counted only with "Count Quantity In Transit"). */
  inTransit?: number;
  /** Back-ordered on sales orders: it takes incoming supply first, so it is netted against it. */
  backOrdered?: number;
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
  /** The shop's availability options (issue #16); absent: Inventory I's rule (on hand − committed). */
  options?: Partial<AvailabilityOptions>;
  /** Per-item buffer overrides (item field `custitem_tts_inv_buffer`), by item id. */
  itemBuffers?: ReadonlyMap<string, BufferRule>;
  /** Kits, item groups and assemblies → their members (item search memberitem, memberquantity). */
  members?: ReadonlyMap<string, readonly ItemMember[]>;
  /** Item ids that are assemblies (they have stock of their own, and members). */
  assemblies?: ReadonlySet<string>;
}

/** itemId → warehouseId → quantity to show on TikTok. Warehouses without links are left out. */
export type AvailabilityByItem = Map<string, Map<string, number>>;

/** Which rule gave a pair its quantity before the buffer. */
export type AvailabilityRule =
  | 'stock'
  | 'kit_members'
  | 'assembly_stock_and_buildable'
  | 'single_quantity'
  | 'not_the_single_quantity_warehouse';

/** How one item × warehouse quantity was made (the preview shows it). */
export interface PairDetail {
  quantity: number;
  /** Available before the buffer (summed over the linked locations, or built from members). */
  available: number;
  /** Units kept back. */
  buffer: number;
  /** Where the buffer came from: the item's override or the shop's default. */
  bufferSource: 'item' | 'shop';
  rule: AvailabilityRule;
  /** The NetSuite locations added up (empty for the warehouse that does not show the single quantity). */
  locationIds: readonly string[];
}

/** Quantity available at one balance row: on hand − committed, never below zero. */
export function quantityAvailable(balance: Pick<InventoryBalance, 'onHand' | 'committed'>): number {
  const onHand = Number.isFinite(balance.onHand) ? balance.onHand : 0;
  const committed = Number.isFinite(balance.committed) ? balance.committed : 0;
  return Math.max(0, Math.floor(onHand - committed));
}

function finite(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) ? n : 0;
}

/**
 * Quantity available at one balance row under the shop's options: on hand − committed (never below
 * zero), plus, when counted, on order and in transit net of what is back-ordered (back orders take
 * incoming supply first), never below zero.
 */
export function quantityAvailableWith(
  balance: InventoryBalance,
  options: Pick<AvailabilityOptions, 'includeOnOrder' | 'includeInTransit'>,
): number {
  const base = quantityAvailable(balance);
  const incoming =
    (options.includeOnOrder ? finite(balance.onOrder) : 0) +
    (options.includeInTransit ? finite(balance.inTransit) : 0);
  if (incoming <= 0) return base;
  return base + Math.max(0, Math.floor(incoming - finite(balance.backOrdered)));
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

/** Kits inside kits are followed this deep; deeper (or a cycle) counts as nothing available. */
const MAX_KIT_DEPTH = 5;

/**
 * Every item × linked warehouse, with how its quantity was made: the items with a balance and every
 * kit / group / assembly with members.
 */
export function computeAvailabilityDetail(input: AvailabilityInput): Map<string, Map<string, PairDetail>> {
  const options: AvailabilityOptions = { ...DEFAULT_AVAILABILITY_OPTIONS, ...input.options };
  const linked = input.warehouses.filter((w) => w.locationIds.length > 0);
  const perItemLocation = new Map<string, Map<string | null, number>>();
  for (const balance of input.balances) {
    let byLocation = perItemLocation.get(balance.itemId);
    if (byLocation === undefined) {
      byLocation = new Map();
      perItemLocation.set(balance.itemId, byLocation);
    }
    const key = input.multiLocation ? balance.locationId : null;
    byLocation.set(key, (byLocation.get(key) ?? 0) + quantityAvailableWith(balance, options));
  }
  const members = input.members ?? new Map<string, readonly ItemMember[]>();
  const assemblies = input.assemblies ?? new Set<string>();
  const single = input.multiLocation ? null : singleQuantityWarehouse(linked);
  const locationsOf = (w: LinkedWarehouse): readonly string[] =>
    input.multiLocation ? [...new Set(w.locationIds)] : w.warehouseId === single ? w.locationIds : [];

  /** Stock of the item's own at the warehouse's locations (0 without a balance). */
  const ownStock = (itemId: string, w: LinkedWarehouse): number => {
    const byLocation = perItemLocation.get(itemId);
    if (byLocation === undefined) return 0;
    if (!input.multiLocation) return w.warehouseId === single ? (byLocation.get(null) ?? 0) : 0;
    let sum = 0;
    for (const locationId of new Set(w.locationIds)) sum += byLocation.get(locationId) ?? 0;
    return sum;
  };
  /** Available before any buffer: own stock, or what the members make, or both (assemblies). */
  const raw = (itemId: string, w: LinkedWarehouse, depth: number): number => {
    const list = members.get(itemId);
    const isAssembly = assemblies.has(itemId);
    if (list === undefined || (isAssembly && !options.assembliesFromComponents)) return ownStock(itemId, w);
    const buildable = depth >= MAX_KIT_DEPTH ? 0 : fromMembers(list, w, depth + 1);
    return isAssembly ? ownStock(itemId, w) + buildable : buildable;
  };
  /** min over the members that hold stock of floor(available / quantity per kit); no stocked member → 0. */
  const fromMembers = (list: readonly ItemMember[], w: LinkedWarehouse, depth: number): number => {
    let min: number | null = null;
    for (const m of list) {
      if (!(m.quantity > 0)) continue;
      const stocked = perItemLocation.has(m.itemId) || members.has(m.itemId);
      if (!stocked) continue; // a non-inventory or service member never limits a kit
      const each = Math.floor(raw(m.itemId, w, depth) / m.quantity);
      min = min === null ? each : Math.min(min, each);
    }
    return min ?? 0;
  };

  const ruleOf = (itemId: string, w: LinkedWarehouse): AvailabilityRule => {
    if (!input.multiLocation && w.warehouseId !== single) return 'not_the_single_quantity_warehouse';
    if (members.has(itemId)) {
      if (!assemblies.has(itemId)) return 'kit_members';
      if (options.assembliesFromComponents) return 'assembly_stock_and_buildable';
    }
    return input.multiLocation ? 'stock' : 'single_quantity';
  };

  const result = new Map<string, Map<string, PairDetail>>();
  const itemIds = new Set<string>([...perItemLocation.keys(), ...members.keys()]);
  for (const itemId of itemIds) {
    const perWarehouse = new Map<string, PairDetail>();
    const override = input.itemBuffers?.get(itemId);
    for (const warehouse of linked) {
      const available = raw(itemId, warehouse, 0);
      const buffer = bufferUnits(available, override ?? null, {
        units: input.safetyBuffer,
        percent: options.bufferPercent,
      });
      perWarehouse.set(warehouse.warehouseId, {
        quantity: afterBuffer(available, buffer),
        available,
        buffer,
        bufferSource: override === undefined ? 'shop' : 'item',
        rule: ruleOf(itemId, warehouse),
        locationIds: locationsOf(warehouse),
      });
    }
    result.set(itemId, perWarehouse);
  }
  return result;
}

/** Computes the quantity of every item with a balance (or members), for every linked warehouse. */
export function computeAvailability(input: AvailabilityInput): AvailabilityByItem {
  const result: AvailabilityByItem = new Map();
  for (const [itemId, perWarehouse] of computeAvailabilityDetail(input)) {
    result.set(itemId, new Map([...perWarehouse].map(([w, d]) => [w, d.quantity])));
  }
  return result;
}
