/**
 * Currencies, read only: the account's active currency records by ISO code (`symbol`, "ISO Code"
 * in Lists > Accounting > Currencies) and which one is the base currency. Every account has its
 * base currency record, with or without Multiple Currencies.
 */
import type { Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { boolOf, idOf, textOf } from './values';

export const CURRENCY = declareRecord({
  recordType: 'currency',
  suiteql: {
    table: 'currency',
    columns: { id: 'id', symbol: 'symbol', isBaseCurrency: 'isbasecurrency', isInactive: 'isinactive' },
  },
});

const c = CURRENCY.suiteql.columns;

/** Every currency record (a handful per account). */
export const CURRENCIES: Sql = sql`SELECT ${c.id} AS id, ${c.symbol} AS symbol, ${c.isBaseCurrency} AS isbase, ${c.isInactive} AS isinactive FROM ${CURRENCY.suiteql.table}`;

export interface AccountCurrencies {
  /** Internal id by ISO code, active currencies only. */
  ids: Record<string, string>;
  /** ISO code of the base currency, or null when no row says so. */
  base: string | null;
}

export function currenciesFromRows(rows: readonly Row[]): AccountCurrencies {
  const ids: Record<string, string> = {};
  let base: string | null = null;
  for (const row of rows) {
    const id = idOf(row.id);
    const symbol = textOf(row.symbol)?.trim().toUpperCase() ?? null;
    if (id === null || symbol === null) continue;
    if (boolOf(row.isbase, false)) base = symbol;
    if (!boolOf(row.isinactive, false)) ids[symbol] = id;
  }
  return { ids, base };
}
