/**
 * TikTok warehouses `customrecord_tts_warehouse`, externalid `tts_wh_<shopId>_<warehouseId>`: the
 * bridge writes name, type, default flag, TikTok status and suggested locations; an admin links each
 * to one or more NetSuite locations and may choose the Primary Location its orders are booked at
 * (`shared-types/src/inventory/warehouse-links.ts`).
 */
import type { WarehouseLink } from '../../../../shared-types/src/orders/order-location';
import type {
  StoredWarehouse,
  WarehouseFields,
} from '../../../../shared-types/src/contract/warehouse-upsert';
import { orderLocationOf, parseLocationIds } from '../../../../shared-types/src/inventory/warehouse-links';
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
    status: 'custrecord_tts_wh_status',
    suggestions: 'custrecord_tts_wh_suggest',
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
      shop: 'custrecord_tts_wh_shop',
      locations: 'custrecord_tts_wh_locations',
      status: 'custrecord_tts_wh_status',
      suggestions: 'custrecord_tts_wh_suggest',
    },
  },
});

const body = WAREHOUSE.body;
const c = WAREHOUSE.suiteql.columns;

export type StoredWarehouseRow = StoredWarehouse &
  WarehouseLink & {
    externalId: string;
    /** Primary Location as set (null: not set). */
    primaryLocationId: string | null;
    /** Linked NetSuite Locations, sorted. */
    locationIds: string[];
    /** Suggested Locations as written (empty: none). */
    suggestions: string;
  };

/** Warehouse records whose externalid is in `inList`. */
export function warehousesByExternalIdQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.externalId} AS externalid, ${c.warehouseId} AS wh_id, ${c.name} AS wh_name, ${c.type} AS wh_type, ${c.isDefault} AS wh_default, ${c.location} AS wh_location, ${c.locations} AS wh_locations, ${c.status} AS wh_status, ${c.suggestions} AS wh_suggest FROM ${WAREHOUSE.suiteql.table} WHERE ${c.externalId} IN (${inList})`;
}

/** Every warehouse record of a shop (parameter: the shop record's internal id). */
export function warehousesOfShopQuery(): Sql {
  return sql`SELECT ${c.id} AS id, ${c.externalId} AS externalid, ${c.warehouseId} AS wh_id, ${c.name} AS wh_name, ${c.type} AS wh_type, ${c.isDefault} AS wh_default, ${c.location} AS wh_location, ${c.locations} AS wh_locations, ${c.status} AS wh_status FROM ${WAREHOUSE.suiteql.table} WHERE ${c.shop} = ?`;
}

/** Marks a warehouse gone from TikTok's list. */
export function warehouseStatusWrite(status: string): SubmitWrite[] {
  return [[body.status, status]];
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
    status: textOf(row.wh_status),
    primaryLocationId: idOf(row.wh_location),
    locationIds: parseLocationIds(row.wh_locations),
    suggestions: textOf(row.wh_suggest) ?? '',
    locationId: orderLocationOf(idOf(row.wh_location), parseLocationIds(row.wh_locations)),
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
    [body.status, fields.status],
  ];
}

/** A new warehouse record: its externalid, then the bridge-owned fields. */
export function newWarehouseWrites(externalId: string, fields: WarehouseFields): BodyWrite[] {
  return [[body.externalId, externalId], ...warehouseWrites(fields)];
}

/** Suggested Locations, written by the connector (the links stay the admin's). */
export function warehouseSuggestionsWrite(text: string): SubmitWrite[] {
  return [[body.suggestions, text]];
}
