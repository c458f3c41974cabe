/**
 * Contract of the tokens part (`parts/tokens.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runTokenContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0, shop } from './fixtures';

export function runTokenContract(name: string, factory: StoreFactory): void {
  describe(`TokenStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('tokens', () => {
      it('saves, replaces and lists tokens by grant', async () => {
        await store().upsertShop(shop(), T0);
        await store().upsertShop(shop({ shopId: '2', cipher: 'ROW_2' }), T0);
        const base = {
          grantId: 'open-1',
          accessTokenEnc: 'v1:a',
          refreshTokenEnc: 'v1:r',
          accessExpiresAt: T0 + 1000,
          refreshExpiresAt: T0 + 2000,
          updatedAt: T0,
          authorizedAt: T0 - 50,
        };
        await store().saveTokens({ shopId: '7494049642642441621', ...base });
        await store().saveTokens({ shopId: '2', ...base });
        await store().saveTokens({ shopId: '2', ...base, accessTokenEnc: 'v1:b', updatedAt: T0 + 5 });
        expect(await store().getTokens('2')).toMatchObject({
          accessTokenEnc: 'v1:b',
          updatedAt: T0 + 5,
          authorizedAt: T0 - 50,
        });
        expect(await store().listShopIdsByGrant('open-1')).toEqual(['2', '7494049642642441621']);
        expect(await store().getTokens('missing')).toBeUndefined();
      });

      it('swaps token ciphertexts only while they are still the ones read (key rotation)', async () => {
        await store().upsertShop(shop(), T0);
        const id = '7494049642642441621';
        const saved = {
          shopId: id,
          grantId: 'open-1',
          accessTokenEnc: 'v2:old:a',
          refreshTokenEnc: 'v2:old:r',
          accessExpiresAt: T0 + 1000,
          refreshExpiresAt: T0 + 2000,
          updatedAt: T0,
          authorizedAt: T0 - 50,
        };
        await store().saveTokens(saved);
        const next = { accessTokenEnc: 'v2:new:a', refreshTokenEnc: 'v2:new:r' };
        expect(await store().replaceTokenCiphertexts(id, { ...saved, refreshTokenEnc: 'v2:x' }, next)).toBe(
          false,
        );
        expect(await store().replaceTokenCiphertexts('missing', saved, next)).toBe(false);
        expect(await store().getTokens(id)).toEqual(saved);
        expect(await store().replaceTokenCiphertexts(id, saved, next)).toBe(true);
        expect(await store().getTokens(id)).toEqual({ ...saved, ...next });
        expect(await store().replaceTokenCiphertexts(id, saved, next)).toBe(false);
      });
    });
  });
}
