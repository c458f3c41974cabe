/**
 * Contract of the shops part (`parts/shops.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runShopContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0, shop } from './fixtures';

export function runShopContract(name: string, factory: StoreFactory): void {
  describe(`ShopStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('shops', () => {
      it('upserts a shop and keeps created_at on re-authorization', async () => {
        const first = await store().upsertShop(shop(), T0);
        expect(first).toMatchObject({ shopId: '7494049642642441621', state: 'connected', createdAt: T0 });
        await store().setShopState(first.shopId, 'needs_reauth', 'refresh token expired', T0 + 10);
        expect(await store().getShop(first.shopId)).toMatchObject({
          state: 'needs_reauth',
          stateReason: 'refresh token expired',
        });
        const again = await store().upsertShop(shop({ name: 'Renamed', cipher: 'ROW_new' }), T0 + 20);
        expect(again).toMatchObject({
          name: 'Renamed',
          cipher: 'ROW_new',
          state: 'connected',
          stateReason: null,
          createdAt: T0,
          updatedAt: T0 + 20,
        });
        expect(await store().listShops()).toHaveLength(1);
      });

      it('returns undefined for an unknown shop', async () => {
        expect(await store().getShop('nope')).toBeUndefined();
      });
    });
  });
}
