import { createQueryModule } from '../module';
import type { RecordTypeInfo } from '../../store-types';
import { MemoryReader, seedReader } from '../../search/__tests__/memory-reader';
import { clock, inInvocation } from '../../search/__tests__/run';
import { databaseFor } from './sqlite-fixture';

const reader = seedReader();
const { db } = databaseFor(reader);
const query = createQueryModule(db, reader, { clock });

function rows(sql: string, params: unknown[] = []): Array<Record<string, unknown>> {
  return inInvocation(() => query.runSuiteQL({ query: sql, params })).value.asMappedResults();
}

describe('N/query SuiteQL', () => {
  it('reads transactions with ? params, type codes and account-format dates (10 units)', () => {
    const { value, inv } = inInvocation(() =>
      query.runSuiteQL({
        query:
          "SELECT id, tranid, type, trandate, entity, externalid, custbody_tts_order_id FROM transaction WHERE type = 'SalesOrd' AND custbody_tts_order_id = ? ORDER BY id",
        params: ['200'],
      }),
    );
    expect(value.asMappedResults()).toEqual([
      {
        id: 10,
        tranid: 'SO-2',
        type: 'SalesOrd',
        trandate: '1/10/2026',
        entity: 2,
        externalid: 'tts_7001_200',
        custbody_tts_order_id: '200',
      },
    ]);
    expect(value.results[0]!.values).toEqual([10, 'SO-2', 'SalesOrd', '1/10/2026', 2, 'tts_7001_200', '200']);
    expect(value.types).toEqual(['INTEGER', 'STRING', 'STRING', 'STRING', 'INTEGER', 'STRING', 'STRING']);
    expect(JSON.parse(JSON.stringify(value.results[0]))).toEqual({
      types: value.types,
      values: [10, 'SO-2', 'SalesOrd', '1/10/2026', 2, 'tts_7001_200', '200'],
    });
    expect(inv.meter.used).toBe(10);
  });

  it('joins transaction and transactionline with mainline T/F and NetSuite signs', () => {
    expect(
      rows(
        `SELECT t.tranid, tl.linesequencenumber AS seq, tl.mainline, tl.item, tl.quantity, tl.rate, tl.netamount,
                tl.location, tl.isclosed, tl.custcol_tts_line_ids
           FROM transaction t JOIN transactionline tl ON tl.transaction = t.id
          WHERE t.id IN (?, ?) ORDER BY t.id, tl.linesequencenumber`,
        [9, 12],
      ),
    ).toEqual([
      { tranid: 'SO-1', seq: 0, mainline: 'T', item: null, quantity: null, rate: null, netamount: 30, location: 3, isclosed: 'F', custcol_tts_line_ids: null },
      { tranid: 'SO-1', seq: 1, mainline: 'F', item: 5, quantity: -2, rate: 10, netamount: -20, location: 3, isclosed: 'F', custcol_tts_line_ids: 'a,b' },
      { tranid: 'SO-1', seq: 2, mainline: 'F', item: 7, quantity: -1, rate: 10, netamount: -10, location: 3, isclosed: 'F', custcol_tts_line_ids: null },
      { tranid: 'IF-1', seq: 0, mainline: 'T', item: null, quantity: null, rate: null, netamount: null, location: null, isclosed: 'F', custcol_tts_line_ids: null },
      { tranid: 'IF-1', seq: 1, mainline: 'F', item: 5, quantity: -2, rate: null, netamount: null, location: 3, isclosed: 'F', custcol_tts_line_ids: null },
    ]);
    expect(
      rows("SELECT SUM(ABS(quantity)) AS q FROM transactionline WHERE mainline = 'F' AND isclosed = 'T'"),
    ).toEqual([{ q: 1 }]);
  });

  it('reads per-location inventory from aggregateItemLocation and InventoryItemLocations', () => {
    const sql = `SELECT i.itemid, BUILTIN.DF(ail.location) AS loc, ail.quantityavailable, ail.quantityonhand,
                        ail.quantitycommitted, ail.quantitybackordered
                   FROM item i INNER JOIN aggregateItemLocation ail ON ail.item = i.id
                  WHERE i.isinactive = 'F' ORDER BY i.id, ail.location`;
    const expected = [
      { itemid: 'SKU-RED', loc: 'Main Warehouse', quantityavailable: 8, quantityonhand: 10, quantitycommitted: 2, quantitybackordered: 0 },
      { itemid: 'SKU-RED', loc: 'East DC', quantityavailable: 5, quantityonhand: 5, quantitycommitted: 0, quantitybackordered: 1 },
      { itemid: 'SKU-BLUE', loc: 'Main Warehouse', quantityavailable: 0, quantityonhand: 0, quantitycommitted: 0, quantitybackordered: 3 },
    ];
    expect(rows(sql)).toEqual(expected);
    expect(rows(sql.replace('aggregateItemLocation', 'InventoryItemLocations'))).toEqual(expected);
    expect(rows('SELECT id, itemtype, BUILTIN.DF(itemtype) AS t FROM item WHERE itemtype = ?', ['ShipItem'])).toEqual([
      { id: 7, itemtype: 'ShipItem', t: 'Shipping Cost Item' },
    ]);
  });

  it('resolves BUILTIN.DF by alias, by bare column and for multiselects; NVL works', () => {
    expect(
      rows(
        `SELECT BUILTIN.DF(t.entity) AS customer, BUILTIN.DF(custbody_tts_shop) AS shop, BUILTIN.DF(t.type) AS type,
                NVL(t.memo, 'none') AS memo
           FROM transaction t WHERE t.id = 11 OR t.id = 9 ORDER BY t.id`,
      ),
    ).toEqual([
      { customer: 'Alice Buyer', shop: 'US Shop', type: 'Sales Order', memo: 'first' },
      { customer: 'Alice Buyer', shop: null, type: 'Sales Order', memo: 'none' },
    ]);
    expect(
      rows(
        'SELECT s.custrecord_tts_shop_loc_filter AS ids, BUILTIN.DF(s.custrecord_tts_shop_loc_filter) AS names FROM customrecord_tts_shop s',
      ),
    ).toEqual([{ ids: '3, 4', names: 'Main Warehouse, East DC' }]);
  });

  it('exposes custom record tables with checkbox T/F and created/lastmodified', () => {
    expect(
      rows(
        `SELECT s.id, s.name, s.isinactive, s.custrecord_tts_shop_push_orders AS push, o.custrecord_tts_ord_state AS state,
                o.created, o.lastmodified
           FROM customrecord_tts_order o JOIN customrecord_tts_shop s ON s.id = o.custrecord_tts_ord_shop
          WHERE LOWER(s.custrecord_tts_shop_id) = ?`,
        ['7001'],
      ),
    ).toEqual([
      {
        id: 8,
        name: 'US Shop',
        isinactive: 'F',
        push: 'T',
        state: 'imported',
        created: expect.stringMatching(/^1\/10\/2026 \d{1,2}:\d{2} (am|pm)$/),
        lastmodified: expect.stringMatching(/^1\/1[12]\/2026 \d{1,2}:\d{2} (am|pm)$/),
      },
    ]);
  });

  it('rewrites FETCH FIRST, OFFSET…FETCH NEXT, SYSDATE and TO_DATE/TO_CHAR', () => {
    expect(rows('SELECT id FROM customer ORDER BY id DESC FETCH FIRST 1 ROWS ONLY')).toEqual([{ id: 2 }]);
    expect(rows('SELECT id FROM transaction ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY', [1, 2])).toEqual([
      { id: 10 },
      { id: 11 },
    ]);
    expect(rows("SELECT id FROM transaction WHERE trandate >= TO_DATE('01/10/2026', 'MM/DD/YYYY') AND trandate < CURRENT_DATE")).toEqual([{ id: 10 }]);
    expect(rows("SELECT TO_CHAR(trandate, 'YYYY/MM/DD') AS d FROM transaction WHERE id = 9")).toEqual([{ d: '2026/01/05' }]);
    expect(rows("SELECT COUNT(*) AS n FROM transaction WHERE trandate <= SYSDATE AND memo <> 'x;y'")).toEqual([{ n: 3 }]);
  });

  it('rejects what it cannot run with SSS_SEARCH_ERROR_OCCURRED naming the problem', () => {
    const fail = (sql: string) => () => inInvocation(() => query.runSuiteQL(sql));
    expect(fail('SELECT id FROM nosuchtable')).toThrow(
      expect.objectContaining({ name: 'SSS_SEARCH_ERROR_OCCURRED', message: expect.stringContaining("Record 'nosuchtable'") }),
    );
    expect(fail('SELECT nosuchfield FROM customer')).toThrow(expect.objectContaining({ message: expect.stringContaining("Field 'nosuchfield'") }));
    expect(fail('DELETE FROM records')).toThrow(expect.objectContaining({ name: 'SSS_SEARCH_ERROR_OCCURRED' }));
    expect(fail('SELECT 1 FROM customer; DROP TABLE records')).toThrow(expect.objectContaining({ message: expect.stringContaining('one statement') }));
    expect(fail('SELECT id FROM customer WHERE ROWNUM <= 1')).toThrow(expect.objectContaining({ message: expect.stringContaining('ROWNUM') }));
    expect(fail('SELECT BUILTIN.CONSOLIDATE(id) FROM customer')).toThrow(expect.objectContaining({ message: expect.stringContaining('BUILTIN.CONSOLIDATE') }));
    expect(fail('SELECT BUILTIN.DF(t.nosuch) FROM transaction t')).toThrow(expect.objectContaining({ message: expect.stringContaining("Field 'nosuch'") }));
  });

  it('caps runSuiteQL at 5,000 rows and pages with runSuiteQLPaged', () => {
    const big = new MemoryReader();
    for (let i = 0; i < 5001; i++) big.add('location', { name: `L${i}`, isinactive: i % 2 === 0 });
    const q = createQueryModule(databaseFor(big).db, big, { clock });
    expect(() => inInvocation(() => q.runSuiteQL('SELECT id FROM location'))).toThrow(
      expect.objectContaining({ name: 'SSS_SEARCH_ERROR_OCCURRED', message: expect.stringContaining('5000') }),
    );
    expect(inInvocation(() => q.runSuiteQL('SELECT id FROM location WHERE id <= 5000')).value.results).toHaveLength(5000);
    const { value, inv } = inInvocation(() => {
      const paged = q.runSuiteQLPaged({ query: "SELECT id, name FROM location WHERE isinactive = ? ORDER BY id", params: [false], pageSize: 1000 });
      const last = paged.fetch({ index: 2 });
      expect(() => paged.fetch(3)).toThrow(expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }));
      expect(() => q.runSuiteQLPaged({ query: 'SELECT id FROM location', pageSize: 2 })).toThrow(
        expect.objectContaining({ name: 'INVALID_PAGE_RANGE' }),
      );
      return { count: paged.count, ranges: paged.pageRanges, last: last.data.asMappedResults(), isLast: last.isLast };
    });
    expect(value.count).toBe(2500);
    expect(value.ranges.map((r) => r.size)).toEqual([1000, 1000, 500]);
    expect(value.last[0]).toEqual({ id: 4002, name: 'L4001' });
    expect(value.isLast).toBe(true);
    expect(inv.meter.used).toBe(20);
  });

  it('iterates results with iterator().each', () => {
    const seen: unknown[] = [];
    inInvocation(() =>
      query
        .runSuiteQL('SELECT entityid FROM customer ORDER BY id')
        .iterator()
        .each(({ value }) => {
          seen.push(value.asMap()['entityid']);
          return true;
        }),
    );
    expect(seen).toEqual(['Alice Buyer', 'Bob Buyer']);
  });

  it('rebuilds views when a new custom record type appears', () => {
    const local = seedReader();
    const fixture = databaseFor(local);
    const q = createQueryModule(fixture.db, local, { clock });
    const fail = () => inInvocation(() => q.runSuiteQL('SELECT custrecord_tts_log_level FROM customrecord_tts_log'));
    expect(fail).toThrow(expect.objectContaining({ message: expect.stringContaining("Record 'customrecord_tts_log'") }));
    const logType: RecordTypeInfo = {
      id: 'customrecord_tts_log',
      category: 'custom',
      externalIdGroup: 'customrecord_tts_log',
      optimisticLocking: false,
      custom: true,
      fields: { custrecord_tts_log_level: { id: 'custrecord_tts_log_level', kind: 'text', label: 'Level', mandatory: false } },
      sublists: {},
      subrecords: {},
    };
    local.addType(logType);
    local.add('customrecord_tts_log', { custrecord_tts_log_level: 'error' });
    fixture.sync();
    expect(fail().value.asMappedResults()).toEqual([{ custrecord_tts_log_level: 'error' }]);
  });
});
