/**
 * Price levels and item prices by level (issue #20, Push Price Level); ids and queries in
 * mappers/pricing-mapper.ts. Units: the account's price levels (SuiteQL 10), prices of up to
 * ITEMS_PER_QUERY items at one level and currency (SuiteQL 10 each).
 */
import type { PriceLevelRow } from '../mappers/pricing-mapper';
import {
  levelPriceFromRow,
  levelPricesQuery,
  PRICE_LEVELS,
  priceLevelFromRow,
} from '../mappers/pricing-mapper';
import { chunk } from '../../../../shared-types/src/orders/sku-item-map';
import { levelPricesFrom } from '../../../../shared-types/src/catalog/push-plan';
import { placeholders } from '../mappers/sql';
import { runQuery } from './suiteql';

/** Items per prices query: 250 items × up to 20 quantity tiers stays under SuiteQL's 5,000 rows. */
export const ITEMS_PER_QUERY = 250;

export function readPriceLevels(): PriceLevelRow[] {
  return runQuery(PRICE_LEVELS).flatMap((row) => priceLevelFromRow(row) ?? []);
}

/** Item internal id → its price at the level in the currency (items without one are absent). */
export function readLevelPrices(
  itemIds: readonly string[],
  priceLevelId: string,
  currencyId: string,
): Map<string, number> {
  const rows = chunk([...new Set(itemIds)], ITEMS_PER_QUERY).flatMap((part) =>
    runQuery(levelPricesQuery(placeholders(part.length)), [
      Number(priceLevelId),
      Number(currencyId),
      ...part,
    ]),
  );
  return levelPricesFrom(rows.flatMap((row) => levelPriceFromRow(row) ?? []));
}
