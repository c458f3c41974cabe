/**
 * The sync log `customrecord_tts_log` (custom record: create 2, save 4; SuiteQL 10 units; a counting
 * search 5). Fields and queries: mappers/sync-log-mapper.ts.
 */
import { GOVERNANCE_LOG_FLOW } from '../../../../shared-types/src/doctor/governance-log';
import type { LogEntry, LogRow } from '../mappers/sync-log-mapper';
import { logEntryWrites, logRowFromRow, recentLogQuery, SYNC_LOG } from '../mappers/sync-log-mapper';
import { createRecord, saveRecord, searchCount, setBodyFields } from './netsuite-record';
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

/**
 * Entries of the last day (created since yesterday's start, NetSuite's calendar) saying a script ran
 * low on usage units (Flow `governance`): one counting search, 5 units.
 */
export function countRecentGovernanceEntries(): number {
  const f = SYNC_LOG.search.filters;
  return searchCount(SYNC_LOG.recordType, [
    [f.flow, 'is', GOVERNANCE_LOG_FLOW],
    [f.created, 'onorafter', 'daysago1'],
  ]);
}
