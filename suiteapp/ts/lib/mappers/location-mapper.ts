/** Locations, read only: name and active state of those an order may use. */
import type { LocationState } from '../../../../shared-types/src/orders/order-location';
import type { Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { boolOf, idOf, textOf } from './values';

export const LOCATION = declareRecord({
  recordType: 'location',
  suiteql: { table: 'location', columns: { id: 'id', name: 'name', isInactive: 'isinactive' } },
});

const c = LOCATION.suiteql.columns;

/** The locations whose id is in `inList`. */
export function locationsQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.name} AS name, ${c.isInactive} AS isinactive FROM ${LOCATION.suiteql.table} WHERE ${c.id} IN (${inList})`;
}

export function locationFromRow(row: Row): { id: string; state: LocationState } | null {
  const id = idOf(row.id);
  return id === null
    ? null
    : { id, state: { name: textOf(row.name) ?? id, inactive: boolOf(row.isinactive, false) } };
}
