/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_ue_cat_map` (beforeSubmit on `customrecord_tts_cat_map`, issue #20): refuses a TikTok
 * Category Map row whose category id or Product Attributes JSON the product push could not use
 * (`TTS_INVALID_CATEGORY_MAP`); nothing is saved.
 */
import type { EntryPoints } from 'N/types';
import { checkCategoryMapBeforeSubmit } from './lib/services/category-map-service';

export function beforeSubmit(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  checkCategoryMapBeforeSubmit(String(context.type ?? ''), context.newRecord);
}
