/** SQLite part: outbox acknowledgements (`parts/outbox-acks.ts`). */
import type { OutboxAckResult } from '../../../../shared-types/src/outbox/outbox-contract';
import type { OutboxAckStore, StoredOutboxAck } from '../parts/outbox-acks';
import type { SqliteConnection } from './connection';

export class SqliteOutboxAcks implements OutboxAckStore {
  constructor(private readonly c: SqliteConnection) {}

  async saveOutboxAcks(acks: readonly StoredOutboxAck[], now: number): Promise<void> {
    const upsert = this.c.statement(
      `INSERT INTO outbox_acks (outbox_id, shop_id, result, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (outbox_id) DO UPDATE SET shop_id = excluded.shop_id, result = excluded.result`,
    );
    this.c.db.transaction(() => {
      for (const ack of acks) upsert.run(ack.result.outboxId, ack.shopId, JSON.stringify(ack.result), now);
    })();
  }

  async listOutboxAcks(limit: number): Promise<StoredOutboxAck[]> {
    return (
      this.c
        .statement('SELECT shop_id, result FROM outbox_acks ORDER BY created_at, outbox_id LIMIT ?')
        .all(limit) as { shop_id: string; result: string }[]
    ).map((r) => ({ shopId: r.shop_id, result: JSON.parse(r.result) as OutboxAckResult }));
  }

  async deleteOutboxAcks(outboxIds: readonly string[]): Promise<void> {
    const remove = this.c.statement('DELETE FROM outbox_acks WHERE outbox_id = ?');
    this.c.db.transaction(() => {
      for (const id of outboxIds) remove.run(id);
    })();
  }
}
