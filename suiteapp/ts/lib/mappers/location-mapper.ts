/**
 * Locations, read only: name and active state of those an order may use, and name, city and postal code
 * for suggested warehouse links.
 */
import type { LocationState } from '../../../../shared-types/src/orders/order-location';
import type { SuggestLocation } from '../../../../shared-types/src/inventory/link-suggestions';
import type { Row, SearchColumnId } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { boolOf, idOf, textOf } from './values';

export const LOCATION = declareRecord({
  recordType: 'location',
  suiteql: { table: 'location', columns: { id: 'id', name: 'name', isInactive: 'isinactive' } },
  // Suggested warehouse links compare names and the main address (Oracle's Records Browser, location search columns).
  search: { columns: { name: 'name', city: 'city', zip: 'zip', isInactive: 'isinactive' } },
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

export const LOCATION_SUGGEST_COLUMNS: SearchColumnId[] = [
  LOCATION.search.columns.name,
  LOCATION.search.columns.city,
  LOCATION.search.columns.zip,
  LOCATION.search.columns.isInactive,
];

/** A location search result as the link suggestions read it. */
export function suggestLocationFromResult(
  id: string,
  value: (column: SearchColumnId) => unknown,
): SuggestLocation {
  const col = LOCATION.search.columns;
  const inactive = value(col.isInactive);
  return {
    locationId: id,
    name: textOf(value(col.name)) ?? id,
    inactive: inactive === true || inactive === 'T',
    address: { postalCode: textOf(value(col.zip)), city: textOf(value(col.city)) },
  };
}
