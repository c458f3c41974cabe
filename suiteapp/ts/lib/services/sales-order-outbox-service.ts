/**
 * afterSubmit of TikTok sales orders: writes the outbox rows of the change ("Pull order updates
 * from NetSuite"). It never throws into the user's save: a failure is logged and written to the
 * sync log with what to do.
 *
 * Governance (user event budget 1,000): a non-TikTok order costs 0 units; a TikTok order costs the
 * shop lookup 1 (+ 1 to read a number NetSuite assigned at save) + 6 per row (at most 3 rows),
 * + 10 to read TikTok's own cancellations when a cancel is planned: ≤ 30 units, plus 6 for a
 * sync-log entry when something fails.
 */
import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { inboxExternalId } from '../../../../shared-types/src/ids/external-ids';
import { isTikTokId } from '../../../../shared-types/src/ids/tiktok-id';
import type {
  PlannedOutboxRow,
  SalesOrderChange,
  TikTokCancellation,
} from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import {
  plansCancellation,
  planSalesOrderOutbox,
  tiktokCancellationOf,
} from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import { writeLogEntry } from '../dao/log-dao';
import { readerOf } from '../dao/netsuite-record';
import { findInboxPayload } from '../dao/order-inbox-dao';
import { createOutboxRow, OUTBOX_WRITE_UNITS } from '../dao/outbox-dao';
import { lookupTranId } from '../dao/sales-order-dao';
import { lookupOutboxShopSettings } from '../dao/shop-dao';
import { salesOrderSnapshot } from '../mappers/sales-order-mapper';
import { errorMessage, errorName } from '../platform/errors';
import { remainingUsage } from '../platform/governance';

/**
 * What TikTok already cancelled for this order, from the inbox's latest payload: the connector
 * closes lines when TikTok cancels (mr_order_updates), and such a close must not go back to TikTok
 * as a seller cancellation.
 */
function tiktokCancelled(shopId: string, orderId: string): TikTokCancellation | null {
  const payload = findInboxPayload(inboxExternalId(shopId, orderId));
  if (payload === null) return null;
  try {
    return tiktokCancellationOf(JSON.parse(payload) as Parameters<typeof tiktokCancellationOf>[0]);
  } catch {
    return null;
  }
}

function planRows(change: SalesOrderChange): PlannedOutboxRow[] {
  const rows = planSalesOrderOutbox(change);
  if (!plansCancellation(rows) || change.shop === null) return rows;
  return planSalesOrderOutbox({
    ...change,
    tiktokCancelled: tiktokCancelled(change.shop.shopId, change.after.tiktokOrderId ?? ''),
  });
}

/** A sync-log entry: create 2 + save 4. */
const LOG_WRITE_UNITS = 6;

export interface WriteSummary {
  written: string[];
  /** Rows whose externalid existed: the same change was recorded before. */
  existing: string[];
}

function writeRows(rows: readonly PlannedOutboxRow[]): WriteSummary {
  const summary: WriteSummary = { written: [], existing: [] };
  for (const row of rows) {
    if (remainingUsage() < OUTBOX_WRITE_UNITS + LOG_WRITE_UNITS) {
      throw new Error(
        `usage budget too low to record ${row.kind} (${row.externalId}); ${summary.written.length} of ${rows.length} rows were written`,
      );
    }
    const id = createOutboxRow(row);
    if (id === null) {
      summary.existing.push(row.externalId);
    } else {
      summary.written.push(row.externalId);
    }
  }
  return summary;
}

function recordFailure(
  e: unknown,
  salesOrderId: string,
  shopRecordId: string | null,
  orderId: string | null,
): void {
  const message = `The change of sales order ${salesOrderId} was saved in NetSuite but could not be recorded for TikTok (${errorName(e) || 'Error'}: ${errorMessage(e)}). TikTok was not updated. Fix the cause, then save the sales order again (an unchanged save records nothing new; cancel or renumber it again if that was the change).`;
  log.error({ title: 'TikTok outbox not written', details: message });
  try {
    writeLogEntry({
      shopRecordId,
      level: 'error',
      flow: 'order updates',
      message,
      recordType: 'salesorder',
      recordId: salesOrderId,
      tiktokId: orderId,
    });
  } catch (logError) {
    log.error({ title: 'TikTok sync log not written', details: errorMessage(logError) });
  }
}

export function recordSalesOrderChange(
  context: EntryPoints.UserEvent.afterSubmitContext,
): WriteSummary | null {
  const eventType = String(context.type ?? '').toLowerCase();
  const salesOrderId = String(context.newRecord.id);
  if (eventType === 'delete') {
    return null;
  }
  let shopRecordId: string | null = null;
  let orderId: string | null = null;
  // NetSuite passes no oldRecord on create — `undefined`, not null (issue #9) — and may leave other
  // members out too: both mean "none" here.
  const oldRecord = context.oldRecord ?? null;
  try {
    const fallback = eventType === 'xedit' && oldRecord !== null ? readerOf(oldRecord) : null;
    const after = salesOrderSnapshot(readerOf(context.newRecord), salesOrderId, fallback);
    if (!isTikTokId(after.tiktokOrderId) || after.shopRecordId === null) {
      return null;
    }
    orderId = after.tiktokOrderId;
    shopRecordId = after.shopRecordId;
    const shop = lookupOutboxShopSettings(after.shopRecordId);
    if (shop === null || !shop.pullOrderUpdates) {
      return null;
    }
    const before = oldRecord === null ? null : salesOrderSnapshot(readerOf(oldRecord), salesOrderId, null);
    if (after.tranId === null && eventType === 'create') {
      after.tranId = lookupTranId(salesOrderId);
    }
    const summary = writeRows(planRows({ eventType, before, after, shop }));
    if (summary.written.length > 0) {
      log.audit({ title: 'TikTok outbox written', details: summary.written.join(', ') });
    }
    return summary;
  } catch (e) {
    recordFailure(e, salesOrderId, shopRecordId, orderId);
    return null;
  }
}
