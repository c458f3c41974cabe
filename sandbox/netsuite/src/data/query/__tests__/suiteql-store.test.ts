import { createQueryModule } from '../module';
import type { World } from '../../record/__tests__/harness';
import { createWorld } from '../../record/__tests__/harness';

/**
 * SuiteQL over the emulator's real SQLite record store (the other SuiteQL tests read an in-memory
 * reader): BUILTIN.DF reads display texts from the same database the query runs on.
 */

function salesOrder(w: World, lines: { item: number; quantity: number }[]): number {
  return w.run(() => {
    const so = w.record.create({ type: 'salesorder' });
    so.setValue('entity', w.refs.customer);
    so.setValue('paymentmethod', w.refs.paymentMethod);
    so.setValue('location', w.refs.location);
    lines.forEach((l, i) => {
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: 10 });
    });
    return so.save();
  }).result;
}

describe('SuiteQL on the record store', () => {
  let w: World;
  let query: ReturnType<typeof createQueryModule>;

  beforeEach(() => {
    w = createWorld();
    query = createQueryModule(w.store.db, w.store, { clock: w.clock });
  });

  const rows = (sql: string, params: unknown[] = []) =>
    w.run(() => query.runSuiteQL({ query: sql, params }).asMappedResults()).result;

  it('answers BUILTIN.DF of reference columns with their display text, also in WHERE and ORDER BY', () => {
    const so = salesOrder(w, [
      { item: w.refs.item, quantity: 1 },
      { item: w.refs.item2, quantity: 2 },
    ]);
    expect(
      rows(
        `SELECT t.id, BUILTIN.DF(t.entity) AS customer, BUILTIN.DF(tl.item) AS item, BUILTIN.DF(t.location) AS loc
           FROM transaction t JOIN transactionline tl ON tl.transaction = t.id
          WHERE tl.mainline = 'F' AND BUILTIN.DF(t.entity) = ?
          ORDER BY BUILTIN.DF(tl.item)`,
        ['TikTok Buyer'],
      ),
    ).toEqual([
      { id: so, customer: 'TikTok Buyer', item: 'SKU-BLUE', loc: 'Main Warehouse' },
      { id: so, customer: 'TikTok Buyer', item: 'SKU-RED', loc: 'Main Warehouse' },
    ]);
    const paged = w.run(() => {
      const data = query.runSuiteQLPaged({ query: 'SELECT BUILTIN.DF(entity) AS customer FROM transaction', pageSize: 5 });
      return { count: data.count, first: data.fetch({ index: 0 }).data.asMappedResults() };
    }).result;
    expect(paged).toEqual({ count: 1, first: [{ customer: 'TikTok Buyer' }] });
  });

  it('gives transaction.status as the letter, BUILTIN.DF as "Sales Order : <text>" and BUILTIN.CF as SalesOrd:<letter>', () => {
    salesOrder(w, [{ item: w.refs.item, quantity: 1 }]);
    expect(
      rows('SELECT t.status, BUILTIN.DF(t.status) AS text, BUILTIN.CF(t.status) AS code FROM transaction t'),
    ).toEqual([{ status: 'B', text: 'Sales Order : Pending Fulfillment', code: 'SalesOrd:B' }]);
    expect(rows("SELECT COUNT(*) AS n FROM transaction t WHERE BUILTIN.CF(t.status) NOT IN ('SalesOrd:C', 'SalesOrd:H')")).toEqual([
      { n: 1 },
    ]);
  });

  it('runs Oracle (+) outer joins as LEFT JOINs: an order without fulfilment keeps its row with nulls', () => {
    const open = salesOrder(w, [{ item: w.refs.item, quantity: 1 }]);
    const shipped = salesOrder(w, [{ item: w.refs.item, quantity: 2 }]);
    const fulfilment = w.run(() => w.record.transform({ fromType: 'salesorder', fromId: shipped, toType: 'itemfulfillment' }).save()).result;
    expect(
      rows(
        `SELECT so.id AS so, f.transaction AS fulfilment
           FROM transaction so, transactionline f
          WHERE so.type = 'SalesOrd' AND f.createdfrom(+) = so.id AND f.mainline(+) = 'T'
          ORDER BY so.id`,
      ),
    ).toEqual([
      { so: open, fulfilment: null },
      { so: shipped, fulfilment },
    ]);
  });

  it('lists sales order → fulfilment and → return links in NextTransactionLink and PreviousTransactionLink', () => {
    const so = salesOrder(w, [{ item: w.refs.item, quantity: 2 }]);
    const ids = w.run(() => {
      const f = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
      f.setValue('shipstatus', 'C');
      const fulfilment = f.save();
      const ra = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'returnauthorization' }).save();
      return { fulfilment, ra };
    }).result;
    // The shape of a public SuiteQL sample (sales order → its fulfilments), written afresh.
    expect(
      rows(
        `SELECT SalesOrder.ID AS so, Fulfillment.ID AS fulfilment, NTL.LinkType AS linktype
           FROM NextTransactionLink AS NTL
           INNER JOIN Transaction AS SalesOrder ON ( SalesOrder.ID = NTL.PreviousDoc )
           INNER JOIN Transaction AS Fulfillment ON ( Fulfillment.ID = NTL.NextDoc )
          WHERE ( NTL.LinkType IN ( 'PickPack', 'ShipRcpt' ) ) AND ( NTL.PreviousDoc = ? )`,
        [so],
      ),
    ).toEqual([{ so, fulfilment: ids.fulfilment, linktype: 'ShipRcpt' }]);
    expect(
      rows(
        'SELECT previousdoc, nextdoc, linktype, previoustype, nexttype FROM PreviousTransactionLink WHERE previousdoc = ? ORDER BY nextdoc',
        [so],
      ),
    ).toEqual([
      { previousdoc: so, nextdoc: ids.fulfilment, linktype: 'ShipRcpt', previoustype: 'SalesOrd', nexttype: 'ItemShip' },
      { previousdoc: so, nextdoc: ids.ra, linktype: 'SaleRet', previoustype: 'SalesOrd', nexttype: 'RtnAuth' },
    ]);
  });
});
