/**
 * map() of the order updates: one flagged inbox record → its sales order brought in line with the
 * newer TikTok payload (order-update-plan.ts), or an exception for a person.
 *
 * Usage per record: inbox load 2 + sales order load 10 + save 20 + log entry 6 + inbox save 4 =
 * 42 units of map's 1,000, + 1 (lookupFields) for the shop's Tax Item when cancelled units carry
 * tax, + 6 for the warning log entry of an exception. Restart-safe: the plan compares the payload
 * with the sales order as it is, so a re-run after the order was saved plans nothing; the flag is
 * cleared last, and only when no newer payload arrived meanwhile (optimistic locking on the inbox
 * record).
 *
 * After every update that changes lines, the totals are re-checked (order-update-totals.ts, no
 * units): when the open lines no longer add up to what TikTok still charges, the changes are saved
 * with Ties Out = F in the same save and the record becomes an exception, as at import.
 */
import * as log from 'N/log';
import { parseInboxPayload } from '../../../../shared-types/src/import/import-work';
import type { InboxChanges } from '../../../../shared-types/src/inbox/inbox-upsert';
import { TEXTAREA_SAFE_LENGTH } from '../../../../shared-types/src/netsuite/netsuite-ids';
import type { OrderUpdatePlan } from '../../../../shared-types/src/updates/order-update-plan';
import { checkUpdatedTotals } from '../../../../shared-types/src/updates/order-update-totals';
import {
  cancelledTaxMinor,
  changesSalesOrder,
  formatExceptions,
  planOrderUpdate,
} from '../../../../shared-types/src/updates/order-update-plan';
import type { InboxForUpdate } from '../dao/inbox-review-dao';
import { loadInboxForUpdate, saveInboxIfUnchanged } from '../dao/inbox-review-dao';
import { writeLogEntry } from '../dao/log-dao';
import type { LoadedSalesOrder } from '../dao/sales-order-dao';
import { loadSalesOrderForUpdate, saveSalesOrderUpdate } from '../dao/sales-order-dao';
import { lookupShopTaxItem } from '../dao/shop-dao';
import { errorMessage, errorName } from '../platform/errors';

export type UpdateResult = 'applied' | 'exception' | 'unchanged' | 'skipped' | 'superseded';

const FLOW = 'orders';

function salesOrderGone(inbox: InboxForUpdate, salesOrderId: string, e: unknown): string {
  return `Sales order ${salesOrderId} of TikTok order ${inbox.orderId} could not be loaded (${errorName(e) || 'error'}: ${errorMessage(e)}), so the TikTok update was not applied. To do: if the sales order was deleted on purpose, nothing else is needed; otherwise link the right sales order in this inbox record's Sales Order field, then use Retry on the TikTok Order Exceptions page.`;
}

function clip(text: string): string {
  return text.length > TEXTAREA_SAFE_LENGTH ? `${text.slice(0, TEXTAREA_SAFE_LENGTH - 3)}...` : text;
}

function finish(inbox: InboxForUpdate, changes: InboxChanges, result: UpdateResult): UpdateResult {
  const saved = saveInboxIfUnchanged(inbox, { ...changes, updatePending: false });
  return saved ? result : 'superseded';
}

function raiseException(inbox: InboxForUpdate, message: string, salesOrderId: string | null): UpdateResult {
  const text = clip(message);
  const repeated = inbox.state === 'exception' && inbox.message === text;
  if (!repeated) {
    writeLogEntry({
      shopRecordId: inbox.shopRecordId,
      level: 'warning',
      flow: FLOW,
      message: text,
      recordType: salesOrderId === null ? 'customrecord_tts_order' : 'salesorder',
      recordId: salesOrderId ?? inbox.id,
      tiktokId: inbox.orderId,
    });
  }
  return finish(inbox, { state: 'exception', message: text }, 'exception');
}

function apply(
  inbox: InboxForUpdate,
  loaded: LoadedSalesOrder,
  plan: OrderUpdatePlan,
  totalsOff: boolean,
): void {
  saveSalesOrderUpdate(loaded, plan, totalsOff ? { tiesOut: false } : {});
  writeLogEntry({
    shopRecordId: inbox.shopRecordId,
    level: 'info',
    flow: FLOW,
    message: clip(
      `TikTok update of order ${inbox.orderId} applied to sales order ${loaded.state.tranId ?? loaded.state.id}: ${plan.applied.join('; ')}.`,
    ),
    recordType: 'salesorder',
    recordId: loaded.state.id,
    tiktokId: inbox.orderId,
  });
}

/** Applies the pending TikTok update of one inbox record. */
export function applyOrderUpdate(inboxId: string): UpdateResult {
  const inbox = loadInboxForUpdate(inboxId);
  if (!inbox.updatePending) {
    return 'skipped';
  }
  const salesOrderId = inbox.salesOrderId;
  if (salesOrderId === null) {
    // Not imported (yet): the import reads the newest payload itself.
    return finish(inbox, {}, 'skipped');
  }
  const parsed = parseInboxPayload({
    id: inbox.id,
    shopRecordId: inbox.shopRecordId ?? '',
    orderId: inbox.orderId,
    payload: inbox.payload,
    attempts: inbox.attempts,
  });
  if (parsed.order === null) {
    return raiseException(inbox, parsed.problem, salesOrderId);
  }
  let loaded: LoadedSalesOrder;
  try {
    loaded = loadSalesOrderForUpdate(salesOrderId);
  } catch (e) {
    if (errorName(e) !== 'RCRD_DSNT_EXIST') {
      throw e;
    }
    return raiseException(inbox, salesOrderGone(inbox, salesOrderId, e), null);
  }
  const taxItemId =
    cancelledTaxMinor(parsed.order, loaded.state) > 0 && inbox.shopRecordId !== null
      ? lookupShopTaxItem(inbox.shopRecordId)
      : null;
  const plan = planOrderUpdate(parsed.order, loaded.state, taxItemId);
  const totals = checkUpdatedTotals(parsed.order, loaded.state, plan);
  if (totals?.message) {
    plan.exceptions.push(totals.message);
  }
  const changed = changesSalesOrder(plan);
  if (changed) {
    apply(inbox, loaded, plan, totals?.ties === false);
  }
  log.audit({
    title: `TikTok order ${inbox.orderId} update`,
    details: JSON.stringify({ salesOrderId, applied: plan.applied, exceptions: plan.exceptions.length }),
  });
  if (plan.exceptions.length > 0) {
    return raiseException(inbox, formatExceptions(plan.exceptions), salesOrderId);
  }
  return finish(inbox, {}, changed ? 'applied' : 'unchanged');
}

/** summarize: an update that failed in every map attempt becomes an exception (load 2 + save 4 + log 6). */
export function updateFailed(inboxId: string, failure: string): void {
  const inbox = loadInboxForUpdate(inboxId);
  const message = `Applying the TikTok update of order ${inbox.orderId} to its sales order failed: ${failure} To do: fix what the message names on the sales order, then use Retry on the TikTok Order Exceptions page.`;
  raiseException(inbox, message, inbox.salesOrderId);
}
