/**
 * The NetSuite → TikTok outbox `customrecord_tts_outbox`: one row per change to send, unique by
 * externalid (the idempotency key `tts_out_<kind>_<shop>_<order>_<version>`), so the same change
 * written twice is stored once.
 */
import type { OutboxState } from '../../../../shared-types/src/outbox/outbox';
import type { PendingOutboxRecord } from '../../../../shared-types/src/outbox/outbox-pull';
import type { PlannedOutboxRow } from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import type { PlannedFulfillmentRow } from '../../../../shared-types/src/fulfillments/fulfillment-capture';
import type { PlannedLabelRequest } from '../../../../shared-types/src/fulfillments/label-request';
import type { BodyWrite, Row, SubmitWrite } from './record-declaration';
import { declareRecord } from './record-declaration';
import { SHOP } from './shop-mapper';
import type { Sql } from './sql';
import { sql } from './sql';
import { boolOf, idOf, intOf, textOf } from './values';

export const OUTBOX = declareRecord({
  recordType: 'customrecord_tts_outbox',
  body: {
    externalId: 'externalid',
    name: 'name',
    shop: 'custrecord_tts_out_shop',
    kind: 'custrecord_tts_out_kind',
    orderId: 'custrecord_tts_out_order_id',
    salesOrder: 'custrecord_tts_out_sales_order',
    fulfillment: 'custrecord_tts_out_fulfillment',
    payload: 'custrecord_tts_out_payload',
    state: 'custrecord_tts_out_state',
    attempts: 'custrecord_tts_out_attempts',
    message: 'custrecord_tts_out_message',
  },
  suiteql: {
    table: 'customrecord_tts_outbox',
    columns: {
      id: 'id',
      externalId: 'externalid',
      created: 'created',
      shop: 'custrecord_tts_out_shop',
      kind: 'custrecord_tts_out_kind',
      orderId: 'custrecord_tts_out_order_id',
      salesOrder: 'custrecord_tts_out_sales_order',
      fulfillment: 'custrecord_tts_out_fulfillment',
      payload: 'custrecord_tts_out_payload',
      state: 'custrecord_tts_out_state',
      attempts: 'custrecord_tts_out_attempts',
    },
  },
});

const body = OUTBOX.body;
const table = OUTBOX.suiteql.table;
const c = OUTBOX.suiteql.columns;

/** A new pending row. */
export function newOutboxWrites(row: PlannedOutboxRow | PlannedFulfillmentRow): BodyWrite[] {
  return [
    [body.externalId, row.externalId],
    [body.name, `${row.kind} ${row.orderId}`],
    [body.shop, row.shopRecordId],
    [body.kind, row.kind],
    [body.orderId, row.orderId],
    [body.salesOrder, row.salesOrderId],
    [body.payload, JSON.stringify(row.payload)],
    [body.state, 'pending'],
    [body.attempts, 0],
  ];
}

/** A new pending fulfillment row: the row's fields and its item fulfillment. */
export function newFulfillmentOutboxWrites(row: PlannedFulfillmentRow): BodyWrite[] {
  return [...newOutboxWrites(row), [body.fulfillment, row.payload.fulfillmentId]];
}

/** A `fulfillment.ship` row of an order, as the capture reads it. */
export interface FulfillmentOutboxRow {
  id: string;
  state: string;
  fulfillmentId: string | null;
  payload: string | null;
}

/** The order's `fulfillment.ship` rows that are not skipped, oldest first (one parameter: the TikTok order id). */
export const FULFILLMENT_ROWS_OF_ORDER: Sql = sql`SELECT ${c.id} AS id, ${c.state} AS state, ${c.fulfillment} AS fulfillment, ${c.payload} AS payload FROM ${table} WHERE ${c.orderId} = ? AND ${c.kind} = 'fulfillment.ship' AND ${c.state} <> 'skipped' ORDER BY ${c.id}`;

export function fulfillmentOutboxRowFromRow(row: Row): FulfillmentOutboxRow | null {
  const id = idOf(row.id);
  return id === null
    ? null
    : {
        id,
        state: textOf(row.state) ?? 'pending',
        fulfillmentId: idOf(row.fulfillment),
        payload: textOf(row.payload),
      };
}

/** State, attempts and the result message of a row. */
export function outboxResultWrites(state: OutboxState, attempts: number, message: string): SubmitWrite[] {
  return [
    [body.state, state],
    [body.attempts, attempts],
    [body.message, message],
  ];
}

/**
 * Pending rows with their shop's flow settings; one parameter when `byShop`. Answers to buyer
 * cancellation requests and to return requests first (each has a deadline:
 * shared-types/src/cancellations/buyer-cancel-request.ts, shared-types/src/returns/return-answer.ts), then
 * oldest first.
 */
export function pendingOutboxQuery(byShop: boolean, limit: number): Sql {
  const s = SHOP.suiteql.columns;
  const shopFilter = byShop ? sql` AND o.${c.shop} = ?` : sql``;
  return sql`SELECT o.${c.id} AS id, o.${c.externalId} AS externalid, o.${c.kind} AS kind, o.${c.orderId} AS order_id, o.${c.salesOrder} AS sales_order, o.${c.payload} AS payload, o.${c.attempts} AS attempts, o.${c.created} AS created, s.${s.shopId} AS shop_id, s.${s.pullOrderUpdates} AS pull_upd, s.${s.allowCancel} AS allow_cancel, s.${s.answerReturns} AS answer_ret, s.${s.carrierMap} AS carrier_map FROM ${table} o JOIN ${SHOP.suiteql.table} s ON s.${s.id} = o.${c.shop} WHERE o.${c.state} = 'pending' AND (o.${c.kind} NOT IN ('fulfillment.ship', 'fulfillment.update', 'label.request') OR s.${s.pushFulfillments} = 'T')${shopFilter} ORDER BY CASE WHEN o.${c.kind} IN ('order.cancel_answer', 'return.answer', 'return.receive') THEN 0 ELSE 1 END, o.${c.id} FETCH FIRST ${Math.floor(limit)} ROWS ONLY`;
}

export function pendingOutboxFromRow(row: Row): PendingOutboxRecord | null {
  const id = idOf(row.id);
  return id === null
    ? null
    : {
        id,
        externalId: textOf(row.externalid),
        kind: textOf(row.kind),
        shopId: textOf(row.shop_id),
        orderId: textOf(row.order_id),
        salesOrderId: idOf(row.sales_order),
        payload: textOf(row.payload),
        attempts: intOf(row.attempts) ?? 0,
        created: textOf(row.created),
        pullOrderUpdates: boolOf(row.pull_upd, true),
        allowCancel: boolOf(row.allow_cancel, false),
        answerReturns: boolOf(row.answer_ret, false),
        carrierMap: textOf(row.carrier_map),
      };
}

export interface OutboxStatusRow {
  id: string;
  state: string | null;
  attempts: number;
  /** The item fulfillment of a fulfillment row, else null. */
  fulfillmentId?: string | null;
  kind?: string | null;
  /** The transaction whose change wrote the row (a return answer's: its return authorization). */
  transactionId?: string | null;
  /** The row's shop record and TikTok order (for the sync log entry of a refused fulfillment or answer). */
  shopRecordId?: string | null;
  orderId?: string | null;
}

/** State and attempts of the rows in `inList`. */
export function outboxStatusQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.state} AS state, ${c.attempts} AS attempts, ${c.fulfillment} AS fulfillment, ${c.kind} AS kind, ${c.salesOrder} AS sales_order, ${c.shop} AS shop, ${c.orderId} AS order_id FROM ${table} WHERE ${c.id} IN (${inList})`;
}

export function outboxStatusFromRow(row: Row, id: string): OutboxStatusRow {
  return {
    id,
    state: textOf(row.state),
    attempts: intOf(row.attempts) ?? 0,
    fulfillmentId: idOf(row.fulfillment),
    kind: textOf(row.kind),
    transactionId: idOf(row.sales_order),
    shopRecordId: idOf(row.shop),
    orderId: textOf(row.order_id),
  };
}

/** A new pending `label.request` row (shared-types/src/fulfillments/label-request.ts), with its fulfillment if any. */
export function newLabelRequestWrites(row: PlannedLabelRequest): BodyWrite[] {
  const writes: BodyWrite[] = [
    [body.externalId, row.externalId],
    [body.name, `${row.kind} ${row.orderId}`],
    [body.shop, row.shopRecordId],
    [body.kind, row.kind],
    [body.orderId, row.orderId],
    [body.salesOrder, row.salesOrderId],
    [body.payload, JSON.stringify(row.payload)],
    [body.state, 'pending'],
    [body.attempts, 0],
  ];
  return row.payload.fulfillmentId === null
    ? writes
    : [...writes, [body.fulfillment, row.payload.fulfillmentId]];
}

/** `label.request` rows of an order that were not skipped (one parameter: the TikTok order id). */
export const LABEL_ROWS_OF_ORDER: Sql = sql`SELECT ${c.id} AS id, ${c.state} AS state FROM ${table} WHERE ${c.kind} = 'label.request' AND ${c.orderId} = ? AND ${c.state} <> 'skipped'`;
