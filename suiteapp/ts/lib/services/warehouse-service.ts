/**
 * The RESTlet's `warehouses.upsert`: the shop's TikTok warehouses as `customrecord_tts_warehouse`
 * records, which an admin links to NetSuite locations.
 */
import { warehouseExternalId } from '../../../../shared-types/src/ids/external-ids';
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import { formatValidationProblems } from '../../../../shared-types/src/contract/restlet-validation';
import type { WarehousesUpsertResponse } from '../../../../shared-types/src/contract/warehouse-upsert';
import {
  validateWarehousesUpsert,
  WAREHOUSE_DELETED,
  warehouseChanged,
  warehouseFields,
  warehousesGone,
} from '../../../../shared-types/src/contract/warehouse-upsert';
import {
  findWarehousesByExternalId,
  findWarehousesOfShop,
  createWarehouse,
  setWarehouseStatus,
  updateWarehouse,
} from '../dao/warehouse-dao';
import { findShop } from '../dao/shop-dao';
import { listInventorySettings } from '../dao/inventory-dao';
import { listLocationsForSuggestions } from '../dao/location-dao';
import { setWarehouseSuggestions } from '../dao/warehouse-dao';
import type { TikTokWarehouseInfo } from '../../../../shared-types/src/contract/warehouse-upsert';
import { suggestionText, suggestLocations } from '../../../../shared-types/src/inventory/link-suggestions';
import { connectorError } from '../platform/errors';

/**
 * `warehouses.upsert`: one `customrecord_tts_warehouse` per TikTok warehouse of the shop. Existing
 * records get the bridge's name, type and default flag; the NetSuite location an admin linked is
 * never touched. Governance for 100 warehouses: shop lookup 10 + one lookup 10 + at most 6 each
 * (create 2 + save 4; an update is one submitFields, 2) = 620 units of the RESTlet's 5,000. With
 * `complete` (the shop's whole TikTok list), one more query (10) and 2 per record marked DELETED.
 * Suggested Locations (issue #14 item 1): the shop's settings 10 + a location search 10 + 2 per record
 * whose suggestions changed; none while Pull locations from NetSuite is off (cleared).
 */
export function upsertWarehouses(body: Record<string, unknown>): WarehousesUpsertResponse {
  const checked = validateWarehousesUpsert(body);
  if (!checked.ok) {
    throw connectorError(RESTLET_ERROR_CODES.INVALID_REQUEST, formatValidationProblems(checked.problems));
  }
  const request = checked.value;
  const shop = findShop(request.shopId);
  if (shop === null) {
    throw connectorError(
      RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
      `shopId: no TikTok Shop record for shop ${request.shopId} (externalid tts_shop_${request.shopId}). Fix: send {"action": "shop.upsert", "shop": {...}} for this shop first, then resend the warehouses.`,
    );
  }
  const externalIds = request.warehouses.map((w) => warehouseExternalId(request.shopId, w.id));
  const stored = findWarehousesByExternalId(externalIds);
  const results = request.warehouses.map((warehouse, index) => {
    const externalId = externalIds[index];
    const existing = stored.get(externalId);
    const values = warehouseFields(shop.id, warehouse);
    if (existing === undefined) {
      const recordId = createWarehouse(externalId, values);
      return { warehouseId: warehouse.id, recordId, outcome: 'created' as const, linked: false };
    }
    const linked = existing.locationId !== null;
    if (!warehouseChanged(existing, warehouse)) {
      return { warehouseId: warehouse.id, recordId: existing.id, outcome: 'unchanged' as const, linked };
    }
    updateWarehouse(existing.id, values);
    return { warehouseId: warehouse.id, recordId: existing.id, outcome: 'updated' as const, linked };
  });
  writeSuggestions(request.shopId, request.warehouses, results, stored);
  if (request.complete !== true) {
    return { ok: true, results };
  }
  const byWarehouseId = new Map(findWarehousesOfShop(shop.id).map((w) => [w.warehouseId, w]));
  const deleted = warehousesGone([...byWarehouseId.values()], request.warehouses);
  for (const warehouseId of deleted) {
    setWarehouseStatus(byWarehouseId.get(warehouseId)!.id, WAREHOUSE_DELETED);
  }
  return { ok: true, results, deleted };
}

/** Suggested Locations of each sent warehouse, from NetSuite's locations in the shop's Location Filter. */
function writeSuggestions(
  shopId: string,
  warehouses: readonly TikTokWarehouseInfo[],
  results: readonly { recordId: string }[],
  stored: ReadonlyMap<string, { suggestions: string }>,
): void {
  const settings = listInventorySettings().find((s) => s.shopId === shopId);
  const locations = settings?.pullLocations === false ? [] : listLocationsForSuggestions();
  warehouses.forEach((warehouse, index) => {
    const text =
      settings?.pullLocations === false
        ? ''
        : suggestionText(
            suggestLocations(
              { warehouseId: warehouse.id, name: warehouse.name, address: warehouse.address ?? null },
              locations,
              settings?.locationFilter ?? [],
            ),
            locations,
          );
    const before = stored.get(warehouseExternalId(shopId, warehouse.id))?.suggestions ?? '';
    if (text !== before) setWarehouseSuggestions(results[index].recordId, text);
  });
}
