/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_ue_item_receipt` (item receipts, every context): afterSubmit queues "package
 * received" for TikTok when the goods of a TikTok return are received on its return authorization
 * ("Answer TikTok returns from NetSuite"; lib/services/return-receipt-service.ts). It never throws into
 * the save.
 */
import type { EntryPoints } from 'N/types';
import { recordReturnReceipt } from './lib/services/return-receipt-service';

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  recordReturnReceipt(context);
}
