/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_ue_item_fulfillment` (item fulfillments, every context): afterSubmit queues an
 * item fulfillment of a TikTok sales order in the outbox when it reaches the shipped status ("Pull
 * fulfillments from NetSuite"; lib/services/fulfillment-capture-service.ts), a corrected tracking
 * number as a shipping-info update, a deletion as an exception; a TikTok Shipping order's fulfillment
 * reaching Picked or Packed asks for TikTok's label (Get TikTok Shipping Labels). beforeSubmit puts
 * the tracking number of an attached TikTok label on a new fulfillment's package line
 * (lib/services/label-request-service.ts). It never throws into the save.
 */
import type { EntryPoints } from 'N/types';
import { recordFulfillmentChange } from './lib/services/fulfillment-capture-service';
import { prefillLabelOnCreate, requestLabelOnFulfillment } from './lib/services/label-request-service';

export function beforeSubmit(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  prefillLabelOnCreate(String(context.type ?? ''), context.newRecord);
}

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  recordFulfillmentChange({
    type: String(context.type ?? ''),
    newRecord: context.newRecord,
    oldRecord: context.oldRecord ?? null,
  });
  requestLabelOnFulfillment(String(context.type ?? ''), context.newRecord, context.oldRecord ?? null);
}
