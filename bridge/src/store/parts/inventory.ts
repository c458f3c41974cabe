/** Store part: the inventory quantities TikTok confirmed, so an unchanged quantity is never sent twice (issue #14). */

/** A quantity TikTok confirmed (its Update Inventory took it) for a seller SKU at a warehouse. */
export interface ConfirmedInventory {
  shopId: string;
  sellerSku: string;
  warehouseId: string;
  quantity: number;
  productId: string;
  skuId: string;
  /** When TikTok confirmed it (ms; read back only). */
  confirmedAt?: number;
}

export interface InventoryStore {
  /** The confirmed quantities of the given seller SKUs of a shop (issue #14). */
  getConfirmedInventory(shopId: string, sellerSkus: readonly string[]): Promise<ConfirmedInventory[]>;
  /** Records what TikTok confirmed (one transaction). */
  confirmInventory(rows: readonly ConfirmedInventory[], now: number): Promise<void>;
  /** Forgets pairs (a failed update: TikTok's quantity is no longer known), so they are sent again. */
  forgetInventory(
    shopId: string,
    pairs: readonly { sellerSku: string; warehouseId: string }[],
  ): Promise<void>;
}
