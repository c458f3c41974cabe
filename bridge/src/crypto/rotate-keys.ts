/**
 * `npm run bridge -- rotate-keys`: re-encrypts every stored shop token with the current
 * BRIDGE_ENCRYPTION_KEY, reading with the keys of BRIDGE_ENCRYPTION_KEY_PREVIOUS
 * (`crypto/token-cipher.ts`).
 *
 * Safe to re-run and to interrupt: a shop whose tokens are already under the current key is left
 * alone, and each shop's two tokens are swapped in one compare-and-swap update
 * (`BridgeStore.replaceTokenCiphertexts`), so a stop half-way leaves every shop either all old or all
 * new — both readable while the previous key stays configured. A token refresh that a running
 * bridge saves meanwhile is never overwritten: the swap finds changed ciphertexts, reads them again
 * and retries. A token no configured key opens is reported (with the fix) and the others go on.
 */
import { knownSecrets } from '../core/secret-registry';
import { describeError } from '../core/errors';
import type { BridgeStore } from '../store/types';
import type { TokenCipher } from './token-cipher';

export interface RotateKeysResult {
  /** The key id every token is now written with. */
  keyId: string;
  rotated: string[];
  alreadyCurrent: string[];
  failures: { shopId: string; error: string }[];
}

/** Attempts per shop when its tokens keep changing under the swap (a refresh each time). */
const MAX_SWAP_ATTEMPTS = 5;

async function rotateShop(
  store: BridgeStore,
  cipher: TokenCipher,
  shopId: string,
): Promise<'rotated' | 'current' | 'none'> {
  for (let attempt = 1; attempt <= MAX_SWAP_ATTEMPTS; attempt += 1) {
    const stored = await store.getTokens(shopId);
    if (!stored) return 'none';
    if (cipher.isCurrent(stored.accessTokenEnc) && cipher.isCurrent(stored.refreshTokenEnc)) return 'current';
    const access = cipher.decrypt(stored.accessTokenEnc, { rowId: shopId, column: 'access_token' });
    const refresh = cipher.decrypt(stored.refreshTokenEnc, { rowId: shopId, column: 'refresh_token' });
    knownSecrets.add(access);
    knownSecrets.add(refresh);
    const swapped = await store.replaceTokenCiphertexts(shopId, stored, {
      accessTokenEnc: cipher.encrypt(access, { rowId: shopId, column: 'access_token' }),
      refreshTokenEnc: cipher.encrypt(refresh, { rowId: shopId, column: 'refresh_token' }),
    });
    if (swapped) return 'rotated';
  }
  throw new Error(
    `its tokens changed ${MAX_SWAP_ATTEMPTS} times while being re-encrypted (a token refresh each time); run rotate-keys again`,
  );
}

export async function rotateTokenKeys(store: BridgeStore, cipher: TokenCipher): Promise<RotateKeysResult> {
  const result: RotateKeysResult = {
    keyId: cipher.currentKeyId,
    rotated: [],
    alreadyCurrent: [],
    failures: [],
  };
  for (const shop of await store.listShops()) {
    try {
      const outcome = await rotateShop(store, cipher, shop.shopId);
      if (outcome === 'rotated') result.rotated.push(shop.shopId);
      else if (outcome === 'current') result.alreadyCurrent.push(shop.shopId);
    } catch (error) {
      result.failures.push({ shopId: shop.shopId, error: describeError(error) });
    }
  }
  return result;
}
