/**
 * Contract of the late-dispatch watch part (`parts/dispatch-watch.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runDispatchWatchContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0 } from './fixtures';

export function runDispatchWatchContract(name: string, factory: StoreFactory): void {
  describe(`DispatchWatchStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('late-dispatch watch', () => {
      it('keeps the orders still to ship by ship-by, never letting an older payload win', async () => {
        await store().observeDispatch(
          [
            { shopId: 's', orderId: '2', shipBy: 2_000, orderUpdateTime: 10 },
            { shopId: 's', orderId: '1', shipBy: 1_000, orderUpdateTime: 10 },
            { shopId: 's', orderId: '3', shipBy: 3_000, orderUpdateTime: 10 },
          ],
          T0,
        );
        // Order 1 shipped (newer payload); an older payload of order 2 arrives late.
        await store().observeDispatch(
          [
            { shopId: 's', orderId: '1', shipBy: null, orderUpdateTime: 11 },
            { shopId: 's', orderId: '2', shipBy: 9_000, orderUpdateTime: 9 },
            { shopId: 's', orderId: '3', shipBy: null, orderUpdateTime: 9 },
          ],
          T0,
        );
        expect(await store().listDispatchWatch(10)).toEqual([
          { shopId: 's', orderId: '2', shipBy: 2_000 },
          { shopId: 's', orderId: '3', shipBy: 3_000 },
        ]);
        expect(await store().countDispatchWatch(2_500)).toEqual({ toShip: 2, late: 1 });
      });
    });
  });
}
