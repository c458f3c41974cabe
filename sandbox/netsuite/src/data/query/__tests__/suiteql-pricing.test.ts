import type { ProfileWorld } from '../../../profiles/__tests__/profile-harness';
import { startProfile } from '../../../profiles/__tests__/profile-harness';
import type { QueryModule } from '../module';

/**
 * Item prices as the SuiteApp reads them: the account's price levels (SuiteQL `pricelevel`) and an
 * item's price per level, currency and quantity tier (SuiteQL `pricing`), seeded with
 * `seed.itemPrices`; an item's Base Price field reads as its Base Price level row in the base currency.
 */
describe('SuiteQL pricelevel and pricing', () => {
  let w: ProfileWorld;
  let query: QueryModule;
  const rows = (sql: string, params: unknown[] = []) => w.run(() => query.runSuiteQL({ query: sql, params }).asMappedResults());
  const setup = () => w.ns.seed.account!.setup;
  const level = (name: string) => setup().priceLevelIds[name]!;
  const currency = (code: string) => setup().currencyIds[code]!;

  beforeAll(async () => {
    w = await startProfile(undefined, ['SKU-A', 'SKU-B', 'SKU-C']);
    query = w.module<QueryModule>('N/query');
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('lists the five price levels every account starts with, after the currencies and tax codes', () => {
    expect(rows('SELECT id, name, isinactive FROM pricelevel ORDER BY id')).toEqual(
      ['Base Price', 'Alternate Price 1', 'Alternate Price 2', 'Alternate Price 3', 'Online Price'].map((name) => ({
        id: level(name),
        name,
        isinactive: 'F',
      })),
    );
    expect(setup().basePriceLevelId).toBe(level('Base Price'));
    const earlier = [...Object.values(setup().currencyIds), ...Object.values(setup().taxCodeIds)];
    expect(Math.min(...Object.values(setup().priceLevelIds))).toBeGreaterThan(Math.max(...earlier));
    expect(Math.max(...Object.values(setup().priceLevelIds))).toBeLessThan(100);
    expect(rows('SELECT id, name FROM pricelevel WHERE LOWER(name) = LOWER(?)', ['alternate price 2'])).toEqual([
      { id: level('Alternate Price 2'), name: 'Alternate Price 2' },
    ]);
  });

  it('returns the seeded prices per level, currency and quantity tier', () => {
    const a = w.account.itemIds['SKU-A']!;
    const b = w.account.itemIds['SKU-B']!;
    w.ns.seed.itemPrices(a, [
      { level: 'Alternate Price 1', unitprice: 9 },
      { level: 'Alternate Price 1', quantity: 10, unitprice: 8.5 },
      { level: level('Alternate Price 1'), currency: 'GBP', unitprice: 7 },
      { level: 'Online Price', currency: currency('EUR'), unitprice: 8 },
    ]);
    w.ns.seed.itemPrices(b, [{ level: 'alternate price 1', unitprice: 19.99 }]);
    expect(
      rows(
        'SELECT item, unitprice, quantity FROM pricing WHERE pricelevel = ? AND currency = ? AND item IN (?, ?) ORDER BY item, quantity',
        [level('Alternate Price 1'), currency('USD'), a, b],
      ),
    ).toEqual([
      { item: a, unitprice: 9, quantity: 0 },
      { item: a, unitprice: 8.5, quantity: 10 },
      { item: b, unitprice: 19.99, quantity: 0 },
    ]);
    expect(rows('SELECT item, unitprice FROM pricing WHERE pricelevel = ? AND currency = ? AND item IN (?, ?)', [level('Alternate Price 1'), currency('GBP'), a, b])).toEqual([
      { item: a, unitprice: 7 },
    ]);
    expect(
      rows('SELECT BUILTIN.DF(pricelevel) AS level, BUILTIN.DF(currency) AS cur, BUILTIN.DF(item) AS sku FROM pricing WHERE item = ? AND currency = ?', [a, currency('EUR')]),
    ).toEqual([{ level: 'Online Price', cur: 'Euro', sku: 'SKU-A' }]);
    expect(w.ns.store.itemPrices(a)).toHaveLength(4);
    // Replacing the prices drops the earlier ones.
    w.ns.seed.itemPrices(b, [{ level: 'Alternate Price 2', unitprice: 18 }]);
    expect(rows('SELECT pricelevel, unitprice FROM pricing WHERE item = ?', [b])).toEqual([{ pricelevel: level('Alternate Price 2'), unitprice: 18 }]);
  });

  it("reads an item's Base Price field as its Base Price level row in the base currency; an explicit row wins", () => {
    const c = w.account.itemIds['SKU-C']!;
    const base = (): unknown[] =>
      rows('SELECT unitprice, quantity FROM pricing WHERE pricelevel = ? AND currency = ? AND item = ?', [setup().basePriceLevelId, setup().baseCurrencyId, c]);
    w.ns.seed.service.submitFields({ type: 'inventoryitem', id: c, values: { baseprice: 12.5 } });
    expect(base()).toEqual([{ unitprice: 12.5, quantity: 0 }]);
    // An explicit row (written beside the records, not through the seed) wins over the field.
    w.ns.store.setItemPrices(c, [{ pricelevel: setup().basePriceLevelId, currency: setup().baseCurrencyId, quantity: 0, unitprice: 11 }]);
    expect(base()).toEqual([{ unitprice: 11, quantity: 0 }]);
    expect(w.ns.store.get('inventoryitem', c)?.fields.baseprice).toBe(12.5);
    // The seed keeps the field equal to the Base Price row.
    w.ns.seed.itemPrices(c, [
      { level: 'Base Price', unitprice: 10 },
      { level: 'Base Price', quantity: 5, unitprice: 9 },
    ]);
    expect(base()).toEqual([
      { unitprice: 10, quantity: 0 },
      { unitprice: 9, quantity: 5 },
    ]);
    expect(w.ns.store.get('inventoryitem', c)?.fields.baseprice).toBe(10);
    // Without an explicit row the field is the row again.
    w.ns.store.setItemPrices(c, []);
    expect(base()).toEqual([{ unitprice: 10, quantity: 0 }]);
  });

  it("drops an item's prices when the item is deleted", () => {
    const id = w.ns.seed.inventoryItem({ itemid: 'SKU-GONE', fields: { baseprice: 3 } });
    w.ns.seed.itemPrices(id, [{ level: 'Alternate Price 3', unitprice: 2 }]);
    expect(rows('SELECT pricelevel, unitprice FROM pricing WHERE item = ? ORDER BY pricelevel', [id])).toEqual([
      { pricelevel: level('Base Price'), unitprice: 3 },
      { pricelevel: level('Alternate Price 3'), unitprice: 2 },
    ]);
    w.ns.seed.service.delete({ type: 'inventoryitem', id });
    expect(rows('SELECT item FROM pricing WHERE item = ?', [id])).toEqual([]);
    expect(w.ns.store.itemPrices(id)).toEqual([]);
  });

  it('offers only item, pricelevel, currency, quantity and unitprice', () => {
    for (const column of ['saleunit', 'priceqty', 'customer']) {
      expect(() => rows(`SELECT item, ${column} FROM pricing`)).toThrow(expect.objectContaining({ message: expect.stringContaining(`Field '${column}'`) }));
    }
  });

  it('refuses unknown price levels and currencies, and invalid prices, naming them', () => {
    const a = w.account.itemIds['SKU-A']!;
    expect(() => w.ns.seed.itemPrices(a, [{ level: 'Wholesale', unitprice: 1 }])).toThrow(/Unknown price level "Wholesale" \(this account has: Base Price, /);
    expect(() => w.ns.seed.itemPrices(a, [{ level: 'Base Price', currency: 'JPY', unitprice: 1 }])).toThrow(/Unknown currency "JPY"/);
    expect(() => w.ns.store.setItemPrices(a, [{ pricelevel: 99999, currency: 1, quantity: 0, unitprice: -1 }])).toThrow(
      `Cannot set the prices of item ${a}: price row 1: price level 99999 is not a price level record; price row 1: unit price -1 is not a number >= 0.`,
    );
    expect(() => w.ns.store.setItemPrices(w.account.customerId, [])).toThrow(`item ${w.account.customerId} is not an item record`);
    // Nothing was written by the refused calls.
    expect(w.ns.store.itemPrices(a)).toHaveLength(4);
  });
});
