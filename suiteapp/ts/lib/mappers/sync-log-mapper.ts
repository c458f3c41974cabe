/**
 * The sync log `customrecord_tts_log`: what the connector did or could not do (tie-out
 * exceptions, test-order reviews, update exceptions), shown on the exceptions page.
 */
import { TEXTAREA_SAFE_LENGTH } from '../../../../shared-types/src/netsuite/netsuite-ids';
import type { BodyWrite, Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import { SHOP } from './shop-mapper';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, textOf } from './values';

export const SYNC_LOG = declareRecord({
  recordType: 'customrecord_tts_log',
  body: {
    shop: 'custrecord_tts_log_shop',
    level: 'custrecord_tts_log_level',
    flow: 'custrecord_tts_log_flow',
    message: 'custrecord_tts_log_message',
    recordType: 'custrecord_tts_log_record_type',
    recordId: 'custrecord_tts_log_record_id',
    tiktokId: 'custrecord_tts_log_tiktok_id',
  },
  search: { filters: { flow: 'custrecord_tts_log_flow', created: 'created' } },
  suiteql: {
    table: 'customrecord_tts_log',
    columns: {
      id: 'id',
      created: 'created',
      shop: 'custrecord_tts_log_shop',
      level: 'custrecord_tts_log_level',
      flow: 'custrecord_tts_log_flow',
      message: 'custrecord_tts_log_message',
      recordType: 'custrecord_tts_log_record_type',
      recordId: 'custrecord_tts_log_record_id',
      tiktokId: 'custrecord_tts_log_tiktok_id',
    },
  },
});

export type LogLevel = 'info' | 'warning' | 'error';

export interface LogEntry {
  shopRecordId: string | null;
  level: LogLevel;
  flow: string;
  message: string;
  /** The record the entry is about, as text (`salesorder`, `customrecord_tts_order`), or null. */
  recordType: string | null;
  recordId: string | null;
  tiktokId: string | null;
}

/** The fields of a log entry; the message is cut to what a TEXTAREA holds, empty values are left out. */
export function logEntryWrites(entry: LogEntry): BodyWrite[] {
  const body = SYNC_LOG.body;
  const message =
    entry.message.length > TEXTAREA_SAFE_LENGTH
      ? `${entry.message.slice(0, TEXTAREA_SAFE_LENGTH - 3)}...`
      : entry.message;
  const values: [typeof body.shop, string | null][] = [
    [body.shop, entry.shopRecordId],
    [body.level, entry.level],
    [body.flow, entry.flow],
    [body.message, message],
    [body.recordType, entry.recordType],
    [body.recordId, entry.recordId],
    [body.tiktokId, entry.tiktokId],
  ];
  return values.flatMap(([fieldId, value]): BodyWrite[] => (value === null ? [] : [[fieldId, value]]));
}

export interface LogRow {
  id: string;
  created: string | null;
  shopName: string | null;
  level: string | null;
  flow: string | null;
  message: string | null;
  recordType: string | null;
  recordId: string | null;
  tiktokId: string | null;
}

/** The newest entries with their shop's name, newest first. */
export function recentLogQuery(limit: number): Sql {
  const c = SYNC_LOG.suiteql.columns;
  const s = SHOP.suiteql.columns;
  return sql`SELECT l.${c.id} AS id, TO_CHAR(l.${c.created}, 'YYYY-MM-DD HH24:MI') AS created, s.${s.name} AS shop_name, l.${c.level} AS log_level, l.${c.flow} AS flow, l.${c.message} AS message, l.${c.recordType} AS record_type, l.${c.recordId} AS record_id, l.${c.tiktokId} AS tiktok_id FROM ${SYNC_LOG.suiteql.table} l LEFT JOIN ${SHOP.suiteql.table} s ON s.${s.id} = l.${c.shop} ORDER BY l.${c.created} DESC, l.${c.id} DESC FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`;
}

export function logRowFromRow(row: Row): LogRow | null {
  const id = idOf(row.id);
  return id === null
    ? null
    : {
        id,
        created: textOf(row.created),
        shopName: textOf(row.shop_name),
        level: textOf(row.log_level),
        flow: textOf(row.flow),
        message: textOf(row.message),
        recordType: textOf(row.record_type),
        recordId: textOf(row.record_id),
        tiktokId: textOf(row.tiktok_id),
      };
}
