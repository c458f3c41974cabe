import { US_ONEWORLD, withFeatures } from '../../../profiles/account-profile';
import { FEATURE } from '../../../profiles/features';
import type { FulfillmentWorld } from './fulfillment-world';
import { startFulfillmentWorld } from './fulfillment-world';

/**
 * Package sublists of item fulfillments: `package` without Shipping Label Integration or with a
 * shipping method no carrier is integrated with; the carrier's `packageups` / `packagefedex` /
 * `packageusps` otherwise. The others count -1 lines and refuse line access.
 */

const LINE_COUNTS = (f: { getLineCount(o: { sublistId: string }): number }) =>
  ['package', 'packageups', 'packagefedex', 'packageusps'].map((sublistId) => f.getLineCount({ sublistId }));

describe('package sublists without Shipping Label Integration', () => {
  let w: FulfillmentWorld;
  beforeAll(async () => {
    w = await startFulfillmentWorld();
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('has only the package sublist, with weight, description and tracking number', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 1 }], { shipmethod: w.account.shipItemId });
    const id = w.fulfil(so, (f) => {
      expect(LINE_COUNTS(f)).toEqual([0, -1, -1, -1]);
      f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: '9400100000000000000001' });
      f.setSublistValue({ sublistId: 'package', fieldId: 'packageweight', line: 0, value: 1.5 });
      f.setSublistValue({ sublistId: 'package', fieldId: 'packagedescr', line: 0, value: 'Box 1' });
    });
    expect(w.ns.store.get('itemfulfillment', id)?.sublists.package?.[0]?.fields).toEqual({
      packagetrackingnumber: '9400100000000000000001',
      packageweight: 1.5,
      packagedescr: 'Box 1',
    });
    const sublists = w.run(() => w.record.load({ type: 'itemfulfillment', id }).getSublists());
    expect(sublists).toContain('package');
    expect(sublists).not.toContain('packagefedex');
  });

  it('refuses lines on a carrier package sublist, saying why', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 1 }], { shipmethod: w.account.shipItemId });
    const refused = w.refusal(() =>
      w.fulfil(so, (f) => f.setSublistValue({ sublistId: 'packagefedex', fieldId: 'packagetrackingnumberfedex', line: 0, value: 'X' })),
    );
    expect(refused.name).toBe('SSS_INVALID_SUBLIST_OPERATION');
    expect(refused.message).toContain('this item fulfillment has no packagefedex sublist: its packages are on the package sublist because Shipping Label Integration (SHIPPINGLABELS) is not enabled');
  });

  it('does not let a shipping item be integrated with a carrier', () => {
    expect(() => w.ns.seed.shipItem('FedEx Ground', { carrier: 'fedex' })).toThrow(/does not have Shipping Label Integration/);
  });
});

describe('package sublists with Shipping Label Integration', () => {
  let w: FulfillmentWorld;
  let fedex: number;
  let ups: number;
  beforeAll(async () => {
    w = await startFulfillmentWorld(withFeatures(US_ONEWORLD, FEATURE.SHIPPINGLABELS));
    fedex = w.ns.seed.shipItem('FedEx Ground', { carrier: 'fedex' });
    ups = w.ns.seed.shipItem('UPS Ground', { carrier: 'ups' });
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it("keeps packages on the carrier's sublist of the fulfillment's shipping method", () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 2 }], { shipmethod: fedex });
    const id = w.fulfil(so, (f) => {
      expect(LINE_COUNTS(f)).toEqual([-1, -1, 0, -1]);
      f.setSublistValue({ sublistId: 'packagefedex', fieldId: 'packagetrackingnumberfedex', line: 0, value: '794600000001' });
      f.setSublistValue({ sublistId: 'packagefedex', fieldId: 'packagetrackingnumberfedex', line: 1, value: '794600000002' });
    });
    const counts = w.run(() => LINE_COUNTS(w.record.load({ type: 'itemfulfillment', id })));
    expect(counts).toEqual([-1, -1, 2, -1]);
    const plain = w.order([{ sku: 'SKU-B', quantity: 1 }], { shipmethod: w.account.shipItemId });
    w.fulfil(plain, (f) => expect(LINE_COUNTS(f)).toEqual([0, -1, -1, -1]));
  });

  it('refuses a save whose packages sit on the sublist of a shipping method it no longer has', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 1 }], { shipmethod: fedex });
    const refused = w.refusal(() =>
      w.fulfil(so, (f) => {
        f.setSublistValue({ sublistId: 'packagefedex', fieldId: 'packagetrackingnumberfedex', line: 0, value: '794600000003' });
        f.setValue({ fieldId: 'shipmethod', value: ups });
      }),
    );
    expect(refused.name).toBe('USER_ERROR');
    expect(refused.message).toContain('1 line(s) on the packagefedex sublist, but this item fulfillment has no packagefedex sublist: its packages are on the packageups sublist because its shipping method UPS Ground is integrated with UPS');
  });
});
