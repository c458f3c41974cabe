/**
 * beforeSubmit of sales orders: an answer to a buyer's cancellation request that TikTok would refuse
 * stops the save with `TTS_INVALID_CANCEL_ANSWER` (shared-types/src/cancellations/buyer-cancel-request.ts): no
 * request pending, the deadline passed, an answer already given, or a reject without one of the
 * market's reject reasons. Checked only when the save changes the answer; then the shop lookup
 * (1 unit). Orders that are not TikTok's cost nothing.
 */
import type * as record from 'N/record';
import {
  cancelAnswerChanged,
  checkCancelAnswer,
  INVALID_CANCEL_ANSWER,
} from '../../../../shared-types/src/cancellations/buyer-cancel-request';
import { lookupShopMarket } from '../dao/shop-dao';
import { connectorError } from '../platform/errors';
import { tiktokSalesOrderSave } from './sales-order-save';

export function checkCancelAnswerBeforeSubmit(
  type: string,
  newRecord: record.Record,
  oldRecord: record.Record | null,
): void {
  const save = tiktokSalesOrderSave(type, newRecord, oldRecord);
  if (save === null) return;
  const { after, orderId, shopRecordId } = save;
  if (after.cancelAnswer === undefined) return;
  const before = save.before();
  if (!cancelAnswerChanged(before?.cancelAnswer ?? null, after.cancelAnswer)) return;
  // Only an answer being given needs the market; clearing one is checked without it.
  const region = after.cancelAnswer.answer === null ? null : lookupShopMarket(shopRecordId).region;
  const check = checkCancelAnswer(before?.cancelAnswer ?? null, after.cancelAnswer, {
    tiktokOrderId: orderId,
    region,
    nowUnix: Math.floor(Date.now() / 1000),
  });
  if (!check.ok) throw connectorError(INVALID_CANCEL_ANSWER, check.message);
}
