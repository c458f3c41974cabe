import * as record from 'N/record';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import { WAREHOUSE_FIELDS, WAREHOUSE_RECORD } from '../../../../shared-types/src/order-ids';
import type { WarehouseLink } from '../../../../shared-types/src/order-location';
import type { StoredWarehouse } from '../../../../shared-types/src/warehouse-upsert';
import { boolOf, idOf, indexRows, runInChunks, textOf } from './suiteql';

/**
 * TikTok warehouses `customrecord_tts_warehouse` (custom record: create 2, save 4, submitFields 2,
 * SuiteQL 10 units), externalid `tts_wh_<shopId>_<warehouseId>`.
 */

export type StoredWarehouseRow = StoredWarehouse & WarehouseLink & { externalId: string };

/** Warehouse records by externalid, in one query per 500 ids. */
export function findWarehousesByExternalId(externalIds: readonly string[]): Map<string, StoredWarehouseRow> {
  const f = WAREHOUSE_FIELDS;
  const rows = runInChunks(
    [...new Set(externalIds)],
    LOOKUP_CHUNK_SIZE,
    (inList) =>
      `SELECT id, externalid, ${f.warehouseId} AS wh_id, ${f.name} AS wh_name, ${f.type} AS wh_type, ${f.isDefault} AS wh_default, ${f.location} AS wh_location FROM ${WAREHOUSE_RECORD} WHERE externalid IN (${inList})`,
  );
  return indexRows(rows, 'externalid', (row, id): StoredWarehouseRow => ({
    externalId: textOf(row.externalid) ?? '',
    id,
    recordId: id,
    warehouseId: textOf(row.wh_id) ?? '',
    name: textOf(row.wh_name) ?? '',
    type: textOf(row.wh_type),
    isDefault: boolOf(row.wh_default, false),
    locationId: idOf(row.wh_location),
  }));
}

/** Creates a warehouse record (6 units); throws DUP_RCRD when the externalid exists. */
export function createWarehouse(externalId: string, values: Record<string, string | boolean>): string {
  const rec = record.create({ type: WAREHOUSE_RECORD });
  rec.setValue({ fieldId: 'externalid', value: externalId });
  for (const [fieldId, value] of Object.entries(values)) {
    rec.setValue({ fieldId, value });
  }
  return String(rec.save());
}

/** Updates the given fields of a warehouse record (2 units). */
export function updateWarehouse(id: string, values: Record<string, string | boolean>): void {
  record.submitFields({
    type: WAREHOUSE_RECORD,
    id,
    values,
    options: { enableSourcing: false, ignoreMandatoryFields: true },
  });
}
