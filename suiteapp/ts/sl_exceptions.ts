/**
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_sl_exceptions`: the TikTok Order Exceptions page. Lists inbox records in error
 * or exception with Retry (per record and for the selected ones) and the newest sync log entries.
 * Only a POST (the page's own form) retries; TikTok text in the list is HTML-escaped.
 */
import type { EntryPoints } from 'N/types';
import { handleExceptionsRequest } from './lib/services/exceptions-page';

export function onRequest(context: EntryPoints.Suitelet.onRequestContext): void {
  handleExceptionsRequest(context.request, context.response);
}
