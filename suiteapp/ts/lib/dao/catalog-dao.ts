/**
 * Items of the product catalog pull and the shop's catalog settings (issue #19): items that could be a
 * TikTok SKU's (one SuiteQL per 300 SKUs, 10 units), the count of linked items (10), a new item (create 5
 * + save 10), a link or title change (submitFields 5), the shop's catalog settings (lookupFields 1) and
 * clearing Force product catalog resync (submitFields 2). Ids and queries: mappers/catalog-mapper.ts.
 */
import type { CatalogItemRow } from '../../../../shared-types/src/catalog/catalog-plan';
import type { CatalogSettings } from '../../../../shared-types/src/catalog/catalog-settings';
import { chunk } from '../../../../shared-types/src/orders/sku-item-map';
import {
  AUDIT_ITEMS_QUERY,
  AUDIT_SHOPS_QUERY,
  auditShopFromRow,
  CATALOG_ITEM,
  CATALOG_CHOICE_COLUMNS,
  CATALOG_STATUS_COLUMNS,
  catalogItemFromRow,
  catalogItemsQuery,
  catalogChoicesFromLookup,
  catalogStatusFromLookup,
  CLEAR_FORCE_WRITES,
  countFromRow,
  LINKED_ITEM_COUNT_QUERY,
  linkableRecordType,
  linkItemWrites,
  newItemWrites,
  progressWrites,
  SHOP_CATALOG,
  tiktokSkuWrites,
} from '../mappers/catalog-mapper';
import { placeholders } from '../mappers/sql';
import { createRecord, lookupColumns, saveRecord, setBodyFields, submitBodyFields } from './netsuite-record';
import { runQuery } from './suiteql';

const CHUNK = 300;

/** Items linked to one of the SKU ids or matching one of the seller SKUs exactly (inactive ones too). */
export function findCatalogItems(skuIds: readonly string[], sellerSkus: readonly string[]): CatalogItemRow[] {
  const rows = new Map<string, CatalogItemRow>();
  const ids = [...new Set(skuIds)];
  const skus = [...new Set(sellerSkus.filter((s) => s !== ''))];
  const parts = Math.max(Math.ceil(ids.length / CHUNK), Math.ceil(skus.length / CHUNK), 1);
  for (let i = 0; i < parts; i += 1) {
    const idPart = chunk(ids, CHUNK)[i] ?? [];
    const skuPart = chunk(skus, CHUNK)[i] ?? [];
    // An empty IN () is not SQL: bind one value no item carries.
    const idList = idPart.length > 0 ? idPart : [''];
    const skuList = skuPart.length > 0 ? skuPart : [''];
    const statement = catalogItemsQuery(placeholders(idList.length), placeholders(skuList.length));
    for (const row of runQuery(statement, [...idList, ...skuList, ...skuList])) {
      const item = catalogItemFromRow(row);
      if (item !== null) rows.set(item.id, item);
    }
  }
  return [...rows.values()];
}

/** SuiteQL answers at most 5,000 rows per query: the audit pages through active items by id (10 units a page). */
const SUITEQL_PAGE = 5_000;

export function listAuditItems(): CatalogItemRow[] {
  const items: CatalogItemRow[] = [];
  let after = 0;
  for (;;) {
    const rows = runQuery(AUDIT_ITEMS_QUERY, [after]);
    for (const row of rows) {
      const item = catalogItemFromRow(row);
      if (item !== null) items.push(item);
    }
    if (rows.length < SUITEQL_PAGE || items.length === 0) return items;
    after = Number(items[items.length - 1].id);
  }
}

export function countLinkedItems(): number {
  return countFromRow(runQuery(LINKED_ITEM_COUNT_QUERY)[0]);
}

export function createCatalogItem(values: Parameters<typeof newItemWrites>[0]): string {
  const rec = createRecord(CATALOG_ITEM.recordType);
  setBodyFields(rec, newItemWrites(values));
  return saveRecord(rec);
}

/** Writes the TikTok ids and title (and the TikTok SKU override when asked); false for an item type the connector does not link. */
export function linkCatalogItem(
  itemId: string,
  itemType: string | null,
  values: Parameters<typeof linkItemWrites>[0] & { tiktokSku: string | null },
): boolean {
  const type = linkableRecordType(itemType);
  if (type === null) return false;
  const writes = [
    ...linkItemWrites(values),
    ...(values.tiktokSku === null ? [] : tiktokSkuWrites(values.tiktokSku)),
  ];
  submitBodyFields(type, itemId, writes);
  return true;
}

export function lookupCatalogStatus(shopRecordId: string): ReturnType<typeof catalogStatusFromLookup> {
  return catalogStatusFromLookup(
    lookupColumns(SHOP_CATALOG.recordType, shopRecordId, CATALOG_STATUS_COLUMNS),
  );
}

/** Clears Force product catalog resync and/or writes Product Catalog Progress, in one submitFields (2 units). */
export function updateCatalogState(shopRecordId: string, clearForce: boolean, progress: string | null): void {
  const writes = [
    ...(clearForce ? CLEAR_FORCE_WRITES : []),
    ...(progress === null ? [] : progressWrites(progress)),
  ];
  if (writes.length > 0) submitBodyFields(SHOP_CATALOG.recordType, shopRecordId, writes);
}

export type { CatalogSettings };

/** Every shop's TikTok id and name (10 units). */
export function listAuditShops(): { shopId: string; name: string }[] {
  return runQuery(AUDIT_SHOPS_QUERY).flatMap((row) => auditShopFromRow(row) ?? []);
}

/**
 * The catalog lists of a shop as chosen and its Product Push Blocked, empty ones null (one lookup,
 * 1 unit; the connector home).
 */
export function lookupCatalogChoices(shopRecordId: string): ReturnType<typeof catalogChoicesFromLookup> {
  return catalogChoicesFromLookup(
    lookupColumns(SHOP_CATALOG.recordType, shopRecordId, CATALOG_CHOICE_COLUMNS),
  );
}
