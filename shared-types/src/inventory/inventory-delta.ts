/**
 * What to send to TikTok: the quantities per seller SKU × TikTok warehouse that differ from what
 * TikTok last confirmed (issue #14 item 3). "Last confirmed" lives in the bridge's store (one row per
 * shop, SKU and warehouse, written only when TikTok accepted the update), not in NetSuite: see the
 * README's inventory section for the figures behind that choice.
 *
 * - A pair never confirmed is a change (first sync).
 * - A pair whose last push failed has no confirmed quantity (the failure clears it), so it is a
 *   change again on the next run: a failed SKU is retried, never skipped.
 * - Force inventory resync makes every pair a change, once.
 */

export interface InventoryQuantity {
  sellerSku: string;
  warehouseId: string;
  quantity: number;
}

export interface InventoryChange extends InventoryQuantity {
  /** The quantity TikTok last confirmed, or null when never (or not since a failure). */
  confirmed: number | null;
}

/** The key of a SKU × warehouse pair (NUL never occurs in a SKU or a warehouse id). */
export function pairKey(sellerSku: string, warehouseId: string): string {
  return `${sellerSku}\u0000${warehouseId}`;
}

/** The changes, in the order of `current`; `confirmed` maps `pairKey` → quantity. */
export function inventoryChanges(
  current: readonly InventoryQuantity[],
  confirmed: ReadonlyMap<string, number>,
  force: boolean,
): InventoryChange[] {
  const changes: InventoryChange[] = [];
  const seen = new Set<string>();
  for (const row of current) {
    const key = pairKey(row.sellerSku, row.warehouseId);
    if (seen.has(key)) {
      throw new Error(
        `SKU "${row.sellerSku}" at warehouse ${row.warehouseId} is listed twice in one availability snapshot`,
      );
    }
    seen.add(key);
    const last = confirmed.get(key);
    if (force || last === undefined || last !== row.quantity) {
      changes.push({ ...row, confirmed: last ?? null });
    }
  }
  return changes;
}
