/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_sl_sku_audit`: the TikTok Shop SKU Audit page (issue #19). Duplicate SKUs on either
 * side, case or whitespace-only differences, TikTok SKUs with no NetSuite item, marked items with no
 * TikTok SKU and colliding overrides, each with its fix. Read only.
 */
import type { EntryPoints } from 'N/types';
import { handleSkuAuditRequest } from './lib/services/sku-audit-page';

export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  handleSkuAuditRequest(context.request, context.response);
}
