import * as record from 'N/record';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import type { InboxFieldValues } from '../../../../shared-types/src/inbox-upsert';
import {
  INBOX_FIELDS,
  INBOX_RECORD,
  SHOP_FIELDS,
  SHOP_RECORD,
} from '../../../../shared-types/src/netsuite-ids';
import { errorName } from '../platform/errors';
import { idOf, indexRows, intOf, runInChunks, runQuery, textOf } from './suiteql';

/**
 * The order inbox as the order updates, Retry and the exceptions page read and write it (custom
 * record: load 2, save 4, submitFields 2, SuiteQL 10 units).
 */

/** Inbox ids flagged for the order updates (`custrecord_tts_ord_update_pending` = T), oldest first. */
export function listUpdatePendingInbox(cap: number): string[] {
  const rows = runQuery(
    `SELECT id FROM ${INBOX_RECORD} WHERE ${INBOX_FIELDS.updatePending} = 'T' ORDER BY id FETCH FIRST ${Math.max(1, Math.floor(cap))} ROWS ONLY`,
  );
  return rows.flatMap((row) => {
    const id = idOf(row.id);
    return id === null ? [] : [id];
  });
}

/** An inbox record loaded for a change that must not overwrite a newer payload. */
export interface InboxForUpdate {
  id: string;
  shopRecordId: string | null;
  orderId: string;
  payload: string | null;
  attempts: number;
  state: string | null;
  error: string | null;
  salesOrderId: string | null;
  updatePending: boolean;
  updateTime: number | null;
  /** The loaded record, saved back by saveInboxIfUnchanged. */
  handle: record.Record;
}

function text(rec: record.Record, fieldId: string): string | null {
  const value = rec.getValue({ fieldId });
  return value === null || value === undefined || value === '' ? null : String(value);
}

/** Loads one inbox record (2 units). */
export function loadInboxForUpdate(id: string): InboxForUpdate {
  const rec = record.load({ type: INBOX_RECORD, id });
  const attempts = Number(rec.getValue({ fieldId: INBOX_FIELDS.attempts }));
  const updateTime = Number(rec.getValue({ fieldId: INBOX_FIELDS.updateTime }));
  const flag = rec.getValue({ fieldId: INBOX_FIELDS.updatePending });
  return {
    id,
    shopRecordId: text(rec, INBOX_FIELDS.shop),
    orderId: text(rec, INBOX_FIELDS.orderId) ?? '',
    payload: text(rec, INBOX_FIELDS.payload),
    attempts: Number.isSafeInteger(attempts) ? attempts : 0,
    state: text(rec, INBOX_FIELDS.state),
    error: text(rec, INBOX_FIELDS.error),
    salesOrderId: text(rec, INBOX_FIELDS.salesOrder),
    updatePending: flag === true || flag === 'T',
    updateTime: Number.isSafeInteger(updateTime) ? updateTime : null,
    handle: rec,
  };
}

/**
 * Saves the loaded inbox record with `values` (4 units). Returns false, saving nothing, when the
 * record changed since it was loaded (optimistic locking: a newer payload arrived, and it stays
 * flagged for the next run).
 */
export function saveInboxIfUnchanged(inbox: InboxForUpdate, values: InboxFieldValues): boolean {
  for (const [fieldId, value] of Object.entries(values)) {
    inbox.handle.setValue({ fieldId, value });
  }
  try {
    inbox.handle.save({ enableSourcing: false, ignoreMandatoryFields: true });
    return true;
  } catch (e) {
    if (errorName(e) === 'RCRD_HAS_BEEN_CHANGED') {
      return false;
    }
    throw e;
  }
}

export interface InboxRetryRow {
  id: string;
  state: string | null;
  salesOrderId: string | null;
}

/** State and sales order of the given inbox records (one query per 500 ids). */
export function loadInboxRetryRows(ids: readonly string[]): Map<string, InboxRetryRow> {
  const rows = runInChunks(
    [...new Set(ids)],
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, ${INBOX_FIELDS.state} AS state, ${INBOX_FIELDS.salesOrder} AS sales_order FROM ${INBOX_RECORD} WHERE id IN (${inList})`,
  );
  return indexRows(rows, 'id', (row, id): InboxRetryRow => ({
    id,
    state: textOf(row.state),
    salesOrderId: idOf(row.sales_order),
  }));
}

export interface InboxReviewRow {
  id: string;
  shopName: string | null;
  orderId: string | null;
  state: string | null;
  message: string | null;
  attempts: number;
  lastModified: string | null;
  salesOrderId: string | null;
}

/** Inbox records in the given states, most recently changed first (one query). */
export function listInboxForReview(states: readonly string[], limit: number): InboxReviewRow[] {
  const f = INBOX_FIELDS;
  const rows = runQuery(
    `SELECT o.id AS id, s.${SHOP_FIELDS.name} AS shop_name, o.${f.orderId} AS order_id, o.${f.state} AS state, o.${f.error} AS message, o.${f.attempts} AS attempts, TO_CHAR(o.lastmodified, 'YYYY-MM-DD HH24:MI') AS last_modified, o.${f.salesOrder} AS sales_order FROM ${INBOX_RECORD} o LEFT JOIN ${SHOP_RECORD} s ON s.id = o.${f.shop} WHERE o.${f.state} IN (${states.map(() => '?').join(', ')}) ORDER BY o.lastmodified DESC, o.id DESC FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`,
    [...states],
  );
  return rows.flatMap((row) => {
    const id = idOf(row.id);
    if (id === null) {
      return [];
    }
    return [
      {
        id,
        shopName: textOf(row.shop_name),
        orderId: textOf(row.order_id),
        state: textOf(row.state),
        message: textOf(row.message),
        attempts: intOf(row.attempts) ?? 0,
        lastModified: textOf(row.last_modified),
        salesOrderId: idOf(row.sales_order),
      },
    ];
  });
}
