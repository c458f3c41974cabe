/**
 * The product catalog's NetSuite ids (issue #19): the shop record's catalog settings (Process product
 * catalog (NetSuite side), Process product catalog updates (TikTok side), Item Type For Pulled Products,
 * Confirm catalog source change, Force product catalog resync) and the item fields a pulled TikTok SKU
 * writes: Item Name/Number (`itemid`, the seller SKU), Display Name (`displayname`, the product title),
 * TikTok Product ID (`custitem_tts_product_id`), TikTok SKU ID (`custitem_tts_sku_id`) and the
 * externalid `tts_sku_<shop>_<skuId>` of an item the connector created (NetSuite refuses a second).
 */
import type { CatalogSettings } from '../../../../shared-types/src/catalog/catalog-settings';
import { catalogSettingsOf } from '../../../../shared-types/src/catalog/catalog-settings';
import type { CatalogItemRow } from '../../../../shared-types/src/catalog/catalog-plan';
import type {
  BodyWrite,
  LookupValues,
  RecordReader,
  RecordTypeId,
  Row,
  SubmitWrite,
} from './record-declaration';
import { declareRecord } from './record-declaration';
import { SHOP } from './shop-mapper';
import type { Sql } from './sql';
import { sql } from './sql';
import { boolOf, idOf, selectTextOf, textOf } from './values';

/** The shop record's catalog fields, declared in shop-mapper.ts (one mapper per record). */
export const SHOP_CATALOG = {
  recordType: SHOP.recordType,
  body: {
    shopName: SHOP.body.shopName,
    name: SHOP.body.name,
    netsuiteSide: SHOP.body.catalogNs,
    tiktokSide: SHOP.body.catalogTts,
    itemType: SHOP.body.catalogItemType,
    confirm: SHOP.body.catalogConfirm,
    progress: SHOP.body.catalogState,
    forceCatalog: SHOP.body.forceCatalog,
  },
  search: {
    columns: {
      netsuiteSide: SHOP.search.columns.catalogNs,
      tiktokSide: SHOP.search.columns.catalogTts,
      itemType: SHOP.search.columns.catalogItemType,
      forceCatalog: SHOP.search.columns.forceCatalog,
      shopName: SHOP.search.columns.shopName,
    },
  },
} as const;

const shopBody = SHOP_CATALOG.body;
const shopCol = SHOP_CATALOG.search.columns;

/** The three catalog lists of a record being saved (or its old version), by their option texts. */
export function catalogSettingsOfRecord(rec: RecordReader): CatalogSettings {
  return catalogSettingsOf({
    netsuiteSide: rec.text(shopBody.netsuiteSide),
    tiktokSide: rec.text(shopBody.tiktokSide),
    itemType: rec.text(shopBody.itemType),
  });
}

/**
 * The catalog lists after an inline edit (`record.submitFields`): it carries only the fields it changes,
 * so a list it leaves empty keeps its old value.
 */
export function catalogSettingsAfterInlineEdit(after: RecordReader, before: RecordReader): CatalogSettings {
  const pick = (fieldId: typeof shopBody.netsuiteSide): string | null =>
    after.text(fieldId) ?? before.text(fieldId);
  return catalogSettingsOf({
    netsuiteSide: pick(shopBody.netsuiteSide),
    tiktokSide: pick(shopBody.tiktokSide),
    itemType: pick(shopBody.itemType),
  });
}

export function catalogConfirmed(rec: RecordReader): boolean {
  return boolOf(rec.value(shopBody.confirm), false);
}

export function catalogShopName(rec: RecordReader): string {
  return textOf(rec.value(shopBody.shopName)) ?? textOf(rec.value(shopBody.name)) ?? 'new shop';
}

/** Clears Confirm catalog source change on the record being saved (it confirms one change). */
export const CLEAR_CONFIRM_WRITES: BodyWrite[] = [[shopBody.confirm, false]];

/** NetSuite's TEXTAREA holds 4,000 characters; a progress line is far shorter. */
const MAX_PROGRESS = 4000;

/** Product Catalog Progress, as the bridge reports it. */
export function progressWrites(progress: string): SubmitWrite[] {
  return [[shopBody.progress, progress.slice(0, MAX_PROGRESS)]];
}

/** Clears Force product catalog resync once the full pass is done. */
export const CLEAR_FORCE_WRITES: SubmitWrite[] = [[shopBody.forceCatalog, false]];

export const CATALOG_STATUS_COLUMNS = [
  shopCol.netsuiteSide,
  shopCol.tiktokSide,
  shopCol.itemType,
  shopCol.forceCatalog,
  shopCol.shopName,
];

export function catalogStatusFromLookup(values: LookupValues): {
  settings: CatalogSettings;
  forceResync: boolean;
  shopName: string | null;
} {
  return {
    settings: catalogSettingsOf({
      netsuiteSide: selectTextOf(values[shopCol.netsuiteSide]),
      tiktokSide: selectTextOf(values[shopCol.tiktokSide]),
      itemType: selectTextOf(values[shopCol.itemType]),
    }),
    forceResync: boolOf(values[shopCol.forceCatalog], false),
    shopName: textOf(values[shopCol.shopName]),
  };
}

export const CATALOG_ITEM = declareRecord({
  recordType: 'inventoryitem',
  body: {
    externalId: 'externalid',
    itemId: 'itemid',
    displayName: 'displayname',
    productId: 'custitem_tts_product_id',
    skuId: 'custitem_tts_sku_id',
    tiktokSku: 'custitem_tts_sku',
  },
  suiteql: {
    table: 'item',
    columns: {
      id: 'id',
      itemId: 'itemid',
      displayName: 'displayname',
      isInactive: 'isinactive',
      tiktokSku: 'custitem_tts_sku',
      productId: 'custitem_tts_product_id',
      skuId: 'custitem_tts_sku_id',
      itemType: 'itemtype',
    },
  },
});

/** Kits (a TikTok virtual bundle's SKU) are linked the same way. */
export const CATALOG_KIT = declareRecord({
  recordType: 'kititem',
  body: {
    displayName: 'displayname',
    productId: 'custitem_tts_product_id',
    skuId: 'custitem_tts_sku_id',
    tiktokSku: 'custitem_tts_sku',
  },
});

/** The record type to write an item of SuiteQL's `itemtype` through, or null when the connector does not link that type. */
export function linkableRecordType(itemType: string | null): RecordTypeId | null {
  if (itemType === 'InvtPart') return CATALOG_ITEM.recordType;
  if (itemType === 'Kit') return CATALOG_KIT.recordType;
  return null;
}

const itemBody = CATALOG_ITEM.body;
const ic = CATALOG_ITEM.suiteql.columns;

const ITEM_COLUMNS = sql`SELECT ${ic.id} AS id, ${ic.itemId} AS itemid, ${ic.displayName} AS displayname, ${ic.isInactive} AS isinactive, ${ic.tiktokSku} AS tts_sku, ${ic.productId} AS product_id, ${ic.skuId} AS sku_id, ${ic.itemType} AS itemtype FROM ${CATALOG_ITEM.suiteql.table}`;

/**
 * Items that could be a TikTok SKU's: linked by TikTok SKU ID, or whose Item Name/Number or TikTok SKU
 * equals one of the seller SKUs (`inList` is bound three times: SKU ids, then seller SKUs twice).
 * Inactive items too: NetSuite keeps their names taken.
 */
export function catalogItemsQuery(skuIdList: Sql, skuList: Sql): Sql {
  return sql`${ITEM_COLUMNS} WHERE ${ic.skuId} IN (${skuIdList}) OR ${ic.itemId} IN (${skuList}) OR ${ic.tiktokSku} IN (${skuList})`;
}

/** How many items carry a TikTok SKU ID (linked to a TikTok product). */
export const LINKED_ITEM_COUNT_QUERY: Sql = sql`SELECT COUNT(*) AS n FROM ${CATALOG_ITEM.suiteql.table} WHERE ${ic.skuId} IS NOT NULL`;

/** Every item with a SKU the audit reads: linked, or with a TikTok SKU override (paged by id). */
export const AUDIT_ITEMS_QUERY: Sql = sql`${ITEM_COLUMNS} WHERE ${ic.isInactive} = 'F' AND ${ic.id} > ? ORDER BY ${ic.id} ASC`;

export function countFromRow(row: Row | undefined): number {
  const n = Number(row?.n ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export function catalogItemFromRow(row: Row): CatalogItemRow | null {
  const id = idOf(row.id);
  if (id === null) return null;
  return {
    id,
    itemid: textOf(row.itemid) ?? '',
    displayName: textOf(row.displayname),
    inactive: boolOf(row.isinactive, false),
    ttsSku: textOf(row.tts_sku),
    productId: textOf(row.product_id),
    skuId: textOf(row.sku_id),
    itemType: textOf(row.itemtype),
  };
}

/** A new item for a TikTok SKU. */
export function newItemWrites(values: {
  externalId: string;
  itemid: string;
  displayName: string;
  productId: string;
  skuId: string;
}): BodyWrite[] {
  return [
    [itemBody.externalId, values.externalId],
    [itemBody.itemId, values.itemid],
    [itemBody.displayName, values.displayName],
    [itemBody.productId, values.productId],
    [itemBody.skuId, values.skuId],
  ];
}

/** An item linked to (or still linked to) a TikTok SKU: its title and TikTok ids. */
export function linkItemWrites(values: {
  displayName: string;
  productId: string;
  skuId: string;
}): SubmitWrite[] {
  return [
    [itemBody.displayName, values.displayName],
    [itemBody.productId, values.productId],
    [itemBody.skuId, values.skuId],
  ];
}

/** The TikTok SKU override set to the seller SKU TikTok now has (the seller renamed it in TikTok). */
export function tiktokSkuWrites(sellerSku: string): SubmitWrite[] {
  return [[itemBody.tiktokSku, sellerSku]];
}

/** Every shop's TikTok id and name, for the SKU audit's shop choice. */
export const AUDIT_SHOPS_QUERY: Sql = sql`SELECT ${SHOP.suiteql.columns.shopId} AS shop_id, ${SHOP.suiteql.columns.name} AS shop_name FROM ${SHOP.suiteql.table} ORDER BY ${SHOP.suiteql.columns.id} ASC`;

export function auditShopFromRow(row: Row): { shopId: string; name: string } | null {
  const shopId = textOf(row.shop_id);
  return shopId === null ? null : { shopId, name: textOf(row.shop_name) ?? shopId };
}

/** The two catalog lists as chosen (their option texts; null when left empty), for the connector home (issue #21). */
export function catalogChoicesFromLookup(values: LookupValues): {
  netsuiteSide: string | null;
  tiktokSide: string | null;
} {
  return {
    netsuiteSide: selectTextOf(values[shopCol.netsuiteSide]),
    tiktokSide: selectTextOf(values[shopCol.tiktokSide]),
  };
}
