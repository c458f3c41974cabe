/**
 * What the refunds flow reads of a return (`data.return_orders[]` of Search Returns, as
 * `TikTokClient.searchReturns` gives it: one search for the returns and refunds flows) and of a
 * cancellation (`data.cancellations[]` of Search Cancellations): TikTok's refund amounts and the refunded units
 * (https://partner.tiktokshop.com/docv2/page/search-returns-202309,
 * https://partner.tiktokshop.com/docv2/page/search-cancellations-202309). Loose: other fields pass.
 */
import { z } from 'zod';

const amount = z.looseObject({
  currency: z.string().min(1),
  refund_total: z.string().min(1),
  refund_subtotal: z.string().optional(),
  refund_shipping_fee: z.string().optional(),
  refund_tax: z.string().optional(),
  retail_delivery_fee: z.string().optional(),
  buyer_service_fee: z.string().optional(),
});

const discount = z.looseObject({
  product_seller_discount: z.string().optional(),
  product_platform_discount: z.string().optional(),
  shipping_fee_seller_discount: z.string().optional(),
  shipping_fee_platform_discount: z.string().optional(),
});

const refundLine = z.looseObject({ order_line_item_id: z.string().min(1), refund_amount: amount.optional() });

export const returnForRefundSchema = z.looseObject({
  return_id: z.string().min(1),
  order_id: z.string().min(1),
  return_type: z.string().optional(),
  return_status: z.string().optional(),
  update_time: z.number().int().nonnegative().optional(),
  refund_amount: amount.optional(),
  discount_amount: z.union([discount, z.array(discount)]).optional(),
  return_line_items: z.array(refundLine).optional(),
});

export const cancellationForRefundSchema = z.looseObject({
  cancel_id: z.string().min(1),
  order_id: z.string().min(1),
  cancel_status: z.string().optional(),
  update_time: z.number().int().nonnegative().optional(),
  refund_amount: amount.optional(),
  cancel_line_items: z.array(refundLine).optional(),
});
