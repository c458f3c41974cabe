/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_sl_home`: the TikTok Shop Connector home (issue #21). Per shop the setup
 * checklist, each flow with its actions and the doctor's checks (lib/services/connector-home.ts).
 * Actions run on a POST only.
 */
import type { EntryPoints } from 'N/types';
import { handleHomeRequest } from './lib/services/connector-home';

export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  handleHomeRequest(context.request, context.response);
}
