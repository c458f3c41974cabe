/** The account's currencies (one SuiteQL, 10 units). Fields and query: mappers/currency-mapper.ts. */
import type { AccountCurrencies } from '../mappers/currency-mapper';
import { CURRENCIES, currenciesFromRows } from '../mappers/currency-mapper';
import { runQuery } from './suiteql';

export function loadCurrencies(): AccountCurrencies {
  return currenciesFromRows(runQuery(CURRENCIES));
}
