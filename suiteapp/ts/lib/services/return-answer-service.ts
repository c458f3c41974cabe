/**
 * The seller answers a TikTok return from its return authorization (shared-types/src/returns/return-answer.ts):
 * - beforeSubmit refuses an answer TikTok would refuse with `TTS_INVALID_RETURN_ANSWER` and the fix
 *   (checked only when the save approves the RMA, or changes its TikTok Return Reject Reason);
 * - afterSubmit writes the `return.answer` outbox row (externalid
 *   `tts_out_return_answer_<shop>_<order>_<returnId>`: one answer per return, however often the RMA
 *   is saved) that the bridge sends as Approve Return / Reject Return. It never throws into the save:
 *   a failure is logged and written to the sync log with what to do.
 *
 * Governance (user event budget 1,000): RMAs that are not TikTok's, and saves that answer nothing,
 * cost 0 units; an answer costs the shop lookup 1 (each entry point) + the outbox row 6.
 */
import * as log from 'N/log';
import type * as record from 'N/record';
import type { EntryPoints } from 'N/types';
import { isTikTokId } from '../../../../shared-types/src/ids/tiktok-id';
import { outboxExternalId, type ReturnAnswerPayload } from '../../../../shared-types/src/outbox/outbox';
import type { PlannedOutboxRow } from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import type { RmaAnswerState } from '../../../../shared-types/src/returns/return-answer';
import {
  checkReturnAnswer,
  INVALID_RETURN_ANSWER,
  plannedReturnAnswer,
  rmaReturnType,
} from '../../../../shared-types/src/returns/return-answer';
import { writeLogEntry } from '../dao/log-dao';
import { readerOf } from '../dao/netsuite-record';
import { createOutboxRow } from '../dao/outbox-dao';
import { lookupReturnAnswerShop } from '../dao/shop-dao';
import { rmaAnswerState, rmaTikTokRefs } from '../mappers/return-authorization-mapper';
import { connectorError, errorMessage, errorName } from '../platform/errors';

interface SaveStates {
  before: RmaAnswerState | null;
  after: RmaAnswerState;
  shopRecordId: string | null;
  tiktokOrderId: string | null;
}

function statesOf(
  type: string,
  newRecord: record.Record,
  oldRecord: record.Record | null,
): SaveStates | null {
  const eventType = type.toLowerCase();
  if (eventType === 'delete') return null;
  const fallback = eventType === 'xedit' && oldRecord !== null ? readerOf(oldRecord) : null;
  const after = rmaAnswerState(readerOf(newRecord), fallback);
  if (after.returnId === null) return null;
  const before = oldRecord === null ? null : rmaAnswerState(readerOf(oldRecord), null);
  const refs = rmaTikTokRefs(readerOf(newRecord), fallback);
  return { before, after, ...refs };
}

/** True when the save may answer: a reject reason changed, or an approval of a pending return. */
function mayAnswer(states: SaveStates): boolean {
  return (
    (states.before?.rejectReason ?? '') !== states.after.rejectReason ||
    plannedReturnAnswer(states.before, states.after) !== null
  );
}

export function checkReturnAnswerBeforeSubmit(
  type: string,
  newRecord: record.Record,
  oldRecord: record.Record | null,
): void {
  const states = statesOf(type, newRecord, oldRecord);
  if (states === null || states.shopRecordId === null || !mayAnswer(states)) return;
  const shop = lookupReturnAnswerShop(states.shopRecordId);
  const check = checkReturnAnswer(states.before, states.after, {
    tiktokOrderId: states.tiktokOrderId ?? '',
    answerReturns: shop.answerReturns,
    region: shop.region,
    nowUnix: Math.floor(Date.now() / 1000),
  });
  if (!check.ok) throw connectorError(INVALID_RETURN_ANSWER, check.message);
}

/** The outbox row of the save's answer, or null when it answers nothing (or the setting is off). */
export function plannedAnswerRow(
  rmaId: string,
  states: SaveStates,
  shop: { shopId: string; answerReturns: boolean },
): PlannedOutboxRow | null {
  const answer = plannedReturnAnswer(states.before, states.after);
  const { returnId } = states.after;
  if (
    answer === null ||
    !shop.answerReturns ||
    returnId === null ||
    states.shopRecordId === null ||
    !isTikTokId(states.tiktokOrderId) ||
    !isTikTokId(shop.shopId)
  ) {
    return null;
  }
  const payload: ReturnAnswerPayload = {
    rmaId,
    returnId,
    returnType: rmaReturnType(states.after.returnStatus),
    decision: answer.decision,
    rejectReason: answer.decision === 'reject' ? answer.reason : '',
    deadline: states.after.deadlineUnix,
  };
  return {
    kind: 'return.answer',
    externalId: outboxExternalId('return.answer', shop.shopId, states.tiktokOrderId, returnId),
    shopRecordId: states.shopRecordId,
    orderId: states.tiktokOrderId,
    salesOrderId: rmaId,
    payload,
  };
}

export function recordReturnAnswer(context: EntryPoints.UserEvent.afterSubmitContext): string | null {
  const rmaId = String(context.newRecord.id);
  const states = statesOf(String(context.type ?? ''), context.newRecord, context.oldRecord ?? null);
  if (states === null || states.shopRecordId === null || !mayAnswer(states)) return null;
  try {
    const row = plannedAnswerRow(rmaId, states, lookupReturnAnswerShop(states.shopRecordId));
    if (row === null) return null;
    const id = createOutboxRow(row);
    log.audit({ title: 'TikTok return answer queued', details: `${row.externalId} (${id ?? 'existed'})` });
    return row.externalId;
  } catch (e) {
    const message = `The answer on return authorization ${rmaId} to TikTok return ${states.after.returnId ?? ''} was saved in NetSuite but could not be queued for TikTok (${errorName(e) || 'Error'}: ${errorMessage(e)}). TikTok was not answered. Fix the cause, then answer the return in TikTok Seller Center before its deadline.`;
    log.error({ title: 'TikTok return answer not queued', details: message });
    try {
      writeLogEntry({
        shopRecordId: states.shopRecordId,
        level: 'error',
        flow: 'returns',
        message,
        recordType: 'returnauthorization',
        recordId: rmaId,
        tiktokId: states.after.returnId,
      });
    } catch (logError) {
      log.error({ title: 'TikTok sync log not written', details: errorMessage(logError) });
    }
    return null;
  }
}
