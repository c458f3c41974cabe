/**
 * TikTok seller SKU → the NetSuite item whose stock it shows, matched as orders match them
 * (`shared-types/src/orders/sku-item-map.ts#buildSkuItemMap`: the item's TikTok SKU override
 * `custitem_tts_sku`, else its Item Name/Number, exact, case and whitespace included). A SKU that two
 * items match equally is not pushed: it is reported with the fix, as the order import stops on it.
 */
import type { ItemSkuRow } from '../orders/sku-item-map';
import { buildSkuItemMap } from '../orders/sku-item-map';

export interface InventorySkuMatch {
  /** seller SKU → item internal id. */
  items: Map<string, string>;
  /** Problems, one per SKU that cannot be pushed, each with its fix. */
  problems: { sellerSku: string; message: string }[];
}

/** Matches the TikTok seller SKUs to items; SKUs no item matches are left out (not linked). */
export function matchInventorySkus(
  rows: readonly ItemSkuRow[],
  sellerSkus: readonly string[],
): InventorySkuMatch {
  const map = buildSkuItemMap(rows, sellerSkus);
  const items = new Map<string, string>(Object.entries(map.items));
  const problems = Object.entries(map.ambiguous).map(([sellerSku, ids]) => ({
    sellerSku,
    message: `TikTok SKU "${sellerSku}" matches items ${ids.join(', ')} equally, so its stock is not sent to TikTok. Fix: set TikTok SKU (custitem_tts_sku) on exactly one of them, or rename the others, and the next inventory run sends it.`,
  }));
  return { items, problems };
}
