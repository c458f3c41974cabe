/**
 * Contract of the confirmed inventory part (`parts/inventory.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runInventoryContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0 } from './fixtures';

export function runInventoryContract(name: string, factory: StoreFactory): void {
  describe(`InventoryStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('inventory confirmed by TikTok', () => {
      it('keeps the last confirmed quantity per shop, SKU and warehouse, and forgets a failed pair', async () => {
        const row = {
          shopId: 's',
          sellerSku: 'A',
          warehouseId: '7',
          quantity: 3,
          productId: 'p',
          skuId: 'k',
        };
        await store().confirmInventory([row, { ...row, warehouseId: '8', quantity: 0 }], T0);
        await store().confirmInventory([{ ...row, quantity: 5 }], T0 + 1);
        await store().confirmInventory([{ ...row, shopId: 'other', quantity: 9 }], T0);
        const got = await store().getConfirmedInventory('s', ['A', 'B']);
        expect(got.map((r) => `${r.warehouseId}=${r.quantity}`).sort()).toEqual(['7=5', '8=0']);
        expect(got.find((r) => r.warehouseId === '7')?.confirmedAt).toBe(T0 + 1);
        await store().forgetInventory('s', [{ sellerSku: 'A', warehouseId: '7' }]);
        expect((await store().getConfirmedInventory('s', ['A'])).map((r) => r.warehouseId)).toEqual(['8']);
      });
    });
  });
}
