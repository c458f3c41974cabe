import { MAX_IMPORT_ATTEMPTS } from '../../../../shared-types/src/import-failure';
import type { PendingInboxRow } from '../../../../shared-types/src/import-work';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import { INBOX_FIELDS, INBOX_RECORD } from '../../../../shared-types/src/netsuite-ids';
import { INBOX_RETRY_AT_FIELD } from '../../../../shared-types/src/order-ids';
import { idOf, indexRows, intOf, runInChunks, runQuery, textOf } from './suiteql';

/**
 * The inbox records an import run takes (SuiteQL 10 units per query): `pending` ones, and `error`
 * ones whose automatic retry time (`custrecord_tts_ord_retry_at`, Unix s) has come, below the
 * maximum number of attempts. `waiting` records (UNPAID/ON_HOLD) are not taken: only a newer
 * payload sets them back to pending.
 */

const DUE = `(${INBOX_FIELDS.state} = 'pending' OR (${INBOX_FIELDS.state} = 'error' AND ${INBOX_RETRY_AT_FIELD} IS NOT NULL AND ${INBOX_RETRY_AT_FIELD} <= ? AND NVL(${INBOX_FIELDS.attempts}, 0) < ${MAX_IMPORT_ATTEMPTS}))`;

export interface CandidateRef {
  id: string;
  shopRecordId: string;
  orderId: string;
}

/** Ids, shops and order ids of the records due for import, oldest first (one query, ≤ 5,000 rows). */
export function listImportCandidates(nowUnix: number): CandidateRef[] {
  const rows = runQuery(
    `SELECT id, ${INBOX_FIELDS.shop} AS shop, ${INBOX_FIELDS.orderId} AS order_id FROM ${INBOX_RECORD} WHERE ${DUE} ORDER BY id`,
    [nowUnix],
  );
  return rows.flatMap((row) => {
    const id = idOf(row.id);
    const shopRecordId = idOf(row.shop);
    return id !== null && shopRecordId !== null
      ? [{ id, shopRecordId, orderId: textOf(row.order_id) ?? '' }]
      : [];
  });
}

/** Payloads of the given records that are still due (one query per 500). */
export function loadImportRows(ids: readonly string[], nowUnix: number): PendingInboxRow[] {
  const rows = runInChunks(
    ids,
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, ${INBOX_FIELDS.shop} AS shop, ${INBOX_FIELDS.orderId} AS order_id, ${INBOX_FIELDS.payload} AS payload, ${INBOX_FIELDS.attempts} AS attempts FROM ${INBOX_RECORD} WHERE ${DUE.replace('?', String(Math.floor(nowUnix)))} AND id IN (${inList}) ORDER BY id`,
  );
  return rows.flatMap((row) => {
    const id = idOf(row.id);
    const shopRecordId = idOf(row.shop);
    if (id === null || shopRecordId === null) {
      return [];
    }
    return [
      {
        id,
        shopRecordId,
        orderId: textOf(row.order_id) ?? '',
        payload: textOf(row.payload),
        attempts: intOf(row.attempts) ?? 0,
      },
    ];
  });
}

/** Attempts and order ids of inbox records (one query per 500), for summarize's failures. */
export function loadAttempts(
  ids: readonly string[],
): Map<string, { attempts: number; orderId: string | null }> {
  const rows = runInChunks(
    ids,
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, ${INBOX_FIELDS.attempts} AS attempts, ${INBOX_FIELDS.orderId} AS order_id FROM ${INBOX_RECORD} WHERE id IN (${inList})`,
  );
  return indexRows(rows, 'id', (row) => ({
    attempts: intOf(row.attempts) ?? 0,
    orderId: textOf(row.order_id),
  }));
}
