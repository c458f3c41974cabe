/** PostgreSQL part: shops (`bridge/src/store/parts/shops.ts`), names and regions scrubbed of secrets. */
import { redactNullable, redactSecretsInText } from '../../core/redact';
import type { ShopInput, ShopRecord, ShopStore } from '../parts/shops';
import type { Sql } from './connection';

interface ShopRow {
  shop_id: string;
  name: string;
  region: string;
  seller_type: string;
  cipher: string;
  code: string;
  state: ShopRecord['state'];
  state_reason: string | null;
  created_at: number;
  updated_at: number;
}

function toShop(row: ShopRow): ShopRecord {
  return {
    shopId: row.shop_id,
    name: row.name,
    region: row.region,
    sellerType: row.seller_type,
    cipher: row.cipher,
    code: row.code,
    state: row.state,
    stateReason: row.state_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class PgShops implements ShopStore {
  constructor(private readonly sql: Sql) {}

  async upsertShop(shop: ShopInput, now: number): Promise<ShopRecord> {
    const [row] = await this.sql.query<ShopRow>(
      `INSERT INTO shops (shop_id, name, region, seller_type, cipher, code, state, state_reason, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $8)
       ON CONFLICT (shop_id) DO UPDATE SET name = excluded.name, region = excluded.region,
         seller_type = excluded.seller_type, cipher = excluded.cipher, code = excluded.code,
         state = excluded.state, state_reason = NULL, updated_at = excluded.updated_at
       RETURNING *`,
      [
        shop.shopId,
        redactSecretsInText(shop.name),
        redactSecretsInText(shop.region),
        redactSecretsInText(shop.sellerType),
        shop.cipher,
        shop.code,
        shop.state,
        now,
      ],
    );
    return toShop(row as ShopRow);
  }

  async getShop(shopId: string): Promise<ShopRecord | undefined> {
    const [row] = await this.sql.query<ShopRow>('SELECT * FROM shops WHERE shop_id = $1', [shopId]);
    return row ? toShop(row) : undefined;
  }

  async listShops(): Promise<ShopRecord[]> {
    return (await this.sql.query<ShopRow>('SELECT * FROM shops ORDER BY shop_id')).map(toShop);
  }

  async setShopState(
    shopId: string,
    state: ShopRecord['state'],
    reason: string | null,
    now: number,
  ): Promise<void> {
    await this.sql.query(
      'UPDATE shops SET state = $1, state_reason = $2, updated_at = $3 WHERE shop_id = $4',
      [state, redactNullable(reason), now, shopId],
    );
  }
}
