/** PostgreSQL part: shop tokens (`bridge/src/store/parts/tokens.ts`), ciphertext written as given. */
import type { StoredTokens, TokenStore } from '../parts/tokens';
import type { Sql } from './connection';

interface TokenRow {
  shop_id: string;
  grant_id: string;
  access_token_enc: string;
  refresh_token_enc: string;
  access_expires_at: number;
  refresh_expires_at: number;
  updated_at: number;
  authorized_at: number;
}

export class PgTokens implements TokenStore {
  constructor(private readonly sql: Sql) {}

  async saveTokens(t: StoredTokens): Promise<void> {
    await this.sql.query(
      `INSERT INTO shop_tokens (shop_id, grant_id, access_token_enc, refresh_token_enc, access_expires_at, refresh_expires_at, updated_at, authorized_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (shop_id) DO UPDATE SET grant_id = excluded.grant_id, access_token_enc = excluded.access_token_enc,
         refresh_token_enc = excluded.refresh_token_enc, access_expires_at = excluded.access_expires_at,
         refresh_expires_at = excluded.refresh_expires_at, updated_at = excluded.updated_at,
         authorized_at = excluded.authorized_at`,
      [
        t.shopId,
        t.grantId,
        t.accessTokenEnc,
        t.refreshTokenEnc,
        t.accessExpiresAt,
        t.refreshExpiresAt,
        t.updatedAt,
        t.authorizedAt,
      ],
    );
  }

  async getTokens(shopId: string): Promise<StoredTokens | undefined> {
    const [row] = await this.sql.query<TokenRow>('SELECT * FROM shop_tokens WHERE shop_id = $1', [shopId]);
    if (!row) return undefined;
    return {
      shopId: row.shop_id,
      grantId: row.grant_id,
      accessTokenEnc: row.access_token_enc,
      refreshTokenEnc: row.refresh_token_enc,
      accessExpiresAt: row.access_expires_at,
      refreshExpiresAt: row.refresh_expires_at,
      updatedAt: row.updated_at,
      authorizedAt: row.authorized_at,
    };
  }

  async replaceTokenCiphertexts(
    shopId: string,
    from: Pick<StoredTokens, 'accessTokenEnc' | 'refreshTokenEnc'>,
    to: Pick<StoredTokens, 'accessTokenEnc' | 'refreshTokenEnc'>,
  ): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE shop_tokens SET access_token_enc = $1, refresh_token_enc = $2
       WHERE shop_id = $3 AND access_token_enc = $4 AND refresh_token_enc = $5 RETURNING shop_id`,
      [to.accessTokenEnc, to.refreshTokenEnc, shopId, from.accessTokenEnc, from.refreshTokenEnc],
    );
    return rows.length === 1;
  }

  async listShopIdsByGrant(grantId: string): Promise<string[]> {
    return (
      await this.sql.query<{ shop_id: string }>(
        'SELECT shop_id FROM shop_tokens WHERE grant_id = $1 ORDER BY shop_id',
        [grantId],
      )
    ).map((r) => r.shop_id);
  }
}
