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
import type { MatrixOptionField, PushItemRow } from '../../../../shared-types/src/catalog/push-plan';
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
import { accountItemColumn, displayText, sql, sqlList } from './sql';
import { boolOf, idOf, optionalNumberOf, selectTextOf, textOf } from './values';

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
    // The product push (issue #20): what the connector writes back.
    pushHash: 'custitem_tts_push_hash',
    auditStatus: 'custitem_tts_audit',
    pushMessage: 'custitem_tts_push_msg',
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
      // The product push (issue #20): what it reads of an item.
      push: 'custitem_tts_push',
      storeDisplayName: 'storedisplayname',
      detailedDescription: 'storedetaileddescription',
      salesDescription: 'salesdescription',
      upc: 'upccode',
      weight: 'weight',
      weightUnit: 'weightunit',
      dimensions: 'custitem_tts_pkg_dims',
      class: 'class',
      category: 'custitem_tts_category',
      brand: 'custitem_tts_brand',
      tiktokPrice: 'custitem_tts_price',
      basePrice: 'baseprice',
      matrixType: 'matrixtype',
      parent: 'parent',
      image: 'storedisplayimage',
      thumbnail: 'storedisplaythumbnail',
      pushHash: 'custitem_tts_push_hash',
      pushMessage: 'custitem_tts_push_msg',
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

/** What the connector home reads of the catalog settings (one lookup). */
export const CATALOG_CHOICE_COLUMNS = [
  shopCol.netsuiteSide,
  shopCol.tiktokSide,
  SHOP.search.columns.pushBlock,
];

/**
 * The two catalog lists as chosen (their option texts; null when left empty) and Product Push
 * Blocked (null when empty), for the connector home and its doctor (issue #21).
 */
export function catalogChoicesFromLookup(values: LookupValues): {
  netsuiteSide: string | null;
  tiktokSide: string | null;
  pushBlock: string | null;
} {
  return {
    netsuiteSide: selectTextOf(values[shopCol.netsuiteSide]),
    tiktokSide: selectTextOf(values[shopCol.tiktokSide]),
    pushBlock: textOf(values[SHOP.search.columns.pushBlock])?.trim() || null,
  };
}

// ---------------------------------------------------------------------------------------------
// The product push (issue #20): items marked Push to TikTok, their matrix children, what is written back.

const PUSH_COLUMNS = sql`${ic.id} AS id, ${ic.itemId} AS itemid, ${ic.displayName} AS displayname, ${ic.tiktokSku} AS tts_sku, ${ic.storeDisplayName} AS store_name, ${ic.detailedDescription} AS detailed, ${ic.salesDescription} AS sales_desc, ${ic.upc} AS upc, ${ic.weight} AS weight, ${ic.weightUnit} AS weight_unit, ${ic.dimensions} AS dims, ${ic.class} AS class_id, ${ic.category} AS category, ${ic.brand} AS brand, ${ic.tiktokPrice} AS tts_price, ${ic.basePrice} AS base_price, ${ic.matrixType} AS matrix_type, ${ic.parent} AS parent_id, ${ic.image} AS image, ${ic.thumbnail} AS thumbnail, ${ic.productId} AS product_id, ${ic.skuId} AS sku_id, ${ic.pushHash} AS push_hash, ${ic.pushMessage} AS push_msg`;

/**
 * One page of standalone inventory items and matrix parents marked Push to TikTok, by id after `?`
 * (a child marked on its own is pushed with its parent, never alone).
 */
export function pushItemsQuery(limit: number): Sql {
  return sql`SELECT ${PUSH_COLUMNS} FROM ${CATALOG_ITEM.suiteql.table} WHERE ${ic.push} = 'T' AND ${ic.isInactive} = 'F' AND ${ic.itemType} = 'InvtPart' AND (${ic.matrixType} IS NULL OR ${ic.matrixType} = 'PARENT') AND ${ic.id} > ? ORDER BY ${ic.id} ASC FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`;
}

/**
 * The standalone inventory items and active matrix parents among `inList` (the ids the shop's Push Saved
 * Search returned), by id; Push to TikTok is not asked.
 */
export function pushItemsInQuery(inList: Sql): Sql {
  return sql`SELECT ${PUSH_COLUMNS} FROM ${CATALOG_ITEM.suiteql.table} WHERE ${ic.id} IN (${inList}) AND ${ic.isInactive} = 'F' AND ${ic.itemType} = 'InvtPart' AND (${ic.matrixType} IS NULL OR ${ic.matrixType} = 'PARENT') ORDER BY ${ic.id} ASC`;
}

/** Aliases of the matrix option columns: at most ten options are read (TikTok takes three per product). */
const OPTION_COLUMNS: readonly ((column: Sql) => Sql)[] = [
  (c) => sql`${c} AS opt0`,
  (c) => sql`${c} AS opt1`,
  (c) => sql`${c} AS opt2`,
  (c) => sql`${c} AS opt3`,
  (c) => sql`${c} AS opt4`,
  (c) => sql`${c} AS opt5`,
  (c) => sql`${c} AS opt6`,
  (c) => sql`${c} AS opt7`,
  (c) => sql`${c} AS opt8`,
  (c) => sql`${c} AS opt9`,
];
export const MAX_MATRIX_OPTION_FIELDS = OPTION_COLUMNS.length;

/** The active children of the parents in `inList`, with the display text of each matrix option as opt0, opt1… */
export function pushChildrenQuery(inList: Sql, options: readonly MatrixOptionField[]): Sql {
  const optionColumns = options
    .slice(0, MAX_MATRIX_OPTION_FIELDS)
    .map((o, i) => OPTION_COLUMNS[i](displayText(accountItemColumn(`matrixoption${o.fieldId}`))));
  const extra = optionColumns.length > 0 ? sql`, ${sqlList(optionColumns)}` : sql``;
  return sql`SELECT ${PUSH_COLUMNS}${extra} FROM ${CATALOG_ITEM.suiteql.table} WHERE ${ic.parent} IN (${inList}) AND ${ic.matrixType} = 'CHILD' AND ${ic.isInactive} = 'F' ORDER BY ${ic.id} ASC`;
}

function numberOrNull(value: unknown): number | null {
  return textOf(value) === null ? null : optionalNumberOf(value);
}

/** One row of either push query; `options` names the option columns of a children query. */
export function pushItemFromRow(row: Row, options: readonly MatrixOptionField[] = []): PushItemRow | null {
  const id = idOf(row.id);
  if (id === null) return null;
  const matrix = textOf(row.matrix_type);
  return {
    id,
    itemid: textOf(row.itemid) ?? '',
    ttsSku: textOf(row.tts_sku),
    storeDisplayName: textOf(row.store_name),
    displayName: textOf(row.displayname),
    detailedDescription: textOf(row.detailed),
    salesDescription: textOf(row.sales_desc),
    upc: textOf(row.upc),
    weight: numberOrNull(row.weight),
    weightUnit: textOf(row.weight_unit),
    dimensions: textOf(row.dims),
    classId: idOf(row.class_id),
    category: textOf(row.category),
    brand: textOf(row.brand),
    tiktokPrice: numberOrNull(row.tts_price),
    basePrice: numberOrNull(row.base_price),
    matrixType: matrix === 'PARENT' || matrix === 'CHILD' ? matrix : null,
    parentId: idOf(row.parent_id),
    imageFileIds: [idOf(row.image), idOf(row.thumbnail)].filter((f): f is string => f !== null),
    productId: textOf(row.product_id),
    skuId: textOf(row.sku_id),
    pushedHashes: textOf(row.push_hash),
    options: Object.fromEntries(options.map((o, i) => [o.fieldId, textOf(row[`opt${i}`])])),
  };
}

/** The item's push message as last written (to log a failure once), from either push query. */
export function pushMessageFromRow(row: Row): string | null {
  return textOf(row.push_msg);
}

/** Items (standalone or matrix parents) carrying one of the TikTok product ids, with their last push message. */
export function itemsByProductQuery(inList: Sql): Sql {
  return sql`SELECT ${ic.id} AS id, ${ic.productId} AS product_id, ${ic.pushMessage} AS push_msg FROM ${CATALOG_ITEM.suiteql.table} WHERE ${ic.productId} IN (${inList}) AND (${ic.matrixType} IS NULL OR ${ic.matrixType} = 'PARENT')`;
}

/** Items by id with their TikTok ids and last push message. */
export function pushMessagesQuery(inList: Sql): Sql {
  return sql`SELECT ${ic.id} AS id, ${ic.productId} AS product_id, ${ic.skuId} AS sku_id, ${ic.pushMessage} AS push_msg FROM ${CATALOG_ITEM.suiteql.table} WHERE ${ic.id} IN (${inList})`;
}

/** The items that show File Cabinet file `?` as Item Display Image or Thumbnail (to name them in a refusal). */
export function itemsOfImageQuery(): Sql {
  return sql`SELECT ${ic.id} AS id, ${ic.itemId} AS itemid FROM ${CATALOG_ITEM.suiteql.table} WHERE ${ic.image} = ? OR ${ic.thumbnail} = ?`;
}

export interface PushRef {
  id: string;
  productId: string | null;
  skuId: string | null;
  pushMessage: string | null;
}

export function productRefFromRow(row: Row): PushRef | null {
  const id = idOf(row.id);
  return id === null
    ? null
    : { id, productId: textOf(row.product_id), skuId: textOf(row.sku_id), pushMessage: textOf(row.push_msg) };
}

export function itemNameFromRow(row: Row): string | null {
  return textOf(row.itemid);
}

/** TikTok accepted the product: its ids and hashes; the message is cleared. */
export function pushAcceptedWrites(values: {
  productId: string;
  skuId: string | null;
  hashes: string | null;
  auditStatus: string | null;
}): SubmitWrite[] {
  return [
    [itemBody.productId, values.productId],
    ...(values.skuId === null ? [] : ([[itemBody.skuId, values.skuId]] as SubmitWrite[])),
    ...(values.hashes === null ? [] : ([[itemBody.pushHash, values.hashes]] as SubmitWrite[])),
    ...(values.auditStatus === null ? [] : ([[itemBody.auditStatus, values.auditStatus]] as SubmitWrite[])),
    [itemBody.pushMessage, ''],
  ];
}

/** A matrix child's TikTok ids. */
export function childSkuWrites(productId: string, skuId: string): SubmitWrite[] {
  return [
    [itemBody.productId, productId],
    [itemBody.skuId, skuId],
  ];
}

/** NetSuite's TEXTAREA holds 4,000 characters. */
const MAX_MESSAGE = 4000;

/** Why the last push did not go through (empty: it did). */
export function pushMessageWrites(message: string): SubmitWrite[] {
  return [[itemBody.pushMessage, message.slice(0, MAX_MESSAGE)]];
}

/** TikTok's audit status and, for FAILED, its reasons. */
export function auditWrites(status: string, reasons: string): SubmitWrite[] {
  return [
    [itemBody.auditStatus, status],
    [itemBody.pushMessage, reasons.slice(0, MAX_MESSAGE)],
  ];
}

/** The shop's push settings, by `search.lookupFields` (1 unit). */
export const PUSH_SHOP_COLUMNS = [
  shopCol.netsuiteSide,
  shopCol.tiktokSide,
  shopCol.forceCatalog,
  shopCol.shopName,
  SHOP.search.columns.region,
  SHOP.search.columns.currency,
  SHOP.search.columns.matrixOptions,
  SHOP.search.columns.pushBlock,
  SHOP.search.columns.pushSearch,
  SHOP.search.columns.priceLevel,
];

export interface PushShopSettings {
  settings: CatalogSettings;
  forceResync: boolean;
  shopName: string | null;
  region: string | null;
  currency: string | null;
  matrixOptions: string | null;
  pushBlock: string | null;
  /** Push Saved Search: the saved search id choosing the items, or null (Push to TikTok decides). */
  pushSearch: string | null;
  /** Push Price Level: a price level's internal id or name, or null (TikTok Price, else Base Price). */
  priceLevel: string | null;
}

export function pushShopFromLookup(values: LookupValues): PushShopSettings {
  const status = catalogStatusFromLookup(values);
  return {
    ...status,
    region: textOf(values[SHOP.search.columns.region]),
    currency: textOf(values[SHOP.search.columns.currency]),
    matrixOptions: textOf(values[SHOP.search.columns.matrixOptions]),
    pushBlock: textOf(values[SHOP.search.columns.pushBlock]),
    pushSearch: textOf(values[SHOP.search.columns.pushSearch])?.trim() || null,
    priceLevel: textOf(values[SHOP.search.columns.priceLevel])?.trim() || null,
  };
}

/** Product Push Blocked (TikTok will not let the shop create products). */
export function pushBlockWrites(text: string): SubmitWrite[] {
  return [[SHOP.body.pushBlock, text.slice(0, MAX_MESSAGE)]];
}
