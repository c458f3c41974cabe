/** SQLite part: inventory confirmed by TikTok (`parts/inventory.ts`). */
import type { ConfirmedInventory, InventoryStore } from '../parts/inventory';
import type { SqliteConnection } from './connection';

/** SKUs per `IN (…)` lookup, well under SQLite's bound-parameter limit. */
const SKUS_PER_QUERY = 500;

export class SqliteInventory implements InventoryStore {
  constructor(private readonly c: SqliteConnection) {}

  async getConfirmedInventory(shopId: string, sellerSkus: readonly string[]): Promise<ConfirmedInventory[]> {
    const out: ConfirmedInventory[] = [];
    const unique = [...new Set(sellerSkus)];
    for (let i = 0; i < unique.length; i += SKUS_PER_QUERY) {
      const part = unique.slice(i, i + SKUS_PER_QUERY);
      const rows = this.c.db
        .prepare(
          `SELECT seller_sku, warehouse_id, quantity, product_id, sku_id, confirmed_at FROM inventory_confirmed
           WHERE shop_id = ? AND seller_sku IN (${part.map(() => '?').join(', ')})`,
        )
        .all(shopId, ...part) as {
        seller_sku: string;
        warehouse_id: string;
        quantity: number;
        product_id: string;
        sku_id: string;
        confirmed_at: number;
      }[];
      for (const r of rows) {
        out.push({
          shopId,
          sellerSku: r.seller_sku,
          warehouseId: r.warehouse_id,
          quantity: r.quantity,
          productId: r.product_id,
          skuId: r.sku_id,
          confirmedAt: r.confirmed_at,
        });
      }
    }
    return out;
  }

  async confirmInventory(rows: readonly ConfirmedInventory[], now: number): Promise<void> {
    const upsert = this.c.statement(
      `INSERT INTO inventory_confirmed (shop_id, seller_sku, warehouse_id, quantity, product_id, sku_id, confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (shop_id, seller_sku, warehouse_id) DO UPDATE SET quantity = excluded.quantity,
         product_id = excluded.product_id, sku_id = excluded.sku_id, confirmed_at = excluded.confirmed_at`,
    );
    this.c.db.transaction(() => {
      for (const r of rows)
        upsert.run(r.shopId, r.sellerSku, r.warehouseId, r.quantity, r.productId, r.skuId, now);
    })();
  }

  async forgetInventory(
    shopId: string,
    pairs: readonly { sellerSku: string; warehouseId: string }[],
  ): Promise<void> {
    const remove = this.c.statement(
      'DELETE FROM inventory_confirmed WHERE shop_id = ? AND seller_sku = ? AND warehouse_id = ?',
    );
    this.c.db.transaction(() => {
      for (const p of pairs) remove.run(shopId, p.sellerSku, p.warehouseId);
    })();
  }
}
