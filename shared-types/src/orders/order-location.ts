/**
 * The location of a sales order: FBT orders go to the shop's FBT location; other orders to the
 * NetSuite location linked to the TikTok warehouse they ship from (`customrecord_tts_warehouse`),
 * else to the shop's default location. A location that is inactive or gone, or a warehouse that is
 * not linked when there is no default to fall back on, stops the import with the fix.
 */
import type { ShopOrderOptions, ShopSettings } from '../settings/shop-settings';
import { SHOP_RECORD_LOCATION } from '../settings/shop-settings';

/** A TikTok warehouse as recorded in NetSuite. */
export interface WarehouseLink {
  recordId: string;
  warehouseId: string;
  name: string;
  /** The location its orders are booked at (Primary Location, else the lowest linked one), or null when not linked. */
  locationId: string | null;
}

export interface LocationState {
  name: string;
  inactive: boolean;
}

export interface LocationContext {
  /** The TikTok warehouse id of the order (`warehouse_id`), if any. */
  warehouseId: string | null;
  /** Its warehouse record, when one exists. */
  warehouse: WarehouseLink | null;
  /** Location id → state, for every location the import may use; absent: not checked. */
  locations?: Readonly<Record<string, LocationState>>;
}

export type LocationChoice = { ok: true; locationId: string | null } | { ok: false; message: string };

export const WAREHOUSE_RECORD_LOCATION =
  'open the TikTok Warehouse record (Customization > TikTok Warehouses) and set Primary Location (or Linked NetSuite Locations)';

function checkActive(
  locationId: string,
  what: string,
  fix: string,
  locations: LocationContext['locations'],
): LocationChoice {
  if (locations === undefined) {
    return { ok: true, locationId };
  }
  const state = Object.prototype.hasOwnProperty.call(locations, locationId) ? locations[locationId] : null;
  if (state === null) {
    return {
      ok: false,
      message: `${what} is location ${locationId}, which no longer exists in NetSuite. Fix: ${fix}, then retry the order.`,
    };
  }
  if (state.inactive) {
    return {
      ok: false,
      message: `${what} is location "${state.name}" (${locationId}), which is inactive. Fix: reactivate it in Setup > Company > Locations, or ${fix}, then retry the order.`,
    };
  }
  return { ok: true, locationId };
}

function describeWarehouse(context: LocationContext): string {
  const warehouse = context.warehouse;
  return warehouse === null
    ? `TikTok warehouse ${context.warehouseId ?? ''}`
    : `TikTok warehouse "${warehouse.name}" (${warehouse.warehouseId})`;
}

export function chooseLocation(
  shop: Pick<ShopSettings, 'name' | 'locationId'>,
  options: Pick<ShopOrderOptions, 'fbtLocationId'>,
  fbt: boolean,
  context: LocationContext,
): LocationChoice {
  if (fbt) {
    if (options.fbtLocationId === null) {
      return {
        ok: false,
        message: `The order is Fulfilled by TikTok (FBT) and shop ${shop.name} has no FBT Location. Fix: ${SHOP_RECORD_LOCATION}, set FBT Location to the location that holds your TikTok FBT stock (or untick Import FBT Orders to skip them), save, then retry the order.`,
      };
    }
    return checkActive(
      options.fbtLocationId,
      `The FBT Location of shop ${shop.name}`,
      `${SHOP_RECORD_LOCATION}, choose an active FBT Location`,
      context.locations,
    );
  }
  const linked = context.warehouse?.locationId ?? null;
  if (linked !== null) {
    return checkActive(
      linked,
      `The location linked to ${describeWarehouse(context)}`,
      `${WAREHOUSE_RECORD_LOCATION} to an active location`,
      context.locations,
    );
  }
  if (shop.locationId !== null) {
    return checkActive(
      shop.locationId,
      `The Default Location of shop ${shop.name}`,
      `${SHOP_RECORD_LOCATION}, choose an active Default Location`,
      context.locations,
    );
  }
  if (context.warehouseId !== null) {
    const where =
      context.warehouse === null
        ? `send the shop's warehouses with the warehouses.upsert action (the bridge does this on connect), then ${WAREHOUSE_RECORD_LOCATION}`
        : WAREHOUSE_RECORD_LOCATION;
    return {
      ok: false,
      message: `The order ships from ${describeWarehouse(context)}, which is not linked to a NetSuite location, and shop ${shop.name} has no Default Location. Fix: ${where} (or ${SHOP_RECORD_LOCATION} and set Default Location), then retry the order.`,
    };
  }
  return { ok: true, locationId: null };
}
