import { currentInvocation } from '../../../context';
import { US_ONEWORLD, withoutFeatures } from '../../../profiles/account-profile';
import { FEATURE } from '../../../profiles/features';
import type { FulfillmentWorld } from '../../record/__tests__/fulfillment-world';
import { startFulfillmentWorld } from '../../record/__tests__/fulfillment-world';
import type { QueryModule } from '../module';

/**
 * Bulk seeding (seed.bulkInventory): 10,000 items × 3 locations, written as record.create + save
 * would write them, and read back with SuiteQL under NetSuite's limits (5,000 rows per runSuiteQL;
 * paged: 10 units for the query and 10 per page fetched). The seeding time is printed, not asserted.
 */
describe('bulk inventory seeding', () => {
  let w: FulfillmentWorld;
  let query: QueryModule;
  let ids: number[];
  let locations: number[];

  beforeAll(async () => {
    w = await startFulfillmentWorld();
    query = w.module<QueryModule>('N/query');
    const third = w.ns.seed.location('West 3PL', { subsidiary: w.account.subsidiaryId });
    locations = [w.account.locationIds.main, w.account.locationIds.east, third];
    const started = process.hrtime.bigint();
    ids = w.ns.seed.bulkInventory({
      count: 10_000,
      locations,
      onHand: (i, location) => (i + location) % 50,
      fields: (i) => ({ custitem_tts_sku: `TT-${i}`, externalid: `bulk-${i}` }),
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`bulkInventory: 10,000 items × 3 locations seeded in ${ms.toFixed(0)} ms\n`);
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('writes items a script reads like any other, with their own fields and stock', () => {
    const last = ids[ids.length - 1]!;
    const read = w.run(() => {
      const item = w.record.load({ type: 'inventoryitem', id: last });
      return ['itemid', 'custitem_tts_sku', 'externalid', 'isinactive'].map((fieldId) => item.getValue({ fieldId }));
    });
    expect(read).toEqual(['BULK-010000', 'TT-9999', 'bulk-9999', false]);
    expect(w.ns.store.get('inventoryitem', ids[1]!)?.fields).toMatchObject({ itemid: 'BULK-000002', custitem_tts_sku: 'TT-1', externalid: 'bulk-1' });
    const main = locations[0]!;
    expect(w.ns.store.get('inventoryitem', last)?.sublists.locations?.find((l) => l.fields.location === String(main))?.fields).toMatchObject({
      quantityonhand: (9999 + main) % 50,
      quantityavailable: (9999 + main) % 50,
    });
  });

  it('serves 30,000 balance rows through paged SuiteQL for 10 units per page; runSuiteQL stops at 5,000', () => {
    const sql = 'SELECT a.item, a.location, a.quantityavailable FROM aggregateitemlocation a WHERE a.item >= ? ORDER BY a.item, a.location';
    const out = w.run(() => {
      const paged = query.runSuiteQLPaged({ query: sql, params: [ids[0]], pageSize: 1000 });
      let rows = 0;
      let total = 0;
      paged.pageRanges.forEach((range) => {
        const page = paged.fetch({ index: range.index });
        for (const r of page.data.asMappedResults()) {
          rows += 1;
          total += Number(r.quantityavailable);
        }
      });
      return { rows, total, pages: paged.pageRanges.length, units: currentInvocation().meter.used };
    });
    let expected = 0;
    for (let i = 0; i < 10_000; i++) for (const l of locations) expected += (i + l) % 50;
    expect(out).toEqual({ rows: 30_000, total: expected, pages: 30, units: 10 + 30 * 10 });
    const refused = w.refusal(() => query.runSuiteQL({ query: sql, params: [ids[0]] }).asMappedResults());
    expect(refused.name).toBe('SSS_SEARCH_ERROR_OCCURRED');
  });

  it('refuses a field inventory items do not have, writing nothing', () => {
    const before = w.ns.store.all('inventoryitem').length;
    expect(() => w.ns.seed.bulkInventory({ count: 3, locations, fields: () => ({ custitem_nope: 'x' }) })).toThrow();
    expect(w.ns.store.all('inventoryitem')).toHaveLength(before);
  });
});

describe('bulk inventory seeding without Multi-Location Inventory', () => {
  it("gives each item one company-wide quantity: the sum of its quantities", async () => {
    const w = await startFulfillmentWorld(withoutFeatures(US_ONEWORLD, FEATURE.MULTILOCINVT));
    try {
      const [id] = w.ns.seed.bulkInventory({ count: 2, locations: [w.account.locationIds.main, w.account.locationIds.east], onHand: () => 5 });
      expect(w.ns.store.get('inventoryitem', id!)?.sublists.locations?.map((l) => l.fields)).toEqual([
        { location: '', quantityonhand: 10, quantitycommitted: 0, quantityavailable: 10, quantitybackordered: 0 },
      ]);
    } finally {
      await w.ns.stop();
    }
  });
});
