import * as record from 'N/record';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import {
  OUTBOX_FIELDS,
  OUTBOX_RECORD,
  SHOP_ALLOW_CANCEL_FIELD,
  SHOP_FIELDS,
  SHOP_PULL_ORDER_UPDATES_FIELD,
  SHOP_RECORD,
} from '../../../../shared-types/src/netsuite-ids';
import type { OutboxState } from '../../../../shared-types/src/outbox';
import type { PendingOutboxRecord } from '../../../../shared-types/src/outbox-pull';
import type { PlannedOutboxRow } from '../../../../shared-types/src/sales-order-outbox-plan';
import { isDuplicateRecord } from '../platform/errors';
import { boolOf, idOf, indexRows, intOf, runInChunks, runQuery, textOf } from './suiteql';

/**
 * The outbox `customrecord_tts_outbox` (custom record: create 2, save 4, submitFields 2,
 * SuiteQL 10 units). Rows are unique by externalid, so writing the same change twice stores it once.
 */

/** Units one `createOutboxRow` costs. */
export const OUTBOX_WRITE_UNITS = 6;

/** Creates a pending row (6 units); null when a row with its externalid exists already. */
export function createOutboxRow(row: PlannedOutboxRow): string | null {
  const rec = record.create({ type: OUTBOX_RECORD });
  rec.setValue({ fieldId: 'externalid', value: row.externalId });
  rec.setValue({ fieldId: 'name', value: `${row.kind} ${row.orderId}` });
  rec.setValue({ fieldId: OUTBOX_FIELDS.shop, value: row.shopRecordId });
  rec.setValue({ fieldId: OUTBOX_FIELDS.kind, value: row.kind });
  rec.setValue({ fieldId: OUTBOX_FIELDS.orderId, value: row.orderId });
  rec.setValue({ fieldId: OUTBOX_FIELDS.salesOrder, value: row.salesOrderId });
  rec.setValue({ fieldId: OUTBOX_FIELDS.payload, value: JSON.stringify(row.payload) });
  rec.setValue({ fieldId: OUTBOX_FIELDS.state, value: 'pending' });
  rec.setValue({ fieldId: OUTBOX_FIELDS.attempts, value: 0 });
  try {
    return String(rec.save());
  } catch (e) {
    if (isDuplicateRecord(e)) {
      return null;
    }
    throw e;
  }
}

/** Pending rows, oldest first, with their shop's flow settings (one query, 10 units). */
export function listPendingOutbox(shopRecordId: string | null, limit: number): PendingOutboxRecord[] {
  const f = OUTBOX_FIELDS;
  const shopFilter = shopRecordId === null ? '' : ` AND o.${f.shop} = ?`;
  const rows = runQuery(
    `SELECT o.id, o.externalid, o.${f.kind} AS kind, o.${f.orderId} AS order_id, o.${f.salesOrder} AS sales_order, o.${f.payload} AS payload, o.${f.attempts} AS attempts, o.created AS created, s.${SHOP_FIELDS.shopId} AS shop_id, s.${SHOP_PULL_ORDER_UPDATES_FIELD} AS pull_upd, s.${SHOP_ALLOW_CANCEL_FIELD} AS allow_cancel FROM ${OUTBOX_RECORD} o JOIN ${SHOP_RECORD} s ON s.id = o.${f.shop} WHERE o.${f.state} = 'pending'${shopFilter} ORDER BY o.id FETCH FIRST ${Math.floor(limit)} ROWS ONLY`,
    shopRecordId === null ? [] : [shopRecordId],
  );
  return rows.flatMap((row) => {
    const id = idOf(row.id);
    if (id === null) {
      return [];
    }
    return [
      {
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
      },
    ];
  });
}

export interface OutboxStatusRow {
  id: string;
  state: string | null;
  attempts: number;
}

/** State and attempts of the given rows (one query per 500). */
export function loadOutboxStatus(ids: readonly string[]): Map<string, OutboxStatusRow> {
  const rows = runInChunks(
    [...new Set(ids)],
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, ${OUTBOX_FIELDS.state} AS state, ${OUTBOX_FIELDS.attempts} AS attempts FROM ${OUTBOX_RECORD} WHERE id IN (${inList})`,
  );
  return indexRows(rows, 'id', (row, id): OutboxStatusRow => ({
    id,
    state: textOf(row.state),
    attempts: intOf(row.attempts) ?? 0,
  }));
}

/** Writes state, attempts and the result message of one row (2 units). */
export function updateOutboxRow(id: string, state: OutboxState, attempts: number, message: string): void {
  record.submitFields({
    type: OUTBOX_RECORD,
    id,
    values: {
      [OUTBOX_FIELDS.state]: state,
      [OUTBOX_FIELDS.attempts]: attempts,
      [OUTBOX_FIELDS.message]: message,
    },
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}
