/**
 * The TikTok Bridge Status record `customrecord_tts_bridge_status` (issue #21), externalid
 * `tts_bs_<shopId>`: one per shop, written by the bridge's heartbeat (`bridge.heartbeat`,
 * shared-types/src/doctor/heartbeat.ts) and read by the connector home.
 */
import type { BridgeShopFacts } from '../../../../shared-types/src/doctor/heartbeat';
import { parseStoredFacts } from '../../../../shared-types/src/doctor/heartbeat';
import type { BodyWrite, Row, SubmitWrite } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, textOf } from './values';

export const BRIDGE_STATUS = declareRecord({
  recordType: 'customrecord_tts_bridge_status',
  body: {
    externalId: 'externalid',
    shop: 'custrecord_tts_bs_shop',
    received: 'custrecord_tts_bs_received',
    bridgeUrl: 'custrecord_tts_bs_bridge_url',
    facts: 'custrecord_tts_bs_facts',
    netsuiteError: 'custrecord_tts_bs_ns_error',
  },
  suiteql: {
    table: 'customrecord_tts_bridge_status',
    columns: {
      id: 'id',
      externalId: 'externalid',
      shop: 'custrecord_tts_bs_shop',
      received: 'custrecord_tts_bs_received',
      bridgeUrl: 'custrecord_tts_bs_bridge_url',
      facts: 'custrecord_tts_bs_facts',
      netsuiteError: 'custrecord_tts_bs_ns_error',
    },
  },
});

const body = BRIDGE_STATUS.body;
const c = BRIDGE_STATUS.suiteql.columns;

/** The status record's externalid for a TikTok shop id. */
export function bridgeStatusExternalId(shopId: string): string {
  return `tts_bs_${shopId}`;
}

export interface BridgeStatusWrite {
  shopRecordId: string;
  receivedAt: string;
  bridgeUrl: string;
  facts: BridgeShopFacts;
  netsuiteError: string | null;
}

/** The fields a heartbeat writes (all of them: the record is the bridge's). */
export function bridgeStatusWrites(status: BridgeStatusWrite): SubmitWrite[] {
  return [
    [body.shop, status.shopRecordId],
    [body.received, status.receivedAt],
    [body.bridgeUrl, status.bridgeUrl],
    [body.facts, JSON.stringify(status.facts)],
    [body.netsuiteError, status.netsuiteError ?? ''],
  ];
}

export function newBridgeStatusWrites(shopId: string, status: BridgeStatusWrite): BodyWrite[] {
  return [[body.externalId, bridgeStatusExternalId(shopId)], ...bridgeStatusWrites(status)];
}

/** Every status record (one per shop). */
export const BRIDGE_STATUS_QUERY: Sql = sql`SELECT ${c.id} AS id, ${c.externalId} AS externalid, ${c.shop} AS shop, ${c.received} AS received, ${c.bridgeUrl} AS bridge_url, ${c.facts} AS facts, ${c.netsuiteError} AS ns_error FROM ${BRIDGE_STATUS.suiteql.table} ORDER BY ${c.id} ASC`;

export interface BridgeStatusRow {
  id: string;
  externalId: string;
  shopRecordId: string | null;
  receivedAtMs: number | null;
  bridgeUrl: string | null;
  facts: BridgeShopFacts | null;
  netsuiteError: string | null;
}

export function bridgeStatusFromRow(row: Row): BridgeStatusRow | null {
  const id = idOf(row.id);
  if (id === null) return null;
  const received = textOf(row.received);
  const at = received === null ? NaN : Date.parse(received);
  return {
    id,
    externalId: textOf(row.externalid) ?? '',
    shopRecordId: idOf(row.shop),
    receivedAtMs: Number.isNaN(at) ? null : at,
    bridgeUrl: textOf(row.bridge_url),
    facts: parseStoredFacts(textOf(row.facts)),
    netsuiteError: textOf(row.ns_error),
  };
}
