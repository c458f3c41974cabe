/**
 * The TikTok refund record `customrecord_tts_refund` (docs/contracts.md): one per completed TikTok
 * refund, externalid `tts_rf_<shopId>_<refundId>`, holding the refund payload, its state (created,
 * waiting, error), the refund document, whether it ties out and what needs attention. Written by the
 * RESTlet's `refunds.upsert` (services/refund-service.ts); read by it and the exceptions page.
 */
import type { RefundDocumentType, StoredRefund } from '../../../../shared-types/src/refunds/refunds-upsert';
import type { TikTokRefund } from '../../../../shared-types/src/refunds/tiktok-refund';
import type { BodyWrite, Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import { SHOP } from './shop-mapper';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, textOf } from './values';

export const REFUND_RECORD = declareRecord({
  recordType: 'customrecord_tts_refund',
  body: {
    externalId: 'externalid',
    shop: 'custrecord_tts_rf_shop',
    refundId: 'custrecord_tts_rf_refund_id',
    orderId: 'custrecord_tts_rf_order_id',
    source: 'custrecord_tts_rf_source',
    status: 'custrecord_tts_rf_status',
    payload: 'custrecord_tts_rf_payload',
    state: 'custrecord_tts_rf_state',
    document: 'custrecord_tts_rf_doc',
    documentType: 'custrecord_tts_rf_doc_type',
    total: 'custrecord_tts_rf_total',
    tiesOut: 'custrecord_tts_rf_ties_out',
    message: 'custrecord_tts_rf_message',
  },
  suiteql: {
    table: 'customrecord_tts_refund',
    columns: {
      id: 'id',
      externalId: 'externalid',
      shop: 'custrecord_tts_rf_shop',
      refundId: 'custrecord_tts_rf_refund_id',
      orderId: 'custrecord_tts_rf_order_id',
      state: 'custrecord_tts_rf_state',
      document: 'custrecord_tts_rf_doc',
      documentType: 'custrecord_tts_rf_doc_type',
      total: 'custrecord_tts_rf_total',
      tiesOut: 'custrecord_tts_rf_ties_out',
      message: 'custrecord_tts_rf_message',
    },
  },
});

const body = REFUND_RECORD.body;
const c = REFUND_RECORD.suiteql.columns;

export type RefundState = 'created' | 'waiting' | 'error';

/** Refund records whose externalid is in `inList`. */
export function refundsByExternalIdQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.externalId} AS externalid, ${c.state} AS state, ${c.document} AS doc FROM ${REFUND_RECORD.suiteql.table} WHERE ${c.externalId} IN (${inList})`;
}

export function storedRefundFromRow(row: Row, id: string): StoredRefund {
  return { recordId: id, state: textOf(row.state), documentId: idOf(row.doc) };
}

/** The TikTok-owned fields of the record. */
export function refundPayloadWrites(
  shopRecordId: string,
  externalId: string,
  refund: TikTokRefund,
): BodyWrite[] {
  return [
    [body.externalId, externalId],
    [body.shop, shopRecordId],
    [body.refundId, refund.refund_id],
    [body.orderId, refund.order_id],
    [body.source, refund.source],
    [body.status, refund.status],
    [body.payload, JSON.stringify(refund)],
    [body.total, `${refund.refund_amount.refund_total} ${refund.refund_amount.currency}`],
  ];
}

/** The outcome on the record. */
export function refundOutcomeWrites(outcome: {
  state: RefundState;
  documentId: string | null;
  documentType: RefundDocumentType | null;
  tiesOut: boolean | null;
  message: string | null;
}): BodyWrite[] {
  return [
    [body.state, outcome.state],
    [body.document, outcome.documentId ?? ''],
    [body.documentType, outcome.documentType ?? ''],
    [body.tiesOut, outcome.tiesOut === true],
    [body.message, outcome.message ?? ''],
  ];
}

/** A refund that needs the admin (waiting, error, or does not tie out), for the exceptions page. */
export interface OpenRefundRow {
  recordId: string;
  shopName: string | null;
  refundId: string | null;
  orderId: string | null;
  state: string | null;
  documentId: string | null;
  total: string | null;
  message: string | null;
}

/** Refunds that need the admin: not `created`, or with a message, newest first. */
export function openRefundsQuery(limit: number): Sql {
  const s = SHOP.suiteql.columns;
  return sql`SELECT r.${c.id} AS id, s.${s.name} AS shop_name, r.${c.refundId} AS refund_id, r.${c.orderId} AS order_id, r.${c.state} AS state, r.${c.document} AS doc, r.${c.total} AS total, r.${c.message} AS message FROM ${REFUND_RECORD.suiteql.table} r LEFT JOIN ${SHOP.suiteql.table} s ON s.${s.id} = r.${c.shop} WHERE r.${c.state} <> 'created' OR r.${c.message} IS NOT NULL ORDER BY r.${c.id} DESC FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`;
}

export function openRefundFromRow(row: Row): OpenRefundRow | null {
  const recordId = idOf(row.id);
  if (recordId === null) return null;
  return {
    recordId,
    shopName: textOf(row.shop_name),
    refundId: textOf(row.refund_id),
    orderId: textOf(row.order_id),
    state: textOf(row.state),
    documentId: idOf(row.doc),
    total: textOf(row.total),
    message: textOf(row.message),
  };
}
