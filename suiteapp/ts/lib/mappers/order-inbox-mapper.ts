/**
 * The order inbox `customrecord_tts_order` (docs/contracts.md): one record per TikTok order,
 * externalid `tts_order_<shopId>_<orderId>`, holding the latest payload, its state and what to fix.
 * Written by the RESTlet (orders.upsert, Retry), the import and the order updates; read by those
 * and the exceptions page.
 */
import { MAX_IMPORT_ATTEMPTS } from '../../../../shared-types/src/import/import-failure';
import type { InboxClaimState } from '../../../../shared-types/src/inbox/import-claim';
import type { PendingInboxRow } from '../../../../shared-types/src/import/import-work';
import type { InboxChanges, InboxSnapshot } from '../../../../shared-types/src/inbox/inbox-upsert';
import type { BodyWrite, RecordReader, Row, SubmitWrite } from './record-declaration';
import { declareRecord } from './record-declaration';
import { SHOP } from './shop-mapper';
import type { Sql } from './sql';
import { placeholders, sql } from './sql';
import { boolOf, idOf, intOf, textOf } from './values';

export const ORDER_INBOX = declareRecord({
  recordType: 'customrecord_tts_order',
  body: {
    externalId: 'externalid',
    name: 'name',
    shop: 'custrecord_tts_ord_shop',
    orderId: 'custrecord_tts_ord_order_id',
    tiktokStatus: 'custrecord_tts_ord_status',
    updateTime: 'custrecord_tts_ord_update_time',
    payload: 'custrecord_tts_ord_payload',
    state: 'custrecord_tts_ord_state',
    salesOrder: 'custrecord_tts_ord_sales_order',
    message: 'custrecord_tts_ord_error',
    attempts: 'custrecord_tts_ord_attempts',
    retryAt: 'custrecord_tts_ord_retry_at',
    updatePending: 'custrecord_tts_ord_update_pending',
    claim: 'custrecord_tts_ord_claim',
    claimUntil: 'custrecord_tts_ord_claim_until',
  },
  suiteql: {
    table: 'customrecord_tts_order',
    columns: {
      id: 'id',
      externalId: 'externalid',
      lastModified: 'lastmodified',
      shop: 'custrecord_tts_ord_shop',
      orderId: 'custrecord_tts_ord_order_id',
      tiktokStatus: 'custrecord_tts_ord_status',
      updateTime: 'custrecord_tts_ord_update_time',
      payload: 'custrecord_tts_ord_payload',
      state: 'custrecord_tts_ord_state',
      salesOrder: 'custrecord_tts_ord_sales_order',
      message: 'custrecord_tts_ord_error',
      attempts: 'custrecord_tts_ord_attempts',
      retryAt: 'custrecord_tts_ord_retry_at',
      updatePending: 'custrecord_tts_ord_update_pending',
      claim: 'custrecord_tts_ord_claim',
      claimUntil: 'custrecord_tts_ord_claim_until',
    },
  },
});

const body = ORDER_INBOX.body;
const table = ORDER_INBOX.suiteql.table;
const c = ORDER_INBOX.suiteql.columns;

/** The fields of a change, in a stable order; null and absent-but-cleared values are written as ''. */
export function inboxWrites(changes: InboxChanges): SubmitWrite[] {
  const writes: SubmitWrite[] = [];
  const put = (fieldId: typeof body.shop, value: string | number | boolean | null | undefined): void => {
    if (value !== undefined) writes.push([fieldId, value ?? '']);
  };
  put(body.shop, changes.shopRecordId);
  put(body.orderId, changes.orderId);
  put(body.tiktokStatus, changes.tiktokStatus);
  put(body.updateTime, changes.updateTime);
  put(body.payload, changes.payload);
  put(body.state, changes.state);
  put(body.salesOrder, changes.salesOrderId);
  put(body.message, changes.message);
  put(body.attempts, changes.attempts);
  put(body.retryAt, changes.retryAt);
  put(body.updatePending, changes.updatePending);
  put(body.claim, changes.claim);
  put(body.claimUntil, changes.claimUntil);
  return writes;
}

/** A new inbox record: externalid and name, then the change's fields. */
export function newInboxWrites(externalId: string, name: string, changes: InboxChanges): BodyWrite[] {
  return [[body.externalId, externalId], [body.name, name], ...inboxWrites(changes)];
}

/** Inbox records whose externalid is in `inList`. */
export function inboxesByExternalIdQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.externalId} AS externalid, ${c.updateTime} AS update_time, ${c.state} AS state, ${c.salesOrder} AS sales_order, ${c.tiktokStatus} AS tiktok_status, ${c.payload} AS payload FROM ${table} WHERE ${c.externalId} IN (${inList})`;
}

export function inboxSnapshotFromRow(row: Row, id: string): InboxSnapshot {
  return {
    id,
    updateTime: intOf(row.update_time),
    state: textOf(row.state),
    salesOrderId: idOf(row.sales_order),
    tiktokStatus: textOf(row.tiktok_status),
    payload: textOf(row.payload),
  };
}

/** The stored payload of the inbox record with the given externalid (one parameter). */
/**
 * The TikTok orders of a shop NetSuite has received but not imported (no sales order; not skipped or
 * cancelled): their stock is not committed yet, so the bridge holds it back (issue #16).
 */
export const OPEN_ORDERS_OF_SHOP: Sql = sql`SELECT ${c.orderId} AS order_id FROM ${table} WHERE ${c.shop} = ? AND ${c.salesOrder} IS NULL AND NVL(${c.state}, 'pending') NOT IN ('imported', 'skipped', 'cancelled')`;

export const PAYLOAD_BY_EXTERNAL_ID: Sql = sql`SELECT ${c.payload} AS payload FROM ${table} WHERE ${c.externalId} = ?`;

export function payloadFromRow(row: Row | undefined): string | null {
  return row === undefined ? null : textOf(row.payload);
}

export interface InboxRef {
  id: string;
  shopRecordId: string;
}

/** Records no import run holds at `nowUnix`: no claim, or one that has expired (import-claim.ts). */
function unclaimed(nowUnix: number): Sql {
  return sql`(${c.claimUntil} IS NULL OR ${c.claimUntil} <= ${Math.floor(nowUnix)})`;
}

/**
 * Records not waiting for the order updates: no newer payload flagged on an order that has a sales
 * order (shared-types/src/inbox/import-claim.ts `awaitsOrderUpdates`, the same rule).
 */
const notAwaitingUpdates: Sql = sql`(NVL(${c.updatePending}, 'F') = 'F' OR ${c.salesOrder} IS NULL)`;

/** Pending records no import run holds at `nowUnix`, oldest first (one parameter: 'pending'). */
export function pendingInboxQuery(nowUnix: number): { sql: Sql; params: string[] } {
  return {
    sql: sql`SELECT ${c.id} AS id, ${c.shop} AS shop FROM ${table} WHERE ${c.state} = ? AND ${unclaimed(nowUnix)} AND ${notAwaitingUpdates} ORDER BY ${c.id}`,
    params: ['pending'],
  };
}

export function inboxRefFromRow(row: Row): InboxRef | null {
  const id = idOf(row.id);
  const shopRecordId = idOf(row.shop);
  return id !== null && shopRecordId !== null ? { id, shopRecordId } : null;
}

/**
 * Due for import at `nowUnix`: `pending`, or `error` whose automatic retry time has come below the
 * maximum number of attempts, and not waiting for the order updates (shared-types/src/inbox/import-claim.ts
 * `isDueForImport`, the same rule). `waiting` records are not due: only a newer payload sets them back.
 */
function due(nowUnix: number): Sql {
  return sql`(${c.state} = 'pending' OR (${c.state} = 'error' AND ${c.retryAt} IS NOT NULL AND ${c.retryAt} <= ${Math.floor(nowUnix)} AND NVL(${c.attempts}, 0) < ${MAX_IMPORT_ATTEMPTS})) AND ${notAwaitingUpdates}`;
}

export interface CandidateRef extends InboxRef {
  orderId: string;
}

/** Ids, shops and order ids of the records due for import that no run holds, oldest first. */
export function importCandidatesQuery(nowUnix: number): Sql {
  return sql`SELECT ${c.id} AS id, ${c.shop} AS shop, ${c.orderId} AS order_id FROM ${table} WHERE ${due(nowUnix)} AND ${unclaimed(nowUnix)} ORDER BY ${c.id}`;
}

export function candidateFromRow(row: Row): CandidateRef | null {
  const ref = inboxRefFromRow(row);
  return ref === null ? null : { ...ref, orderId: textOf(row.order_id) ?? '' };
}

/** Payloads of the records in `inList` that are still due and unclaimed. */
export function importRowsQuery(nowUnix: number, inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.shop} AS shop, ${c.orderId} AS order_id, ${c.payload} AS payload, ${c.attempts} AS attempts, ${c.updateTime} AS update_time, ${c.salesOrder} AS sales_order FROM ${table} WHERE ${due(nowUnix)} AND ${unclaimed(nowUnix)} AND ${c.id} IN (${inList}) ORDER BY ${c.id}`;
}

export function importRowFromRow(row: Row): PendingInboxRow | null {
  const ref = inboxRefFromRow(row);
  return ref === null
    ? null
    : {
        id: ref.id,
        shopRecordId: ref.shopRecordId,
        orderId: textOf(row.order_id) ?? '',
        payload: textOf(row.payload),
        attempts: intOf(row.attempts) ?? 0,
        updateTime: intOf(row.update_time),
        salesOrderId: idOf(row.sales_order),
      };
}

/** Attempts and order ids of the records in `inList` (summarize's failures). */
export function attemptsQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.attempts} AS attempts, ${c.orderId} AS order_id FROM ${table} WHERE ${c.id} IN (${inList})`;
}

export function attemptsFromRow(row: Row): { attempts: number; orderId: string | null } {
  return { attempts: intOf(row.attempts) ?? 0, orderId: textOf(row.order_id) };
}

/** Ids flagged for the order updates, oldest first, at most `cap`. */
export function updatePendingQuery(cap: number): Sql {
  return sql`SELECT ${c.id} AS id FROM ${table} WHERE ${c.updatePending} = 'T' ORDER BY ${c.id} FETCH FIRST ${Math.max(1, Math.floor(cap))} ROWS ONLY`;
}

export interface InboxRetryRow {
  id: string;
  state: string | null;
  salesOrderId: string | null;
}

/** State and sales order of the records in `inList`. */
export function retryRowsQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.state} AS state, ${c.salesOrder} AS sales_order FROM ${table} WHERE ${c.id} IN (${inList})`;
}

export function retryRowFromRow(row: Row, id: string): InboxRetryRow {
  return { id, state: textOf(row.state), salesOrderId: idOf(row.sales_order) };
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

/** Records in the given states with their shop's name, most recently changed first. */
export function reviewQuery(states: readonly string[], limit: number): { sql: Sql; params: string[] } {
  const s = SHOP.suiteql.columns;
  return {
    sql: sql`SELECT o.${c.id} AS id, s.${s.name} AS shop_name, o.${c.orderId} AS order_id, o.${c.state} AS state, o.${c.message} AS message, o.${c.attempts} AS attempts, TO_CHAR(o.${c.lastModified}, 'YYYY-MM-DD HH24:MI') AS last_modified, o.${c.salesOrder} AS sales_order FROM ${table} o LEFT JOIN ${SHOP.suiteql.table} s ON s.${s.id} = o.${c.shop} WHERE o.${c.state} IN (${placeholders(states.length)}) ORDER BY o.${c.lastModified} DESC, o.${c.id} DESC FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`,
    params: [...states],
  };
}

export function reviewRowFromRow(row: Row): InboxReviewRow | null {
  const id = idOf(row.id);
  return id === null
    ? null
    : {
        id,
        shopName: textOf(row.shop_name),
        orderId: textOf(row.order_id),
        state: textOf(row.state),
        message: textOf(row.message),
        attempts: intOf(row.attempts) ?? 0,
        lastModified: textOf(row.last_modified),
        salesOrderId: idOf(row.sales_order),
      };
}

/**
 * What the import's claim and its outcome write read from the loaded inbox record
 * (shared-types/src/inbox/import-claim.ts, import-outcome.ts).
 */
export function claimStateFromRecord(rec: RecordReader): InboxClaimState {
  return {
    state: textOf(rec.value(body.state)),
    retryAt: intOf(rec.value(body.retryAt)),
    attempts: intOf(rec.value(body.attempts)) ?? 0,
    claim: textOf(rec.value(body.claim)),
    claimUntil: intOf(rec.value(body.claimUntil)),
    updateTime: intOf(rec.value(body.updateTime)),
    salesOrderId: idOf(rec.value(body.salesOrder)),
    updatePending: boolOf(rec.value(body.updatePending), false),
  };
}

/** The claim of an import run, set on the loaded record. */
export function claimWrites(token: string, until: number): BodyWrite[] {
  return [
    [body.claim, token],
    [body.claimUntil, until],
  ];
}

/** An inbox record as the order updates read it after `record.load`. */
export interface InboxRecordState {
  id: string;
  shopRecordId: string | null;
  orderId: string;
  payload: string | null;
  attempts: number;
  state: string | null;
  message: string | null;
  salesOrderId: string | null;
  updatePending: boolean;
  updateTime: number | null;
}

export function inboxFromRecord(id: string, rec: RecordReader): InboxRecordState {
  return {
    id,
    shopRecordId: textOf(rec.value(body.shop)),
    orderId: textOf(rec.value(body.orderId)) ?? '',
    payload: textOf(rec.value(body.payload)),
    attempts: intOf(rec.value(body.attempts)) ?? 0,
    state: textOf(rec.value(body.state)),
    message: textOf(rec.value(body.message)),
    salesOrderId: textOf(rec.value(body.salesOrder)),
    updatePending: boolOf(rec.value(body.updatePending), false),
    updateTime: intOf(rec.value(body.updateTime)),
  };
}
