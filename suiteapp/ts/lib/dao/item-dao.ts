import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import { ITEM_TTS_SKU_FIELD } from '../../../../shared-types/src/netsuite-ids';
import type { ItemSkuRow } from '../../../../shared-types/src/sku-item-map';
import { idOf, runInChunks, textOf } from './suiteql';

/**
 * Active items whose Item Name/Number or TikTok SKU field equals one of the SKUs (one SuiteQL per
 * 500 SKUs). SuiteQL `=`/`IN` compare exactly; buildSkuItemMap checks again in JavaScript.
 */
export function findItemsBySkus(skus: readonly string[]): ItemSkuRow[] {
  const rows = runInChunks(
    [...new Set(skus)],
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, itemid, ${ITEM_TTS_SKU_FIELD} AS tts_sku FROM item WHERE isinactive = 'F' AND (itemid IN (${inList}) OR ${ITEM_TTS_SKU_FIELD} IN (${inList}))`,
    2,
  );
  return rows.flatMap((row) => {
    const id = idOf(row.id);
    return id === null ? [] : [{ id, itemid: textOf(row.itemid), ttsSku: textOf(row.tts_sku) }];
  });
}
