/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
import type { EntryPoints } from 'N/types';
import { checkShopBeforeSubmit } from './lib/services/shop-validation-service';

/**
 * `customscript_tts_ue_shop` (beforeSubmit on `customrecord_tts_shop`): refuses a save whose
 * Payment Method Map is invalid JSON, not an object, or names a payment method that does not exist
 * or is inactive (error `TTS_INVALID_PAYMENT_METHOD_MAP`); nothing is saved.
 */
export function beforeSubmit(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  checkShopBeforeSubmit(String(context.type ?? ''), context.newRecord);
}
