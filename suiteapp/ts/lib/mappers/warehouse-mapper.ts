/**
 * TikTok warehouses `customrecord_tts_warehouse`, externalid `tts_wh_<shopId>_<warehouseId>`: the
 * bridge writes name, type and default flag; an admin links each to a NetSuite location.
 */
import type { WarehouseLink } from '../../../../shared-types/src/orders/order-location';
import type {
  StoredWarehouse,
  WarehouseFields,
} from '../../../../shared-types/src/contract/warehouse-upsert';
import type { BodyWrite, Row, SubmitWrite } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { boolOf, idOf, textOf } from './values';

export const WAREHOUSE = declareRecord({
  recordType: 'customrecord_tts_warehouse',
  body: {
    externalId: 'externalid',
    name: 'name',
    shop: 'custrecord_tts_wh_shop',
    warehouseId: 'custrecord_tts_wh_id',
    warehouseName: 'custrecord_tts_wh_name',
    type: 'custrecord_tts_wh_type',
    isDefault: 'custrecord_tts_wh_default',
  },
  suiteql: {
    table: 'customrecord_tts_warehouse',
    columns: {
      id: 'id',
      externalId: 'externalid',
      warehouseId: 'custrecord_tts_wh_id',
      name: 'custrecord_tts_wh_name',
      type: 'custrecord_tts_wh_type',
      isDefault: 'custrecord_tts_wh_default',
      location: 'custrecord_tts_wh_location',
    },
  },
});

const body = WAREHOUSE.body;
const c = WAREHOUSE.suiteql.columns;

export type StoredWarehouseRow = StoredWarehouse & WarehouseLink & { externalId: string };

/** Warehouse records whose externalid is in `inList`. */
export function warehousesByExternalIdQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.externalId} AS externalid, ${c.warehouseId} AS wh_id, ${c.name} AS wh_name, ${c.type} AS wh_type, ${c.isDefault} AS wh_default, ${c.location} AS wh_location FROM ${WAREHOUSE.suiteql.table} WHERE ${c.externalId} IN (${inList})`;
}

export function warehouseFromRow(row: Row, id: string): StoredWarehouseRow {
  return {
    externalId: textOf(row.externalid) ?? '',
    id,
    recordId: id,
    warehouseId: textOf(row.wh_id) ?? '',
    name: textOf(row.wh_name) ?? '',
    type: textOf(row.wh_type),
    isDefault: boolOf(row.wh_default, false),
    locationId: idOf(row.wh_location),
  };
}

/** The bridge-owned fields (never the location link): the record name is the warehouse name. */
export function warehouseWrites(fields: WarehouseFields): SubmitWrite[] {
  return [
    [body.name, fields.name],
    [body.shop, fields.shopRecordId],
    [body.warehouseId, fields.warehouseId],
    [body.warehouseName, fields.name],
    [body.type, fields.type],
    [body.isDefault, fields.isDefault],
  ];
}

/** A new warehouse record: its externalid, then the bridge-owned fields. */
export function newWarehouseWrites(externalId: string, fields: WarehouseFields): BodyWrite[] {
  return [[body.externalId, externalId], ...warehouseWrites(fields)];
}
