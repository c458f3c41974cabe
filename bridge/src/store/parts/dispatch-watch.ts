/** Store part: the late-dispatch watch, TikTok orders still to ship and their ship-by time (issue #15). */

/**
 * What the order upserts saw of a TikTok order for the late-dispatch watch: `shipBy` (Unix s) while
 * it is still to ship, null once it is not (shipped, cancelled, fulfilled by TikTok).
 */
export interface DispatchObservation {
  shopId: string;
  orderId: string;
  shipBy: number | null;
  /** TikTok's `update_time` of the payload: an older payload never overwrites a newer one. */
  orderUpdateTime: number;
}

export interface DispatchWatchRecord {
  shopId: string;
  orderId: string;
  shipBy: number;
}

export interface DispatchWatchStore {
  /** Records the orders' to-ship state (late-dispatch watch); older payloads are ignored. */
  observeDispatch(observations: readonly DispatchObservation[], now: number): Promise<void>;
  /** Orders still to ship, nearest ship-by first (ties by shop and order id). */
  listDispatchWatch(limit: number): Promise<DispatchWatchRecord[]>;
  /** How many orders are still to ship, and how many of them are past `nowSeconds`. */
  countDispatchWatch(nowSeconds: number): Promise<{ toShip: number; late: number }>;
}
