/**
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
/**
 * `customscript_tts_ue_return_auth` (return authorizations, every context): the seller answers a
 * TikTok return request from its return authorization ("Answer TikTok returns from NetSuite"):
 * - beforeSubmit refuses an answer TikTok would refuse (`TTS_INVALID_RETURN_ANSWER`, naming the fix:
 *   no request pending, its response deadline passed, a reject reason not of the shop's market);
 * - afterSubmit queues the answer (approving the RMA, or a TikTok Return Reject Reason) in the outbox
 *   for the bridge; it never throws into the save.
 */
import type { EntryPoints } from 'N/types';
import { checkReturnAnswerBeforeSubmit, recordReturnAnswer } from './lib/services/return-answer-service';

export function beforeSubmit(context: EntryPoints.UserEvent.beforeSubmitContext): void {
  checkReturnAnswerBeforeSubmit(String(context.type ?? ''), context.newRecord, context.oldRecord ?? null);
}

export function afterSubmit(context: EntryPoints.UserEvent.afterSubmitContext): void {
  recordReturnAnswer(context);
}
