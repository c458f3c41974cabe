import { INBOX_FIELDS } from './netsuite-ids';
import type { OrderUpsertOutcome } from './restlet-contract';
import type { TikTokOrder } from './tiktok-order';

/**
 * What `orders.upsert` does to the order inbox record of one order (docs/contracts.md): a new
 * order is created `pending`; a newer `update_time` replaces payload, status and update time and
 * sets the state back to `pending` unless the order is already `imported`; the same `update_time`
 * changes nothing; an older one is ignored.
 */

export type InboxState = 'pending' | 'imported' | 'error' | 'skipped' | 'cancelled';

export const INBOX_STATES: readonly InboxState[] = ['pending', 'imported', 'error', 'skipped', 'cancelled'];

/** The stored inbox record, as far as the decision needs it. */
export interface InboxSnapshot {
  id: string;
  updateTime: number | null;
  state: string | null;
}

export type InboxFieldValues = Record<string, string | number>;

export type InboxDecision =
  | { outcome: 'created'; values: InboxFieldValues }
  | { outcome: 'updated'; values: InboxFieldValues }
  | { outcome: Extract<OrderUpsertOutcome, 'unchanged' | 'stale'> };

export function decideInboxUpsert(
  existing: InboxSnapshot | null,
  order: TikTokOrder,
  shopRecordId: string,
): InboxDecision {
  const payloadValues: InboxFieldValues = {
    [INBOX_FIELDS.status]: order.status,
    [INBOX_FIELDS.updateTime]: order.update_time,
    [INBOX_FIELDS.payload]: JSON.stringify(order),
  };
  if (existing === null) {
    return {
      outcome: 'created',
      values: {
        [INBOX_FIELDS.shop]: shopRecordId,
        [INBOX_FIELDS.orderId]: order.id,
        ...payloadValues,
        [INBOX_FIELDS.state]: 'pending',
        [INBOX_FIELDS.attempts]: 0,
      },
    };
  }
  const stored = existing.updateTime ?? -1;
  if (order.update_time === stored) {
    return { outcome: 'unchanged' };
  }
  if (order.update_time < stored) {
    return { outcome: 'stale' };
  }
  if (existing.state === 'imported') {
    return { outcome: 'updated', values: payloadValues };
  }
  return {
    outcome: 'updated',
    values: { ...payloadValues, [INBOX_FIELDS.state]: 'pending', [INBOX_FIELDS.error]: '' },
  };
}
