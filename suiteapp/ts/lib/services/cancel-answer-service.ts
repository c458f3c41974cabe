import type * as record from 'N/record';
import {
  cancelAnswerChanged,
  checkCancelAnswer,
  INVALID_CANCEL_ANSWER,
} from '../../../../shared-types/src/cancellations/buyer-cancel-request';
import { isTikTokId } from '../../../../shared-types/src/ids/tiktok-id';
import { readerOf } from '../dao/netsuite-record';
import { lookupShopMarket } from '../dao/shop-dao';
import { salesOrderSnapshot } from '../mappers/sales-order-mapper';
import { connectorError } from '../platform/errors';

/**
 * beforeSubmit of sales orders: an answer to a buyer's cancellation request that TikTok would refuse
 * stops the save with `TTS_INVALID_CANCEL_ANSWER` (shared-types/src/cancellations/buyer-cancel-request.ts): no
 * request pending, the deadline passed, an answer already given, or a reject without one of the
 * market's reject reasons. Checked only when the save changes the answer; then the shop lookup
 * (1 unit). Orders that are not TikTok's cost nothing.
 */
export function checkCancelAnswerBeforeSubmit(
  type: string,
  newRecord: record.Record,
  oldRecord: record.Record | null,
): void {
  const eventType = type.toLowerCase();
  if (eventType === 'delete') return;
  const fallback = eventType === 'xedit' && oldRecord !== null ? readerOf(oldRecord) : null;
  const id = String(newRecord.id ?? '');
  const after = salesOrderSnapshot(readerOf(newRecord), id, fallback);
  const orderId = after.tiktokOrderId;
  if (!isTikTokId(orderId) || after.shopRecordId === null || after.cancelAnswer === undefined) return;
  const before = oldRecord === null ? null : salesOrderSnapshot(readerOf(oldRecord), id, null);
  if (!cancelAnswerChanged(before?.cancelAnswer ?? null, after.cancelAnswer)) return;
  // Only an answer being given needs the market; clearing one is checked without it.
  const region = after.cancelAnswer.answer === null ? null : lookupShopMarket(after.shopRecordId).region;
  const check = checkCancelAnswer(before?.cancelAnswer ?? null, after.cancelAnswer, {
    tiktokOrderId: orderId,
    region,
    nowUnix: Math.floor(Date.now() / 1000),
  });
  if (!check.ok) throw connectorError(INVALID_CANCEL_ANSWER, check.message);
}
