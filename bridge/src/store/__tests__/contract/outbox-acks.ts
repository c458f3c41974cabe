/**
 * Contract of the outbox acknowledgements part (`parts/outbox-acks.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runOutboxAckContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0 } from './fixtures';

export function runOutboxAckContract(name: string, factory: StoreFactory): void {
  describe(`OutboxAckStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('outbox acknowledgements kept until NetSuite has them', () => {
      it('keeps results oldest first, a newer result of a row replacing the older, until deleted', async () => {
        await store().saveOutboxAcks(
          [
            { shopId: 's', result: { outboxId: '11', ok: true, message: 'sent', packageId: '1152' } },
            { shopId: 's', result: { outboxId: '12', ok: false, retryable: true, message: '429' } },
          ],
          T0,
        );
        await store().saveOutboxAcks([{ shopId: 't', result: { outboxId: '10', ok: true } }], T0 + 1);
        await store().saveOutboxAcks(
          [{ shopId: 's', result: { outboxId: '12', ok: true, message: 'sent later' } }],
          T0 + 2,
        );
        expect(await store().listOutboxAcks(10)).toEqual([
          { shopId: 's', result: { outboxId: '11', ok: true, message: 'sent', packageId: '1152' } },
          { shopId: 's', result: { outboxId: '12', ok: true, message: 'sent later' } },
          { shopId: 't', result: { outboxId: '10', ok: true } },
        ]);
        expect(await store().listOutboxAcks(1)).toHaveLength(1);
        await store().deleteOutboxAcks(['11', '12', 'unknown']);
        expect(await store().listOutboxAcks(10)).toEqual([
          { shopId: 't', result: { outboxId: '10', ok: true } },
        ]);
      });
    });
  });
}
