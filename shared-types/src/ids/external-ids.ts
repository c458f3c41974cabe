/**
 * External ids and id shapes (docs/contracts.md). NetSuite's externalid uniqueness is the final
 * guard against importing a TikTok order twice, so these builders are the single source of the
 * patterns.
 */
import { isTikTokId, TIKTOK_ID_DIGITS } from './tiktok-id';

const INTERNAL_ID = /^[1-9][0-9]{0,17}$/;
const ORDER_EXTERNAL_ID = new RegExp(`^tts_(${TIKTOK_ID_DIGITS})_(${TIKTOK_ID_DIGITS})$`);
const SHOP_EXTERNAL_ID = new RegExp(`^tts_shop_(${TIKTOK_ID_DIGITS})$`);

/** True for a NetSuite internal id as scripts see it: a positive integer in a string (`"42"`). */
export function isInternalId(value: unknown): value is string {
  return typeof value === 'string' && INTERNAL_ID.test(value);
}

function requireTikTokId(value: string, what: string): string {
  if (!isTikTokId(value)) {
    throw new Error(`${what} must be a string of digits, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** externalid of the order inbox record `customrecord_tts_order`: `tts_<shopId>_<orderId>`. */
export function inboxExternalId(shopId: string, orderId: string): string {
  return `tts_${requireTikTokId(shopId, 'shop id')}_${requireTikTokId(orderId, 'order id')}`;
}

/**
 * externalid of the sales order: the same pattern as the inbox (`tts_<shopId>_<orderId>`); the two
 * live in different record types, so they do not collide.
 */
export function salesOrderExternalId(shopId: string, orderId: string): string {
  return inboxExternalId(shopId, orderId);
}

/** externalid of the item fulfillment that records a Fulfilled-by-TikTok order: `tts_fbt_<shopId>_<orderId>`. */
export function fbtFulfillmentExternalId(shopId: string, orderId: string): string {
  return `tts_fbt_${requireTikTokId(shopId, 'shop id')}_${requireTikTokId(orderId, 'order id')}`;
}

/** externalid of `customrecord_tts_shop`: `tts_shop_<shopId>`. */
export function shopExternalId(shopId: string): string {
  return `tts_shop_${requireTikTokId(shopId, 'shop id')}`;
}

/** externalid of a per-buyer customer: `tts_buyer_<shopId>_<userId>`. */
export function buyerExternalId(shopId: string, userId: string): string {
  return `tts_buyer_${requireTikTokId(shopId, 'shop id')}_${requireTikTokId(userId, 'buyer user id')}`;
}

/** externalid of a TikTok warehouse record `customrecord_tts_warehouse`: `tts_wh_<shopId>_<warehouseId>`. */
export function warehouseExternalId(shopId: string, warehouseId: string): string {
  return `tts_wh_${requireTikTokId(shopId, 'shop id')}_${requireTikTokId(warehouseId, 'warehouse id')}`;
}

/**
 * externalid of the return authorization of a TikTok return: `tts_ret_<shopId>_<returnId>`
 * (returns/rma-plan.ts); NetSuite refuses a second RMA with it.
 */
export function returnExternalId(shopId: string, returnId: string): string {
  return `tts_ret_${requireTikTokId(shopId, 'shop id')}_${requireTikTokId(returnId, 'return id')}`;
}

/**
 * externalid of the refund document of a TikTok refund (credit memo, cash refund) and of its TikTok
 * Refund record: `tts_rf_<shopId>_<refundId>`, the refund id being the return id or the cancel id
 * (refunds/refund-plan.ts); NetSuite refuses a second one.
 */
export function refundExternalId(shopId: string, refundId: string): string {
  return `tts_rf_${requireTikTokId(shopId, 'shop id')}_${requireTikTokId(refundId, 'refund id')}`;
}

/** externalid of the customer refund that pays out a refund's credit memo: `tts_rfp_<shopId>_<refundId>`. */
export function refundPaymentExternalId(shopId: string, refundId: string): string {
  return `tts_rfp_${requireTikTokId(shopId, 'shop id')}_${requireTikTokId(refundId, 'refund id')}`;
}

/** The shop and order ids of an order externalid, or null when it is not one. */
export function parseOrderExternalId(externalId: string): { shopId: string; orderId: string } | null {
  const match = ORDER_EXTERNAL_ID.exec(externalId);
  return match === null ? null : { shopId: match[1], orderId: match[2] };
}

/** The shop id of a shop externalid, or null when it is not one. */
export function parseShopExternalId(externalId: string): string | null {
  const match = SHOP_EXTERNAL_ID.exec(externalId);
  return match === null ? null : match[1];
}
