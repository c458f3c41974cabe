/** PostgreSQL part: outbox acknowledgements (`bridge/src/store/parts/outbox-acks.ts`). */
import type { OutboxAckResult } from '../../../../shared-types/src/outbox/outbox-contract';
import type { OutboxAckStore, StoredOutboxAck } from '../parts/outbox-acks';
import type { PgConnection } from './connection';

export class PgOutboxAcks implements OutboxAckStore {
  constructor(private readonly c: PgConnection) {}

  async saveOutboxAcks(acks: readonly StoredOutboxAck[], now: number): Promise<void> {
    if (acks.length === 0) return;
    await this.c.tx(async (t) => {
      for (const ack of acks) {
        await t.query(
          `INSERT INTO outbox_acks (outbox_id, shop_id, result, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (outbox_id) DO UPDATE SET shop_id = excluded.shop_id, result = excluded.result`,
          [ack.result.outboxId, ack.shopId, JSON.stringify(ack.result), now],
        );
      }
    });
  }

  async listOutboxAcks(limit: number): Promise<StoredOutboxAck[]> {
    return (
      await this.c.query<{ shop_id: string; result: string }>(
        'SELECT shop_id, result FROM outbox_acks ORDER BY created_at, outbox_id LIMIT $1',
        [limit],
      )
    ).map((r) => ({ shopId: r.shop_id, result: JSON.parse(r.result) as OutboxAckResult }));
  }

  async deleteOutboxAcks(outboxIds: readonly string[]): Promise<void> {
    if (outboxIds.length === 0) return;
    await this.c.query('DELETE FROM outbox_acks WHERE outbox_id = ANY($1::text[])', [[...outboxIds]]);
  }
}
