import type * as record from 'N/record';
import * as search from 'N/search';
import {
  SALES_ORDER_CANCEL_REASON_FIELD,
  SALES_ORDER_FIELDS,
  SHOP_ALLOW_CANCEL_FIELD,
  SHOP_FIELDS,
  SHOP_PULL_ORDER_UPDATES_FIELD,
  SHOP_RECORD,
} from '../../../../shared-types/src/netsuite-ids';
import type {
  OutboxShopSettings,
  SalesOrderLineSnapshot,
  SalesOrderSnapshot,
} from '../../../../shared-types/src/sales-order-outbox-plan';
import {
  assignedTranId,
  normalizeSalesOrderStatus,
  parseTikTokLineIds,
} from '../../../../shared-types/src/sales-order-outbox-plan';
import { idOf, textOf } from './suiteql';

/**
 * Reading a sales order in a user event into a snapshot (free: the record is in memory), and the
 * two lookups the outbox needs (`search.lookupFields`, 1 unit each).
 */

type ReadableRecord = Pick<record.Record, 'getValue' | 'getLineCount' | 'getSublistValue'>;

function valueOf(rec: ReadableRecord, fallback: ReadableRecord | null, fieldId: string): unknown {
  const value = rec.getValue({ fieldId });
  if ((value === null || value === undefined || value === '') && fallback !== null) {
    return fallback.getValue({ fieldId });
  }
  return value;
}

function linesOf(rec: ReadableRecord): SalesOrderLineSnapshot[] {
  const count = rec.getLineCount({ sublistId: 'item' });
  const lines: SalesOrderLineSnapshot[] = [];
  for (let line = 0; line < count; line += 1) {
    const read = (fieldId: string): unknown => rec.getSublistValue({ sublistId: 'item', fieldId, line });
    const closed = read('isclosed');
    lines.push({
      line: textOf(read('line')) ?? String(line + 1),
      closed: closed === true || closed === 'T',
      tiktokLineIds: parseTikTokLineIds(read(SALES_ORDER_FIELDS.lineIds)),
    });
  }
  return lines;
}

/**
 * The snapshot of a sales order. `fallback` (the old record) fills fields an inline edit (`xedit`)
 * leaves out of the new record; the lines then come from it too.
 */
export function snapshotOf(
  rec: ReadableRecord,
  id: string,
  fallback: ReadableRecord | null,
): SalesOrderSnapshot {
  const status =
    normalizeSalesOrderStatus(valueOf(rec, fallback, 'statusRef')) ??
    normalizeSalesOrderStatus(valueOf(rec, fallback, 'status'));
  const lines = linesOf(rec);
  return {
    id,
    tranId: assignedTranId(valueOf(rec, fallback, 'tranid')),
    tiktokOrderId: textOf(valueOf(rec, fallback, SALES_ORDER_FIELDS.orderId)),
    shopRecordId: idOf(valueOf(rec, fallback, SALES_ORDER_FIELDS.shop)),
    status,
    cancelReason: textOf(valueOf(rec, fallback, SALES_ORDER_CANCEL_REASON_FIELD)),
    lines: lines.length === 0 && fallback !== null ? linesOf(fallback) : lines,
  };
}

function checkbox(value: unknown, whenEmpty: boolean): boolean {
  if (value === null || value === undefined || value === '') {
    return whenEmpty;
  }
  return value === true || value === 'T';
}

/** The outbox settings of a shop record (1 unit), or null when it does not exist. */
export function lookupOutboxShopSettings(shopRecordId: string): OutboxShopSettings | null {
  let values: Record<string, unknown>;
  try {
    values = search.lookupFields({
      type: SHOP_RECORD,
      id: shopRecordId,
      columns: [SHOP_FIELDS.shopId, SHOP_PULL_ORDER_UPDATES_FIELD, SHOP_ALLOW_CANCEL_FIELD],
    }) as Record<string, unknown>;
  } catch {
    return null;
  }
  return {
    recordId: shopRecordId,
    shopId: textOf(values[SHOP_FIELDS.shopId]) ?? '',
    pullOrderUpdates: checkbox(values[SHOP_PULL_ORDER_UPDATES_FIELD], true),
    allowCancel: checkbox(values[SHOP_ALLOW_CANCEL_FIELD], false),
  };
}

/** The document number of a saved sales order (1 unit), or null while it has none. */
export function lookupTranId(salesOrderId: string): string | null {
  const values = search.lookupFields({
    type: search.Type.SALES_ORDER,
    id: salesOrderId,
    columns: ['tranid'],
  }) as Record<string, unknown>;
  return assignedTranId(values.tranid);
}
