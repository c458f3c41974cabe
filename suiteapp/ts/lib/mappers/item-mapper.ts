/**
 * Items, read only: the active items whose Item Name/Number or TikTok SKU field
 * (`custitem_tts_sku`) equals a TikTok SKU. SuiteQL `=`/`IN` compare exactly; buildSkuItemMap
 * checks again in JavaScript.
 */
import type { ItemSkuRow } from '../../../../shared-types/src/orders/sku-item-map';
import type { Row } from './record-declaration';
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
