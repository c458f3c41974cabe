/**
 * Refund amounts of a cancellation or return (Search Cancellations / Search Returns `refund_amount`):
 * the chosen lines' sale price and tax; for a whole paid order also the shipping fee, its tax and
 * every buyer-paid fee (domain/buyer-fees.ts), so a whole cancel refunds `total_amount`.
 */
import { formatMinor, parseMinor } from '../money';
import { feeAmountsOf, feesInTotal } from './buyer-fees';
import type { ApiOrder, RefundAmount } from './types';

export function refundFor(
  order: ApiOrder,
  lineIds: readonly string[],
  includeShipping: boolean,
): RefundAmount {
  const { payment, line_items: lines } = order;
  const currency = payment.currency;
  const minor = (value: string | undefined) => parseMinor(value ?? '0', currency) ?? 0;
  const chosen = lines.filter((l) => lineIds.includes(l.id));
  const subtotal = chosen.reduce((sum, l) => sum + minor(l.sale_price), 0);
  const tax = chosen.reduce((sum, l) => sum + minor(l.item_tax?.[0]?.tax_amount), 0);
  const whole = chosen.length === lines.length;
  const shipping = includeShipping && whole ? minor(payment.shipping_fee) : 0;
  const shippingTax = includeShipping && whole ? minor(payment.shipping_fee_tax) : 0;
  const fees = includeShipping && whole ? feeAmountsOf(payment) : {};
  const insuranceTax = fees.item_insurance_tax ?? 0;
  const refund: RefundAmount = {
    currency,
    refund_total: formatMinor(
      subtotal + tax + shipping + shippingTax + feesInTotal(fees) + insuranceTax,
      currency,
    ),
    refund_subtotal: formatMinor(subtotal, currency),
    refund_shipping_fee: formatMinor(shipping, currency),
    refund_tax: formatMinor(tax + shippingTax + insuranceTax, currency),
  };
  if (fees.retail_delivery_fee !== undefined)
    refund.retail_delivery_fee = formatMinor(fees.retail_delivery_fee, currency);
  if (fees.buyer_service_fee !== undefined)
    refund.buyer_service_fee = formatMinor(fees.buyer_service_fee, currency);
  return refund;
}
