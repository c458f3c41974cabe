/**
 * Items, read only: the active items whose Item Name/Number or TikTok SKU field
 * (`custitem_tts_sku`) equals a TikTok SKU. SuiteQL `=`/`IN` compare exactly; buildSkuItemMap
 * checks again in JavaScript. The inventory export reads every active inventory item's balances with
 * one paged item search (`inventoryBalanceFromResult`).
 */
import type { ItemSkuRow } from '../../../../shared-types/src/orders/sku-item-map';
import type { InventoryBalance } from '../../../../shared-types/src/inventory/availability';
import type { Row, SearchColumnId } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, textOf } from './values';

export const ITEM = declareRecord({
  recordType: 'item',
  suiteql: {
    table: 'item',
    columns: { id: 'id', itemId: 'itemid', isInactive: 'isinactive', tiktokSku: 'custitem_tts_sku' },
  },
  // The inventory export's balances (issue #14): the item search gives one row per item and location
  // with Multi-Location Inventory (`inventorylocation`, `locationquantity…`), else the item's single
  // quantity (`quantityonhand`, `quantitycommitted`); Oracle's Records Browser, item search columns.
  search: {
    columns: {
      itemId: 'itemid',
      tiktokSku: 'custitem_tts_sku',
      onHand: 'quantityonhand',
      committed: 'quantitycommitted',
      location: 'inventorylocation',
      locationOnHand: 'locationquantityonhand',
      locationCommitted: 'locationquantitycommitted',
    },
    filters: { type: 'type', isInactive: 'isinactive', location: 'inventorylocation' },
  },
});

const c = ITEM.suiteql.columns;

/** Active items matching the SKUs in `inList` by name or TikTok SKU (the list is passed twice). */
export function itemsBySkuQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.itemId} AS itemid, ${c.tiktokSku} AS tts_sku FROM ${ITEM.suiteql.table} WHERE ${c.isInactive} = 'F' AND (${c.itemId} IN (${inList}) OR ${c.tiktokSku} IN (${inList}))`;
}

export function itemSkuFromRow(row: Row): ItemSkuRow | null {
  const id = idOf(row.id);
  return id === null ? null : { id, itemid: textOf(row.itemid), ttsSku: textOf(row.tts_sku) };
}

/** NetSuite's item type of inventory items in an item search `type` filter. */
export const INVENTORY_ITEM_TYPE = 'InvtPart';

/** The columns the inventory export reads, per location (MLI) or the single quantity. */
export function inventoryBalanceColumns(multiLocation: boolean): SearchColumnId[] {
  const col = ITEM.search.columns;
  return multiLocation
    ? [col.itemId, col.tiktokSku, col.location, col.locationOnHand, col.locationCommitted]
    : [col.itemId, col.tiktokSku, col.onHand, col.committed];
}

/** One search result as an item SKU row and its balance (location null without MLI). */
export function inventoryBalanceFromResult(
  id: string,
  value: (column: SearchColumnId) => unknown,
  multiLocation: boolean,
): { item: ItemSkuRow; balance: InventoryBalance } {
  const col = ITEM.search.columns;
  const num = (v: unknown): number => {
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : 0;
  };
  return {
    item: { id, itemid: textOf(value(col.itemId)), ttsSku: textOf(value(col.tiktokSku)) },
    balance: {
      itemId: id,
      locationId: multiLocation ? idOf(value(col.location)) : null,
      onHand: num(value(multiLocation ? col.locationOnHand : col.onHand)),
      committed: num(value(multiLocation ? col.locationCommitted : col.committed)),
    },
  };
}
