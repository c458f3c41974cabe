/**
 * The TikTok Shop record `customrecord_tts_shop` (docs/contracts.md): one per connected shop,
 * externalid `tts_shop_<shopId>`. The bridge owns name, region, seller type, state and currency;
 * everything else is the admin's settings. Read by the RESTlet (shop lookup), the import (settings
 * of every shop in one query), the outbox (flow settings, joined or looked up), the shop user event
 * (Payment Method Map) and the order updates (tax item).
 */
import type { AccountFeatures } from '../../../../shared-types/src/netsuite/account-setup';
import { shopExternalId } from '../../../../shared-types/src/ids/external-ids';
import type { ShopInfo } from '../../../../shared-types/src/contract/restlet-contract';
import type { OutboxShopSettings } from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import type { FulfillmentShop } from '../../../../shared-types/src/fulfillments/fulfillment-capture';
import type { ShopOrderOptions, ShopSettings } from '../../../../shared-types/src/settings/shop-settings';
import { DEFAULT_ORDER_OPTIONS } from '../../../../shared-types/src/settings/shop-settings';
import type { ShopLabelSettings } from '../../../../shared-types/src/fulfillments/label-request';
import { shopLabelSettingsOf } from '../../../../shared-types/src/fulfillments/label-request';
import type { BodyWrite, LookupValues, RecordReader, Row, SubmitWrite } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { parseLocationIds } from '../../../../shared-types/src/inventory/warehouse-links';
import type { AvailabilityOptions } from '../../../../shared-types/src/inventory/availability-options';
import { DEFAULT_AVAILABILITY_OPTIONS } from '../../../../shared-types/src/inventory/availability-options';
import { sql, sqlList } from './sql';
import { boolOf, idOf, intOf, selectIdOf, textOf } from './values';
import type { DoctorShopSettings } from '../../../../shared-types/src/doctor/doctor-checks';

export const SHOP = declareRecord({
  recordType: 'customrecord_tts_shop',
  body: {
    externalId: 'externalid',
    name: 'name',
    shopId: 'custrecord_tts_shop_id',
    shopName: 'custrecord_tts_shop_name',
    region: 'custrecord_tts_shop_region',
    sellerType: 'custrecord_tts_shop_seller_type',
    state: 'custrecord_tts_shop_state',
    currency: 'custrecord_tts_shop_currency',
    pushOrders: 'custrecord_tts_shop_push_orders',
    pausedReason: 'custrecord_tts_shop_paused_reason',
    paymentMethodMap: 'custrecord_tts_shop_pm_map',
    carrierMap: 'custrecord_tts_shop_carrier_map',
    forceInventory: 'custrecord_tts_shop_force_inv',
    pushInventoryNow: 'custrecord_tts_shop_push_inv_now',
    forceCatalog: 'custrecord_tts_shop_force_catalog',
    testMode: 'custrecord_tts_shop_test_mode',
    labelWhen: 'custrecord_tts_shop_label_when',
    handover: 'custrecord_tts_shop_handover',
    pickupHour: 'custrecord_tts_shop_pickup_hour',
    labelSize: 'custrecord_tts_shop_label_size',
    // The catalog settings (issue #19): read and written through catalog-mapper.ts.
    catalogNs: 'custrecord_tts_shop_catalog_ns',
    catalogTts: 'custrecord_tts_shop_catalog_tts',
    catalogItemType: 'custrecord_tts_shop_catalog_item',
    catalogConfirm: 'custrecord_tts_shop_catalog_confirm',
    catalogState: 'custrecord_tts_shop_catalog_state',
    // The product push (issue #20): read and written through catalog-mapper.ts.
    matrixOptions: 'custrecord_tts_shop_matrix_opts',
    pushBlock: 'custrecord_tts_shop_push_block',
    pushSearch: 'custrecord_tts_shop_push_search',
    priceLevel: 'custrecord_tts_shop_price_level',
    // The daily summary email (issue #21): who gets it.
    notify: 'custrecord_tts_shop_notify',
  },
  search: {
    columns: {
      shopId: 'custrecord_tts_shop_id',
      pullOrderUpdates: 'custrecord_tts_shop_pull_order_upd',
      allowCancel: 'custrecord_tts_shop_allow_cancel',
      taxItem: 'custrecord_tts_shop_tax_item',
      region: 'custrecord_tts_shop_region',
      shopName: 'custrecord_tts_shop_name',
      pullFulfillments: 'custrecord_tts_shop_pull_fulfill',
      sendPacked: 'custrecord_tts_shop_send_packed',
      labelWhen: 'custrecord_tts_shop_label_when',
      handover: 'custrecord_tts_shop_handover',
      pickupHour: 'custrecord_tts_shop_pickup_hour',
      labelSize: 'custrecord_tts_shop_label_size',
      answerReturns: 'custrecord_tts_shop_answer_returns',
      catalogNs: 'custrecord_tts_shop_catalog_ns',
      catalogTts: 'custrecord_tts_shop_catalog_tts',
      catalogItemType: 'custrecord_tts_shop_catalog_item',
      forceCatalog: 'custrecord_tts_shop_force_catalog',
      currency: 'custrecord_tts_shop_currency',
      matrixOptions: 'custrecord_tts_shop_matrix_opts',
      pushBlock: 'custrecord_tts_shop_push_block',
      pushSearch: 'custrecord_tts_shop_push_search',
      priceLevel: 'custrecord_tts_shop_price_level',
    },
  },
  suiteql: {
    table: 'customrecord_tts_shop',
    columns: {
      id: 'id',
      externalId: 'externalid',
      shopId: 'custrecord_tts_shop_id',
      name: 'custrecord_tts_shop_name',
      region: 'custrecord_tts_shop_region',
      sellerType: 'custrecord_tts_shop_seller_type',
      currency: 'custrecord_tts_shop_currency',
      pushOrders: 'custrecord_tts_shop_push_orders',
      pushReturns: 'custrecord_tts_shop_push_returns',
      pushShipments: 'custrecord_tts_shop_push_shipments',
      answerReturns: 'custrecord_tts_shop_answer_returns',
      pushRefunds: 'custrecord_tts_shop_push_refunds',
      pullOrderUpdates: 'custrecord_tts_shop_pull_order_upd',
      allowCancel: 'custrecord_tts_shop_allow_cancel',
      perBuyer: 'custrecord_tts_shop_per_buyer',
      customer: 'custrecord_tts_shop_customer',
      subsidiary: 'custrecord_tts_shop_subsidiary',
      location: 'custrecord_tts_shop_location',
      department: 'custrecord_tts_shop_department',
      class: 'custrecord_tts_shop_class',
      shipItem: 'custrecord_tts_shop_ship_item',
      taxItem: 'custrecord_tts_shop_tax_item',
      taxRemitter: 'custrecord_tts_shop_tax_remitter',
      taxCode: 'custrecord_tts_shop_tax_code',
      paymentMethodMap: 'custrecord_tts_shop_pm_map',
      carrierMap: 'custrecord_tts_shop_carrier_map',
      pushFulfillments: 'custrecord_tts_shop_push_ful_tts',
      pullFulfillments: 'custrecord_tts_shop_pull_fulfill',
      sendPacked: 'custrecord_tts_shop_send_packed',
      form: 'custrecord_tts_shop_form',
      orderStatus: 'custrecord_tts_shop_order_status',
      discountLines: 'custrecord_tts_shop_disc_lines',
      sellerDiscountItem: 'custrecord_tts_shop_seller_disc_item',
      platformDiscountItem: 'custrecord_tts_shop_plat_disc_item',
      importSamples: 'custrecord_tts_shop_import_samples',
      importFbt: 'custrecord_tts_shop_import_fbt',
      fbtLocation: 'custrecord_tts_shop_fbt_location',
      handlingDays: 'custrecord_tts_shop_handling_days',
      testMode: 'custrecord_tts_shop_test_mode',
      testOrder: 'custrecord_tts_shop_test_order',
      feeItem: 'custrecord_tts_shop_fee_item',
      timeZone: 'custrecord_tts_shop_time_zone',
      companyTimeZone: 'custrecord_tts_shop_company_tz',
      bundleKit: 'custrecord_tts_shop_bundle_kit',
      pullInventory: 'custrecord_tts_shop_pull_inventory',
      pushInventory: 'custrecord_tts_shop_push_inv_tts',
      pullLocations: 'custrecord_tts_shop_pull_locations',
      locationFilter: 'custrecord_tts_shop_loc_filter',
      forceInventory: 'custrecord_tts_shop_force_inv',
      pushInventoryNow: 'custrecord_tts_shop_push_inv_now',
      inventoryBuffer: 'custrecord_tts_shop_inv_buffer',
      pausedReason: 'custrecord_tts_shop_paused_reason',
      forceCatalog: 'custrecord_tts_shop_force_catalog',
      // Availability options (issue #16).
      inventoryOnOrder: 'custrecord_tts_shop_inv_onorder',
      inventoryInTransit: 'custrecord_tts_shop_inv_intransit',
      inventoryBufferPercent: 'custrecord_tts_shop_inv_buffer_pct',
      inventoryAssemblies: 'custrecord_tts_shop_inv_asm_build',
      inventoryInactiveZero: 'custrecord_tts_shop_inv_inactive0',
      // The product push (issue #20) and the daily summary (issue #21).
      pushBlock: 'custrecord_tts_shop_push_block',
      pushSearch: 'custrecord_tts_shop_push_search',
      priceLevel: 'custrecord_tts_shop_price_level',
      notify: 'custrecord_tts_shop_notify',
    },
  },
});

const body = SHOP.body;
const c = SHOP.suiteql.columns;

/** A shop as the RESTlet actions need it. */
export interface ShopRef {
  id: string;
  name: string;
  /** Push orders to NetSuite. */
  pushOrders: boolean;
}

/** The shop record of a TikTok shop id (by externalid), one row or none. */
export function findShopQuery(shopId: string): { sql: Sql; params: string[] } {
  return {
    sql: sql`SELECT ${c.id} AS id, ${c.name} AS shop_name, ${c.pushOrders} AS push_orders FROM ${SHOP.suiteql.table} WHERE ${c.externalId} = ?`,
    params: [shopExternalId(shopId)],
  };
}

export function shopRefFromRow(row: Row, shopId: string): ShopRef | null {
  const id = idOf(row.id);
  return id === null
    ? null
    : { id, name: textOf(row.shop_name) ?? shopId, pushOrders: boolOf(row.push_orders, true) };
}

/** The fields the bridge owns, in the order they are written; the admin's settings are never touched. */
export function bridgeFieldWrites(shop: ShopInfo): SubmitWrite[] {
  return [
    [body.name, shop.name],
    [body.shopId, shop.shopId],
    [body.shopName, shop.name],
    [body.region, shop.region],
    [body.sellerType, shop.sellerType],
    [body.state, shop.state],
    [body.currency, shop.currency],
  ];
}

/** A new shop record: its externalid, then the bridge's fields. */
export function newShopWrites(shop: ShopInfo): BodyWrite[] {
  return [[body.externalId, shopExternalId(shop.shopId)], ...bridgeFieldWrites(shop)];
}

/** Push orders to NetSuite off, with the reason on the record (e.g. after the test order). */
export function pauseOrderPushWrites(reason: string): SubmitWrite[] {
  return [
    [body.pushOrders, false],
    [body.pausedReason, reason],
  ];
}

/**
 * Import settings of the shop records in `inList` (one chunk of ids), selecting only the columns
 * the account has: NetSuite removes the Subsidiary, Location (and FBT Location), Department and
 * Class fields of the custom record when it installs the SuiteApp into an account without the
 * feature they select from (`-117`, `-103`, `-102`, `-101`), and a SuiteQL naming one fails.
 */
export function shopSettingsQuery(features: AccountFeatures): (inList: Sql) => Sql {
  const columns: Sql[] = [
    sql`${c.id} AS id`,
    sql`${c.shopId} AS shop_id`,
    sql`${c.name} AS shop_name`,
    sql`${c.currency} AS currency`,
    sql`${c.pushOrders} AS push_orders`,
    sql`${c.perBuyer} AS per_buyer`,
    sql`${c.customer} AS customer`,
    ...(features.subsidiaries ? [sql`${c.subsidiary} AS subsidiary`] : []),
    ...(features.locations ? [sql`${c.location} AS location`, sql`${c.fbtLocation} AS fbt_location`] : []),
    ...(features.departments ? [sql`${c.department} AS department`] : []),
    ...(features.classes ? [sql`${c.class} AS class_id`] : []),
    sql`${c.shipItem} AS ship_item`,
    sql`${c.taxItem} AS tax_item`,
    sql`${c.paymentMethodMap} AS pm_map`,
    sql`${c.region} AS region`,
    sql`${c.sellerType} AS seller_type`,
    sql`${c.taxRemitter} AS tax_remitter`,
    sql`${c.taxCode} AS tax_code`,
    sql`${c.form} AS form_id`,
    sql`${c.orderStatus} AS order_status`,
    sql`${c.discountLines} AS disc_lines`,
    sql`${c.sellerDiscountItem} AS seller_disc_item`,
    sql`${c.platformDiscountItem} AS plat_disc_item`,
    sql`${c.importSamples} AS import_samples`,
    sql`${c.importFbt} AS import_fbt`,
    sql`${c.handlingDays} AS handling_days`,
    sql`${c.testMode} AS test_mode`,
    sql`${c.testOrder} AS test_order`,
    sql`${c.timeZone} AS time_zone`,
    sql`${c.companyTimeZone} AS company_tz`,
    sql`${c.feeItem} AS fee_item`,
    sql`${c.bundleKit} AS bundle_kit`,
  ];
  const select = sqlList(columns);
  return (inList) => sql`SELECT ${select} FROM ${SHOP.suiteql.table} WHERE ${c.id} IN (${inList})`;
}

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
    buyerFeeItemId: idOf(row.fee_item),
    timeZone: textOf(row.time_zone)?.trim() || null,
    companyTimeZone: boolOf(row.company_tz, d.companyTimeZone),
    bundlesAsKits: boolOf(row.bundle_kit, d.bundlesAsKits),
  };
}

/** A row of `shopSettingsQuery` as the import's shop settings; null without an id. */
export function shopSettingsFromRow(row: Row): ShopSettings | null {
  const recordId = idOf(row.id);
  if (recordId === null) {
    return null;
  }
  const shopId = textOf(row.shop_id) ?? '';
  return {
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
    taxItemId: idOf(row.tax_item),
    taxRemitter: textOf(row.tax_remitter)?.trim() || null,
    taxCodeId: idOf(row.tax_code),
    sellerType: textOf(row.seller_type),
    paymentMethodMap: textOf(row.pm_map),
    region: textOf(row.region),
    orderOptions: orderOptionsFrom(row),
  };
}

/** A shop as `returns.upsert` needs it: Push returns to NetSuite as Return Authorizations and Default Location. */
export interface ReturnShop {
  id: string;
  name: string;
  pushReturns: boolean;
  locationId: string | null;
}

/** The shop with the externalid (one parameter). */
export const RETURN_SHOP_QUERY: Sql = sql`SELECT ${c.id} AS id, ${c.name} AS shop_name, ${c.pushReturns} AS push_returns, ${c.location} AS location FROM ${SHOP.suiteql.table} WHERE ${c.externalId} = ?`;

/** The names of the shops whose Push returns to NetSuite as Return Authorizations is off. */
export const RETURNS_OFF_SHOPS_QUERY: Sql = sql`SELECT ${c.name} AS shop_name, ${c.shopId} AS shop_id FROM ${SHOP.suiteql.table} WHERE ${c.pushReturns} = 'F' OR ${c.pushReturns} IS NULL ORDER BY ${c.id} ASC`;

export function shopNameFromRow(row: Row): string {
  return textOf(row.shop_name) ?? textOf(row.shop_id) ?? 'unnamed shop';
}

export function returnShopFromRow(row: Row, shopId: string): ReturnShop | null {
  const id = idOf(row.id);
  if (id === null) return null;
  // Off by default (customrecord_tts_shop.xml): an empty value is off.
  return {
    id,
    name: textOf(row.shop_name) ?? shopId,
    pushReturns: boolOf(row.push_returns, false),
    locationId: idOf(row.location),
  };
}

/** A shop as `refunds.upsert` needs it first: Push eCom order refunds to NetSuite (off by default). */
export interface RefundShop {
  id: string;
  name: string;
  pushRefunds: boolean;
}

/** The shop with the externalid (one parameter). */
export const REFUND_SHOP_QUERY: Sql = sql`SELECT ${c.id} AS id, ${c.name} AS shop_name, ${c.pushRefunds} AS push_refunds FROM ${SHOP.suiteql.table} WHERE ${c.externalId} = ?`;

/** The names of the shops whose Push eCom order refunds to NetSuite is off. */
export const REFUNDS_OFF_SHOPS_QUERY: Sql = sql`SELECT ${c.name} AS shop_name, ${c.shopId} AS shop_id FROM ${SHOP.suiteql.table} WHERE ${c.pushRefunds} = 'F' OR ${c.pushRefunds} IS NULL ORDER BY ${c.id} ASC`;

export function refundShopFromRow(row: Row, shopId: string): RefundShop | null {
  const id = idOf(row.id);
  if (id === null) return null;
  return { id, name: textOf(row.shop_name) ?? shopId, pushRefunds: boolOf(row.push_refunds, false) };
}

/** The outbox flow settings of a shop, as `search.lookupFields` reads them (one lookup). */
export const OUTBOX_SETTINGS_COLUMNS = [
  SHOP.search.columns.shopId,
  SHOP.search.columns.pullOrderUpdates,
  SHOP.search.columns.allowCancel,
];

export function outboxSettingsFromLookup(recordId: string, values: LookupValues): OutboxShopSettings {
  const col = SHOP.search.columns;
  return {
    recordId,
    shopId: textOf(values[col.shopId]) ?? '',
    pullOrderUpdates: boolOf(values[col.pullOrderUpdates], true),
    allowCancel: boolOf(values[col.allowCancel], false),
  };
}

/** The fulfillment capture settings of a shop, as `search.lookupFields` reads them (one lookup). */
export const FULFILLMENT_SETTINGS_COLUMNS = [
  SHOP.search.columns.shopId,
  SHOP.search.columns.shopName,
  SHOP.search.columns.pullFulfillments,
  SHOP.search.columns.sendPacked,
];

export function fulfillmentShopFromLookup(recordId: string, values: LookupValues): FulfillmentShop {
  const col = SHOP.search.columns;
  const shopId = textOf(values[col.shopId]) ?? '';
  return {
    recordId,
    shopId,
    name: textOf(values[col.shopName]) ?? shopId,
    pullFulfillments: boolOf(values[col.pullFulfillments], true),
    sendAt: boolOf(values[col.sendPacked], false) ? 'packed' : 'shipped',
  };
}

/** The shop's Tax Item (TikTok-collected tax line), as `search.lookupFields` reads it. */
export const TAX_ITEM_COLUMNS = [SHOP.search.columns.taxItem];

export function taxItemFromLookup(values: LookupValues): string | null {
  return selectIdOf(values[SHOP.search.columns.taxItem]);
}

/** What the shop user event checks before a save. */
export interface ShopBeingSaved {
  /** The shop's name for messages (shop name, record name, shop id, or "new shop"). */
  name: string;
  paymentMethodMap: string | null;
  /** False for an inline edit that does not carry the Payment Method Map. */
  carriesPaymentMethodMap: boolean;
  carrierMap: string | null;
  /** False for an inline edit that does not carry the Carrier Map. */
  carriesCarrierMap: boolean;
  /** Notification Recipients (the daily summary email). */
  notify: string | null;
  /** False for an inline edit that does not carry Notification Recipients. */
  carriesNotify: boolean;
}

export function shopBeingSaved(rec: RecordReader): ShopBeingSaved {
  const text = (fieldId: typeof body.name): string | null => textOf(rec.value(fieldId));
  return {
    name: text(body.shopName) ?? text(body.name) ?? text(body.shopId) ?? 'new shop',
    paymentMethodMap: text(body.paymentMethodMap),
    carriesPaymentMethodMap: rec.fieldIds().includes(body.paymentMethodMap),
    carrierMap: text(body.carrierMap),
    carriesCarrierMap: rec.fieldIds().includes(body.carrierMap),
    notify: text(body.notify),
    carriesNotify: rec.fieldIds().includes(body.notify),
  };
}

/** The shop's TikTok shop id and region, as `search.lookupFields` reads them (the cancel reason check). */
export const SHOP_MARKET_COLUMNS = [SHOP.search.columns.shopId, SHOP.search.columns.region];

/** What the return answer check reads of the shop: its TikTok id, region and Answer TikTok returns from NetSuite. */
export const RETURN_ANSWER_COLUMNS = [...SHOP_MARKET_COLUMNS, SHOP.search.columns.answerReturns];

export function returnAnswerShopFromLookup(values: LookupValues): {
  shopId: string;
  region: string | null;
  answerReturns: boolean;
} {
  // Off by default (customrecord_tts_shop.xml): an empty value is off.
  return {
    ...shopMarketFromLookup(values),
    answerReturns: boolOf(values[SHOP.search.columns.answerReturns], false),
  };
}

export function shopMarketFromLookup(values: LookupValues): { shopId: string; region: string | null } {
  return {
    shopId: textOf(values[SHOP.search.columns.shopId]) ?? '',
    region: textOf(values[SHOP.search.columns.region]),
  };
}

/** The inventory settings of a shop record (issue #14; the README's shop settings table). */
export interface ShopInventorySettings {
  recordId: string;
  shopId: string;
  shopName: string;
  /** Pull Inventory from NetSuite: the export computes this shop's stock. */
  pullInventory: boolean;
  /** Push inventory information to TikTok: the bridge may send it (inventory.pull serves it). */
  pushInventory: boolean;
  /** Pull locations from NetSuite: off, the Location Filter is ignored and no location takes part. */
  pullLocations: boolean;
  locationFilter: string[];
  force: boolean;
  pushNow: boolean;
  /** Inventory Safety Buffer, ≥ 0 (an invalid value reads as 0 and is flagged by the export). */
  buffer: number;
  /** The availability options (issue #16; shared-types/src/inventory/availability-options.ts). */
  availability: AvailabilityOptions;
}

/** Every shop record's inventory settings (one query). */
export const INVENTORY_SETTINGS_QUERY: Sql = sql`SELECT ${c.id} AS id, ${c.shopId} AS shop_id, ${c.name} AS shop_name, ${c.pullInventory} AS pull_inventory, ${c.pushInventory} AS push_inventory, ${c.pullLocations} AS pull_locations, ${c.locationFilter} AS loc_filter, ${c.forceInventory} AS force_inv, ${c.pushInventoryNow} AS push_now, ${c.inventoryBuffer} AS inv_buffer, ${c.inventoryOnOrder} AS inv_onorder, ${c.inventoryInTransit} AS inv_intransit, ${c.inventoryBufferPercent} AS inv_buffer_pct, ${c.inventoryAssemblies} AS inv_asm, ${c.inventoryInactiveZero} AS inv_inactive0 FROM ${SHOP.suiteql.table} ORDER BY ${c.id} ASC`;

export function inventorySettingsFromRow(row: Row): ShopInventorySettings | null {
  const recordId = idOf(row.id);
  if (recordId === null) return null;
  const buffer = intOf(row.inv_buffer);
  return {
    recordId,
    shopId: textOf(row.shop_id) ?? '',
    shopName: textOf(row.shop_name) ?? textOf(row.shop_id) ?? recordId,
    pullInventory: boolOf(row.pull_inventory, true),
    pushInventory: boolOf(row.push_inventory, true),
    pullLocations: boolOf(row.pull_locations, true),
    locationFilter: parseLocationIds(row.loc_filter),
    force: boolOf(row.force_inv, false),
    pushNow: boolOf(row.push_now, false),
    buffer: buffer !== null && buffer >= 0 ? buffer : 0,
    availability: availabilityOptionsFromRow(row),
  };
}

/** The availability options of a shop row; a percentage outside 0–100 reads as 0. */
function availabilityOptionsFromRow(row: Row): AvailabilityOptions {
  const d = DEFAULT_AVAILABILITY_OPTIONS;
  const percent = intOf(row.inv_buffer_pct);
  return {
    includeOnOrder: boolOf(row.inv_onorder, d.includeOnOrder),
    includeInTransit: boolOf(row.inv_intransit, d.includeInTransit),
    bufferPercent: percent !== null && percent >= 0 && percent <= 100 ? percent : 0,
    assembliesFromComponents: boolOf(row.inv_asm, d.assembliesFromComponents),
    inactiveAsZero: boolOf(row.inv_inactive0, d.inactiveAsZero),
  };
}

/** Clears Force inventory resync and Push inventory now after a run that honoured them. */
export function clearInventoryTriggersWrites(force: boolean, pushNow: boolean): SubmitWrite[] {
  return [
    ...(force ? [[body.forceInventory, false] as const] : []),
    ...(pushNow ? [[body.pushInventoryNow, false] as const] : []),
  ];
}

/** Force inventory resync and Push inventory now as a saved shop record has them. */
export function inventoryTriggersOf(reader: RecordReader): { force: boolean; pushNow: boolean } {
  return {
    force: boolOf(reader.value(body.forceInventory), false),
    pushNow: boolOf(reader.value(body.pushInventoryNow), false),
  };
}

/** The label settings of a shop (TikTok Shipping labels, issue #15), as `search.lookupFields` reads them. */
export const LABEL_SETTINGS_COLUMNS = [
  SHOP.search.columns.shopId,
  SHOP.search.columns.labelWhen,
  SHOP.search.columns.handover,
  SHOP.search.columns.pickupHour,
  SHOP.search.columns.labelSize,
];

export function labelShopFromLookup(
  recordId: string,
  values: LookupValues,
): { recordId: string; shopId: string; labels: ShopLabelSettings } {
  const col = SHOP.search.columns;
  return {
    recordId,
    shopId: textOf(values[col.shopId]) ?? '',
    labels: shopLabelSettingsOf({
      labelWhen: textOf(values[col.labelWhen]),
      handoverMethod: textOf(values[col.handover]),
      pickupFromHour: textOf(values[col.pickupHour]),
      documentSize: textOf(values[col.labelSize]),
    }),
  };
}

/** The shop record and its Push shipments to NetSuite setting, by TikTok shop id (one row or none). */
export function shipmentShopQuery(shopId: string): { sql: Sql; params: string[] } {
  return {
    sql: sql`SELECT ${c.id} AS id, ${c.name} AS shop_name, ${c.pushShipments} AS push_shipments FROM ${SHOP.suiteql.table} WHERE ${c.externalId} = ?`,
    params: [shopExternalId(shopId)],
  };
}

export function shipmentShopFromRow(
  row: Row,
  shopId: string,
): { id: string; name: string; pushShipments: boolean } | null {
  const id = idOf(row.id);
  if (id === null) return null;
  // On by default (customrecord_tts_shop.xml): an empty value is on.
  return { id, name: textOf(row.shop_name) ?? shopId, pushShipments: boolOf(row.push_shipments, true) };
}

/** The label settings of a shop record being saved (shop user event), as typed. */
export function labelSettingsBeingSaved(rec: RecordReader): {
  labelWhen: string | null;
  handoverMethod: string | null;
  pickupFromHour: string | number | null;
  documentSize: string | null;
} {
  const hour = rec.value(body.pickupHour);
  return {
    labelWhen: textOf(rec.value(body.labelWhen)),
    handoverMethod: textOf(rec.value(body.handover)),
    pickupFromHour: typeof hour === 'number' ? hour : textOf(hour),
    documentSize: textOf(rec.value(body.labelSize)),
  };
}

/** A shop as the connector home shows it and its doctor judges it (issue #21). */
export interface DoctorShopRow {
  shopId: string;
  name: string;
  region: string | null;
  settings: DoctorShopSettings;
  forceCatalog: boolean;
  forceInventory: boolean;
  pushInventoryNow: boolean;
  /** Notification Recipients as stored (the daily summary email), null when empty. */
  notify: string | null;
}

/** Every shop record with the settings the doctor reads (one query). */
export const DOCTOR_SHOPS_QUERY: Sql = sql`SELECT ${c.id} AS id, ${c.shopId} AS shop_id, ${c.name} AS shop_name, ${c.region} AS region, ${c.pushOrders} AS push_orders, ${c.pullOrderUpdates} AS pull_order_upd, ${c.pushShipments} AS push_shipments, ${c.pullFulfillments} AS pull_fulfill, ${c.pushFulfillments} AS push_ful_tts, ${c.pullLocations} AS pull_locations, ${c.locationFilter} AS loc_filter, ${c.pullInventory} AS pull_inventory, ${c.pushInventory} AS push_inventory, ${c.inventoryBuffer} AS inv_buffer, ${c.pushReturns} AS push_returns, ${c.answerReturns} AS answer_returns, ${c.pushRefunds} AS push_refunds, ${c.paymentMethodMap} AS pm_map, ${c.perBuyer} AS per_buyer, ${c.customer} AS customer, ${c.shipItem} AS ship_item, ${c.testMode} AS test_mode, ${c.pausedReason} AS paused_reason, ${c.forceCatalog} AS force_catalog, ${c.forceInventory} AS force_inv, ${c.pushInventoryNow} AS push_now, ${c.notify} AS notify FROM ${SHOP.suiteql.table} ORDER BY ${c.id} ASC`;

export function doctorShopFromRow(row: Row): DoctorShopRow | null {
  const recordId = idOf(row.id);
  if (recordId === null) return null;
  return {
    shopId: textOf(row.shop_id) ?? '',
    name: textOf(row.shop_name) ?? textOf(row.shop_id) ?? recordId,
    region: textOf(row.region),
    forceCatalog: boolOf(row.force_catalog, false),
    forceInventory: boolOf(row.force_inv, false),
    pushInventoryNow: boolOf(row.push_now, false),
    notify: textOf(row.notify),
    settings: {
      recordId,
      pushOrders: boolOf(row.push_orders, true),
      pullOrderUpdates: boolOf(row.pull_order_upd, true),
      pushShipments: boolOf(row.push_shipments, true),
      pullFulfillments: boolOf(row.pull_fulfill, true),
      pushFulfillmentsToTikTok: boolOf(row.push_ful_tts, true),
      pullLocations: boolOf(row.pull_locations, true),
      locationFilter: parseLocationIds(row.loc_filter),
      pullInventory: boolOf(row.pull_inventory, true),
      pushInventoryToTikTok: boolOf(row.push_inventory, true),
      inventoryBuffer: intOf(row.inv_buffer),
      pushReturns: boolOf(row.push_returns, false),
      answerReturns: boolOf(row.answer_returns, false),
      pushRefunds: boolOf(row.push_refunds, false),
      paymentMethodMap: textOf(row.pm_map),
      perBuyerCustomer: boolOf(row.per_buyer, false),
      customerId: idOf(row.customer),
      shippingItemId: idOf(row.ship_item),
      testMode: boolOf(row.test_mode, false),
      pausedReason: textOf(row.paused_reason),
    },
  };
}

/** The connector home's actions that tick a shop setting (each one clears itself when done). */
export type ShopActionWrite = 'forceCatalog' | 'forceInventory' | 'pushInventoryNow' | 'testMode';

/** The shops whose Product Push Blocked holds text (the exceptions page's notes; issue #20). */
export const PUSH_BLOCKED_SHOPS_QUERY: Sql = sql`SELECT ${c.name} AS shop_name, ${c.shopId} AS shop_id, ${c.pushBlock} AS push_block FROM ${SHOP.suiteql.table} WHERE ${c.pushBlock} IS NOT NULL ORDER BY ${c.id} ASC`;

export function pushBlockedShopFromRow(row: Row): { name: string; block: string } | null {
  const block = textOf(row.push_block)?.trim() ?? '';
  return block === '' ? null : { name: shopNameFromRow(row), block };
}

export function shopActionWrites(action: ShopActionWrite): SubmitWrite[] {
  const field = {
    forceCatalog: body.forceCatalog,
    forceInventory: body.forceInventory,
    pushInventoryNow: body.pushInventoryNow,
    testMode: body.testMode,
  }[action];
  return [[field, true]];
}
