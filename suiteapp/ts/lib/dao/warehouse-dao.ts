/**
 * TikTok warehouses `customrecord_tts_warehouse` (custom record: create 2, save 4, submitFields 2,
 * SuiteQL 10 units). Fields and queries: mappers/warehouse-mapper.ts.
 */
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { WarehouseFields } from '../../../../shared-types/src/contract/warehouse-upsert';
import type { StoredWarehouseRow } from '../mappers/warehouse-mapper';
import {
  newWarehouseWrites,
  WAREHOUSE,
  warehouseFromRow,
  warehousesByExternalIdQuery,
  warehousesOfShopQuery,
  warehouseStatusWrite,
  warehouseSuggestionsWrite,
  warehouseWrites,
} from '../mappers/warehouse-mapper';
import { indexRows } from '../mappers/values';
import { createRecord, saveRecord, setBodyFields, submitBodyFields } from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/** Warehouse records by externalid, in one query per 500 ids. */
export function findWarehousesByExternalId(externalIds: readonly string[]): Map<string, StoredWarehouseRow> {
  const rows = runInChunks([...new Set(externalIds)], LOOKUP_CHUNK_SIZE, warehousesByExternalIdQuery);
  return indexRows(rows, 'externalid', warehouseFromRow);
}

/** Creates a warehouse record (6 units); throws DUP_RCRD when the externalid exists. */
export function createWarehouse(externalId: string, fields: WarehouseFields): string {
  const rec = createRecord(WAREHOUSE.recordType);
  setBodyFields(rec, newWarehouseWrites(externalId, fields));
  return saveRecord(rec);
}

/** Updates the bridge-owned fields of a warehouse record (2 units). */
export function updateWarehouse(id: string, fields: WarehouseFields): void {
  submitBodyFields(WAREHOUSE.recordType, id, warehouseWrites(fields));
}

/** Every warehouse record of a shop (one SuiteQL, 10 units). */
export function findWarehousesOfShop(shopRecordId: string): StoredWarehouseRow[] {
  return runQuery(warehousesOfShopQuery(), [shopRecordId]).map((row) =>
    warehouseFromRow(row, String(row.id)),
  );
}

/** Sets a warehouse record's TikTok Warehouse Status (2 units). */
export function setWarehouseStatus(id: string, status: string): void {
  submitBodyFields(WAREHOUSE.recordType, id, warehouseStatusWrite(status));
}

/** Writes a warehouse record's Suggested Locations (2 units). */
export function setWarehouseSuggestions(id: string, text: string): void {
  submitBodyFields(WAREHOUSE.recordType, id, warehouseSuggestionsWrite(text));
}
