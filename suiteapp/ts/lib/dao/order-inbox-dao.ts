/**
 * The order inbox as `orders.upsert` and the import store, claim and take it (custom record:
 * create/load 2, save 4, submitFields 2, SuiteQL 10 units). Fields and queries:
 * mappers/order-inbox-mapper.ts.
 */
import type { InboxClaimState } from '../../../../shared-types/src/inbox/import-claim';
import type { PendingInboxRow } from '../../../../shared-types/src/import/import-work';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { InboxChanges, InboxSnapshot } from '../../../../shared-types/src/inbox/inbox-upsert';
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
  pendingInboxQuery,
  claimStateFromRecord,
  claimWrites,
} from '../mappers/order-inbox-mapper';
import { indexRows } from '../mappers/values';
import { errorName } from '../platform/errors';
import type { NetSuiteRecord } from './netsuite-record';
import {
  createRecord,
  loadRecord,
  readerOf,
  saveRecord,
  setBodyFields,
  submitBodyFields,
} from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

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

/**
 * Ids and shops of pending inbox records no import run holds at `nowUnix`, oldest first (one
 * query; SuiteQL returns ≤ 5,000 rows).
 */
export function listPendingInbox(nowUnix: number): InboxRef[] {
  const pending = pendingInboxQuery(nowUnix);
  return runQuery(pending.sql, pending.params).flatMap((row) => inboxRefFromRow(row) ?? []);
}

export interface LoadedInboxClaim {
  state: InboxClaimState;
  handle: NetSuiteRecord;
}

/** Loads an inbox record for the import's claim or its outcome write (2 units). */
export function loadInboxClaim(id: string): LoadedInboxClaim {
  const rec = loadRecord(ORDER_INBOX.recordType, id);
  return { state: claimStateFromRecord(readerOf(rec)), handle: rec };
}

/**
 * Saves the claim on the loaded record (4 units). False when the record changed since it was
 * loaded (RCRD_HAS_BEEN_CHANGED: the inbox record type has optimistic locking): another run
 * claimed it, or the RESTlet stored a newer payload.
 */
export function saveInboxClaim(loaded: LoadedInboxClaim, token: string, until: number): boolean {
  setBodyFields(loaded.handle, claimWrites(token, until));
  try {
    saveRecord(loaded.handle);
    return true;
  } catch (e) {
    if (errorName(e) === 'RCRD_HAS_BEEN_CHANGED') return false;
    throw e;
  }
}

/**
 * Saves the change on the loaded record (4 units). Throws RCRD_HAS_BEEN_CHANGED when the record
 * changed since it was loaded (optimistic locking): the caller loads it again and decides again.
 */
export function saveInboxChanges(loaded: LoadedInboxClaim, changes: InboxChanges): void {
  setBodyFields(loaded.handle, inboxWrites(changes));
  saveRecord(loaded.handle, { enableSourcing: false, ignoreMandatoryFields: true });
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
