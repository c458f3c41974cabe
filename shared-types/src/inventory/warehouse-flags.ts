/**
 * Location links that cannot work, each flagged with its fix (issue #14 item 1): a TikTok warehouse
 * that is disabled or no longer in TikTok's warehouse list, a linked location that is inactive, gone
 * or outside the shop's Location Filter, a primary location that is not among the links, and several
 * linked warehouses in an account without Multi-Location Inventory. A flagged link adds no stock;
 * the rest of the warehouse's links still count.
 */
import type { LocationState } from '../orders/order-location';
import { singleQuantityWarehouse } from './availability';

export const WAREHOUSE_LINK_FIX =
  'open the TikTok Warehouse record (Customization > TikTok Warehouses) and edit Linked NetSuite Locations';

/** TikTok's `effect_status`, or DELETED when the warehouse is no longer in Get Warehouse List. */
export type TikTokWarehouseStatus = 'ENABLED' | 'DISABLED' | 'RESTRICTED' | 'DELETED';

export interface WarehouseLinks {
  warehouseId: string;
  name: string;
  status: TikTokWarehouseStatus;
  isDefault: boolean;
  locationIds: readonly string[];
  /** The location the order import uses for this warehouse's orders; null = the first link. */
  primaryLocationId: string | null;
}

export interface LinkContext {
  /** Location id → state, for every location in the account. */
  locations: Readonly<Record<string, LocationState>>;
  /** The shop's Location Filter; empty = every active location. */
  locationFilter: readonly string[];
  multiLocation: boolean;
}

export type WarehouseFlagKind =
  | 'warehouse_disabled'
  | 'warehouse_deleted'
  | 'location_inactive'
  | 'location_missing'
  | 'location_outside_filter'
  | 'primary_not_linked'
  | 'several_warehouses_without_mli';

export interface WarehouseFlag {
  kind: WarehouseFlagKind;
  warehouseId: string;
  locationId: string | null;
  message: string;
}

export interface CheckedWarehouse {
  warehouseId: string;
  isDefault: boolean;
  /** The links that take part (for `availability.ts`); empty when the warehouse itself is flagged. */
  locationIds: string[];
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | null {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : null;
}

/** Checks every warehouse's links; returns the usable links and the flags. */
export function checkWarehouseLinks(
  warehouses: readonly WarehouseLinks[],
  context: LinkContext,
): { warehouses: CheckedWarehouse[]; flags: WarehouseFlag[] } {
  const flags: WarehouseFlag[] = [];
  const checked: CheckedWarehouse[] = [];
  const filter = new Set(context.locationFilter);
  for (const warehouse of warehouses) {
    const label = `TikTok warehouse "${warehouse.name}" (${warehouse.warehouseId})`;
    const flag = (kind: WarehouseFlagKind, locationId: string | null, message: string): void => {
      flags.push({ kind, warehouseId: warehouse.warehouseId, locationId, message });
    };
    if (warehouse.locationIds.length > 0 && warehouse.status === 'DISABLED') {
      flag(
        'warehouse_disabled',
        null,
        `${label} is disabled in TikTok, so no stock is sent to it. Fix: enable it in Seller Center (My Account > Warehouses), or clear its Linked NetSuite Locations.`,
      );
      checked.push({ warehouseId: warehouse.warehouseId, isDefault: warehouse.isDefault, locationIds: [] });
      continue;
    }
    if (warehouse.locationIds.length > 0 && warehouse.status === 'DELETED') {
      flag(
        'warehouse_deleted',
        null,
        `${label} is no longer in the shop's TikTok warehouse list (deleted in Seller Center), so no stock is sent to it. Fix: ${WAREHOUSE_LINK_FIX} and move its locations to a current warehouse, then clear this one's links.`,
      );
      checked.push({ warehouseId: warehouse.warehouseId, isDefault: warehouse.isDefault, locationIds: [] });
      continue;
    }
    const usable: string[] = [];
    for (const locationId of new Set(warehouse.locationIds)) {
      const state = own(context.locations, locationId);
      if (state === null) {
        flag(
          'location_missing',
          locationId,
          `${label} is linked to location ${locationId}, which no longer exists in NetSuite. Fix: ${WAREHOUSE_LINK_FIX} and remove it.`,
        );
      } else if (state.inactive) {
        flag(
          'location_inactive',
          locationId,
          `${label} is linked to location "${state.name}" (${locationId}), which is inactive, so its stock is not counted. Fix: reactivate it in Setup > Company > Locations, or ${WAREHOUSE_LINK_FIX} and remove it.`,
        );
      } else if (filter.size > 0 && !filter.has(locationId)) {
        flag(
          'location_outside_filter',
          locationId,
          `${label} is linked to location "${state.name}" (${locationId}), which is not in the shop's Location Filter, so its stock is not counted. Fix: add it to Location Filter on the TikTok Shop record, or ${WAREHOUSE_LINK_FIX} and remove it.`,
        );
      } else {
        usable.push(locationId);
      }
    }
    if (
      warehouse.primaryLocationId !== null &&
      !warehouse.locationIds.includes(warehouse.primaryLocationId)
    ) {
      flag(
        'primary_not_linked',
        warehouse.primaryLocationId,
        `${label} has Primary Location ${warehouse.primaryLocationId}, which is not one of its Linked NetSuite Locations, so its orders would be booked where its stock is not counted. Fix: ${WAREHOUSE_LINK_FIX} and choose a Primary Location among them.`,
      );
    }
    checked.push({ warehouseId: warehouse.warehouseId, isDefault: warehouse.isDefault, locationIds: usable });
  }
  const linked = checked.filter((w) => w.locationIds.length > 0);
  const single = context.multiLocation ? null : singleQuantityWarehouse(linked);
  if (single !== null && linked.length > 1) {
    for (const w of linked.filter((l) => l.warehouseId !== single)) {
      flags.push({
        kind: 'several_warehouses_without_mli',
        warehouseId: w.warehouseId,
        locationId: null,
        message: `Without Multi-Location Inventory NetSuite has one quantity per item, so only TikTok warehouse ${single} shows it and warehouse ${w.warehouseId} gets 0 (sending it to both would sell the same units twice). Fix: link only one TikTok warehouse, or enable Multi-Location Inventory and link each warehouse to its own locations.`,
      });
    }
  }
  return { warehouses: checked, flags };
}
