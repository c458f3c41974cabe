/**
 * Fees the buyer pays on top of products, shipping and tax (TikTok's Get Order Detail, Get
 * Order Detail `payment`): the retail delivery fee (US), the handling fee (charged for the payment
 * method chosen), item insurance (US, ID), the small order fee (TH), the buyer service fee (ID) and
 * shipping insurance (ID). They are part of what the buyer paid (`total_amount`), so each one TikTok
 * charged becomes a line of the shop's Buyer Fee Item (`custrecord_tts_shop_fee_item`, an
 * other-charge item, not taxable) with the fee's name as its description: the sales order's total is
 * then the buyer's payment to the cent, and the tie-out (order-tieout.ts) counts the fee lines apart
 * from the merchandise.
 *
 * Where sources disagree: TikTok's field description gives `total_amount = sub_total + shipping_fee +
 * taxes + retail_delivery_fee`, naming only the US fee; the other fees are described as paid by the
 * buyer and are charged in markets without a retail delivery fee. The connector reads `total_amount`
 * as including every buyer-paid fee (order-money-identities.ts). Fees are not refunded with a
 * cancelled unit: a partial cancellation leaves the fee lines as they are (order-remaining.ts).
 */
import { formatMinor, parseMoney, sumMinor } from '../money/money';
import type { ShopOrderOptions } from '../settings/shop-settings';
import { SHOP_RECORD_LOCATION } from '../settings/shop-settings';
import type { TikTokPayment } from '../tiktok/tiktok-order';

export const BUYER_FEE_FIELDS = [
  'retail_delivery_fee',
  'handling_fee',
  'item_insurance_fee',
  'small_order_fee',
  'buyer_service_fee',
  'shipping_insurance_fee',
] as const;

export type BuyerFeeField = (typeof BUYER_FEE_FIELDS)[number];

/** What each fee is, as the fee line's description says it. */
export const BUYER_FEE_DESCRIPTIONS: Readonly<Record<BuyerFeeField, string>> = {
  retail_delivery_fee: 'Retail delivery fee paid by the buyer (TikTok Shop retail_delivery_fee)',
  handling_fee: 'Handling fee paid by the buyer (TikTok Shop handling_fee)',
  item_insurance_fee: 'Item insurance paid by the buyer (TikTok Shop item_insurance_fee)',
  small_order_fee: 'Small order fee paid by the buyer (TikTok Shop small_order_fee)',
  buyer_service_fee: 'Service fee paid by the buyer (TikTok Shop buyer_service_fee)',
  shipping_insurance_fee: 'Shipping insurance paid by the buyer (TikTok Shop shipping_insurance_fee)',
};

/** One fee line: the shop's Buyer Fee Item at the fee TikTok charged. */
export interface FeeLinePlan {
  field: BuyerFeeField;
  itemId: string;
  amountMinor: number;
  description: string;
}

export interface FeeLineProblem {
  code: 'no_fee_item';
  message: string;
}

export interface BuyerFee {
  field: BuyerFeeField;
  amountMinor: number;
}

/** The fees of a payment that are not zero, in the order of `BUYER_FEE_FIELDS` (amounts already validated). */
export function buyerFees(payment: Partial<Record<BuyerFeeField, string>>, currency: string): BuyerFee[] {
  const fees: BuyerFee[] = [];
  for (const field of BUYER_FEE_FIELDS) {
    const value = payment[field];
    if (value === undefined || value === '') continue;
    const parsed = parseMoney(value, currency);
    if (parsed.ok && parsed.minor !== 0) fees.push({ field, amountMinor: parsed.minor });
  }
  return fees;
}

/** Σ the buyer-paid fees of a payment, in minor units. */
export function buyerFeesMinor(
  payment: Pick<TikTokPayment, 'currency'> & Partial<Record<BuyerFeeField, string>>,
): number {
  return sumMinor(buyerFees(payment, payment.currency).map((fee) => fee.amountMinor));
}

/** The fee lines of an order, none without fees; a problem when fees are due and the shop has no Buyer Fee Item. */
export function planFeeLines(
  order: { id: string; payment: TikTokPayment },
  shopName: string,
  options: Pick<ShopOrderOptions, 'buyerFeeItemId'>,
): FeeLinePlan[] | FeeLineProblem {
  const currency = order.payment.currency;
  const fees = buyerFees(order.payment, currency);
  if (fees.length === 0) return [];
  const itemId = options.buyerFeeItemId;
  if (itemId === null) {
    const listed = fees.map((fee) => `${fee.field} ${formatMinor(fee.amountMinor, currency)}`).join(', ');
    return {
      code: 'no_fee_item',
      message: `TikTok order ${order.id} carries fees the buyer paid (${listed} ${currency}), but shop ${shopName} has no Buyer Fee Item to book them on, so the sales order would not add up to what the buyer paid. Fix: ${SHOP_RECORD_LOCATION}, set Buyer Fee Item to an other-charge item for fees TikTok charges buyers (not taxable), save, then retry the order.`,
    };
  }
  return fees.map((fee) => ({
    field: fee.field,
    itemId,
    amountMinor: fee.amountMinor,
    description: BUYER_FEE_DESCRIPTIONS[fee.field],
  }));
}
