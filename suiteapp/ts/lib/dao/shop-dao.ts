import * as record from 'N/record';
import { shopExternalId } from '../../../../shared-types/src/ids';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import { SHOP_FIELDS, SHOP_RECORD } from '../../../../shared-types/src/netsuite-ids';
import type { ShopInfo } from '../../../../shared-types/src/restlet-contract';
import type { ShopSettings } from '../../../../shared-types/src/shop-settings';
import { boolOf, idOf, runInChunks, runQuery, textOf } from './suiteql';

/** `customrecord_tts_shop` (custom record: create 2, save 4, submitFields 2, SuiteQL 10 units). */

export interface ShopRef {
  id: string;
  name: string;
}

/** The shop record of a TikTok shop id (by externalid `tts_shop_<shopId>`), or null. */
export function findShop(shopId: string): ShopRef | null {
  const rows = runQuery(
    `SELECT id, ${SHOP_FIELDS.name} AS shop_name FROM ${SHOP_RECORD} WHERE externalid = ?`,
    [shopExternalId(shopId)],
  );
  const id = rows.length > 0 ? idOf(rows[0].id) : null;
  return id === null ? null : { id, name: textOf(rows[0].shop_name) ?? shopId };
}

/** The fields the bridge owns; the admin's settings are never touched. */
function bridgeValues(shop: ShopInfo): Record<string, string> {
  return {
    name: shop.name,
    [SHOP_FIELDS.shopId]: shop.shopId,
    [SHOP_FIELDS.name]: shop.name,
    [SHOP_FIELDS.region]: shop.region,
    [SHOP_FIELDS.sellerType]: shop.sellerType,
    [SHOP_FIELDS.state]: shop.state,
    [SHOP_FIELDS.currency]: shop.currency,
  };
}

/** Creates the shop record (6 units); throws DUP_RCRD when it exists. */
export function createShop(shop: ShopInfo): string {
  const created = record.create({ type: SHOP_RECORD });
  created.setValue({ fieldId: 'externalid', value: shopExternalId(shop.shopId) });
  for (const [fieldId, value] of Object.entries(bridgeValues(shop))) {
    created.setValue({ fieldId, value });
  }
  return String(created.save());
}

/** Updates the bridge-owned fields (2 units). */
export function updateShop(id: string, shop: ShopInfo): void {
  record.submitFields({
    type: SHOP_RECORD,
    id,
    values: bridgeValues(shop),
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}

/** Import settings of the given shop records (one query per 500). */
export function loadShopSettings(recordIds: readonly string[]): Map<string, ShopSettings> {
  const f = SHOP_FIELDS;
  const rows = runInChunks(
    [...new Set(recordIds)],
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, ${f.shopId} AS shop_id, ${f.name} AS shop_name, ${f.currency} AS currency, ${f.pushOrders} AS push_orders, ${f.perBuyer} AS per_buyer, ${f.customer} AS customer, ${f.subsidiary} AS subsidiary, ${f.location} AS location, ${f.department} AS department, ${f.class} AS class_id, ${f.shipItem} AS ship_item, ${f.paymentMethodMap} AS pm_map FROM ${SHOP_RECORD} WHERE id IN (${inList})`,
  );
  const shops = new Map<string, ShopSettings>();
  for (const row of rows) {
    const recordId = idOf(row.id);
    if (recordId === null) {
      continue;
    }
    const shopId = textOf(row.shop_id) ?? '';
    shops.set(recordId, {
      recordId,
      shopId,
      name: textOf(row.shop_name) ?? shopId,
      currency: textOf(row.currency),
      pushOrders: boolOf(row.push_orders, true),
      perBuyerCustomer: boolOf(row.per_buyer, false),
      customerId: idOf(row.customer),
      subsidiaryId: idOf(row.subsidiary),
      locationId: idOf(row.location),
      departmentId: idOf(row.department),
      classId: idOf(row.class_id),
      shippingItemId: idOf(row.ship_item),
      paymentMethodMap: textOf(row.pm_map),
    });
  }
  return shops;
}
