/**
 * Item prices by price level, read only (issue #20, Push Price Level on the shop):
 *
 * - `pricelevel` (Setup > Accounting > Accounting Lists: Base Price, Online Price, ...): `name` and
 *   `isinactive`, to resolve the shop's Push Price Level, given as an internal id or a name.
 * - `pricing`: one row per item, price level, currency and quantity tier of the items' pricing
 *   matrices (the Pricing subtab). Only `item`, `pricelevel`, `currency` and `unitprice` are read: the
 *   columns Oracle's records catalogue lists for it. Quantity tiers are further rows at the same level
 *   and currency; the push takes the highest unit price of an item's rows, the price of one unit under
 *   a quantity discount schedule (shared-types/src/catalog/push-plan.ts `levelPricesFrom`).
 */
import type { Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { boolOf, idOf, optionalNumberOf, textOf } from './values';

export const PRICE_LEVEL = declareRecord({
  recordType: 'pricelevel',
  suiteql: {
    table: 'pricelevel',
    columns: { id: 'id', name: 'name', isInactive: 'isinactive' },
  },
});

export const PRICING = declareRecord({
  recordType: 'pricing',
  suiteql: {
    table: 'pricing',
    columns: { item: 'item', priceLevel: 'pricelevel', currency: 'currency', unitPrice: 'unitprice' },
  },
});

const l = PRICE_LEVEL.suiteql.columns;
const p = PRICING.suiteql.columns;

/** Every price level of the account (a handful). */
export const PRICE_LEVELS: Sql = sql`SELECT ${l.id} AS id, ${l.name} AS name, ${l.isInactive} AS isinactive FROM ${PRICE_LEVEL.suiteql.table}`;

export interface PriceLevelRow {
  id: string;
  name: string;
  inactive: boolean;
}

export function priceLevelFromRow(row: Row): PriceLevelRow | null {
  const id = idOf(row.id);
  const name = textOf(row.name);
  if (id === null || name === null) return null;
  return { id, name, inactive: boolOf(row.isinactive, false) };
}

/** The prices of the items in `inList` at one price level (param 1) in one currency (param 2). */
export function levelPricesQuery(inList: Sql): Sql {
  return sql`SELECT ${p.item} AS item, ${p.unitPrice} AS unitprice FROM ${PRICING.suiteql.table} WHERE ${p.priceLevel} = ? AND ${p.currency} = ? AND ${p.item} IN (${inList})`;
}

export interface LevelPriceRow {
  itemId: string;
  unitPrice: number;
}

export function levelPriceFromRow(row: Row): LevelPriceRow | null {
  const itemId = idOf(row.item);
  const unitPrice = optionalNumberOf(row.unitprice);
  if (itemId === null || unitPrice === null) return null;
  return { itemId, unitPrice };
}
