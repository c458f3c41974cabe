import crypto from 'node:crypto';
import path from 'node:path';
import OAuth from 'oauth-1.0a';
import { TestClock } from '../../../../../test/support/test-clock';
import { NetSuiteEmulator } from '../../emulator';
import { materializeFixture } from '../../../../../test/support/fixture-project';

/**
 * SuiteScript written by others, run in the emulator. The fixture scripts (public-fixture/) are
 * written afresh in the spirit of public scripts found with the search tool — a sales order RESTlet
 * (Jobin & Jismi's OTP-8977 API), Oracle's commission user event sample and Oracle's
 * transform-record map/reduce sample — and rely on what those scripts rely on: status as text and
 * statusRef, `itemtype` on lines, status searches by `SalesOrd:<letter>`, INVALID_INITIALIZE_REF and
 * VALID_LINE_ITEM_REQD from fulfilments, deleting a fulfilment, BUILTIN.DF/CF in SuiteQL input.
 */

const ROOT = materializeFixture(path.join(__dirname, 'public-fixture'));
const RESTLET = ['customscript_pub_rl_orders', 'customdeploy_pub_rl_orders'] as const;

async function callRestlet(
  ns: NetSuiteEmulator,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  data: Record<string, unknown> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const base = ns.restletUrl(...RESTLET);
  const query =
    method === 'GET' || method === 'DELETE'
      ? Object.entries(data).map(([k, v]) => `&${k}=${encodeURIComponent(String(v))}`)
      : [];
  const url = base + query.join('');
  const c = ns.credentials;
  const oauth = new OAuth({
    consumer: { key: c.consumerKey, secret: c.consumerSecret },
    signature_method: 'HMAC-SHA256',
    realm: c.realm,
    hash_function: (text, key) => crypto.createHmac('sha256', key).update(text).digest('base64'),
  });
  const headers: Record<string, string> = {
    ...oauth.toHeader(oauth.authorize({ url, method }, { key: c.tokenId, secret: c.tokenSecret })),
  };
  let body: string | undefined;
  if (method === 'POST' || method === 'PUT') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(data);
  }
  const res = await fetch(url, { method, headers, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('public-style SuiteScript in the emulator', () => {
  let ns: NetSuiteEmulator;
  let refs: {
    customer: number;
    paymentmethod: number;
    main: number;
    empty: number;
    red: number;
    discount: number;
  };

  beforeEach(async () => {
    ns = await NetSuiteEmulator.start({ projectRoot: ROOT, clock: new TestClock('2026-01-15T12:00:00Z') });
    const main = ns.seed.location('Main');
    refs = {
      customer: ns.seed.customer({ companyname: 'Buyer' }),
      paymentmethod: ns.seed.paymentMethod('Card'),
      main,
      empty: ns.seed.location('Empty'),
      red: ns.seed.inventoryItem({ itemid: 'SKU-RED', quantities: { [main]: 10 } }),
      discount: ns.seed.discountItem('Promo'),
    };
  });

  afterEach(async () => {
    await ns.stop();
  });

  /** An order entered in the UI (the user event runs for it). */
  function enterOrder(
    location: number,
    lines: { item: number; quantity: number; rate: number; msrp: number }[],
  ): number {
    const so = ns.seed.ui.create({ type: 'salesorder' });
    so.setValue({ fieldId: 'entity', value: refs.customer });
    so.setValue({ fieldId: 'paymentmethod', value: refs.paymentmethod });
    so.setValue({ fieldId: 'location', value: location });
    lines.forEach((l, line) => {
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line, value: l.item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: l.quantity });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line, value: l.rate });
      so.setSublistValue({ sublistId: 'item', fieldId: 'custcol_pub_msrp', line, value: l.msrp });
    });
    return so.save();
  }

  it('computes the commission over goods lines only, by their itemtype (Oracle commission sample)', () => {
    const so = enterOrder(refs.main, [
      { item: refs.red, quantity: 2, rate: 30, msrp: 40 },
      { item: refs.discount, quantity: 1, rate: -6, msrp: 100 },
    ]);
    const fields = ns.store.get('salesorder', so)?.fields;
    // MSRP of the goods 80, half of it 40; subtotal 54 → 10% of 40 + 50% of 14. Counting the discount
    // line's MSRP (itemtype unknown) would have given 10% of 54 = 5.4.
    expect(fields).toMatchObject({ subtotal: 54, custbody_pub_commission: 11 });
  });

  it('lists, reads, fulfils, annotates and deletes fulfilments through the RESTlet (Jobin & Jismi-style API)', async () => {
    const stocked = enterOrder(refs.main, [{ item: refs.red, quantity: 2, rate: 30, msrp: 40 }]);
    const unstocked = enterOrder(refs.empty, [{ item: refs.red, quantity: 1, rate: 30, msrp: 40 }]);

    const list = await callRestlet(ns, 'GET');
    expect(list.json.orders).toEqual([
      expect.objectContaining({
        id: String(stocked),
        status: 'pendingFulfillment',
        statusText: 'Pending Fulfillment',
      }),
      expect.objectContaining({
        id: String(unstocked),
        status: 'pendingFulfillment',
        statusText: 'Pending Fulfillment',
      }),
    ]);
    const one = await callRestlet(ns, 'GET', { orderId: stocked });
    expect(one.json).toMatchObject({
      status: 'Pending Fulfillment',
      statusRef: 'pendingFulfillment',
      lines: [{ item: 'SKU-RED', type: 'InvtPart', quantity: 2, amount: 60 }],
    });

    const fulfilled = await callRestlet(ns, 'POST', { orderId: stocked });
    expect(fulfilled.status).toBe(200);
    const fulfilmentId = Number(fulfilled.json.fulfilmentId);
    expect(ns.store.get('itemfulfillment', fulfilmentId)?.fields.shipstatus).toBe('C');
    expect((await callRestlet(ns, 'POST', { orderId: stocked })).json).toEqual({
      notFound: `Sales order ${stocked} has nothing to fulfil`,
    });
    // Nothing committed at the empty location (Fulfill Based on Commitment: Limit to Committed).
    expect((await callRestlet(ns, 'POST', { orderId: unstocked })).json).toEqual({
      unavailable: 'Item quantity is not sufficient for fulfilling',
    });
    expect(((await callRestlet(ns, 'GET')).json.orders as { status: string }[]).map((o) => o.status)).toEqual(
      ['pendingBilling', 'pendingFulfillment'],
    );

    expect((await callRestlet(ns, 'PUT', { fulfilmentId, memo: 'left the dock' })).status).toBe(200);
    expect(ns.store.get('itemfulfillment', fulfilmentId)?.fields.memo).toBe('left the dock');
    expect((await callRestlet(ns, 'DELETE', { fulfilmentId })).json).toEqual({ deleted: fulfilmentId });
    expect((await callRestlet(ns, 'GET', { orderId: stocked })).json).toMatchObject({
      statusRef: 'pendingFulfillment',
    });
  });

  it('fulfils the orders a SuiteQL input lists and reports the ones NetSuite refuses (Oracle transform-record sample)', () => {
    const stocked = enterOrder(refs.main, [{ item: refs.red, quantity: 3, rate: 30, msrp: 40 }]);
    const unstocked = enterOrder(refs.empty, [{ item: refs.red, quantity: 1, rate: 30, msrp: 40 }]);
    const report = ns.runMapReduce('customscript_pub_mr_fulfil', 'customdeploy_pub_mr_fulfil');
    expect(report.status).toBe('COMPLETE');
    expect(report.inputCount).toBe(2);
    expect(report.output.map((o) => o.key)).toEqual([String(stocked)]);
    expect(report.mapErrors.map((e) => JSON.parse(e.error).name)).toEqual(['VALID_LINE_ITEM_REQD']);
    expect(ns.store.get('salesorder', stocked)?.fields.status).toBe('F');
    expect(ns.store.get('salesorder', unstocked)?.fields.status).toBe('B');
    expect(ns.logs.filter((l) => l.level === 'ERROR').map((l) => l.title)).toEqual(['map error for order 1']);
  });
});
