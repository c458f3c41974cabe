/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
import type { EntryPoints } from 'N/types';
import { recordSalesOrderChange } from './lib/services/sales-order-outbox-service';

/**
 * `customscript_tts_ue_sales_order` (afterSubmit on sales orders, every context): records new
 * order numbers, status changes and cancellations of TikTok sales orders in the outbox for the
 * bridge ("Pull order updates from NetSuite"). Never throws into the save.
 */
export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  recordSalesOrderChange(context);
}
