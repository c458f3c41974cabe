/**
 * A shop's TikTok tokens between memory and the store: encrypted on the way in, decrypted on the way
 * out, and registered as secrets so no text keeps them.
 */
import { knownSecrets } from '../core/secret-registry';
import type { TokenCipher } from '../crypto/token-cipher';
import type { BridgeStore } from '../store/types';

/** Tokens of one shop in plaintext, only ever held in memory. */
export interface ShopTokens {
  grantId: string;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  /** When the seller granted this authorization (ms); a refresh keeps it. 0 when not recorded. */
  authorizedAt: number;
}

/**
 * Encrypts tokens on the way into the store and decrypts them on the way out, bound to shop + column.
 * Every token saved or loaded is registered with the secret registry (text is scrubbed of it by value).
 */
export class TokenVault {
  constructor(
    private readonly store: BridgeStore,
    private readonly cipher: TokenCipher,
  ) {}

  async save(shopId: string, tokens: ShopTokens, now: number): Promise<void> {
    knownSecrets.add(tokens.accessToken);
    knownSecrets.add(tokens.refreshToken);
    await this.store.saveTokens({
      shopId,
      grantId: tokens.grantId,
      accessTokenEnc: this.cipher.encrypt(tokens.accessToken, { rowId: shopId, column: 'access_token' }),
      refreshTokenEnc: this.cipher.encrypt(tokens.refreshToken, { rowId: shopId, column: 'refresh_token' }),
      accessExpiresAt: tokens.accessExpiresAt,
      refreshExpiresAt: tokens.refreshExpiresAt,
      updatedAt: now,
      authorizedAt: tokens.authorizedAt,
    });
  }

  async load(shopId: string): Promise<ShopTokens | undefined> {
    const stored = await this.store.getTokens(shopId);
    if (!stored) return undefined;
    const tokens: ShopTokens = {
      grantId: stored.grantId,
      accessToken: this.cipher.decrypt(stored.accessTokenEnc, { rowId: shopId, column: 'access_token' }),
      refreshToken: this.cipher.decrypt(stored.refreshTokenEnc, { rowId: shopId, column: 'refresh_token' }),
      accessExpiresAt: stored.accessExpiresAt,
      refreshExpiresAt: stored.refreshExpiresAt,
      authorizedAt: stored.authorizedAt,
    };
    knownSecrets.add(tokens.accessToken);
    knownSecrets.add(tokens.refreshToken);
    return tokens;
  }
}
