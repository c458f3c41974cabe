/**
 * The TikTok return record `customrecord_tts_return` (docs/contracts.md): one per TikTok return that
 * sends goods back, externalid `tts_ret_<shopId>_<returnId>`, holding the latest payload, its state
 * (created, waiting, error), the return authorization and what needs attention. Written by the
 * RESTlet's `returns.upsert` (services/return-service.ts); read by it and the exceptions page.
 */
import type { StoredReturn } from '../../../../shared-types/src/returns/returns-upsert';
import type { TikTokReturn } from '../../../../shared-types/src/returns/tiktok-return';
import { sellerDeadline } from '../../../../shared-types/src/returns/tiktok-return';
import type { BodyWrite, Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import { SHOP } from './shop-mapper';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, intOf, textOf } from './values';

export const RETURN_RECORD = declareRecord({
  recordType: 'customrecord_tts_return',
  body: {
    externalId: 'externalid',
    shop: 'custrecord_tts_ret_shop',
    returnId: 'custrecord_tts_ret_return_id',
    orderId: 'custrecord_tts_ret_order_id',
    type: 'custrecord_tts_ret_type',
    status: 'custrecord_tts_ret_status',
    updateTime: 'custrecord_tts_ret_update_time',
    payload: 'custrecord_tts_ret_payload',
    state: 'custrecord_tts_ret_state',
    rma: 'custrecord_tts_ret_rma',
    message: 'custrecord_tts_ret_message',
    due: 'custrecord_tts_ret_due',
  },
  suiteql: {
    table: 'customrecord_tts_return',
    columns: {
      id: 'id',
      externalId: 'externalid',
      shop: 'custrecord_tts_ret_shop',
      returnId: 'custrecord_tts_ret_return_id',
      orderId: 'custrecord_tts_ret_order_id',
      status: 'custrecord_tts_ret_status',
      updateTime: 'custrecord_tts_ret_update_time',
      state: 'custrecord_tts_ret_state',
      rma: 'custrecord_tts_ret_rma',
      message: 'custrecord_tts_ret_message',
      due: 'custrecord_tts_ret_due',
    },
  },
});

const body = RETURN_RECORD.body;
const c = RETURN_RECORD.suiteql.columns;

/** The states of a return record. */
export type ReturnState = 'created' | 'waiting' | 'error';

/** Return records whose externalid is in `inList`. */
export function returnsByExternalIdQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.externalId} AS externalid, ${c.updateTime} AS update_time, ${c.state} AS state, ${c.rma} AS rma FROM ${RETURN_RECORD.suiteql.table} WHERE ${c.externalId} IN (${inList})`;
}

export function storedReturnFromRow(row: Row, id: string): StoredReturn {
  return { recordId: id, updateTime: intOf(row.update_time), state: textOf(row.state), rmaId: idOf(row.rma) };
}

/** A Unix time as the Date a date/time field stores, or '' to clear it. */
function instant(unix: number | null): Date | string {
  return unix === null ? '' : new Date(unix * 1000);
}

/** The TikTok-owned fields of the record (payload and what it says), for a create or an update. */
export function returnPayloadWrites(
  shopRecordId: string,
  externalId: string,
  ret: TikTokReturn,
): BodyWrite[] {
  return [
    [body.externalId, externalId],
    [body.shop, shopRecordId],
    [body.returnId, ret.return_id],
    [body.orderId, ret.order_id],
    [body.type, ret.return_type],
    [body.status, ret.return_status],
    [body.updateTime, ret.update_time],
    [body.payload, JSON.stringify(ret)],
    [body.due, instant(sellerDeadline(ret))],
  ];
}

/** The outcome of the RMA work on the record. */
export function returnOutcomeWrites(
  state: ReturnState,
  rmaId: string | null,
  message: string | null,
): BodyWrite[] {
  return [
    [body.state, state],
    [body.rma, rmaId ?? ''],
    [body.message, message ?? ''],
  ];
}

/** A return that needs the admin (waiting, error, or a note), for the exceptions page. */
export interface OpenReturnRow {
  recordId: string;
  shopName: string | null;
  returnId: string | null;
  orderId: string | null;
  status: string | null;
  state: string | null;
  rmaId: string | null;
  message: string | null;
  /** The response deadline as `YYYY-MM-DD HH24:MI`, or null. */
  deadline: string | null;
}

/**
 * Returns that need the admin: not `created`, or with a message, or a response deadline still
 * ahead (the seller's answer is awaited), by deadline (the page puts those without one last).
 */
export function openReturnsQuery(limit: number): Sql {
  const s = SHOP.suiteql.columns;
  return sql`SELECT r.${c.id} AS id, s.${s.name} AS shop_name, r.${c.returnId} AS return_id, r.${c.orderId} AS order_id, r.${c.status} AS status, r.${c.state} AS state, r.${c.rma} AS rma, r.${c.message} AS message, TO_CHAR(r.${c.due}, 'YYYY-MM-DD HH24:MI') AS deadline FROM ${RETURN_RECORD.suiteql.table} r LEFT JOIN ${SHOP.suiteql.table} s ON s.${s.id} = r.${c.shop} WHERE r.${c.state} <> 'created' OR r.${c.message} IS NOT NULL OR r.${c.due} IS NOT NULL ORDER BY r.${c.due} ASC, r.${c.id} ASC FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`;
}

export function openReturnFromRow(row: Row): OpenReturnRow | null {
  const recordId = idOf(row.id);
  if (recordId === null) return null;
  return {
    recordId,
    shopName: textOf(row.shop_name),
    returnId: textOf(row.return_id),
    orderId: textOf(row.order_id),
    status: textOf(row.status),
    state: textOf(row.state),
    rmaId: idOf(row.rma),
    message: textOf(row.message),
    deadline: textOf(row.deadline),
  };
}
