/**
 * Refund amounts of a cancellation or return (Search Cancellations / Search Returns `refund_amount`):
 * the chosen lines' sale price and tax; for a whole paid order also the shipping fee, its tax and
 * every buyer-paid fee (domain/buyer-fees.ts), so a whole cancel refunds `total_amount`.
 */
import { formatMinor, parseMinor } from '../money';
import { feeAmountsOf, feesInTotal, splitByWeight, type FeeAmounts } from './buyer-fees';
import type { ApiOrder, RefundAmount, ReturnDiscountAmount } from './types';

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

/** What a return refunds: the total (Search Returns `refund_amount`), per line, and the discounts given back. */
export interface ReturnAmounts {
  refund: RefundAmount;
  lineRefunds: Record<string, RefundAmount>;
  discount: ReturnDiscountAmount;
}

function amount(
  currency: string,
  subtotal: number,
  shipping: number,
  tax: number,
  fees: FeeAmounts = {},
): RefundAmount {
  const insuranceTax = fees.item_insurance_tax ?? 0;
  const refund: RefundAmount = {
    currency,
    refund_total: formatMinor(subtotal + shipping + tax + feesInTotal(fees) + insuranceTax, currency),
    refund_subtotal: formatMinor(subtotal, currency),
    refund_shipping_fee: formatMinor(shipping, currency),
    refund_tax: formatMinor(tax + insuranceTax, currency),
  };
  if (fees.retail_delivery_fee !== undefined)
    refund.retail_delivery_fee = formatMinor(fees.retail_delivery_fee, currency);
  if (fees.buyer_service_fee !== undefined)
    refund.buyer_service_fee = formatMinor(fees.buyer_service_fee, currency);
  return refund;
}

/**
 * The amounts of a return of `lineIds` (each line's sale price and item tax, the line's seller and
 * platform discounts given back), plus, when `shipping` is set, the order's shipping fee, its tax, its
 * seller and platform discounts and the buyer-paid fees — the last refund of an order, or a
 * shipping-only refund (no lines). `refund_total = refund_subtotal + refund_shipping_fee + refund_tax`
 * (TikTok's "Return amount detail" changelog) plus the buyer-paid fees as `refundFor` counts them.
 */
export function returnAmounts(order: ApiOrder, lineIds: readonly string[], shipping: boolean): ReturnAmounts {
  const { payment } = order;
  const currency = payment.currency;
  const minor = (value: string | undefined) => parseMinor(value ?? '0', currency) ?? 0;
  const lines = order.line_items.filter((l) => lineIds.includes(l.id));
  const lineRefunds: Record<string, RefundAmount> = {};
  let subtotal = 0;
  let tax = 0;
  let sellerDiscount = 0;
  let platformDiscount = 0;
  for (const line of lines) {
    const lineSubtotal = minor(line.sale_price);
    const lineTax = minor(line.item_tax?.[0]?.tax_amount);
    lineRefunds[line.id] = amount(currency, lineSubtotal, 0, lineTax);
    subtotal += lineSubtotal;
    tax += lineTax;
    sellerDiscount += minor(line.seller_discount);
    platformDiscount += minor(line.platform_discount);
  }
  const shippingFee = shipping ? minor(payment.shipping_fee) : 0;
  const shippingTax = shipping ? minor(payment.shipping_fee_tax) : 0;
  const fees = shipping ? feeAmountsOf(payment) : {};
  return {
    refund: amount(currency, subtotal, shippingFee, tax + shippingTax, fees),
    lineRefunds,
    discount: {
      currency,
      product_seller_discount: formatMinor(sellerDiscount, currency),
      product_platform_discount: formatMinor(platformDiscount, currency),
      shipping_fee_seller_discount: formatMinor(
        shipping ? minor(payment.shipping_fee_seller_discount) : 0,
        currency,
      ),
      shipping_fee_platform_discount: formatMinor(
        shipping ? minor(payment.shipping_fee_platform_discount) : 0,
        currency,
      ),
    },
  };
}

/**
 * A partial refund the buyer accepted (Approve Return `OFFER_PARTIAL_REFUND`): `amountMinor` split over
 * the return's lines in proportion to what each would have refunded, and within a line between
 * subtotal and tax in the same proportion (largest remainder; inferred — TikTok documents
 * only the total). No discount is given back and nothing of the shipping fee.
 */
export function partialRefundAmounts(full: ReturnAmounts, amountMinor: number): ReturnAmounts {
  const currency = full.refund.currency;
  const minor = (value: string) => parseMinor(value, currency) ?? 0;
  const ids = Object.keys(full.lineRefunds);
  const weights = ids.map((id) => minor(full.lineRefunds[id]?.refund_total ?? '0'));
  const shares = splitByWeight(amountMinor, weights);
  const lineRefunds: Record<string, RefundAmount> = {};
  let subtotal = 0;
  let tax = 0;
  ids.forEach((id, index) => {
    const line = full.lineRefunds[id];
    const share = shares[index] ?? 0;
    const lineTotal = minor(line?.refund_total ?? '0');
    const lineTax = lineTotal === 0 ? 0 : Math.round((share * minor(line?.refund_tax ?? '0')) / lineTotal);
    lineRefunds[id] = amount(currency, share - lineTax, 0, lineTax);
    subtotal += share - lineTax;
    tax += lineTax;
  });
  if (ids.length === 0) subtotal = amountMinor;
  const zero = formatMinor(0, currency);
  return {
    refund: amount(currency, subtotal, 0, tax),
    lineRefunds,
    discount: {
      currency,
      product_seller_discount: zero,
      product_platform_discount: zero,
      shipping_fee_seller_discount: zero,
      shipping_fee_platform_discount: zero,
    },
  };
}
