/**
 * The sync log `customrecord_tts_log` (custom record: create 2, save 4; SuiteQL 10 units). Fields
 * and queries: mappers/sync-log-mapper.ts.
 */
import type { LogEntry, LogRow } from '../mappers/sync-log-mapper';
import { logEntryWrites, logRowFromRow, recentLogQuery, SYNC_LOG } from '../mappers/sync-log-mapper';
import { createRecord, saveRecord, setBodyFields } from './netsuite-record';
import { runQuery } from './suiteql';

/** Writes one log entry (6 units) and returns its id. */
export function writeLogEntry(entry: LogEntry): string {
  const rec = createRecord(SYNC_LOG.recordType);
  setBodyFields(rec, logEntryWrites(entry));
  return saveRecord(rec);
}

/** The newest log entries, newest first (one query). */
export function listRecentLog(limit: number): LogRow[] {
  return runQuery(recentLogQuery(limit)).flatMap((row) => logRowFromRow(row) ?? []);
}
