/**
 * Contract of the webhook notifications part (`parts/webhooks.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runWebhookContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0, job } from './fixtures';

export function runWebhookContract(name: string, factory: StoreFactory): void {
  describe(`WebhookStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('webhook notifications', () => {
      it('inserts once per dedupe key and enqueues the jobs in the same step', async () => {
        const entry = { dedupeKey: 'n-1', shopId: '1', eventType: 1, rawBody: '{"a":1}', receivedAt: T0 };
        const first = await store().insertWebhook(entry, [job()]);
        const second = await store().insertWebhook(entry, [job({ dedupeKey: 'other' })]);
        expect(first.inserted).toBe(true);
        expect(second).toEqual({ inserted: false, id: first.id });
        expect(await store().countWebhooks()).toBe(1);
        expect(await store().listJobs({})).toHaveLength(1);
        expect(await store().getWebhook(first.id)).toMatchObject({
          rawBody: '{"a":1}',
          eventType: 1,
          ignoredReason: null,
        });
      });

      it('keeps the reason an event is stored but not acted on', async () => {
        const entry = { dedupeKey: 'n-2', shopId: '1', eventType: 1, rawBody: '{}', receivedAt: T0 };
        const { id } = await store().insertWebhook({ ...entry, ignoredReason: 'stale: 8 days old' }, []);
        expect(await store().getWebhook(id)).toMatchObject({ ignoredReason: 'stale: 8 days old' });
        expect(await store().listJobs({})).toEqual([]);
      });

      it('commits a group of webhooks together, each as insertWebhook would, one failure rolled back alone', async () => {
        const entry = (n: number) => ({
          dedupeKey: `g-${n}`,
          shopId: '1',
          eventType: 1,
          rawBody: `{"n":${n}}`,
          receivedAt: T0,
        });
        const results = await store().insertWebhooks([
          { entry: entry(1), jobs: [job({ dedupeKey: 'order:1' })] },
          { entry: entry(1), jobs: [job({ dedupeKey: 'order:1-again' })] },
          // A payload JSON cannot hold: this webhook's row and job are rolled back, no other.
          { entry: entry(2), jobs: [job({ dedupeKey: 'order:2', payload: { n: 1n } })] },
          { entry: entry(3), jobs: [job({ dedupeKey: 'order:3' })] },
        ]);
        expect(results).toHaveLength(4);
        const [first, again, failed, third] = results;
        expect(first).toMatchObject({ ok: true, inserted: true });
        expect(again).toEqual({ ok: true, inserted: false, id: first?.ok ? first.id : -1 });
        expect(failed?.ok).toBe(false);
        expect(third).toMatchObject({ ok: true, inserted: true });
        expect(await store().countWebhooks()).toBe(2);
        expect((await store().listJobs({})).map((j) => j.dedupeKey).sort()).toEqual(['order:1', 'order:3']);
        expect(await store().insertWebhooks([])).toEqual([]);
      });
    });
  });
}
