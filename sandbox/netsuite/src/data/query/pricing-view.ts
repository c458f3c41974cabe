/**
 * SuiteQL `pricing`: one row per price of an item's Pricing sublist, with the columns `item`,
 * `pricelevel`, `currency`, `quantity` (the tier's lower bound, 0 for the first tier) and `unitprice`.
 *
 * Rows: every row of the store's `item_prices` table (data/item-prices.ts; seeds and tests write it),
 * and for each item whose `baseprice` field is set, the row (item, Base Price level, base currency,
 * 0, baseprice) unless `item_prices` holds that row explicitly (the explicit row wins): an item's Base
 * Price field is its Base Price level price, as in NetSuite. The Base Price level is the price level
 * record with the lowest internal id (the account set-up creates it first, profiles/account-setup.ts;
 * NetSuite's is internal id 1), the base currency the currency record with `isbasecurrency` set.
 * Both are looked up when the query runs.
 *
 * Sources: SuiteTalk's PricingSearchBasic (netsuitephp/netsuite-php@162a3c83bef92276ed4f3d77a92409030af2aaca,
 * src/Classes/PricingSearchBasic.php) searches pricing by item, priceLevel, currency, customer,
 * assignedPriceLevel, minimumQuantity, maximumQuantity and rate; public SuiteQL clients read
 * `SELECT item, quantity, saleunit, priceqty, unitprice FROM pricing WHERE item = …` and
 * `SELECT item, unitprice FROM pricing WHERE pricelevel = 1` (NetSuite's Base Price level is id 1; the
 * emulator's is a small set-up id after the currencies and tax codes, AccountSetup.basePriceLevelId).
 * Oracle's records catalogue (suiteapp/reference/netsuite-records/records.json) lists `pricing` as a
 * search record with columns item, pricelevel, currency and unitprice (quantity only as minimum and
 * maximum quantity). Only the five columns above are offered (stricter than NetSuite): a query reading
 * `saleunit`, `priceqty`, `customer` or another column fails with the unknown-column error instead of
 * reading a guess.
 */
import type { RecordTypeInfo } from '../store-types';
import { BASE_CURRENCY_SQL, BASE_PRICE_LEVEL_SQL } from '../item-prices';
import type { ViewDef } from './view-model';
import { quote } from './view-model';


/** The `pricing` view over the item types `items` (those with a `baseprice` field add its row). */
export function pricingView(items: RecordTypeInfo[]): ViewDef {
  const withBasePrice = items.filter((t) => t.fields['baseprice']).map((t) => quote(t.id));
  const stored = 'SELECT p.item AS item, p.pricelevel AS pricelevel, p.currency AS currency, p.quantity AS quantity, p.unitprice AS unitprice FROM item_prices p';
  const baseprice = "json_extract(r.doc, '$.fields.baseprice')";
  const fromField =
    withBasePrice.length === 0
      ? ''
      : ` UNION ALL SELECT b.item, b.pricelevel, b.currency, b.quantity, b.unitprice FROM (` +
        `SELECT r.id AS item, ${BASE_PRICE_LEVEL_SQL} AS pricelevel, ${BASE_CURRENCY_SQL} AS currency, 0.0 AS quantity, CAST(${baseprice} AS REAL) AS unitprice ` +
        `FROM records r WHERE r.type IN (${withBasePrice.join(', ')}) AND ${baseprice} IS NOT NULL AND ${baseprice} <> ''` +
        `) b WHERE b.pricelevel IS NOT NULL AND b.currency IS NOT NULL AND NOT EXISTS (` +
        'SELECT 1 FROM item_prices x WHERE x.item = b.item AND x.pricelevel = b.pricelevel AND x.currency = b.currency AND x.quantity = 0)';
  return {
    name: 'pricing',
    columns: [
      { name: 'item', kind: 'select', target: 'item' },
      { name: 'pricelevel', kind: 'select', target: 'pricelevel' },
      { name: 'currency', kind: 'select', target: 'currency' },
      { name: 'quantity', kind: 'float' },
      { name: 'unitprice', kind: 'currency' },
    ],
    sql: stored + fromField,
  };
}
