/** SQLite part: shop tokens (`parts/tokens.ts`), ciphertext written as given. */
import type { StoredTokens, TokenStore } from '../parts/tokens';
import type { SqliteConnection } from './connection';

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

export class SqliteTokens implements TokenStore {
  constructor(private readonly c: SqliteConnection) {}

  async saveTokens(tokens: StoredTokens): Promise<void> {
    this.c
      .statement(
        `INSERT INTO shop_tokens (shop_id, grant_id, access_token_enc, refresh_token_enc, access_expires_at, refresh_expires_at, updated_at, authorized_at)
         VALUES (@shopId, @grantId, @accessTokenEnc, @refreshTokenEnc, @accessExpiresAt, @refreshExpiresAt, @updatedAt, @authorizedAt)
         ON CONFLICT (shop_id) DO UPDATE SET grant_id = excluded.grant_id, access_token_enc = excluded.access_token_enc,
           refresh_token_enc = excluded.refresh_token_enc, access_expires_at = excluded.access_expires_at,
           refresh_expires_at = excluded.refresh_expires_at, updated_at = excluded.updated_at,
           authorized_at = excluded.authorized_at`,
      )
      .run(tokens);
  }

  async getTokens(shopId: string): Promise<StoredTokens | undefined> {
    const row = this.c.statement('SELECT * FROM shop_tokens WHERE shop_id = ?').get(shopId) as
      TokenRow | undefined;
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
    const result = this.c
      .statement(
        `UPDATE shop_tokens SET access_token_enc = @toAccess, refresh_token_enc = @toRefresh
         WHERE shop_id = @shopId AND access_token_enc = @fromAccess AND refresh_token_enc = @fromRefresh`,
      )
      .run({
        shopId,
        fromAccess: from.accessTokenEnc,
        fromRefresh: from.refreshTokenEnc,
        toAccess: to.accessTokenEnc,
        toRefresh: to.refreshTokenEnc,
      });
    return result.changes === 1;
  }

  async listShopIdsByGrant(grantId: string): Promise<string[]> {
    return (
      this.c
        .statement('SELECT shop_id FROM shop_tokens WHERE grant_id = ? ORDER BY shop_id')
        .all(grantId) as {
        shop_id: string;
      }[]
    ).map((r) => r.shop_id);
  }
}
