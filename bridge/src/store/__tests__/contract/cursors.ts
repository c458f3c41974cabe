/**
 * Contract of the reconcile cursors part (`parts/cursors.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runCursorContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0 } from './fixtures';

export function runCursorContract(name: string, factory: StoreFactory): void {
  describe(`CursorStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('reconcile cursors', () => {
      it('stores a reconcile cursor per shop and name', async () => {
        expect(await store().getCursor('1', 'orders')).toBeUndefined();
        await store().setCursor('1', 'orders', 100, T0);
        await store().setCursor('1', 'orders', 200, T0 + 1);
        expect(await store().getCursor('1', 'orders')).toEqual({
          shopId: '1',
          name: 'orders',
          value: 200,
          updatedAt: T0 + 1,
        });
        expect(await store().listCursors()).toHaveLength(1);
      });
    });
  });
}
