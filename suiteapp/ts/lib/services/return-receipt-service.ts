/**
 * afterSubmit of item receipts: receiving the goods of a TikTok return in NetSuite (an item receipt
 * transformed from its return authorization) is sent to TikTok as "package received" (Approve Return
 * `APPROVE_RECEIVED_PACKAGE`), so TikTok releases the refund (issue #17 item 3; README "Answering returns
 * from NetSuite"). Needs Answer TikTok returns from NetSuite. One `return.receive` outbox row per return
 * (externalid `tts_out_return_receive_<shop>_<order>_<returnId>`): a second receipt of the same return
 * (a partial receipt, then the rest) is the same row. It never throws into the save: a failure is
 * logged and written to the sync log with what to do.
 *
 * Governance (user event budget 1,000): receipts not made from a return authorization cost 0 units;
 * others the RMA lookup 1; a TikTok return's the shop lookup 1 + the outbox row 6.
 */
import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { isTikTokId } from '../../../../shared-types/src/ids/tiktok-id';
import { outboxExternalId, type ReturnReceivePayload } from '../../../../shared-types/src/outbox/outbox';
import type { PlannedOutboxRow } from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import { writeLogEntry } from '../dao/log-dao';
import { lookupColumns, readerOf } from '../dao/netsuite-record';
import { createOutboxRow } from '../dao/outbox-dao';
import { lookupReturnAnswerShop } from '../dao/shop-dao';
import { receiptRmaId } from '../mappers/item-receipt-mapper';
import {
  RETURN_AUTHORIZATION,
  RMA_RECEIPT_COLUMNS,
  rmaRefsFromLookup,
} from '../mappers/return-authorization-mapper';
import { errorMessage, errorName } from '../platform/errors';

/** The `return.receive` row of a receipt of a TikTok return, or null when there is none to send. */
export function plannedReceiptRow(
  receiptId: string,
  rmaId: string,
  refs: ReturnType<typeof rmaRefsFromLookup>,
  shop: { shopId: string; answerReturns: boolean },
): PlannedOutboxRow | null {
  const { returnId, shopRecordId, tiktokOrderId } = refs;
  if (
    !shop.answerReturns ||
    !isTikTokId(returnId) ||
    shopRecordId === null ||
    !isTikTokId(tiktokOrderId) ||
    !isTikTokId(shop.shopId)
  ) {
    return null;
  }
  const payload: ReturnReceivePayload = { rmaId, receiptId, returnId };
  return {
    kind: 'return.receive',
    externalId: outboxExternalId('return.receive', shop.shopId, tiktokOrderId, returnId),
    shopRecordId,
    orderId: tiktokOrderId,
    salesOrderId: rmaId,
    payload,
  };
}

export function recordReturnReceipt(context: EntryPoints.UserEvent.afterSubmitContext): string | null {
  if (String(context.type ?? '').toLowerCase() !== 'create') return null;
  const receiptId = String(context.newRecord.id);
  const rmaId = receiptRmaId(readerOf(context.newRecord));
  if (rmaId === null) return null;
  let refs: ReturnType<typeof rmaRefsFromLookup> | null = null;
  try {
    refs = rmaRefsFromLookup(lookupColumns(RETURN_AUTHORIZATION.recordType, rmaId, RMA_RECEIPT_COLUMNS));
    if (refs.returnId === null || refs.shopRecordId === null) return null;
    const row = plannedReceiptRow(receiptId, rmaId, refs, lookupReturnAnswerShop(refs.shopRecordId));
    if (row === null) return null;
    const id = createOutboxRow(row);
    log.audit({ title: 'TikTok package received queued', details: `${row.externalId} (${id ?? 'existed'})` });
    return row.externalId;
  } catch (e) {
    const message = `The item receipt ${receiptId} of return authorization ${rmaId} was saved in NetSuite but could not be queued for TikTok as "package received" (${errorName(e) || 'Error'}: ${errorMessage(e)}). Fix the cause, then confirm the package in TikTok Seller Center before its deadline.`;
    log.error({ title: 'TikTok package received not queued', details: message });
    try {
      writeLogEntry({
        shopRecordId: refs?.shopRecordId ?? null,
        level: 'error',
        flow: 'returns',
        message,
        recordType: 'itemreceipt',
        recordId: receiptId,
        tiktokId: refs?.returnId ?? null,
      });
    } catch (logError) {
      log.error({ title: 'TikTok sync log not written', details: errorMessage(logError) });
    }
    return null;
  }
}
