/** SQLite part: shops (`parts/shops.ts`). Names and regions are scrubbed of secrets on the way in. */
import { BridgeError, BRIDGE_ERROR_CODES } from '../../core/errors';
import { redactNullable, redactSecretsInText } from '../../core/redact';
import type { ShopInput, ShopRecord, ShopStore } from '../parts/shops';
import type { SqliteConnection } from './connection';

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

export class SqliteShops implements ShopStore {
  constructor(private readonly c: SqliteConnection) {}

  async upsertShop(shop: ShopInput, now: number): Promise<ShopRecord> {
    this.c
      .statement(
        `INSERT INTO shops (shop_id, name, region, seller_type, cipher, code, state, state_reason, created_at, updated_at)
         VALUES (@shopId, @name, @region, @sellerType, @cipher, @code, @state, NULL, @now, @now)
         ON CONFLICT (shop_id) DO UPDATE SET name = excluded.name, region = excluded.region,
           seller_type = excluded.seller_type, cipher = excluded.cipher, code = excluded.code,
           state = excluded.state, state_reason = NULL, updated_at = excluded.updated_at`,
      )
      .run({
        ...shop,
        name: redactSecretsInText(shop.name),
        region: redactSecretsInText(shop.region),
        sellerType: redactSecretsInText(shop.sellerType),
        now,
      });
    const stored = await this.getShop(shop.shopId);
    if (!stored)
      throw new BridgeError(BRIDGE_ERROR_CODES.STORE_ERROR, `Shop ${shop.shopId} vanished after upsert.`);
    return stored;
  }

  async getShop(shopId: string): Promise<ShopRecord | undefined> {
    const row = this.c.statement('SELECT * FROM shops WHERE shop_id = ?').get(shopId) as ShopRow | undefined;
    return row ? toShop(row) : undefined;
  }

  async listShops(): Promise<ShopRecord[]> {
    return (this.c.statement('SELECT * FROM shops ORDER BY shop_id').all() as ShopRow[]).map(toShop);
  }

  async setShopState(
    shopId: string,
    state: ShopRecord['state'],
    reason: string | null,
    now: number,
  ): Promise<void> {
    this.c
      .statement('UPDATE shops SET state = ?, state_reason = ?, updated_at = ? WHERE shop_id = ?')
      .run(state, redactNullable(reason), now, shopId);
  }
}
