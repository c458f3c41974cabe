/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
import type { EntryPoints } from 'N/types';
import { recordFulfillmentChange } from './lib/services/fulfillment-capture-service';

/**
 * `customscript_tts_ue_item_fulfillment` (item fulfillments, every context): afterSubmit queues an
 * item fulfillment of a TikTok sales order in the outbox when it reaches the shipped status ("Pull
 * fulfillments from NetSuite"; lib/services/fulfillment-capture-service.ts), a corrected tracking
 * number as a shipping-info update, a deletion as an exception. It never throws into the save.
 */
export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  recordFulfillmentChange({
    type: String(context.type ?? ''),
    newRecord: context.newRecord,
    oldRecord: context.oldRecord ?? null,
  });
}
