/** PostgreSQL part: the late-dispatch watch (`bridge/src/store/parts/dispatch-watch.ts`). */
import type { DispatchObservation, DispatchWatchRecord, DispatchWatchStore } from '../parts/dispatch-watch';
import type { PgConnection } from './connection';

export class PgDispatchWatch implements DispatchWatchStore {
  constructor(private readonly c: PgConnection) {}

  async observeDispatch(observations: readonly DispatchObservation[], now: number): Promise<void> {
    if (observations.length === 0) return;
    await this.c.tx(async (t) => {
      for (const o of observations) {
        if (o.shipBy === null) {
          await t.query(
            'DELETE FROM dispatch_watch WHERE shop_id = $1 AND order_id = $2 AND order_update_time <= $3',
            [o.shopId, o.orderId, o.orderUpdateTime],
          );
        } else {
          await t.query(
            `INSERT INTO dispatch_watch (shop_id, order_id, ship_by, order_update_time, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (shop_id, order_id) DO UPDATE SET ship_by = excluded.ship_by,
               order_update_time = excluded.order_update_time, updated_at = excluded.updated_at
             WHERE excluded.order_update_time >= dispatch_watch.order_update_time`,
            [o.shopId, o.orderId, o.shipBy, o.orderUpdateTime, now],
          );
        }
      }
    });
  }

  async listDispatchWatch(limit: number): Promise<DispatchWatchRecord[]> {
    return (
      await this.c.query<{ shop_id: string; order_id: string; ship_by: number }>(
        'SELECT shop_id, order_id, ship_by FROM dispatch_watch ORDER BY ship_by, shop_id, order_id LIMIT $1',
        [limit],
      )
    ).map((r) => ({ shopId: r.shop_id, orderId: r.order_id, shipBy: r.ship_by }));
  }

  async countDispatchWatch(nowSeconds: number): Promise<{ toShip: number; late: number }> {
    const [row] = await this.c.query<{ n: number; late: number }>(
      'SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN ship_by < $1 THEN 1 ELSE 0 END), 0) AS late FROM dispatch_watch',
      [nowSeconds],
    );
    return { toShip: row?.n ?? 0, late: row?.late ?? 0 };
  }
}
