import { US_ONEWORLD, withFeatures } from '../../../profiles/account-profile';
import { FEATURE } from '../../../profiles/features';
import type { FulfillmentWorld } from '../../record/__tests__/fulfillment-world';
import { startFulfillmentWorld } from '../../record/__tests__/fulfillment-world';
import type { QueryModule } from '../module';

/**
 * Item fulfillments in SuiteQL as NetSuite offers them: status letters A/B/C, lines with
 * `createdfrom`, line links to the order lines, tracking numbers through the tracking number maps;
 * and the header fields NetSuite does not offer (createdfrom, shipstatus, tracking numbers) refused.
 */
describe('SuiteQL over item fulfillments', () => {
  let w: FulfillmentWorld;
  let query: QueryModule;
  let fedex: number;
  const rows = (sql: string, params: unknown[] = []) => w.run(() => query.runSuiteQL({ query: sql, params }).asMappedResults());

  beforeAll(async () => {
    w = await startFulfillmentWorld(withFeatures(US_ONEWORLD, FEATURE.PICKPACKSHIP, FEATURE.SHIPPINGLABELS));
    query = w.module<QueryModule>('N/query');
    fedex = w.ns.seed.shipItem('FedEx Ground', { carrier: 'fedex' });
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('gives a fulfillment its ship status as transaction.status, with its display text', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 1 }]);
    const picked = w.fulfil(so);
    expect(rows('SELECT t.type, t.status, BUILTIN.DF(t.status) AS text FROM transaction t WHERE t.id = ?', [picked])).toEqual([
      { type: 'ItemShip', status: 'A', text: 'Item Fulfillment : Picked' },
    ]);
    w.edit('itemfulfillment', picked, (f) => f.setValue({ fieldId: 'shipstatus', value: 'C' }));
    expect(rows('SELECT t.status FROM transaction t WHERE t.id = ?', [picked])).toEqual([{ status: 'C' }]);
  });

  it('reads createdfrom on transactionline (header and lines) and links each fulfillment line to its order line', () => {
    const so = w.order([
      { sku: 'SKU-A', quantity: 2 },
      { sku: 'SKU-B', quantity: 3 },
    ]);
    const first = w.fulfil(so, (f) => {
      f.setValue({ fieldId: 'shipstatus', value: 'C' });
      f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: 0, value: false });
      f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 1, value: 2 });
    });
    expect(
      rows(
        `SELECT tl.transaction, tl.mainline, tl.createdfrom, tl.item, tl.quantity
           FROM transactionline tl WHERE tl.transaction = ? ORDER BY tl.linesequencenumber`,
        [first],
      ),
    ).toEqual([
      { transaction: first, mainline: 'T', createdfrom: so, item: null, quantity: null },
      { transaction: first, mainline: 'F', createdfrom: so, item: w.account.itemIds['SKU-B'], quantity: -2 },
    ]);
    expect(
      rows(
        `SELECT l.previousline, l.nextline, l.linktype, sol.item AS ordered, ifl.item AS shipped
           FROM NextTransactionLineLink l
           JOIN transactionline sol ON sol.transaction = l.previousdoc AND sol.id = l.previousline
           JOIN transactionline ifl ON ifl.transaction = l.nextdoc AND ifl.id = l.nextline
          WHERE l.previousdoc = ? AND l.nexttype = 'ItemShip'`,
        [so],
      ),
    ).toEqual([{ previousline: 2, nextline: 1, linktype: 'ShipRcpt', ordered: w.account.itemIds['SKU-B'], shipped: w.account.itemIds['SKU-B'] }]);
  });

  it('offers tracking numbers only through trackingnumbermap and linkedtrackingnumbermap', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 2 }], { shipmethod: fedex });
    const one = w.fulfil(so, (f) => {
      f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
      f.setSublistValue({ sublistId: 'packagefedex', fieldId: 'packagetrackingnumberfedex', line: 0, value: '794600000011' });
      f.setSublistValue({ sublistId: 'packagefedex', fieldId: 'packagetrackingnumberfedex', line: 1, value: '794600000012' });
    });
    const two = w.fulfil(so, (f) =>
      f.setSublistValue({ sublistId: 'packagefedex', fieldId: 'packagetrackingnumberfedex', line: 0, value: '794600000013' }),
    );
    expect(
      rows(
        `SELECT m.transaction, tn.trackingnumber FROM trackingnumbermap m JOIN trackingnumber tn ON tn.id = m.trackingnumber
          WHERE m.transaction IN (?, ?) ORDER BY tn.trackingnumber`,
        [one, two],
      ),
    ).toEqual([
      { transaction: one, trackingnumber: '794600000011' },
      { transaction: one, trackingnumber: '794600000012' },
      { transaction: two, trackingnumber: '794600000013' },
    ]);
    expect(
      rows(
        `SELECT tn.trackingnumber FROM linkedtrackingnumbermap m JOIN trackingnumber tn ON tn.id = m.trackingnumber
          WHERE m.transaction = ? ORDER BY 1`,
        [so],
      ).map((r) => r.trackingnumber),
    ).toEqual(['794600000011', '794600000012', '794600000013']);
    w.edit('itemfulfillment', two, (f) =>
      f.setSublistValue({ sublistId: 'packagefedex', fieldId: 'packagetrackingnumberfedex', line: 0, value: '794600000099' }),
    );
    expect(rows('SELECT tn.trackingnumber FROM trackingnumbermap m JOIN trackingnumber tn ON tn.id = m.trackingnumber WHERE m.transaction = ?', [two])).toEqual([
      { trackingnumber: '794600000099' },
    ]);
    w.run(() => w.record.delete({ type: 'itemfulfillment', id: two }));
    expect(rows('SELECT COUNT(*) AS n FROM linkedtrackingnumbermap WHERE transaction = ?', [so])).toEqual([{ n: 2 }]);
  });

  it.each([
    ['transaction.createdfrom', 'SELECT t.createdfrom FROM transaction t', "Field 'createdfrom' (t) was not found."],
    ['transaction.shipstatus', 'SELECT t.shipstatus FROM transaction t', "Field 'shipstatus' (t) was not found."],
    ['transaction.linkedtrackingnumbers', 'SELECT t.linkedtrackingnumbers FROM transaction t', "Field 'linkedtrackingnumbers' (t) was not found."],
    ['transactionline.orderline', 'SELECT tl.orderline FROM transactionline tl', "Field 'orderline' (tl) was not found."],
  ])('refuses %s, which SuiteQL does not offer', (_what, sql, message) => {
    const refused = w.refusal(() => query.runSuiteQL({ query: sql }).asMappedResults());
    expect(refused.name).toBe('SSS_SEARCH_ERROR_OCCURRED');
    expect(refused.message).toContain(message);
  });
});
