import type { SearchResult } from '../result';
import { createSearchModule } from '../module';
import { MemoryReader, seedReader } from './memory-reader';
import { clock, inInvocation } from './run';

const reader = seedReader();
const search = createSearchModule(reader, { clock });

function bigReader(n: number): MemoryReader {
  const r = new MemoryReader();
  for (let i = 0; i < n; i++) r.add('location', { name: `Loc ${String(i).padStart(5, '0')}`, isinactive: false });
  return r;
}

describe('N/search results', () => {
  it('returns values and texts per column type, in column order', () => {
    const [r] = inInvocation(() =>
      search
        .create({
          type: 'salesorder',
          filters: [['mainline', 'is', 'T'], 'AND', ['internalid', 'anyof', '9']],
          columns: ['tranid', 'entity', 'trandate', 'total', 'internalid', 'type', { name: 'email', join: 'customer' }],
        })
        .run()
        .getRange({ start: 0, end: 1 }),
    ).value as [SearchResult];
    expect(r.id).toBe('9');
    expect(r.recordType).toBe('salesorder');
    expect(r.columns.map((c) => c.name)).toEqual(['tranid', 'entity', 'trandate', 'total', 'internalid', 'type', 'email']);
    expect(r.getValue('entity')).toBe('1');
    expect(r.getText('entity')).toBe('Alice Buyer');
    expect(r.getValue('trandate')).toBe('1/5/2026');
    expect(r.getValue('total')).toBe('30.00');
    expect(r.getText('tranid')).toBeNull();
    expect(r.getValue({ name: 'email', join: 'customer' })).toBe('alice@example.com');
    expect(r.getValue('email')).toBeNull();
    expect(r.getValue(r.columns[5]!)).toBe('SalesOrd');
    expect(r.getText('type')).toBe('Sales Order');
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      recordType: 'salesorder',
      id: '9',
      values: {
        tranid: 'SO-1',
        entity: [{ value: '1', text: 'Alice Buyer' }],
        trandate: '1/5/2026',
        total: '30.00',
        internalid: [{ value: '9', text: '9' }],
        type: [{ value: 'SalesOrd', text: 'Sales Order' }],
        'email.customer': 'alice@example.com',
      },
    });
  });

  it('serialises checkboxes as booleans, multiselects as arrays and empty selects as ""', () => {
    const [shop] = inInvocation(() =>
      search
        .create({
          type: 'customrecord_tts_shop',
          columns: ['custrecord_tts_shop_push_orders', 'custrecord_tts_shop_loc_filter', 'isinactive'],
        })
        .run()
        .getRange({ start: 0, end: 1 }),
    ).value as [SearchResult];
    expect(shop.toJSON().values).toEqual({
      custrecord_tts_shop_push_orders: true,
      custrecord_tts_shop_loc_filter: [
        { value: '3', text: 'Main Warehouse' },
        { value: '4', text: 'East DC' },
      ],
      isinactive: false,
    });
    expect(shop.getValue('custrecord_tts_shop_loc_filter')).toBe('3,4');
    expect(shop.getText('custrecord_tts_shop_loc_filter')).toBe('Main Warehouse,East DC');
    const [so3] = inInvocation(() =>
      search
        .create({ type: 'salesorder', filters: [['internalid', 'anyof', '11']], columns: ['custbody_tts_shop'] })
        .run()
        .getRange({ start: 0, end: 1 }),
    ).value as [SearchResult];
    expect(so3.toJSON().values).toEqual({ custbody_tts_shop: '' });
  });

  it('reads line fields on line rows and header fields on the mainline row', () => {
    const rows = inInvocation(() =>
      search
        .create({
          type: 'salesorder',
          filters: [['internalid', 'anyof', '9']],
          columns: ['mainline', 'item', 'quantity', 'amount', 'location', 'custcol_tts_line_ids', 'tranid'],
        })
        .run()
        .getRange({ start: 0, end: 10 }),
    ).value;
    expect(rows.map((r) => r.toJSON().values)).toEqual([
      { mainline: true, item: '', quantity: '', amount: '30.00', location: [{ value: '3', text: 'Main Warehouse' }], custcol_tts_line_ids: '', tranid: 'SO-1' },
      { mainline: false, item: [{ value: '5', text: 'SKU-RED' }], quantity: '2', amount: '20.00', location: [{ value: '3', text: 'Main Warehouse' }], custcol_tts_line_ids: 'a,b', tranid: 'SO-1' },
      { mainline: false, item: [{ value: '7', text: 'Ground' }], quantity: '1', amount: '10.00', location: [{ value: '3', text: 'Main Warehouse' }], custcol_tts_line_ids: '', tranid: 'SO-1' },
    ]);
  });

  it('gives one item row per location with the per-location columns', () => {
    const rows = inInvocation(() =>
      search
        .create({
          type: search.Type.INVENTORY_ITEM,
          filters: [['inventorylocation', 'anyof', '3']],
          columns: ['itemid', 'inventorylocation', 'locationquantityavailable', 'locationquantitybackordered'],
        })
        .run()
        .getRange({ start: 0, end: 10 }),
    ).value;
    expect(rows.map((r) => [r.id, r.getText('inventorylocation'), r.getValue('locationquantityavailable'), r.getValue('locationquantitybackordered')])).toEqual([
      ['5', 'Main Warehouse', '8', '0'],
      ['6', 'Main Warehouse', '0', '3'],
    ]);
  });

  it('sorts by columns and summarises with GROUP, COUNT, SUM, MIN, MAX', () => {
    const sorted = inInvocation(() =>
      search
        .create({
          type: 'salesorder',
          filters: [['mainline', 'is', 'T']],
          columns: [search.createColumn({ name: 'total', sort: search.Sort.DESC }), 'tranid'],
        })
        .run()
        .getRange({ start: 0, end: 10 }),
    ).value;
    expect(sorted.map((r) => r.getValue('tranid'))).toEqual(['SO-1', 'SO-2', 'SO-3']);

    const grouped = inInvocation(() =>
      search
        .create({
          type: 'salesorder',
          filters: [['mainline', 'is', 'F']],
          columns: [
            search.createColumn({ name: 'entity', summary: search.Summary.GROUP }),
            search.createColumn({ name: 'internalid', summary: 'count' }),
            search.createColumn({ name: 'amount', summary: 'SUM' }),
            search.createColumn({ name: 'quantity', summary: 'MAX' }),
            search.createColumn({ name: 'trandate', summary: 'MIN' }),
          ],
        })
        .run()
        .getRange({ start: 0, end: 10 }),
    ).value;
    expect(grouped.map((r) => r.toJSON())).toEqual([
      {
        recordType: null,
        id: null,
        values: {
          'GROUP(entity)': [{ value: '1', text: 'Alice Buyer' }],
          'COUNT(internalid)': '1',
          'SUM(amount)': '30.00',
          'MAX(quantity)': '2',
          'MIN(trandate)': '1/5/2026',
        },
      },
      {
        recordType: null,
        id: null,
        values: {
          'GROUP(entity)': [{ value: '2', text: 'Bob Buyer' }],
          'COUNT(internalid)': '1',
          'SUM(amount)': '15.50',
          'MAX(quantity)': '1',
          'MIN(trandate)': '1/10/2026',
        },
      },
    ]);
    expect(grouped[0]!.getValue({ name: 'amount', summary: search.Summary.SUM })).toBe('30.00');
    expect(grouped[0]!.getValue('amount')).toBeNull();
  });

  it('caps getRange at 1,000 rows per call and charges 10 units per call', () => {
    const s = createSearchModule(bigReader(1500), { clock });
    const { value, inv } = inInvocation(() => {
      const rs = s.create({ type: 'location', columns: ['name'] }).run();
      const first = rs.getRange({ start: 0, end: 1000 });
      const rest = rs.getRange({ start: 1000, end: 2000 });
      expect(() => rs.getRange({ start: 0, end: 1001 })).toThrow(
        expect.objectContaining({ name: 'SSS_INVALID_API_USAGE' }),
      );
      return [first.length, rest.length];
    });
    expect(value).toEqual([1000, 500]);
    expect(inv.meter.used).toBe(20);
  });

  it('each stops when the callback does not return true, and refuses to go past 4,000 rows', () => {
    const s = createSearchModule(bigReader(4001), { clock });
    const { inv } = inInvocation(() => {
      let seen = 0;
      s.create({ type: 'location' })
        .run()
        .each(() => {
          seen++;
          return seen < 3;
        });
      expect(seen).toBe(3);
      seen = 0;
      expect(() =>
        s
          .create({ type: 'location' })
          .run()
          .each(() => {
            seen++;
            return true;
          }),
      ).toThrow(expect.objectContaining({ name: 'SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED' }));
      expect(seen).toBe(4000);
    });
    expect(inv.meter.used).toBe(20);
  });

  it('each visits exactly 4,000 rows without error when that is all there is', () => {
    const s = createSearchModule(bigReader(4000), { clock });
    let seen = 0;
    inInvocation(() =>
      s
        .create({ type: 'location' })
        .run()
        .each(() => ++seen > 0),
    );
    expect(seen).toBe(4000);
  });

  it('pages with runPaged: counts, ranges, fetch, limits and 5 units per call', () => {
    const s = createSearchModule(bigReader(23), { clock });
    const { inv } = inInvocation(() => {
      const paged = s
        .create({ type: 'location', columns: [s.createColumn({ name: 'name', sort: s.Sort.ASC })] })
        .runPaged({ pageSize: 10 });
      expect(paged.count).toBe(23);
      expect(paged.pageRanges.map((p) => p.index)).toEqual([0, 1, 2]);
      const last = paged.fetch({ index: 2 });
      expect(last.data.map((r) => r.getValue('name'))).toEqual(['Loc 00020', 'Loc 00021', 'Loc 00022']);
      expect([last.isFirst, last.isLast]).toEqual([false, true]);
      expect(last.prev().data).toHaveLength(10);
      expect(() => paged.fetch({ index: 3 })).toThrow(expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }));
      expect(() => s.create({ type: 'location' }).runPaged({ pageSize: 4 })).toThrow(
        expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }),
      );
      expect(() => s.create({ type: 'location' }).runPaged({ pageSize: 1001 })).toThrow(
        expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }),
      );
      expect(s.create({ type: 'location' }).runPaged().pageRanges).toHaveLength(1);
    });
    expect(inv.meter.used).toBe(5 + 5 + 5 + 5);
  });

  it('lookupFields returns selects as [{value,text}], checkboxes as booleans, and follows joins (1 unit)', () => {
    const { value, inv } = inInvocation(() =>
      search.lookupFields({
        type: 'salesorder',
        id: 9,
        columns: ['tranid', 'entity', 'trandate', 'custbody_tts_shop.custrecord_tts_shop_push_orders', 'customer.email', 'location', 'memo'],
      }),
    );
    expect(value).toEqual({
      tranid: 'SO-1',
      entity: [{ value: '1', text: 'Alice Buyer' }],
      trandate: '1/5/2026',
      'custbody_tts_shop.custrecord_tts_shop_push_orders': true,
      'customer.email': 'alice@example.com',
      location: [{ value: '3', text: 'Main Warehouse' }],
      memo: 'first',
    });
    expect(inv.meter.used).toBe(1);
    const empty = inInvocation(() =>
      search.lookupFields({ type: 'salesorder', id: '11', columns: 'custbody_tts_shop' }),
    ).value;
    expect(empty).toEqual({ custbody_tts_shop: [] });
    expect(() => inInvocation(() => search.lookupFields({ type: 'salesorder', id: 1, columns: ['tranid'] }))).toThrow(
      expect.objectContaining({ name: 'RCRD_DSNT_EXIST' }),
    );
    expect(() => inInvocation(() => search.lookupFields({ type: 'customer', id: 1, columns: ['nope'] }))).toThrow(
      expect.objectContaining({ name: 'SSS_INVALID_SRCH_COL' }),
    );
  });

  it('loads registered saved searches for 5 units and rejects unknown ids', () => {
    search.registerSavedSearch({ id: 'customsearch_tts_active', type: 'customer', filters: [['isinactive', 'is', 'F']], columns: ['entityid'] });
    const { value, inv } = inInvocation(() =>
      search.load({ id: 'customsearch_tts_active' }).run().getRange({ start: 0, end: 5 }).map((r) => r.getValue('entityid')),
    );
    expect(value).toEqual(['Alice Buyer']);
    expect(inv.meter.used).toBe(15);
    expect(() => inInvocation(() => search.load({ id: 'customsearch_missing' }))).toThrow(
      expect.objectContaining({ name: 'INVALID_SEARCH' }),
    );
  });

  it('hands the map/reduce runner every result without charging', () => {
    const s = createSearchModule(bigReader(4500), { clock });
    const { value, inv } = inInvocation(() => s.create({ type: 'location', columns: ['name'] }).resultsForMapReduceInput());
    expect(value).toHaveLength(4500);
    expect(inv.meter.used).toBe(0);
  });

  it('exposes string enum values', () => {
    expect(search.Type.SALES_ORDER).toBe('salesorder');
    expect(search.Type.ITEM_FULFILLMENT).toBe('itemfulfillment');
    expect(search.Operator.ANYOF).toBe('anyof');
    expect(search.Summary.GROUP).toBe('GROUP');
    expect(search.Sort.DESC).toBe('DESC');
  });
});
