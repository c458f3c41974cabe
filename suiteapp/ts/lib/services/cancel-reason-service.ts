/**
 * beforeSubmit of sales orders: a TikTok Cancel Reason that TikTok would refuse for the shop's market
 * and the order's TikTok status stops the save with `TTS_INVALID_CANCEL_REASON`, listing the reasons
 * that fit (shared-types/src/cancellations/cancel-reason-choice.ts). Checked only when a reason is chosen and it
 * changed, or the save cancels or closes the order; then the shop lookup (1 unit) and the order
 * inbox's stored TikTok status (a query, 10 units). Orders that are not TikTok's cost nothing.
 */
import type * as record from 'N/record';
import {
  checkCancelReasonChoice,
  INVALID_CANCEL_REASON,
} from '../../../../shared-types/src/cancellations/cancel-reason-choice';
import { inboxExternalId } from '../../../../shared-types/src/ids/external-ids';
import { isTikTokId } from '../../../../shared-types/src/ids/tiktok-id';
import {
  cancelReasonNeedsCheck,
  normalizeCancelReason,
} from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import { findInboxPayload } from '../dao/order-inbox-dao';
import { lookupShopMarket } from '../dao/shop-dao';
import { connectorError } from '../platform/errors';
import { tiktokSalesOrderSave } from './sales-order-save';

/** The TikTok status of the order's latest payload in the inbox, or null when there is none. */
function storedTikTokStatus(shopId: string, orderId: string): string | null {
  if (!isTikTokId(shopId)) return null;
  const payload = findInboxPayload(inboxExternalId(shopId, orderId));
  if (payload === null) return null;
  try {
    const order = JSON.parse(payload) as { status?: unknown };
    return typeof order.status === 'string' ? order.status : null;
  } catch {
    return null;
  }
}

export function checkCancelReasonBeforeSubmit(
  type: string,
  newRecord: record.Record,
  oldRecord: record.Record | null,
): void {
  const save = tiktokSalesOrderSave(type, newRecord, oldRecord);
  if (save === null) return;
  const { after, eventType, orderId } = save;
  if (!cancelReasonNeedsCheck(eventType, save.before(), after)) return;
  const shop = lookupShopMarket(save.shopRecordId);
  const check = checkCancelReasonChoice(normalizeCancelReason(after.cancelReason), {
    region: shop.region,
    status: storedTikTokStatus(shop.shopId, orderId),
    tiktokOrderId: orderId,
  });
  if (!check.ok) throw connectorError(INVALID_CANCEL_REASON, check.message);
}
