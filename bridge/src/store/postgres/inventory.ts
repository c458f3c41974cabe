/** PostgreSQL part: inventory confirmed by TikTok (`bridge/src/store/parts/inventory.ts`). */
import type { ConfirmedInventory, InventoryStore } from '../parts/inventory';
import type { PgConnection } from './connection';

export class PgInventory implements InventoryStore {
  constructor(private readonly c: PgConnection) {}

  async getConfirmedInventory(shopId: string, sellerSkus: readonly string[]): Promise<ConfirmedInventory[]> {
    const unique = [...new Set(sellerSkus)];
    if (unique.length === 0) return [];
    const rows = await this.c.query<{
      seller_sku: string;
      warehouse_id: string;
      quantity: number;
      product_id: string;
      sku_id: string;
      confirmed_at: number;
    }>(
      `SELECT seller_sku, warehouse_id, quantity, product_id, sku_id, confirmed_at FROM inventory_confirmed
       WHERE shop_id = $1 AND seller_sku = ANY($2::text[])`,
      [shopId, unique],
    );
    return rows.map((r) => ({
      shopId,
      sellerSku: r.seller_sku,
      warehouseId: r.warehouse_id,
      quantity: r.quantity,
      productId: r.product_id,
      skuId: r.sku_id,
      confirmedAt: r.confirmed_at,
    }));
  }

  async confirmInventory(rows: readonly ConfirmedInventory[], now: number): Promise<void> {
    if (rows.length === 0) return;
    await this.c.tx(async (t) => {
      for (const r of rows) {
        await t.query(
          `INSERT INTO inventory_confirmed (shop_id, seller_sku, warehouse_id, quantity, product_id, sku_id, confirmed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (shop_id, seller_sku, warehouse_id) DO UPDATE SET quantity = excluded.quantity,
             product_id = excluded.product_id, sku_id = excluded.sku_id, confirmed_at = excluded.confirmed_at`,
          [r.shopId, r.sellerSku, r.warehouseId, r.quantity, r.productId, r.skuId, now],
        );
      }
    });
  }

  async forgetInventory(
    shopId: string,
    pairs: readonly { sellerSku: string; warehouseId: string }[],
  ): Promise<void> {
    if (pairs.length === 0) return;
    await this.c.tx(async (t) => {
      for (const p of pairs) {
        await t.query(
          'DELETE FROM inventory_confirmed WHERE shop_id = $1 AND seller_sku = $2 AND warehouse_id = $3',
          [shopId, p.sellerSku, p.warehouseId],
        );
      }
    });
  }
}
