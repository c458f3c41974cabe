/**
 * Store part: the inventory quantities TikTok confirmed, so an unchanged quantity is never sent twice
 * (issue #14), and the stock reservations of orders NetSuite's quantities do not reflect yet (issue
 * #16, `shared-types/src/inventory/oversell.ts`).
 */
import type { StockReservation } from '../../../../shared-types/src/inventory/oversell';

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
  /**
   * Stock reservations (issue #16): replaces an order's units (none: a cancelled order's are
   * dropped), keeping when it was first stored in NetSuite.
   */
  reserveStock(
    shopId: string,
    orderId: string,
    units: readonly Omit<StockReservation, 'orderId' | 'upsertedAt'>[],
    now: number,
  ): Promise<void>;
  /** Notes that NetSuite's inbox has these orders (first time only). */
  markStockUpserted(shopId: string, orderIds: readonly string[], at: number): Promise<void>;
  /** Every reservation of a shop. */
  listStockReservations(shopId: string): Promise<StockReservation[]>;
  /** Drops the reservations of orders NetSuite's quantities reflect now. */
  releaseStock(shopId: string, orderIds: readonly string[]): Promise<void>;
}
