import * as record from 'N/record';
import type { PendingInboxRow } from '../../../../shared-types/src/import-work';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import type { InboxFieldValues, InboxSnapshot } from '../../../../shared-types/src/inbox-upsert';
import { INBOX_FIELDS, INBOX_RECORD } from '../../../../shared-types/src/netsuite-ids';
import { idOf, indexRows, intOf, runInChunks, runQuery, textOf } from './suiteql';

/**
 * The order inbox `customrecord_tts_order` (custom record: create 2, save 4, submitFields 2,
 * SuiteQL 10 units).
 */

/** Inbox records by externalid, in one query per 500 ids. */
export function findInboxesByExternalId(externalIds: readonly string[]): Map<string, InboxSnapshot> {
  const rows = runInChunks(
    [...new Set(externalIds)],
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, externalid, ${INBOX_FIELDS.updateTime} AS update_time, ${INBOX_FIELDS.state} AS state, ${INBOX_FIELDS.salesOrder} AS sales_order FROM ${INBOX_RECORD} WHERE externalid IN (${inList})`,
  );
  return indexRows(rows, 'externalid', (row, id): InboxSnapshot => ({
    id,
    updateTime: intOf(row.update_time),
    state: textOf(row.state),
    salesOrderId: idOf(row.sales_order),
  }));
}

/** The latest TikTok payload stored for an inbox record (one SuiteQL query, 10 units); null when none. */
export function findInboxPayload(externalId: string): string | null {
  const [row] = runQuery(
    `SELECT ${INBOX_FIELDS.payload} AS payload FROM ${INBOX_RECORD} WHERE externalid = ?`,
    [externalId],
  );
  return row === undefined ? null : textOf(row.payload);
}

/** Creates an inbox record named `name` (6 units); throws DUP_RCRD when the externalid exists. */
export function createInbox(externalId: string, name: string, values: InboxFieldValues): string {
  const inbox = record.create({ type: INBOX_RECORD });
  inbox.setValue({ fieldId: 'externalid', value: externalId });
  inbox.setValue({ fieldId: 'name', value: name });
  for (const [fieldId, value] of Object.entries(values)) {
    inbox.setValue({ fieldId, value });
  }
  return String(inbox.save());
}

/** Writes fields of one inbox record in one `submitFields` (2 units). */
export function updateInbox(id: string, values: InboxFieldValues): void {
  record.submitFields({
    type: INBOX_RECORD,
    id,
    values,
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}

export interface PendingRef {
  id: string;
  shopRecordId: string;
}

/** Ids and shops of pending inbox records, oldest first (one query; SuiteQL returns ≤ 5,000 rows). */
export function listPendingInbox(): PendingRef[] {
  const rows = runQuery(
    `SELECT id, ${INBOX_FIELDS.shop} AS shop FROM ${INBOX_RECORD} WHERE ${INBOX_FIELDS.state} = ? ORDER BY id`,
    ['pending'],
  );
  return rows.flatMap((row) => {
    const id = idOf(row.id);
    const shopRecordId = idOf(row.shop);
    return id !== null && shopRecordId !== null ? [{ id, shopRecordId }] : [];
  });
}

/** Payloads of the given inbox records that are still pending (one query per 500). */
export function loadPendingInbox(ids: readonly string[]): PendingInboxRow[] {
  const rows = runInChunks(
    ids,
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, ${INBOX_FIELDS.shop} AS shop, ${INBOX_FIELDS.orderId} AS order_id, ${INBOX_FIELDS.payload} AS payload, ${INBOX_FIELDS.attempts} AS attempts FROM ${INBOX_RECORD} WHERE ${INBOX_FIELDS.state} = 'pending' AND id IN (${inList}) ORDER BY id`,
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
