/** Store part: each shop's encrypted TikTok tokens and the seller grant they come from. */

/** Encrypted token columns of one shop plus their (plaintext) expiry times. */
export interface StoredTokens {
  shopId: string;
  /** The authorizing seller (`open_id`): shops sharing it share one token grant. */
  grantId: string;
  accessTokenEnc: string;
  refreshTokenEnc: string;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  updatedAt: number;
  /**
   * When the seller granted the current authorization (the code exchange), kept across refreshes;
   * 0 for tokens stored before the bridge recorded it. A deauthorization stamped before this time
   * belongs to an earlier authorization.
   */
  authorizedAt: number;
}

export interface TokenStore {
  /** Inserts or replaces a shop's tokens (the shop must exist). */
  saveTokens(tokens: StoredTokens): Promise<void>;
  getTokens(shopId: string): Promise<StoredTokens | undefined>;
  /**
   * Key rotation: swaps a shop's two token ciphertexts for re-encrypted ones only if they are still
   * `from` (a refresh saved since is never overwritten); false when they changed or the row is gone.
   */
  replaceTokenCiphertexts(
    shopId: string,
    from: Pick<StoredTokens, 'accessTokenEnc' | 'refreshTokenEnc'>,
    to: Pick<StoredTokens, 'accessTokenEnc' | 'refreshTokenEnc'>,
  ): Promise<boolean>;
  /** Shop ids whose tokens come from the same seller grant (including the given grant's own shops). */
  listShopIdsByGrant(grantId: string): Promise<string[]>;
}
