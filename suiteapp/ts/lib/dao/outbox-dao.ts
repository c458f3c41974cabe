/**
 * The outbox `customrecord_tts_outbox` (custom record: create 2, save 4, submitFields 2, SuiteQL 10
 * units). Fields and queries: mappers/outbox-mapper.ts.
 */
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { OutboxState } from '../../../../shared-types/src/outbox/outbox';
import type { PendingOutboxRecord } from '../../../../shared-types/src/outbox/outbox-pull';
import type { PlannedOutboxRow } from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import type { FulfillmentOutboxRow, OutboxStatusRow } from '../mappers/outbox-mapper';
import type { PlannedFulfillmentRow } from '../../../../shared-types/src/fulfillments/fulfillment-capture';
import type { PlannedLabelRequest } from '../../../../shared-types/src/fulfillments/label-request';
import {
  FULFILLMENT_ROWS_OF_ORDER,
  fulfillmentOutboxRowFromRow,
  LABEL_ROWS_OF_ORDER,
  newLabelRequestWrites,
  newFulfillmentOutboxWrites,
  newOutboxWrites,
  OUTBOX,
  outboxResultWrites,
  outboxStatusFromRow,
  outboxStatusQuery,
  pendingOutboxFromRow,
  pendingOutboxQuery,
} from '../mappers/outbox-mapper';
import { indexRows } from '../mappers/values';
import { isDuplicateRecord } from '../platform/errors';
import { createRecord, saveRecord, setBodyFields, submitBodyFields } from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/** Units one `createOutboxRow` costs. */
export const OUTBOX_WRITE_UNITS = 6;

/** Creates a pending row (6 units); null when a row with its externalid exists already. */
export function createOutboxRow(row: PlannedOutboxRow): string | null {
  const rec = createRecord(OUTBOX.recordType);
  setBodyFields(rec, newOutboxWrites(row));
  try {
    return saveRecord(rec);
  } catch (e) {
    if (isDuplicateRecord(e)) {
      return null;
    }
    throw e;
  }
}

/** Creates a pending fulfillment row (6 units); null when its externalid exists already. */
export function createFulfillmentOutboxRow(row: PlannedFulfillmentRow): string | null {
  const rec = createRecord(OUTBOX.recordType);
  setBodyFields(rec, newFulfillmentOutboxWrites(row));
  try {
    return saveRecord(rec);
  } catch (e) {
    if (isDuplicateRecord(e)) {
      return null;
    }
    throw e;
  }
}

/** The order's `fulfillment.ship` rows not skipped (one query, 10 units). */
export function listFulfillmentRows(tiktokOrderId: string): FulfillmentOutboxRow[] {
  return runQuery(FULFILLMENT_ROWS_OF_ORDER, [tiktokOrderId]).flatMap(
    (row) => fulfillmentOutboxRowFromRow(row) ?? [],
  );
}

/** Pending rows, oldest first, with their shop's flow settings (one query, 10 units). */
export function listPendingOutbox(shopRecordId: string | null, limit: number): PendingOutboxRecord[] {
  return runQuery(
    pendingOutboxQuery(shopRecordId !== null, limit),
    shopRecordId === null ? [] : [shopRecordId],
  ).flatMap((row) => pendingOutboxFromRow(row) ?? []);
}

/** State and attempts of the given rows (one query per 500). */
export function loadOutboxStatus(ids: readonly string[]): Map<string, OutboxStatusRow> {
  return indexRows(
    runInChunks([...new Set(ids)], LOOKUP_CHUNK_SIZE, outboxStatusQuery),
    'id',
    outboxStatusFromRow,
  );
}

/** Writes state, attempts and the result message of one row (2 units). */
export function updateOutboxRow(id: string, state: OutboxState, attempts: number, message: string): void {
  submitBodyFields(OUTBOX.recordType, id, outboxResultWrites(state, attempts, message));
}

/** Creates a pending `label.request` row (6 units); null when its externalid exists already. */
export function createLabelRequestRow(row: PlannedLabelRequest): string | null {
  const rec = createRecord(OUTBOX.recordType);
  setBodyFields(rec, newLabelRequestWrites(row));
  try {
    return saveRecord(rec);
  } catch (e) {
    if (isDuplicateRecord(e)) return null;
    throw e;
  }
}

/** Whether the order has a `label.request` row that was not skipped (one query, 10 units). */
export function hasLabelRequest(tiktokOrderId: string): boolean {
  return runQuery(LABEL_ROWS_OF_ORDER, [tiktokOrderId]).length > 0;
}
