/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_ue_shop` (beforeSubmit on `customrecord_tts_shop`): refuses a save whose
 * Payment Method Map is invalid JSON, not an object, or names a payment method that does not exist
 * or is inactive (error `TTS_INVALID_PAYMENT_METHOD_MAP`), or that switches the catalog source while items
 * are linked to TikTok products without Confirm catalog source change (`TTS_CATALOG_SWITCH_UNCONFIRMED`,
 * saying what the switch will do); nothing is saved. afterSubmit: a save that
 * ticks Push inventory now or Force inventory resync runs the inventory export at once (issue #14).
 */
import type { EntryPoints } from 'N/types';
import { checkShopBeforeSubmit } from './lib/services/shop-validation-service';
import { inventoryTriggerSet } from './lib/services/inventory-trigger-service';

export function beforeSubmit(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  checkShopBeforeSubmit(String(context.type ?? ''), context.newRecord, context.oldRecord ?? null);
}

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  inventoryTriggerSet(String(context.type ?? ''), context.newRecord, context.oldRecord ?? null);
}
