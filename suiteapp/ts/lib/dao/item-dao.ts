/**
 * Active items whose Item Name/Number or TikTok SKU field equals one of the SKUs (one SuiteQL per
 * 500 SKUs, 10 units each). Query: mappers/item-mapper.ts.
 */
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { ItemSkuRow } from '../../../../shared-types/src/orders/sku-item-map';
import { itemsBySkuQuery, itemSkuFromRow } from '../mappers/item-mapper';
import { runInChunks } from './suiteql';

export function findItemsBySkus(skus: readonly string[]): ItemSkuRow[] {
  return runInChunks([...new Set(skus)], LOOKUP_CHUNK_SIZE, itemsBySkuQuery, 2).flatMap(
    (row) => itemSkuFromRow(row) ?? [],
  );
}
