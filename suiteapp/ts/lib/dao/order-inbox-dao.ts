import type { PendingInboxRow } from '../../../../shared-types/src/import-work';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import type { InboxChanges, InboxSnapshot } from '../../../../shared-types/src/inbox-upsert';
import type { CandidateRef, InboxRef } from '../mappers/order-inbox-mapper';
import {
  attemptsFromRow,
  attemptsQuery,
  candidateFromRow,
  importCandidatesQuery,
  importRowFromRow,
  importRowsQuery,
  inboxesByExternalIdQuery,
  inboxRefFromRow,
  inboxSnapshotFromRow,
  inboxWrites,
  newInboxWrites,
  ORDER_INBOX,
  PAYLOAD_BY_EXTERNAL_ID,
  payloadFromRow,
  PENDING_INBOX,
} from '../mappers/order-inbox-mapper';
import { indexRows } from '../mappers/values';
import { createRecord, saveRecord, setBodyFields, submitBodyFields } from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/**
 * The order inbox as `orders.upsert` and the import store and take it (custom record: create 2,
 * save 4, submitFields 2, SuiteQL 10 units). Fields and queries: mappers/order-inbox-mapper.ts.
 */

/** Inbox records by externalid, in one query per 500 ids. */
export function findInboxesByExternalId(externalIds: readonly string[]): Map<string, InboxSnapshot> {
  const rows = runInChunks([...new Set(externalIds)], LOOKUP_CHUNK_SIZE, inboxesByExternalIdQuery);
  return indexRows(rows, 'externalid', inboxSnapshotFromRow);
}

/** The latest TikTok payload stored for an inbox record (10 units); null when none. */
export function findInboxPayload(externalId: string): string | null {
  return payloadFromRow(runQuery(PAYLOAD_BY_EXTERNAL_ID, [externalId])[0]);
}

/** Creates an inbox record named `name` (6 units); throws DUP_RCRD when the externalid exists. */
export function createInbox(externalId: string, name: string, changes: InboxChanges): string {
  const inbox = createRecord(ORDER_INBOX.recordType);
  setBodyFields(inbox, newInboxWrites(externalId, name, changes));
  return saveRecord(inbox);
}

/** Writes a change to one inbox record in one `submitFields` (2 units). */
export function updateInbox(id: string, changes: InboxChanges): void {
  submitBodyFields(ORDER_INBOX.recordType, id, inboxWrites(changes));
}

/** Ids and shops of pending inbox records, oldest first (one query; SuiteQL returns ≤ 5,000 rows). */
export function listPendingInbox(): InboxRef[] {
  return runQuery(PENDING_INBOX.sql, PENDING_INBOX.params).flatMap((row) => inboxRefFromRow(row) ?? []);
}

/** Ids, shops and order ids of the records due for import at `nowUnix`, oldest first (one query). */
export function listImportCandidates(nowUnix: number): CandidateRef[] {
  return runQuery(importCandidatesQuery(nowUnix)).flatMap((row) => candidateFromRow(row) ?? []);
}

/** Payloads of the given records that are still due (one query per 500). */
export function loadImportRows(ids: readonly string[], nowUnix: number): PendingInboxRow[] {
  return runInChunks(ids, LOOKUP_CHUNK_SIZE, (inList) => importRowsQuery(nowUnix, inList)).flatMap(
    (row) => importRowFromRow(row) ?? [],
  );
}

/** Attempts and order ids of inbox records (one query per 500), for summarize's failures. */
export function loadAttempts(
  ids: readonly string[],
): Map<string, { attempts: number; orderId: string | null }> {
  return indexRows(runInChunks(ids, LOOKUP_CHUNK_SIZE, attemptsQuery), 'id', attemptsFromRow);
}
