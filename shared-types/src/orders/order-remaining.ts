/**
 * What TikTok still charges for an order once it has refunded the units it cancelled. TikTok keeps
 * a cancelled unit in `line_items` and in the `payment` block (order-money-identities.ts) and
 * refunds the unit's `sale_price` and `item_tax` (a cancellation's `refund_subtotal` and
 * `refund_tax`, TikTok's Search Cancellations); shipping is refunded only with the whole order,
 * which then has nothing left to import. The import plans the sales order on these figures (a unit
 * cancelled before the import is not on it), and an update's totals re-check compares with them.
 */
import { subtractMinor, sumMinor, toMinor } from '../money/money';
import { cancelledUnitsTaxMinor, isUnitCancelled } from './order-tax';
import type { TikTokOrder } from '../tiktok/tiktok-order';

/** TikTok's figures for what is left of an order, in minor units. */
export interface TikTokRemaining {
  /** `sub_total` − Σ `sale_price` of the cancelled units. */
  merchandiseMinor: number;
  /** `tax` − Σ `item_tax` of the cancelled units. */
  taxMinor: number;
  /** `total_amount` less both. */
  totalMinor: number;
}

/** What TikTok still charges for the order's products, tax and in total (amounts already validated). */
export function tiktokRemaining(order: Pick<TikTokOrder, 'payment' | 'line_items'>): TikTokRemaining {
  const currency = order.payment.currency;
  const cancelledMerchandise = sumMinor(
    order.line_items.filter(isUnitCancelled).map((line) => toMinor(line.sale_price, currency)),
  );
  const cancelledTax = cancelledUnitsTaxMinor(order);
  return {
    merchandiseMinor: subtractMinor(toMinor(order.payment.sub_total, currency), cancelledMerchandise),
    taxMinor: subtractMinor(toMinor(order.payment.tax, currency), cancelledTax),
    totalMinor: subtractMinor(
      subtractMinor(toMinor(order.payment.total_amount, currency), cancelledMerchandise),
      cancelledTax,
    ),
  };
}
