/**
 * A TikTok return (Search Returns `data.return_orders[]`) or cancellation (Search Cancellations
 * `data.cancellations[]`) as the refund the connector books (tiktok-refund.ts). TikTok's pages:
 * https://partner.tiktokshop.com/docv2/page/search-returns-202309 and
 * https://partner.tiktokshop.com/docv2/page/search-cancellations-202309. Only the fields the refund
 * documents use are kept; amounts stay TikTok's decimal strings.
 */
import type {
  TikTokDiscountAmountWire,
  TikTokRefund,
  TikTokRefundAmountWire,
  TikTokRefundLine,
} from './tiktok-refund';

/** A Search Returns return as far as a refund reads it. */
export interface ReturnForRefund {
  return_id: string;
  order_id: string;
  return_type?: string;
  return_status?: string;
  update_time?: number;
  refund_amount?: TikTokRefundAmountWire;
  discount_amount?: TikTokDiscountAmountWire | TikTokDiscountAmountWire[];
  return_line_items?: { order_line_item_id: string; refund_amount?: TikTokRefundAmountWire }[];
}

/** A Search Cancellations cancellation as far as a refund reads it. */
export interface CancellationForRefund {
  cancel_id: string;
  order_id: string;
  cancel_status?: string;
  update_time?: number;
  refund_amount?: TikTokRefundAmountWire;
  cancel_line_items?: { order_line_item_id: string; refund_amount?: TikTokRefundAmountWire }[];
}

const AMOUNT_KEYS = [
  'refund_total',
  'refund_subtotal',
  'refund_shipping_fee',
  'refund_tax',
  'retail_delivery_fee',
  'buyer_service_fee',
] as const;

function amountOf(value: TikTokRefundAmountWire | undefined): TikTokRefundAmountWire | null {
  if (value === undefined || typeof value.currency !== 'string' || typeof value.refund_total !== 'string')
    return null;
  const out: TikTokRefundAmountWire = { currency: value.currency, refund_total: value.refund_total };
  for (const key of AMOUNT_KEYS) if (typeof value[key] === 'string') out[key] = value[key];
  return out;
}

function linesOf(
  items: { order_line_item_id: string; refund_amount?: TikTokRefundAmountWire }[] | undefined,
): TikTokRefundLine[] {
  return (items ?? []).map((item) => {
    const amount = amountOf(item.refund_amount);
    return amount === null
      ? { order_line_item_id: item.order_line_item_id }
      : { order_line_item_id: item.order_line_item_id, refund_amount: amount };
  });
}

/** The refund of a return, or null when TikTok gives no refund amount (a replacement without refund). */
export function refundFromReturn(ret: ReturnForRefund): TikTokRefund | null {
  const amount = amountOf(ret.refund_amount);
  if (amount === null) return null;
  const refund: TikTokRefund = {
    refund_id: ret.return_id,
    source: 'return',
    order_id: ret.order_id,
    status: ret.return_status ?? '',
    update_time: ret.update_time ?? 0,
    refund_amount: amount,
    lines: linesOf(ret.return_line_items),
  };
  if (ret.return_type !== undefined) refund.return_type = ret.return_type;
  const discount = Array.isArray(ret.discount_amount) ? ret.discount_amount[0] : ret.discount_amount;
  if (discount !== undefined) refund.discount_amount = discount;
  return refund;
}

/** The refund of a cancellation, or null when TikTok gives no refund amount (an unpaid order). */
export function refundFromCancellation(cancel: CancellationForRefund): TikTokRefund | null {
  const amount = amountOf(cancel.refund_amount);
  if (amount === null) return null;
  return {
    refund_id: cancel.cancel_id,
    source: 'cancellation',
    order_id: cancel.order_id,
    status: cancel.cancel_status ?? '',
    update_time: cancel.update_time ?? 0,
    refund_amount: amount,
    lines: linesOf(cancel.cancel_line_items),
  };
}
