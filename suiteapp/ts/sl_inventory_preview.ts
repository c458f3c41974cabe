/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_sl_inventory_preview`: the TikTok Inventory Preview page (issue #16). Per seller
 * SKU and TikTok warehouse, what the next inventory export would send and why (locations, rule,
 * buffer). Read only: it runs the export's own computation without writing its state.
 */
import type { EntryPoints } from 'N/types';
import { handleInventoryPreviewRequest } from './lib/services/inventory-preview-page';

export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  handleInventoryPreviewRequest(context.request, context.response);
}
