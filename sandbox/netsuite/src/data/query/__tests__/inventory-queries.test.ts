import { US_ONEWORLD, withoutFeatures } from '../../../profiles/account-profile';
import { FEATURE } from '../../../profiles/features';
import type { FulfillmentWorld } from '../../record/__tests__/fulfillment-world';
import { startFulfillmentWorld } from '../../record/__tests__/fulfillment-world';
import type { SearchModule } from '../../search/module';
import type { QueryModule } from '../module';

/**
 * Inventory balances and locations as scripts read them: SuiteQL `aggregateitemlocation` /
 * `inventoryitemlocations` per location with Multi-Location Inventory (not offered without it), the
 * item search's totals (per location, or the item's single quantity), and locations with their main
 * address for name and address matching.
 */

interface SearchResultLike {
  getValue(o: string | { name: string }): unknown;
}

describe('inventory balances with Multi-Location Inventory', () => {
  let w: FulfillmentWorld;
  let query: QueryModule;
  let search: SearchModule;
  const rows = (sql: string, params: unknown[] = []) => w.run(() => query.runSuiteQL({ query: sql, params }).asMappedResults());

  beforeAll(async () => {
    w = await startFulfillmentWorld();
    query = w.module<QueryModule>('N/query');
    search = w.module<SearchModule>('N/search');
    w.ns.seed.setOnHand(w.account.itemIds['SKU-A']!, w.account.locationIds.east, 4);
    const so = w.order([{ sku: 'SKU-A', quantity: 3 }]);
    w.fulfil(so, (f) => f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 }));
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('gives on hand, committed and available per item and location in aggregateitemlocation and inventoryitemlocations', () => {
    const item = w.account.itemIds['SKU-A'];
    const expected = [
      { location: w.account.locationIds.main, name: 'Main Warehouse', quantityonhand: 9, quantitycommitted: 2, quantityavailable: 7 },
      { location: w.account.locationIds.east, name: 'East Coast 3PL', quantityonhand: 4, quantitycommitted: 0, quantityavailable: 4 },
    ];
    for (const table of ['aggregateitemlocation', 'inventoryitemlocations']) {
      expect(
        rows(
          `SELECT a.location, BUILTIN.DF(a.location) AS name, a.quantityonhand, a.quantitycommitted, a.quantityavailable
             FROM ${table} a WHERE a.item = ? ORDER BY a.location`,
          [item],
        ),
      ).toEqual(expected);
    }
  });

  it('gives the item search totals over locations, and per location with inventorylocation', () => {
    const results = w.run(() =>
      search
        .create({
          type: 'item',
          filters: [['internalid', 'anyof', w.account.itemIds['SKU-A']]],
          columns: ['quantityonhand', 'quantityavailable', 'inventorylocation', 'locationquantityavailable'],
        })
        .run()
        .getRange({ start: 0, end: 10 }) as SearchResultLike[],
    );
    expect(results.map((r) => [r.getValue('quantityonhand'), r.getValue('quantityavailable'), r.getValue('inventorylocation'), r.getValue('locationquantityavailable')])).toEqual([
      ['13', '11', String(w.account.locationIds.main), '7'],
      ['13', '11', String(w.account.locationIds.east), '4'],
    ]);
  });

  it('keeps a location address in its main address: the location reads it, SuiteQL joins locationmainaddress', () => {
    const id = w.run(() => {
      const loc = w.record.create({ type: 'location' });
      loc.setValue({ fieldId: 'name', value: 'LA Warehouse' });
      loc.setValue({ fieldId: 'subsidiary', value: w.account.subsidiaryId });
      const address = loc.getSubrecord({ fieldId: 'mainaddress' });
      address.setValue({ fieldId: 'country', value: 'US' });
      address.setValue({ fieldId: 'addr1', value: '100 Commerce Way' });
      address.setValue({ fieldId: 'city', value: 'Los Angeles' });
      address.setValue({ fieldId: 'state', value: 'CA' });
      address.setValue({ fieldId: 'zip', value: '90021' });
      return loc.save();
    });
    const read = w.run(() => {
      const loc = w.record.load({ type: 'location', id });
      return ['city', 'state', 'zip', 'country', 'addrtext'].map((fieldId) => loc.getValue({ fieldId }));
    });
    expect(read).toEqual(['Los Angeles', 'CA', '90021', 'US', '100 Commerce Way\nLos Angeles CA 90021\nUS']);
    w.edit('location', w.account.locationIds.east, (l) => l.setValue({ fieldId: 'isinactive', value: true }));
    expect(
      rows(
        `SELECT l.id, l.name, l.isinactive, l.subsidiary, a.addr1, a.city, a.state, a.zip, a.country
           FROM location l LEFT JOIN locationmainaddress a ON a.nkey = l.mainaddress ORDER BY l.id`,
      ),
    ).toEqual([
      { id: w.account.locationIds.main, name: 'Main Warehouse', isinactive: 'F', subsidiary: w.account.subsidiaryId, addr1: null, city: null, state: null, zip: null, country: null },
      { id: w.account.locationIds.east, name: 'East Coast 3PL', isinactive: 'T', subsidiary: w.account.subsidiaryId, addr1: null, city: null, state: null, zip: null, country: null },
      { id, name: 'LA Warehouse', isinactive: 'F', subsidiary: w.account.subsidiaryId, addr1: '100 Commerce Way', city: 'Los Angeles', state: 'CA', zip: '90021', country: 'US' },
    ]);
  });
});

describe('inventory balances without Multi-Location Inventory', () => {
  let w: FulfillmentWorld;
  let query: QueryModule;
  let search: SearchModule;

  beforeAll(async () => {
    w = await startFulfillmentWorld(withoutFeatures(US_ONEWORLD, FEATURE.MULTILOCINVT));
    query = w.module<QueryModule>('N/query');
    search = w.module<SearchModule>('N/search');
    w.order([{ sku: 'SKU-A', quantity: 3 }]);
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it("reads the item's single quantity with the item search; the per-location tables are not offered", () => {
    const totals = w.run(() =>
      (
        search
          .create({ type: 'item', filters: [['internalid', 'anyof', w.account.itemIds['SKU-A']]], columns: ['quantityonhand', 'quantitycommitted', 'quantityavailable'] })
          .run()
          .getRange({ start: 0, end: 10 }) as SearchResultLike[]
      ).map((r) => [r.getValue('quantityonhand'), r.getValue('quantitycommitted'), r.getValue('quantityavailable')]),
    );
    expect(totals).toEqual([['10', '3', '7']]);
    const refused = w.refusal(() => query.runSuiteQL({ query: 'SELECT item, quantityavailable FROM aggregateitemlocation' }));
    expect(refused).toMatchObject({ name: 'SSS_SEARCH_ERROR_OCCURRED', message: expect.stringContaining("Record 'aggregateitemlocation' was not found.") });
  });
});
