/**
 * Contract of the coordination part (`parts/coordination.ts`): what every implementation (SQLite,
 * PostgreSQL) must do. Call `runCoordinationContract(name, factory)` from an implementation's test
 * file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0 } from './fixtures';

export function runCoordinationContract(name: string, factory: StoreFactory): void {
  describe(`CoordinationStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('named locks', () => {
      it('lets one holder at a time run, in turn, and frees the lock when the holder throws', async () => {
        const events: string[] = [];
        let releaseFirst!: () => void;
        const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
        let firstEntered!: () => void;
        const entered = new Promise<void>((resolve) => (firstEntered = resolve));
        const first = store().withLock('token-refresh:g1', async () => {
          events.push('first in');
          firstEntered();
          await firstHolds;
          events.push('first out');
          throw new Error('refresh failed');
        });
        await entered;
        const second = store().withLock('token-refresh:g1', async () => {
          events.push('second in');
          return 'second';
        });
        // Another name does not wait for the first holder.
        expect(await store().withLock('token-refresh:g2', async () => 'other')).toBe('other');
        releaseFirst();
        await expect(first).rejects.toThrow('refresh failed');
        expect(await second).toBe('second');
        expect(events).toEqual(['first in', 'first out', 'second in']);
      });
    });

    describe('rate buckets', () => {
      it('starts full, refills at the rate up to the burst, and says how long to wait when empty', async () => {
        const limit = { ratePerSecond: 10, burst: 2 };
        expect(await store().takeRateToken('shop:1:/orders', limit, T0)).toBe(0);
        expect(await store().takeRateToken('shop:1:/orders', limit, T0)).toBe(0);
        expect(await store().takeRateToken('shop:1:/orders', limit, T0)).toBe(100);
        // Another key has its own bucket.
        expect(await store().takeRateToken('shop:2:/orders', limit, T0)).toBe(0);
        expect(await store().takeRateToken('shop:1:/orders', limit, T0 + 50)).toBe(50);
        expect(await store().takeRateToken('shop:1:/orders', limit, T0 + 100)).toBe(0);
        // A long quiet period refills to the burst, not beyond.
        expect(await store().takeRateToken('shop:1:/orders', limit, T0 + 60_000)).toBe(0);
        expect(await store().takeRateToken('shop:1:/orders', limit, T0 + 60_000)).toBe(0);
        expect(await store().takeRateToken('shop:1:/orders', limit, T0 + 60_000)).toBeGreaterThan(0);
      });
    });
  });
}
