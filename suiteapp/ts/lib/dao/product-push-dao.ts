/**
 * Record I/O of the product push (issue #20); ids and queries in mappers/catalog-mapper.ts and
 * mappers/category-map-mapper.ts. Units: the shop's push settings (lookupFields 1), a page of marked
 * items (SuiteQL 10), their matrix children (10 per 15 parents: at most 4,500 rows, under SuiteQL's
 * 5,000), the category map (10), item messages or product ids (10 per 300), an item write
 * (submitFields 5), Product Push Blocked (submitFields 2).
 */
import type {
  CategoryMapRow,
  MatrixOptionField,
  PushItemRow,
} from '../../../../shared-types/src/catalog/push-plan';
import { CATEGORY_MAP_QUERY, categoryMapFromRow } from '../mappers/category-map-mapper';
import type { PushRef, PushShopSettings } from '../mappers/catalog-mapper';
import {
  CATALOG_ITEM,
  itemNameFromRow,
  itemsByProductQuery,
  itemsOfImageQuery,
  pushBlockWrites,
  PUSH_SHOP_COLUMNS,
  pushChildrenQuery,
  pushItemFromRow,
  pushItemsInQuery,
  pushItemsQuery,
  pushMessageFromRow,
  pushMessagesQuery,
  pushShopFromLookup,
  productRefFromRow,
  SHOP_CATALOG,
} from '../mappers/catalog-mapper';
import type { SubmitWrite } from '../mappers/record-declaration';
import { lookupColumns, savedSearchIds, submitBodyFields } from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/** Parents per children query: 15 × TikTok's 300 SKUs stays under SuiteQL's 5,000 rows. */
const PARENTS_PER_QUERY = 15;

export function lookupPushShop(shopRecordId: string): PushShopSettings {
  return pushShopFromLookup(lookupColumns(SHOP_CATALOG.recordType, shopRecordId, PUSH_SHOP_COLUMNS));
}

/** One page of marked standalone items and matrix parents after `after`, with each one's last push message. */
export function readPushItems(
  after: string | null,
  limit: number,
): { items: PushItemRow[]; messages: Map<string, string | null> } {
  const rows = runQuery(pushItemsQuery(limit), [Number(after ?? 0)]);
  const items: PushItemRow[] = [];
  const messages = new Map<string, string | null>();
  for (const row of rows) {
    const item = pushItemFromRow(row);
    if (item === null) continue;
    items.push(item);
    messages.set(item.id, pushMessageFromRow(row));
  }
  return { items, messages };
}

/**
 * One page of the standalone items and matrix parents the saved search `searchId` returns, after `after`
 * (search.load 5 + runPaged 5 + 5 per 1,000 results, then SuiteQL 10 per `limit` ids), or null when the
 * account has no saved search of that id.
 */
export function readPushItemsOfSearch(
  searchId: string,
  after: string | null,
  limit: number,
): { items: PushItemRow[]; messages: Map<string, string | null> } | null {
  const ids = savedSearchIds(searchId);
  if (ids === null) return null;
  const from = Number(after ?? 0);
  const candidates = [...new Set(ids)]
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > from)
    .sort((a, b) => a - b)
    .map(String);
  const size = Math.max(1, Math.floor(limit));
  const items: PushItemRow[] = [];
  const messages = new Map<string, string | null>();
  for (let i = 0; i < candidates.length && items.length < size; i += size) {
    for (const row of runInChunks(candidates.slice(i, i + size), size, pushItemsInQuery)) {
      const item = pushItemFromRow(row);
      if (item === null || items.length >= size) continue;
      items.push(item);
      messages.set(item.id, pushMessageFromRow(row));
    }
  }
  return { items, messages };
}

/** The active children of the parents, by parent id, with their matrix option values as texts. */
export function readPushChildren(
  parentIds: readonly string[],
  options: readonly MatrixOptionField[],
): Map<string, PushItemRow[]> {
  const byParent = new Map<string, PushItemRow[]>();
  if (parentIds.length === 0) return byParent;
  const rows = runInChunks(parentIds, PARENTS_PER_QUERY, (inList) => pushChildrenQuery(inList, options));
  for (const row of rows) {
    const child = pushItemFromRow(row, options);
    if (child === null || child.parentId === null) continue;
    byParent.set(child.parentId, [...(byParent.get(child.parentId) ?? []), child]);
  }
  return byParent;
}

export function readCategoryMap(): CategoryMapRow[] {
  return runQuery(CATEGORY_MAP_QUERY).flatMap((row) => categoryMapFromRow(row) ?? []);
}

/** Items by id: their TikTok product id and last push message. */
export function readPushRefs(itemIds: readonly string[]): Map<string, PushRef> {
  const out = new Map<string, PushRef>();
  for (const row of runInChunks(itemIds, 300, pushMessagesQuery)) {
    const ref = productRefFromRow(row);
    if (ref !== null) out.set(ref.id, ref);
  }
  return out;
}

/** Standalone items and matrix parents carrying the TikTok product ids, by product id. */
export function findItemsByProduct(
  productIds: readonly string[],
): Map<string, { id: string; pushMessage: string | null }> {
  const out = new Map<string, { id: string; pushMessage: string | null }>();
  for (const row of runInChunks(productIds, 300, itemsByProductQuery)) {
    const ref = productRefFromRow(row);
    if (ref !== null && ref.productId !== null)
      out.set(ref.productId, { id: ref.id, pushMessage: ref.pushMessage });
  }
  return out;
}

/** The Item Name/Number of the items showing a file as their image (10 units). */
export function itemsShowingImage(fileId: string): string[] {
  return runQuery(itemsOfImageQuery(), [fileId, fileId]).flatMap((row) => itemNameFromRow(row) ?? []);
}

/** One item's push fields (submitFields, 5 units). */
export function writePushFields(itemId: string, writes: readonly SubmitWrite[]): void {
  if (writes.length > 0) submitBodyFields(CATALOG_ITEM.recordType, itemId, writes);
}

/** Product Push Blocked on the shop record (2 units). */
export function writePushBlock(shopRecordId: string, text: string): void {
  submitBodyFields(SHOP_CATALOG.recordType, shopRecordId, pushBlockWrites(text));
}
