/**
 * The TikTok Bridge Status records (custom record: create 2, save 4, submitFields 2, SuiteQL 10
 * units). Fields and queries: mappers/bridge-status-mapper.ts.
 */
import type { BridgeStatusRow, BridgeStatusWrite } from '../mappers/bridge-status-mapper';
import {
  BRIDGE_STATUS,
  BRIDGE_STATUS_QUERY,
  bridgeStatusFromRow,
  bridgeStatusWrites,
  newBridgeStatusWrites,
} from '../mappers/bridge-status-mapper';
import { createRecord, saveRecord, setBodyFields, submitBodyFields } from './netsuite-record';
import { runQuery } from './suiteql';

/** Every status record (one query). */
export function listBridgeStatus(): BridgeStatusRow[] {
  return runQuery(BRIDGE_STATUS_QUERY).flatMap((row) => bridgeStatusFromRow(row) ?? []);
}

/** Creates a shop's status record (6 units). */
export function createBridgeStatus(shopId: string, status: BridgeStatusWrite): string {
  const rec = createRecord(BRIDGE_STATUS.recordType);
  setBodyFields(rec, newBridgeStatusWrites(shopId, status));
  return saveRecord(rec);
}

/** Rewrites a shop's status record (2 units). */
export function updateBridgeStatus(id: string, status: BridgeStatusWrite): void {
  submitBodyFields(BRIDGE_STATUS.recordType, id, bridgeStatusWrites(status));
}
