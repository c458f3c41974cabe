/**
 * The no-oversell window (issue #16 item 2). TikTok takes a unit out of its own stock the moment a
 * buyer orders it, but NetSuite's quantity available drops only when the order is imported as a sales
 * order (it commits the stock). Between the two, a quantity computed by NetSuite's export still
 * counts units TikTok already sold; sending it would hand those units back to TikTok and let them be
 * sold twice. So the bridge keeps a **reservation** per order it has received (seller SKU, TikTok
 * warehouse, units) and sends
 *
 *     quantity sent = NetSuite's quantity − units of the orders that quantity does not reflect yet
 *
 * never below 0. A quantity reflects an order once NetSuite had the order in its inbox when the
 * export ran (`upsertedAt + margin ≤ snapshotAt`, the margin covering the two servers' clocks) and
 * the export did not list it as open (received but not yet imported: `openOrders`, read before the
 * balances, so an order imported in between is counted twice — too little sent, never too much).
 * A reflected reservation is dropped for good; a cancelled order's reservation too (TikTok puts the
 * units back itself).
 *
 * A pair sent reduced is not acknowledged to NetSuite: it stays queued and is worked out again on
 * the next pass, so TikTok gets NetSuite's own quantity once every order is reflected.
 */
import type { TikTokOrder } from '../tiktok/tiktok-order';

/** Units of one order held back for a seller SKU (at the order's TikTok warehouse, or every one). */
export interface StockReservation {
  orderId: string;
  sellerSku: string;
  /** The TikTok warehouse the order ships from, or null when TikTok did not say (then: every warehouse). */
  warehouseId: string | null;
  quantity: number;
  /** When the bridge stored the order in NetSuite's inbox (ms), or null: not yet. */
  upsertedAt: number | null;
}

/** What an export's snapshot says about orders: when it ran, and the orders it saw not imported. */
export interface ExportSnapshot {
  snapshotAt: number | null;
  openOrders: ReadonlySet<string>;
}

/**
 * The units an order takes from TikTok's stock, per seller SKU (one line item per unit; a virtual
 * bundle takes its component SKUs). Nothing for a cancelled order or a Fulfilled-by-TikTok one (it
 * ships from TikTok's stock, not the seller's).
 */
export function reservationsOfOrder(
  order: Pick<TikTokOrder, 'id' | 'status' | 'line_items' | 'warehouse_id' | 'fulfillment_type'>,
): Omit<StockReservation, 'upsertedAt'>[] {
  if (order.status === 'CANCELLED' || order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK') return [];
  const units = new Map<string, number>();
  const add = (sku: string | undefined, n: number): void => {
    if (sku === undefined || sku === '' || !(n > 0)) return;
    units.set(sku, (units.get(sku) ?? 0) + n);
  };
  for (const line of order.line_items) {
    if (line.display_status === 'CANCELLED') continue;
    const parts = line.combined_listing_skus ?? [];
    if (parts.length > 0 && parts.every((p) => p.seller_sku !== undefined)) {
      for (const p of parts) add(p.seller_sku, p.sku_count);
    } else {
      add(line.seller_sku, 1);
    }
  }
  return [...units].map(([sellerSku, quantity]) => ({
    orderId: order.id,
    sellerSku,
    warehouseId: order.warehouse_id ?? null,
    quantity,
  }));
}

/** Whether the export's quantities already reflect the order (its stock is committed in NetSuite). */
export function isReflected(
  reservation: Pick<StockReservation, 'orderId' | 'upsertedAt'>,
  snapshot: ExportSnapshot,
  marginMs: number,
): boolean {
  if (reservation.upsertedAt === null || snapshot.snapshotAt === null) return false;
  if (reservation.upsertedAt + marginMs > snapshot.snapshotAt) return false;
  return !snapshot.openOrders.has(reservation.orderId);
}

/** Units held back per seller SKU and warehouse: `sku NUL warehouse` → units; `sku NUL *` → every warehouse. */
export function heldBackUnits(reservations: readonly StockReservation[]): Map<string, number> {
  const held = new Map<string, number>();
  for (const r of reservations) {
    const key = `${r.sellerSku}\u0000${r.warehouseId ?? '*'}`;
    held.set(key, (held.get(key) ?? 0) + r.quantity);
  }
  return held;
}

/** The quantity to send for a pulled pair: NetSuite's minus what its orders not reflected hold, ≥ 0. */
export function quantityToSend(
  pulled: { sellerSku: string; warehouseId: string; quantity: number },
  held: ReadonlyMap<string, number>,
): { quantity: number; heldBack: number } {
  const heldBack =
    (held.get(`${pulled.sellerSku}\u0000${pulled.warehouseId}`) ?? 0) +
    (held.get(`${pulled.sellerSku}\u0000*`) ?? 0);
  return { quantity: Math.max(0, pulled.quantity - heldBack), heldBack };
}
