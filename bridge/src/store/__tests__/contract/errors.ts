/**
 * Contract of the recent errors part (`parts/errors.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runErrorLogContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0, shop, job } from './fixtures';

export function runErrorLogContract(name: string, factory: StoreFactory): void {
  describe(`ErrorLogStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('recent errors', () => {
      it('scrubs secrets from every message it keeps', async () => {
        const leak =
          'TikTok said: bad request GET /token/get?app_secret=S3CR3T&auth_code=AC0DE {"access_token":"T0KEN"}';
        await store().recordError({ at: T0, source: 'worker', shopId: null, message: leak });
        await store().upsertShop(shop(), T0);
        await store().setShopState(shop().shopId, 'needs_reauth', leak, T0);
        const retried = await store().enqueueJob(job(), T0);
        const dead = await store().enqueueJob(job({ dedupeKey: 'other' }), T0);
        await store().claimJobs({ owner: 'w', now: T0, leaseMs: 1000, limit: 2 });
        await store().failJob(retried.id, 'w', { kind: 'retry', error: leak, runAfter: T0 + 10 }, T0);
        await store().failJob(dead.id, 'w', { kind: 'dead', error: leak, reason: leak }, T0);
        const kept = JSON.stringify([
          await store().listRecentErrors(10),
          await store().getShop(shop().shopId),
          await store().listJobs({}),
        ]);
        expect(kept).not.toMatch(/S3CR3T|AC0DE|T0KEN/);
        expect(kept).toContain('app_secret=[redacted]');
        expect(kept).toContain('TikTok said: bad request');
      });

      it('keeps recent errors newest first', async () => {
        await store().recordError({ at: T0, source: 'worker', shopId: null, message: 'first' });
        await store().recordError({ at: T0 + 1, source: 'worker', shopId: '1', message: 'second' });
        const errors = await store().listRecentErrors(10);
        expect(errors.map((e) => e.message)).toEqual(['second', 'first']);
      });
    });
  });
}
