/**
 * TikTok seller SKU → NetSuite item, matched exactly (case and whitespace included).
 *
 * An item matches a SKU by its TikTok SKU field (`custitem_tts_sku`, the override for items whose
 * NetSuite name differs) or by its Item Name/Number (`itemid`). An override match wins over a name
 * match; two items matching at the same strength are ambiguous and the order is stopped rather
 * than guessing (the same SKU on two products would merge them).
 */

export interface ItemSkuRow {
  /** Item internal id. */
  id: string;
  /** Item Name/Number. */
  itemid: string | null;
  /** TikTok SKU override (`custitem_tts_sku`). */
  ttsSku: string | null;
}

export interface SkuItemMap {
  /** SKU → item internal id, for SKUs with exactly one best match. */
  items: Record<string, string>;
  /** SKU → the item ids that match it equally well. */
  ambiguous: Record<string, string[]>;
}

/** Builds the map for `skus` from item rows (rows for other SKUs, or inexact ones, are ignored). */
export function buildSkuItemMap(rows: readonly ItemSkuRow[], skus: readonly string[]): SkuItemMap {
  const items = Object.create(null) as Record<string, string>;
  const ambiguous = Object.create(null) as Record<string, string[]>;
  for (const sku of new Set(skus)) {
    const byOverride = unique(rows.filter((r) => r.ttsSku === sku).map((r) => r.id));
    const candidates =
      byOverride.length > 0 ? byOverride : unique(rows.filter((r) => r.itemid === sku).map((r) => r.id));
    if (candidates.length === 1) {
      items[sku] = candidates[0];
    } else if (candidates.length > 1) {
      ambiguous[sku] = candidates;
    }
  }
  return { items, ambiguous };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)].sort((a, b) => Number(a) - Number(b));
}

/** Splits a list into chunks of at most `size` (for `IN (?, ?, ...)` queries). */
export function chunk<T>(values: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`chunk size must be a whole number ≥ 1, got ${size}`);
  }
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) {
    chunks.push(values.slice(i, i + size));
  }
  return chunks;
}
