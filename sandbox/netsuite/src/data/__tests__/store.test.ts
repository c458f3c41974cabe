import { TestClock } from '../../../../../test/support/test-clock';
import { createCatalogue } from '../catalogue';
import { FIXTURE_PROJECT } from '../record/__tests__/harness';
import { RecordStore } from '../store';
import type { NewRecord } from '../store';

function newRecord(type: string, fields: NewRecord['fields'], externalId: string | null = null): NewRecord {
  return { type, externalId, fields, sublists: {}, subrecords: {} };
}

describe('RecordStore', () => {
  let store: RecordStore;
  beforeEach(() => {
    store = new RecordStore({ dbPath: ':memory:', catalogue: createCatalogue(FIXTURE_PROJECT), clock: new TestClock() });
  });
  afterEach(() => store.close());

  it('uses the fixed physical schema with one global id sequence and families', () => {
    const loc = store.insert(newRecord('location', { name: 'A' }));
    const cust = store.insert(newRecord('customer', { entityid: 'C' }));
    const rows = store.db.prepare('SELECT id, type, family, extid_group, version FROM records WHERE id >= ? ORDER BY id').all(loc.id);
    expect(rows).toEqual([
      { id: loc.id, type: 'location', family: 'other', extid_group: 'location', version: 1 },
      { id: cust.id, type: 'customer', family: 'entity', extid_group: 'entity', version: 1 },
    ]);
    expect(cust.id).toBe(loc.id + 1);
    expect(loc.id).toBeGreaterThanOrEqual(100);
    expect(JSON.parse((store.db.prepare('SELECT doc FROM records WHERE id = ?').get(cust.id) as { doc: string }).doc)).toEqual(cust);
  });

  it('creates the custom list values of the project as records', () => {
    expect(store.all('customlist_tts_level').map((r) => r.fields.name)).toEqual(['info', 'error']);
  });

  it('keeps external ids unique per group, not per type', () => {
    store.insert(newRecord('customer', { entityid: 'A' }, 'ext-1'));
    expect(() => store.insert(newRecord('customer', { entityid: 'B' }, 'ext-1'))).toThrow(expect.objectContaining({ name: 'DUP_RCRD' }));
    const so = store.insert(newRecord('salesorder', {}, 'ext-1'));
    expect(store.findByExternalId('salesorder', 'ext-1')?.id).toBe(so.id);
    expect(store.findByExternalId('customer', 'ext-1')?.fields.externalid).toBe('ext-1');
  });

  it('detects stale updates and missing records', () => {
    const rec = store.insert(newRecord('location', { name: 'A' }));
    const v2 = store.update({ ...rec, fields: { ...rec.fields, name: 'B' } });
    expect(v2.version).toBe(2);
    expect(() => store.update({ ...rec, fields: { name: 'C' } })).toThrow(expect.objectContaining({ name: 'RCRD_HAS_BEEN_CHANGED' }));
    store.delete('location', rec.id);
    expect(() => store.delete('location', rec.id)).toThrow(expect.objectContaining({ name: 'RCRD_DSNT_EXIST' }));
    expect(() => store.typeInfo('nosuch')).toThrow(expect.objectContaining({ name: 'INVALID_RCRD_TYPE' }));
  });

  it('resolves family targets and display texts', () => {
    const item = store.insert(newRecord('shipitem', { itemid: 'Ground' }));
    expect(store.getAny('item', item.id)?.type).toBe('shipitem');
    expect(store.getAny('transaction', item.id)).toBeNull();
    expect(store.displayText('item', String(item.id))).toBe('Ground');
    expect(store.displayText('list:A,B', 'A')).toBe('A');
  });
});

describe('catalogue from the SDF project', () => {
  const catalogue = createCatalogue(FIXTURE_PROJECT);

  it('turns custom records into record types with standard fields and mapped select targets', () => {
    const shop = catalogue.find('customrecord_tts_shop');
    expect(shop).toMatchObject({ category: 'custom', custom: true, optimisticLocking: true, externalIdGroup: 'customrecord_tts_shop' });
    expect(Object.keys(shop?.fields ?? {})).toEqual(
      expect.arrayContaining(['name', 'isinactive', 'externalid', 'created', 'lastmodified', 'custrecord_tts_shop_id']),
    );
    expect(shop?.fields.custrecord_tts_shop_loc_filter).toMatchObject({ kind: 'multiselect', selectTarget: 'location' });
    expect(shop?.fields.custrecord_tts_shop_customer?.selectTarget).toBe('customer');
    expect(shop?.fields.custrecord_tts_shop_ship_item?.selectTarget).toBe('item');
    expect(shop?.fields.custrecord_tts_shop_push_orders?.defaultValue).toBe(true);
    expect(shop?.fields.custrecord_tts_shop_id).toMatchObject({ mandatory: true, maxLength: 300 });
    expect(catalogue.find('customrecord_tts_order')?.fields.name).toBeUndefined();
  });

  it('adds body and column fields to the sale transactions, item fields to every item type', () => {
    expect(catalogue.find('salesorder')?.fields.custbody_tts_shop?.selectTarget).toBe('customrecord_tts_shop');
    expect(catalogue.find('cashrefund')?.fields.custbody_tts_order_id).toBeDefined();
    expect(catalogue.find('itemfulfillment')?.fields.custbody_tts_order_id).toBeUndefined();
    expect(catalogue.find('salesorder')?.sublists.item?.fields.custcol_tts_line_ids?.maxLength).toBe(4000);
    expect(catalogue.find('shipitem')?.fields.custitem_tts_sku).toBeDefined();
    expect(createCatalogue().find('salesorder')?.fields.custbody_tts_shop).toBeUndefined();
  });

  it('rejects an unknown negative select id with the field named', () => {
    expect(() =>
      createCatalogue({
        customRecords: [],
        customLists: [],
        standaloneFields: [
          { kind: 'transactionbodycustomfield', scriptid: 'custbody_x', fieldtype: 'SELECT', label: 'X', mandatory: false, selectrecordtype: '-999', appliesTo: ['sale'], file: 'x.xml' },
        ],
      }),
    ).toThrow(/custbody_x/);
  });
});
