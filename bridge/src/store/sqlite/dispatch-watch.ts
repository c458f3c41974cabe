/** SQLite part: the late-dispatch watch (`parts/dispatch-watch.ts`). */
import type { DispatchObservation, DispatchWatchRecord, DispatchWatchStore } from '../parts/dispatch-watch';
import type { SqliteConnection } from './connection';

export class SqliteDispatchWatch implements DispatchWatchStore {
  constructor(private readonly c: SqliteConnection) {}

  async observeDispatch(observations: readonly DispatchObservation[], now: number): Promise<void> {
    const upsert = this.c.statement(
      `INSERT INTO dispatch_watch (shop_id, order_id, ship_by, order_update_time, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (shop_id, order_id) DO UPDATE SET ship_by = excluded.ship_by,
         order_update_time = excluded.order_update_time, updated_at = excluded.updated_at
       WHERE excluded.order_update_time >= dispatch_watch.order_update_time`,
    );
    const remove = this.c.statement(
      'DELETE FROM dispatch_watch WHERE shop_id = ? AND order_id = ? AND order_update_time <= ?',
    );
    this.c.db.transaction(() => {
      for (const o of observations) {
        if (o.shipBy === null) remove.run(o.shopId, o.orderId, o.orderUpdateTime);
        else upsert.run(o.shopId, o.orderId, o.shipBy, o.orderUpdateTime, now);
      }
    })();
  }

  async listDispatchWatch(limit: number): Promise<DispatchWatchRecord[]> {
    return (
      this.c
        .statement(
          'SELECT shop_id, order_id, ship_by FROM dispatch_watch ORDER BY ship_by, shop_id, order_id LIMIT ?',
        )
        .all(limit) as { shop_id: string; order_id: string; ship_by: number }[]
    ).map((r) => ({ shopId: r.shop_id, orderId: r.order_id, shipBy: r.ship_by }));
  }

  async countDispatchWatch(nowSeconds: number): Promise<{ toShip: number; late: number }> {
    const row = this.c
      .statement(
        'SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN ship_by < ? THEN 1 ELSE 0 END), 0) AS late FROM dispatch_watch',
      )
      .get(nowSeconds) as { n: number; late: number };
    return { toShip: row.n, late: row.late };
  }
}
