import type { ApiOrder, OrderRecord } from '../domain/types';

const ADDRESS_HIDDEN: ReadonlySet<string> = new Set(['UNPAID', 'ON_HOLD']);

/**
 * The order as the API returns it: a deep copy, with `recipient_address` absent while the order is
 * UNPAID or ON_HOLD (reference §6.1).
 */
export function orderView(record: OrderRecord): ApiOrder {
  const copy = structuredClone(record.order);
  if (ADDRESS_HIDDEN.has(copy.status)) delete copy.recipient_address;
  return copy;
}
