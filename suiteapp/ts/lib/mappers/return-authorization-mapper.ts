/**
 * Return authorizations made from TikTok returns (records.json returnauthorization: `orderstatus`
 * A Pending Approval / B Pending Receipt, `returntrackingnumbers`, item lines with `isclosed` and
 * `quantityreceived`), externalid `tts_ret_<shopId>_<returnId>`. Made by transforming the TikTok
 * sales order (sales-order-mapper.ts declares the transform), which copies its open lines with
 * their `custcol_tts_line_ids`: the plan (shared-types/src/returns/rma-plan.ts) says which lines
 * stay and with how many units. The TikTok fields: Return ID, Return Status, Response Deadline and,
 * for a replacement, the replacement order's sales order.
 */
import type { RmaPlan } from '../../../../shared-types/src/returns/rma-plan';
import type { RmaState } from '../../../../shared-types/src/returns/return-status';
import type { RmaAnswerState } from '../../../../shared-types/src/returns/return-answer';
import { returnRejectCodeOf } from '../../../../shared-types/src/returns/return-answer';
import { parseTikTokLineIds } from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import type { BodyFieldId, BodyWrite, LineWrite, LookupValues, RecordReader } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, numberOf, selectIdOf, textOf } from './values';

export const RETURN_AUTHORIZATION = declareRecord({
  recordType: 'returnauthorization',
  body: {
    externalId: 'externalid',
    orderStatus: 'orderstatus',
    location: 'location',
    memo: 'memo',
    returnTrackingNumbers: 'returntrackingnumbers',
    returnId: 'custbody_tts_return_id',
    returnStatus: 'custbody_tts_return_status',
    due: 'custbody_tts_return_due',
    replacementSalesOrder: 'custbody_tts_replacement_so',
    rejectReason: 'custbody_tts_return_reject',
    shop: 'custbody_tts_shop',
    tiktokOrderId: 'custbody_tts_order_id',
  },
  sublists: {
    item: {
      id: 'item',
      fields: {
        item: 'item',
        quantity: 'quantity',
        isClosed: 'isclosed',
        quantityReceived: 'quantityreceived',
        location: 'location',
        tiktokLineIds: 'custcol_tts_line_ids',
      },
    },
  },
  transforms: { itemReceipt: 'itemreceipt', creditMemo: 'creditmemo', cashRefund: 'cashrefund' },
  search: {
    columns: {
      returnId: 'custbody_tts_return_id',
      returnStatus: 'custbody_tts_return_status',
      shop: 'custbody_tts_shop',
      tiktokOrderId: 'custbody_tts_order_id',
    },
  },
  suiteql: { table: 'transaction', columns: { id: 'id', type: 'type', externalId: 'externalid' } },
});

const body = RETURN_AUTHORIZATION.body;
const items = RETURN_AUTHORIZATION.sublists.item;
const c = RETURN_AUTHORIZATION.suiteql.columns;

/** The return authorization with this externalid (one parameter). */
export const RMA_BY_EXTERNAL_ID: Sql = sql`SELECT ${c.id} AS id FROM ${RETURN_AUTHORIZATION.suiteql.table} WHERE ${c.type} = 'RtnAuth' AND ${c.externalId} = ?`;

function instant(unix: number | null): Date | string {
  return unix === null ? '' : new Date(unix * 1000);
}

/** The TikTok fields kept in step with the return on every change. */
export function rmaTikTokWrites(
  plan: Pick<
    RmaPlan,
    'returnId' | 'returnStatus' | 'deadline' | 'trackingNumber' | 'replacementSalesOrderId'
  >,
): BodyWrite[] {
  const writes: BodyWrite[] = [
    [body.returnId, plan.returnId],
    [body.returnStatus, plan.returnStatus],
    [body.due, instant(plan.deadline)],
  ];
  if (plan.trackingNumber !== null) writes.push([body.returnTrackingNumbers, plan.trackingNumber]);
  if (plan.replacementSalesOrderId !== null)
    writes.push([body.replacementSalesOrder, plan.replacementSalesOrderId]);
  return writes;
}

/** The body of a new RMA (after the transform). */
export function newRmaBodyWrites(plan: RmaPlan): BodyWrite[] {
  const writes: BodyWrite[] = [
    [body.externalId, plan.externalId],
    [body.orderStatus, plan.orderStatus],
    [body.memo, plan.memo],
  ];
  if (plan.locationId !== null) writes.push([body.location, plan.locationId]);
  return [...writes, ...rmaTikTokWrites(plan)];
}

/**
 * Which transformed lines stay, and what they get: for each line index, the planned line whose
 * order-line ids it carries (its `custcol_tts_line_ids` as copied), or null to remove it.
 */
export function rmaLineChanges(
  rec: RecordReader,
  plan: RmaPlan,
): { remove: number[]; set: { line: number; fields: LineWrite[] }[] } {
  const remove: number[] = [];
  const set: { line: number; fields: LineWrite[] }[] = [];
  // Keyed by item and ids: a virtual bundle's component lines may carry the same ids.
  const key = (item: string, ids: string): string => `${item}|${ids}`;
  const wanted = new Map(plan.lines.map((l) => [key(l.itemId, l.orderLineIds), l]));
  const count = rec.lineCount(items.id);
  for (let line = 0; line < count; line += 1) {
    const ids = parseTikTokLineIds(rec.lineValue(items.id, items.fields.tiktokLineIds, line)).join(',');
    const k = key(textOf(rec.lineValue(items.id, items.fields.item, line)) ?? '', ids);
    const planned = ids === '' ? undefined : wanted.get(k);
    if (planned === undefined) {
      remove.push(line);
      continue;
    }
    wanted.delete(k);
    const fields: LineWrite[] = [
      [items.fields.quantity, planned.quantity],
      [items.fields.tiktokLineIds, planned.returnedIds.join(',')],
    ];
    if (plan.locationId !== null) fields.push([items.fields.location, plan.locationId]);
    if (plan.closeLines) fields.push([items.fields.isClosed, true]);
    set.push({ line, fields });
  }
  return { remove, set };
}

/** What the status planning reads of a saved RMA. */
export function rmaState(rec: RecordReader): RmaState {
  const count = rec.lineCount(items.id);
  let received = 0;
  let closed = count > 0;
  for (let line = 0; line < count; line += 1) {
    received += numberOf(rec.lineValue(items.id, items.fields.quantityReceived, line));
    const isClosed = rec.lineValue(items.id, items.fields.isClosed, line);
    if (!(isClosed === true || isClosed === 'T')) closed = false;
  }
  return {
    orderStatus: textOf(rec.value(body.orderStatus)) === 'A' ? 'A' : 'B',
    closed,
    receivedUnits: received,
  };
}

/** Approve: Pending Receipt. */
export function approveWrites(): BodyWrite[] {
  return [[body.orderStatus, 'B']];
}

/** Close every line. */
export function closeLineWrites(rec: RecordReader): { line: number; fields: LineWrite[] }[] {
  const count = rec.lineCount(items.id);
  return Array.from({ length: count }, (_, line) => ({
    line,
    fields: [[items.fields.isClosed, true] as LineWrite],
  }));
}

export const RMA_ITEM_SUBLIST = items.id;

/** A field of the new record, else of the old one (an inline edit leaves untouched fields out). */
function either(rec: RecordReader, fallback: RecordReader | null, fieldId: BodyFieldId): unknown {
  const value = rec.value(fieldId);
  if ((value === null || value === undefined || value === '') && fallback !== null) {
    return fallback.value(fieldId);
  }
  return value;
}

/** What the return answer check reads of an RMA (shared-types/src/returns/return-answer.ts). */
export function rmaAnswerState(rec: RecordReader, fallback: RecordReader | null): RmaAnswerState {
  const due = either(rec, fallback, body.due);
  const rejectText = rec.text(body.rejectReason);
  return {
    returnId: textOf(either(rec, fallback, body.returnId)),
    returnStatus: textOf(either(rec, fallback, body.returnStatus)),
    deadlineUnix: due instanceof Date ? Math.floor(due.getTime() / 1000) : null,
    orderStatus: textOf(either(rec, fallback, body.orderStatus)),
    rejectReason: returnRejectCodeOf(
      rejectText !== null && rejectText !== '' ? rejectText : (fallback?.text(body.rejectReason) ?? ''),
    ),
  };
}

/** The RMA's TikTok shop record and order id (copied from the sales order by the transform). */
export function rmaTikTokRefs(
  rec: RecordReader,
  fallback: RecordReader | null,
): { shopRecordId: string | null; tiktokOrderId: string | null } {
  return {
    shopRecordId: idOf(either(rec, fallback, body.shop)),
    tiktokOrderId: textOf(either(rec, fallback, body.tiktokOrderId)),
  };
}

/** What `search.lookupFields` reads of an RMA for a receipt: its TikTok return, shop and order. */
export const RMA_RECEIPT_COLUMNS = Object.values(RETURN_AUTHORIZATION.search.columns);

export function rmaRefsFromLookup(values: LookupValues): {
  returnId: string | null;
  returnStatus: string | null;
  shopRecordId: string | null;
  tiktokOrderId: string | null;
} {
  const cols = RETURN_AUTHORIZATION.search.columns;
  return {
    returnId: textOf(values[cols.returnId]),
    returnStatus: textOf(values[cols.returnStatus]),
    shopRecordId: selectIdOf(values[cols.shop]),
    tiktokOrderId: textOf(values[cols.tiktokOrderId]),
  };
}
