import * as record from 'N/record';
import { TEXTAREA_SAFE_LENGTH } from '../../../../shared-types/src/netsuite-ids';
import { LOG_FIELDS, LOG_RECORD } from '../../../../shared-types/src/order-ids';
import { SHOP_FIELDS, SHOP_RECORD } from '../../../../shared-types/src/netsuite-ids';
import { idOf, runQuery, textOf } from './suiteql';

/** The sync log `customrecord_tts_log` (custom record: create 2, save 4; SuiteQL 10 units). */

export type LogLevel = 'info' | 'warning' | 'error';

export interface LogEntry {
  shopRecordId: string | null;
  level: LogLevel;
  flow: string;
  message: string;
  recordType: string | null;
  recordId: string | null;
  tiktokId: string | null;
}

/** Writes one log entry (6 units) and returns its id. */
export function writeLogEntry(entry: LogEntry): string {
  const rec = record.create({ type: LOG_RECORD });
  const message =
    entry.message.length > TEXTAREA_SAFE_LENGTH
      ? `${entry.message.slice(0, TEXTAREA_SAFE_LENGTH - 3)}...`
      : entry.message;
  const values: [string, string | null][] = [
    [LOG_FIELDS.shop, entry.shopRecordId],
    [LOG_FIELDS.level, entry.level],
    [LOG_FIELDS.flow, entry.flow],
    [LOG_FIELDS.message, message],
    [LOG_FIELDS.recordType, entry.recordType],
    [LOG_FIELDS.recordId, entry.recordId],
    [LOG_FIELDS.tiktokId, entry.tiktokId],
  ];
  for (const [fieldId, value] of values) {
    if (value !== null) {
      rec.setValue({ fieldId, value });
    }
  }
  return String(rec.save());
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

/** The newest log entries, newest first (one query). */
export function listRecentLog(limit: number): LogRow[] {
  const f = LOG_FIELDS;
  const rows = runQuery(
    `SELECT l.id AS id, TO_CHAR(l.created, 'YYYY-MM-DD HH24:MI') AS created, s.${SHOP_FIELDS.name} AS shop_name, l.${f.level} AS log_level, l.${f.flow} AS flow, l.${f.message} AS message, l.${f.recordType} AS record_type, l.${f.recordId} AS record_id, l.${f.tiktokId} AS tiktok_id FROM ${LOG_RECORD} l LEFT JOIN ${SHOP_RECORD} s ON s.id = l.${f.shop} ORDER BY l.created DESC, l.id DESC FETCH FIRST ${Math.max(1, Math.floor(limit))} ROWS ONLY`,
  );
  return rows.flatMap((row) => {
    const id = idOf(row.id);
    if (id === null) {
      return [];
    }
    return [
      {
        id,
        created: textOf(row.created),
        shopName: textOf(row.shop_name),
        level: textOf(row.log_level),
        flow: textOf(row.flow),
        message: textOf(row.message),
        recordType: textOf(row.record_type),
        recordId: textOf(row.record_id),
        tiktokId: textOf(row.tiktok_id),
      },
    ];
  });
}
