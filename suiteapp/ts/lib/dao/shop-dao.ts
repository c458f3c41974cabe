import * as record from 'N/record';
import { shopExternalId } from '../../../../shared-types/src/ids';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import { SHOP_FIELDS, SHOP_RECORD } from '../../../../shared-types/src/netsuite-ids';
import { SHOP_ORDER_FIELDS } from '../../../../shared-types/src/order-ids';
import type { ShopInfo } from '../../../../shared-types/src/restlet-contract';
import type { ShopOrderOptions, ShopSettings } from '../../../../shared-types/src/shop-settings';
import { DEFAULT_ORDER_OPTIONS } from '../../../../shared-types/src/shop-settings';
import type { Row } from './suiteql';
import { boolOf, idOf, intOf, runInChunks, runQuery, textOf } from './suiteql';

/** `customrecord_tts_shop` (custom record: create 2, save 4, submitFields 2, SuiteQL 10 units). */

export interface ShopRef {
  id: string;
  name: string;
  /** Push orders to NetSuite (`custrecord_tts_shop_push_orders`). */
  pushOrders: boolean;
}

/** The shop record of a TikTok shop id (by externalid `tts_shop_<shopId>`), or null. */
export function findShop(shopId: string): ShopRef | null {
  const rows = runQuery(
    `SELECT id, ${SHOP_FIELDS.name} AS shop_name, ${SHOP_FIELDS.pushOrders} AS push_orders FROM ${SHOP_RECORD} WHERE externalid = ?`,
    [shopExternalId(shopId)],
  );
  const id = rows.length > 0 ? idOf(rows[0].id) : null;
  return id === null
    ? null
    : { id, name: textOf(rows[0].shop_name) ?? shopId, pushOrders: boolOf(rows[0].push_orders, true) };
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

const o = SHOP_ORDER_FIELDS;

/** The order option columns of loadShopSettings' query. */
const ORDER_OPTION_COLUMNS = `${o.region} AS region, ${o.form} AS form_id, ${o.orderStatus} AS order_status, ${o.discountLines} AS disc_lines, ${o.sellerDiscountItem} AS seller_disc_item, ${o.platformDiscountItem} AS plat_disc_item, ${o.importSamples} AS import_samples, ${o.importFbt} AS import_fbt, ${o.fbtLocation} AS fbt_location, ${o.handlingDays} AS handling_days, ${o.testMode} AS test_mode, ${o.testOrder} AS test_order`;

function orderOptionsFrom(row: Row): ShopOrderOptions {
  const d = DEFAULT_ORDER_OPTIONS;
  return {
    formId: textOf(row.form_id)?.trim() || null,
    orderStatus: textOf(row.order_status)?.trim() || d.orderStatus,
    discountLines: boolOf(row.disc_lines, d.discountLines),
    sellerDiscountItemId: idOf(row.seller_disc_item),
    platformDiscountItemId: idOf(row.plat_disc_item),
    importSamples: boolOf(row.import_samples, d.importSamples),
    importFbt: boolOf(row.import_fbt, d.importFbt),
    fbtLocationId: idOf(row.fbt_location),
    handlingDays: intOf(row.handling_days) ?? d.handlingDays,
    testMode: boolOf(row.test_mode, d.testMode),
    testOrderId: textOf(row.test_order)?.trim() || null,
  };
}

/**
 * Turns Push orders to NetSuite off and records why (`custrecord_tts_shop_paused_reason`), e.g.
 * after the test order (2 units).
 */
export function pauseOrderPush(id: string, reason: string): void {
  record.submitFields({
    type: SHOP_RECORD,
    id,
    values: { [SHOP_FIELDS.pushOrders]: false, [o.pausedReason]: reason },
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
      `SELECT id, ${f.shopId} AS shop_id, ${f.name} AS shop_name, ${f.currency} AS currency, ${f.pushOrders} AS push_orders, ${f.perBuyer} AS per_buyer, ${f.customer} AS customer, ${f.subsidiary} AS subsidiary, ${f.location} AS location, ${f.department} AS department, ${f.class} AS class_id, ${f.shipItem} AS ship_item, ${f.paymentMethodMap} AS pm_map, ${ORDER_OPTION_COLUMNS} FROM ${SHOP_RECORD} WHERE id IN (${inList})`,
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
      region: textOf(row.region),
      orderOptions: orderOptionsFrom(row),
    });
  }
  return shops;
}
