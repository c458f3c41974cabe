/**
 * The order inbox as the order updates, Retry and the exceptions page read and write it (custom
 * record: load 2, save 4, submitFields 2, SuiteQL 10 units). Fields and queries:
 * mappers/order-inbox-mapper.ts.
 */
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { InboxChanges } from '../../../../shared-types/src/inbox/inbox-upsert';
import type { InboxRecordState, InboxRetryRow, InboxReviewRow } from '../mappers/order-inbox-mapper';
import {
  inboxFromRecord,
  inboxWrites,
  ORDER_INBOX,
  retryRowFromRow,
  retryRowsQuery,
  reviewQuery,
  reviewRowFromRow,
  updatePendingQuery,
} from '../mappers/order-inbox-mapper';
import { idOf, indexRows } from '../mappers/values';
import { errorName } from '../platform/errors';
import type { NetSuiteRecord } from './netsuite-record';
import { loadRecord, readerOf, saveRecord, setBodyFields } from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/** Inbox ids flagged for the order updates, oldest first (one query). */
export function listUpdatePendingInbox(cap: number): string[] {
  return runQuery(updatePendingQuery(cap)).flatMap((row) => idOf(row.id) ?? []);
}

/** An inbox record loaded for a change that must not overwrite a newer payload. */
export interface InboxForUpdate extends InboxRecordState {
  /** The loaded record, saved back by saveInboxIfUnchanged. */
  handle: NetSuiteRecord;
}

/** Loads one inbox record (2 units). */
export function loadInboxForUpdate(id: string): InboxForUpdate {
  const rec = loadRecord(ORDER_INBOX.recordType, id);
  return { ...inboxFromRecord(id, readerOf(rec)), handle: rec };
}

/**
 * Saves the loaded inbox record with the change (4 units). Returns false, saving nothing, when the
 * record changed since it was loaded (optimistic locking: a newer payload arrived, and it stays
 * flagged for the next run).
 */
export function saveInboxIfUnchanged(inbox: InboxForUpdate, changes: InboxChanges): boolean {
  setBodyFields(inbox.handle, inboxWrites(changes));
  try {
    saveRecord(inbox.handle, { enableSourcing: false, ignoreMandatoryFields: true });
    return true;
  } catch (e) {
    if (errorName(e) === 'RCRD_HAS_BEEN_CHANGED') {
      return false;
    }
    throw e;
  }
}

/** State and sales order of the given inbox records (one query per 500 ids). */
export function loadInboxRetryRows(ids: readonly string[]): Map<string, InboxRetryRow> {
  const rows = runInChunks([...new Set(ids)], LOOKUP_CHUNK_SIZE, retryRowsQuery);
  return indexRows(rows, 'id', retryRowFromRow);
}

/** Inbox records in the given states, most recently changed first (one query). */
export function listInboxForReview(states: readonly string[], limit: number): InboxReviewRow[] {
  const statement = reviewQuery(states, limit);
  return runQuery(statement.sql, statement.params).flatMap((row) => reviewRowFromRow(row) ?? []);
}
