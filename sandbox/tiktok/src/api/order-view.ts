/**
 * An order as the order API returns it, from the stored order record.
 */
import type { ApiOrder, OrderRecord } from '../domain/types';

const ADDRESS_HIDDEN: ReadonlySet<string> = new Set(['UNPAID', 'ON_HOLD']);

/**
 * The order as the API returns it: a deep copy, with `recipient_address` absent while the order is
 * UNPAID or ON_HOLD (TikTok's Get Order Detail). Virtual bundle components (`combined_listing_skus`) only in
 * Get Order Detail: TikTok's virtual bundles changelog says "Only the GET Order Detail (and not GET
 * Order List) will return information about virtual bundles", although the Get Order List page also
 * lists the field; the changelog's rule is followed.
 */
export function orderView(record: OrderRecord, endpoint: 'list' | 'detail'): ApiOrder {
  const copy = structuredClone(record.order);
  if (ADDRESS_HIDDEN.has(copy.status)) delete copy.recipient_address;
  if (endpoint === 'list') for (const line of copy.line_items) delete line.combined_listing_skus;
  return copy;
}
