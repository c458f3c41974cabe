/**
 * Item prices: the emulator's copy of an item record's Pricing sublist (the price matrix: price level
 * × quantity tier, one matrix per currency with Multiple Currencies), kept in the table `item_prices`
 * beside the records, as `carrier_integrations` is.
 *
 * The Pricing sublist is not scriptable in the emulator (record.load does not show it and scripts
 * cannot set it); only SuiteQL `pricing` reads it (query/pricing-view.ts), and seeds and tests write
 * it (seed.ts `itemPrices`, RecordStore.setItemPrices). The item's own `baseprice` field is its Base
 * Price level price in the base currency at quantity 0: the `pricing` view lists it as that row
 * unless an explicit row is stored for it. The store keeps the two apart; seed.ts `itemPrices` writes
 * the field too when it is given that row, so both stay equal.
 */
import type Database from 'better-sqlite3';
import type { RecordReader } from './store-types';

export const ITEM_PRICES_SCHEMA = `
CREATE TABLE IF NOT EXISTS item_prices (
  item INTEGER NOT NULL,
  pricelevel INTEGER NOT NULL,
  currency INTEGER NOT NULL,
  quantity REAL NOT NULL DEFAULT 0,
  unitprice REAL NOT NULL,
  PRIMARY KEY (item, pricelevel, currency, quantity)
);
`;

/** One price of an item: at `pricelevel`, in `currency`, from `quantity` units on (0: the first tier). */
export interface ItemPrice {
  pricelevel: number;
  currency: number;
  quantity: number;
  unitprice: number;
}

/** What the store offers this module: reading records (validation) and its database. */
interface PriceStore extends Pick<RecordReader, 'get' | 'getAny'> {
  readonly db: Database.Database;
}

/** The problems of `rows` for item `itemId`, each naming what is wrong (empty: valid). */
export function itemPriceProblems(store: PriceStore, itemId: number, rows: readonly ItemPrice[]): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(itemId) || !store.getAny('item', itemId)) {
    problems.push(`item ${String(itemId)} is not an item record`);
  }
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const where = `price row ${i + 1}`;
    if (!Number.isInteger(row.pricelevel) || !store.get('pricelevel', row.pricelevel)) {
      problems.push(`${where}: price level ${String(row.pricelevel)} is not a price level record`);
    }
    if (!Number.isInteger(row.currency) || !store.get('currency', row.currency)) {
      problems.push(`${where}: currency ${String(row.currency)} is not a currency record`);
    }
    if (typeof row.quantity !== 'number' || !Number.isFinite(row.quantity) || row.quantity < 0) {
      problems.push(`${where}: quantity ${String(row.quantity)} is not a number >= 0`);
    }
    if (typeof row.unitprice !== 'number' || !Number.isFinite(row.unitprice) || row.unitprice < 0) {
      problems.push(`${where}: unit price ${String(row.unitprice)} is not a number >= 0`);
    }
    const key = `${row.pricelevel}/${row.currency}/${row.quantity}`;
    if (seen.has(key)) {
      problems.push(`${where}: price level ${row.pricelevel}, currency ${row.currency}, quantity ${row.quantity} is given twice`);
    }
    seen.add(key);
  });
  return problems;
}

/** Replace every price of item `itemId` with `rows`; throws naming each problem, writing nothing. */
export function writeItemPrices(store: PriceStore, itemId: number, rows: readonly ItemPrice[]): void {
  const problems = itemPriceProblems(store, itemId, rows);
  if (problems.length > 0) throw new Error(`Cannot set the prices of item ${String(itemId)}: ${problems.join('; ')}.`);
  const replace = store.db.transaction(() => {
    store.db.prepare('DELETE FROM item_prices WHERE item = ?').run(itemId);
    const insert = store.db.prepare(
      'INSERT INTO item_prices (item, pricelevel, currency, quantity, unitprice) VALUES (?, ?, ?, ?, ?)',
    );
    for (const r of rows) insert.run(itemId, r.pricelevel, r.currency, r.quantity, r.unitprice);
  });
  replace();
}

/** The stored prices of item `itemId` (not its `baseprice` field), by level, currency and quantity. */
export function readItemPrices(db: Database.Database, itemId: number): ItemPrice[] {
  return db
    .prepare<[number], ItemPrice>(
      'SELECT pricelevel, currency, quantity, unitprice FROM item_prices WHERE item = ? ORDER BY pricelevel, currency, quantity',
    )
    .all(Number(itemId));
}

/** SQL for the Base Price level's id: the price level record with the lowest internal id (the set-up creates it first). */
export const BASE_PRICE_LEVEL_SQL = "(SELECT MIN(id) FROM records WHERE type = 'pricelevel')";
/** SQL for the base currency's id: the currency record with `isbasecurrency` set. */
export const BASE_CURRENCY_SQL =
  "(SELECT MIN(id) FROM records WHERE type = 'currency' AND json_extract(doc, '$.fields.isbasecurrency') IN (1, 'T'))";

function idOf(db: Database.Database, subquery: string): number | null {
  return db.prepare<[], { id: number | null }>(`SELECT ${subquery} AS id`).get()?.id ?? null;
}

/** The Base Price level (BASE_PRICE_LEVEL_SQL), or null. */
export function basePriceLevelId(db: Database.Database): number | null {
  return idOf(db, BASE_PRICE_LEVEL_SQL);
}

/** The base currency (BASE_CURRENCY_SQL), or null. */
export function baseCurrencyId(db: Database.Database): number | null {
  return idOf(db, BASE_CURRENCY_SQL);
}
