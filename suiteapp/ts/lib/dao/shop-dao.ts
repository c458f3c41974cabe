/**
 * `customrecord_tts_shop` (custom record: create 2, save 4, submitFields 2, lookupFields 1, SuiteQL
 * 10 units). Fields and queries: mappers/shop-mapper.ts.
 */
import type { AccountFeatures } from '../../../../shared-types/src/netsuite/account-setup';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { ShopInfo } from '../../../../shared-types/src/contract/restlet-contract';
import type { OutboxShopSettings } from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import type { ShopSettings } from '../../../../shared-types/src/settings/shop-settings';
import type { FulfillmentShop } from '../../../../shared-types/src/fulfillments/fulfillment-capture';
import type { DoctorShopRow, ShopActionWrite, ShopRef } from '../mappers/shop-mapper';
import {
  DOCTOR_SHOPS_QUERY,
  doctorShopFromRow,
  PUSH_BLOCKED_SHOPS_QUERY,
  pushBlockedShopFromRow,
  shopActionWrites,
} from '../mappers/shop-mapper';
import {
  RETURN_ANSWER_COLUMNS,
  returnAnswerShopFromLookup,
  bridgeFieldWrites,
  findShopQuery,
  FULFILLMENT_SETTINGS_COLUMNS,
  fulfillmentShopFromLookup,
  LABEL_SETTINGS_COLUMNS,
  labelShopFromLookup,
  newShopWrites,
  OUTBOX_SETTINGS_COLUMNS,
  outboxSettingsFromLookup,
  pauseOrderPushWrites,
  SHOP,
  SHOP_MARKET_COLUMNS,
  shipmentShopFromRow,
  shipmentShopQuery,
  shopMarketFromLookup,
  shopRefFromRow,
  shopSettingsFromRow,
  shopSettingsQuery,
  TAX_ITEM_COLUMNS,
  taxItemFromLookup,
} from '../mappers/shop-mapper';
import { createRecord, lookupColumns, saveRecord, setBodyFields, submitBodyFields } from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/** The shop record of a TikTok shop id (by externalid `tts_shop_<shopId>`), or null (10 units). */
export function findShop(shopId: string): ShopRef | null {
  const statement = findShopQuery(shopId);
  const [row] = runQuery(statement.sql, statement.params);
  return row === undefined ? null : shopRefFromRow(row, shopId);
}

/** Creates the shop record (6 units); throws DUP_RCRD when it exists. */
export function createShop(shop: ShopInfo): string {
  const created = createRecord(SHOP.recordType);
  setBodyFields(created, newShopWrites(shop));
  return saveRecord(created);
}

/** Updates the bridge-owned fields (2 units). */
export function updateShop(id: string, shop: ShopInfo): void {
  submitBodyFields(SHOP.recordType, id, bridgeFieldWrites(shop));
}

/** Turns Push orders to NetSuite off and records why, e.g. after the test order (2 units). */
export function pauseOrderPush(id: string, reason: string): void {
  submitBodyFields(SHOP.recordType, id, pauseOrderPushWrites(reason));
}

/**
 * Import settings of the given shop records (one query per 500), reading only the fields the
 * account's features leave on the record.
 */
export function loadShopSettings(
  recordIds: readonly string[],
  features: AccountFeatures,
): Map<string, ShopSettings> {
  const shops = new Map<string, ShopSettings>();
  const query = shopSettingsQuery(features);
  for (const row of runInChunks([...new Set(recordIds)], LOOKUP_CHUNK_SIZE, query)) {
    const settings = shopSettingsFromRow(row);
    if (settings !== null) shops.set(settings.recordId, settings);
  }
  return shops;
}

/** The outbox settings of a shop record (1 unit), or null when it does not exist. */
export function lookupOutboxShopSettings(shopRecordId: string): OutboxShopSettings | null {
  try {
    return outboxSettingsFromLookup(
      shopRecordId,
      lookupColumns(SHOP.recordType, shopRecordId, OUTBOX_SETTINGS_COLUMNS),
    );
  } catch {
    return null;
  }
}

/** The fulfillment capture settings of a shop record (1 unit), or null when it does not exist. */
export function lookupFulfillmentShop(shopRecordId: string): FulfillmentShop | null {
  try {
    return fulfillmentShopFromLookup(
      shopRecordId,
      lookupColumns(SHOP.recordType, shopRecordId, FULFILLMENT_SETTINGS_COLUMNS),
    );
  } catch {
    return null;
  }
}

/** The shop's Tax Item (1 unit), or null when it has none. */
export function lookupShopTaxItem(shopRecordId: string): string | null {
  return taxItemFromLookup(lookupColumns(SHOP.recordType, shopRecordId, TAX_ITEM_COLUMNS));
}

/** The shop's TikTok shop id and region (1 unit). */
export function lookupShopMarket(shopRecordId: string): { shopId: string; region: string | null } {
  return shopMarketFromLookup(lookupColumns(SHOP.recordType, shopRecordId, SHOP_MARKET_COLUMNS));
}

/** The label settings of a shop record (1 unit), or null when it does not exist. */
export function lookupLabelShop(shopRecordId: string): ReturnType<typeof labelShopFromLookup> | null {
  try {
    return labelShopFromLookup(
      shopRecordId,
      lookupColumns(SHOP.recordType, shopRecordId, LABEL_SETTINGS_COLUMNS),
    );
  } catch {
    return null;
  }
}

/** The shop record of a TikTok shop id with its Push shipments to NetSuite (one query, 10 units). */
export function findShipmentShop(shopId: string): ReturnType<typeof shipmentShopFromRow> {
  const query = shipmentShopQuery(shopId);
  const [row] = runQuery(query.sql, query.params);
  return row === undefined ? null : shipmentShopFromRow(row, shopId);
}

/** The shop's TikTok shop id, region and Answer TikTok returns from NetSuite (1 unit). */
export function lookupReturnAnswerShop(shopRecordId: string): ReturnType<typeof returnAnswerShopFromLookup> {
  return returnAnswerShopFromLookup(lookupColumns(SHOP.recordType, shopRecordId, RETURN_ANSWER_COLUMNS));
}

/** Every shop with the settings its doctor reads (one query, 10 units; issue #21). */
export function listDoctorShops(): DoctorShopRow[] {
  return runQuery(DOCTOR_SHOPS_QUERY).flatMap((row) => doctorShopFromRow(row) ?? []);
}

/** Ticks one self-clearing setting of a shop (the connector home's actions; 2 units). */
export function tickShopSetting(recordId: string, action: ShopActionWrite): void {
  submitBodyFields(SHOP.recordType, recordId, shopActionWrites(action));
}

/** The shops TikTok does not let create products, with Product Push Blocked's text (10 units). */
export function listPushBlockedShops(): { name: string; block: string }[] {
  return runQuery(PUSH_BLOCKED_SHOPS_QUERY).flatMap((row) => pushBlockedShopFromRow(row) ?? []);
}
