/** Store part: results of delivered NetSuite outbox rows, kept until NetSuite acknowledges them. */
import type { OutboxAckResult } from '../../../../shared-types/src/outbox/outbox-contract';

/** The result of a delivered outbox row, kept until NetSuite has it (`outbox.ack`). */
export interface StoredOutboxAck {
  shopId: string;
  result: OutboxAckResult;
}

export interface OutboxAckStore {
  /** Keeps delivered outbox rows' results until acknowledged (a second result for a row replaces it). */
  saveOutboxAcks(acks: readonly StoredOutboxAck[], now: number): Promise<void>;
  /** Results not yet acknowledged, oldest first. */
  listOutboxAcks(limit: number): Promise<StoredOutboxAck[]>;
  /** Forgets results NetSuite has acknowledged. */
  deleteOutboxAcks(outboxIds: readonly string[]): Promise<void>;
}
