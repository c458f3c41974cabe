/** Store part: how far the reconcile pass has read each shop's records. */

/** How far the reconcile pass has read one shop's orders (`bridge/src/workers/reconcile.ts#reconcileShopOrders`). */
export interface ReconcileCursor {
  shopId: string;
  name: string;
  value: number;
  updatedAt: number;
}

export interface CursorStore {
  getCursor(shopId: string, name: string): Promise<ReconcileCursor | undefined>;
  setCursor(shopId: string, name: string, value: number, now: number): Promise<void>;
  listCursors(): Promise<ReconcileCursor[]>;
}
