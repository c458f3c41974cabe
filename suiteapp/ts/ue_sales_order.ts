/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_ue_sales_order` (sales orders, every context):
 * - beforeSubmit refuses a TikTok Cancel Reason that TikTok would not accept for the shop's market
 *   and the order's TikTok status (error `TTS_INVALID_CANCEL_REASON`, listing the reasons that fit),
 *   and an answer to a buyer's cancellation request TikTok would refuse (`TTS_INVALID_CANCEL_ANSWER`);
 * - afterSubmit records new order numbers, status changes and cancellations of TikTok sales orders
 *   in the outbox for the bridge ("Pull order updates from NetSuite"), and a new TikTok Shipping
 *   order's request for TikTok's label (lib/services/label-request-service.ts); it never throws into the save.
 */
import type { EntryPoints } from 'N/types';
import { checkCancelAnswerBeforeSubmit } from './lib/services/cancel-answer-service';
import { checkCancelReasonBeforeSubmit } from './lib/services/cancel-reason-service';
import { requestLabelOnCreate } from './lib/services/label-request-service';
import { recordSalesOrderChange } from './lib/services/sales-order-outbox-service';

export function beforeSubmit(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  const type = String(context.type ?? '');
  checkCancelReasonBeforeSubmit(type, context.newRecord, context.oldRecord ?? null);
  checkCancelAnswerBeforeSubmit(type, context.newRecord, context.oldRecord ?? null);
}

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  recordSalesOrderChange(context);
  requestLabelOnCreate(String(context.type ?? ''), context.newRecord);
}
