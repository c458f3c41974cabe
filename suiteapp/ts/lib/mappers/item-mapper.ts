/**
 * Items, read only: the active items whose Item Name/Number or TikTok SKU field
 * (`custitem_tts_sku`) equals a TikTok SKU. SuiteQL `=`/`IN` compare exactly; buildSkuItemMap
 * checks again in JavaScript. The inventory export reads every inventory item's and assembly's
 * balances with one paged item search (`inventoryBalanceFromResult`), and every kit's, item group's
 * and assembly's members with another (`itemMemberFromResult`; item search columns memberitem and
 * memberquantity, records.json), each with the item-level inventory settings (issue #16).
 */
import type { ItemSkuRow } from '../../../../shared-types/src/orders/sku-item-map';
import type { InventoryBalance } from '../../../../shared-types/src/inventory/availability';
import type { InventoryItemRow } from '../../../../shared-types/src/inventory/inventory-export';
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
      // Issue #16: availability options and item-level settings.
      isInactive: 'isinactive',
      type: 'type',
      parent: 'parent',
      onOrder: 'quantityonorder',
      backOrdered: 'quantitybackordered',
      locationOnOrder: 'locationquantityonorder',
      locationInTransit: 'locationquantityintransit',
      locationBackOrdered: 'locationquantitybackordered',
      inventoryBuffer: 'custitem_tts_inv_buffer',
      noInventorySync: 'custitem_tts_no_inv_sync',
      discontinued: 'custitem_tts_inv_discontinued',
      memberItem: 'memberitem',
      memberQuantity: 'memberquantity',
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
/** Item search `type` codes of assemblies, kits and item groups. */
export const ASSEMBLY_ITEM_TYPE = 'Assembly';
export const KIT_ITEM_TYPE = 'Kit';
export const GROUP_ITEM_TYPE = 'Group';

const col = ITEM.search.columns;
/** The item-level columns both inventory searches read. */
const ITEM_FLAG_COLUMNS: SearchColumnId[] = [
  col.itemId,
  col.tiktokSku,
  col.isInactive,
  col.parent,
  col.inventoryBuffer,
  col.noInventorySync,
  col.discontinued,
];

/** The columns the inventory export reads, per location (MLI) or the single quantity. */
export function inventoryBalanceColumns(multiLocation: boolean): SearchColumnId[] {
  return multiLocation
    ? [
        ...ITEM_FLAG_COLUMNS,
        col.location,
        col.locationOnHand,
        col.locationCommitted,
        col.locationOnOrder,
        col.locationInTransit,
        col.locationBackOrdered,
      ]
    : [...ITEM_FLAG_COLUMNS, col.onHand, col.committed, col.onOrder, col.backOrdered];
}

/** The columns of the member search (one row per member of a kit, group or assembly). */
export const ITEM_MEMBER_COLUMNS: SearchColumnId[] = [
  ...ITEM_FLAG_COLUMNS,
  col.memberItem,
  col.memberQuantity,
];

function num(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : 0;
}

function checked(v: unknown): boolean {
  return v === true || v === 'T';
}

/** The item and its inventory settings from a search row of either inventory search. */
export function inventoryItemFromResult(
  id: string,
  value: (column: SearchColumnId) => unknown,
): InventoryItemRow {
  return {
    id,
    itemid: textOf(value(col.itemId)),
    ttsSku: textOf(value(col.tiktokSku)),
    inactive: checked(value(col.isInactive)),
    noSync: checked(value(col.noInventorySync)),
    discontinued: checked(value(col.discontinued)),
    parentId: idOf(value(col.parent)),
    buffer: textOf(value(col.inventoryBuffer)),
  };
}

/** One member row: the member item and the quantity one kit takes (null for an item without members). */
export function itemMemberFromResult(
  value: (column: SearchColumnId) => unknown,
): { itemId: string; quantity: number } | null {
  const itemId = idOf(value(col.memberItem));
  return itemId === null ? null : { itemId, quantity: num(value(col.memberQuantity)) };
}

/** One search result as an item SKU row and its balance (location null without MLI). */
export function inventoryBalanceFromResult(
  id: string,
  value: (column: SearchColumnId) => unknown,
  multiLocation: boolean,
): { item: InventoryItemRow; balance: InventoryBalance } {
  return {
    item: inventoryItemFromResult(id, value),
    balance: {
      itemId: id,
      locationId: multiLocation ? idOf(value(col.location)) : null,
      onHand: num(value(multiLocation ? col.locationOnHand : col.onHand)),
      committed: num(value(multiLocation ? col.locationCommitted : col.committed)),
      onOrder: num(value(multiLocation ? col.locationOnOrder : col.onOrder)),
      inTransit: multiLocation ? num(value(col.locationInTransit)) : 0,
      backOrdered: num(value(multiLocation ? col.locationBackOrdered : col.backOrdered)),
    },
  };
}
