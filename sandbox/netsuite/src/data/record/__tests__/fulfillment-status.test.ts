import type { TestClock } from '../../../../../../test/support/test-clock';
import { US_ONEWORLD, withFeatures, withoutFeatures } from '../../../profiles/account-profile';
import { FEATURE } from '../../../profiles/features';
import type { FulfillmentWorld } from './fulfillment-world';
import { startFulfillmentWorld } from './fulfillment-world';

/**
 * Item fulfillment ship status: Picked / Packed / Shipped under Pick, Pack and Ship, always Shipped
 * without it; the status NetSuite derives and the picked / packed / shipped dates (records.json help).
 */

describe('item fulfillment status without Pick, Pack and Ship (default profile)', () => {
  let w: FulfillmentWorld;
  beforeAll(async () => {
    w = await startFulfillmentWorld();
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('creates fulfillments Shipped, with status, statusRef and all three dates', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 1 }]);
    const id = w.fulfil(so);
    const read = w.run(() => {
      const f = w.record.load({ type: 'itemfulfillment', id });
      return ['shipstatus', 'status', 'statusRef', 'pickeddate', 'packeddate', 'shippeddate'].map((fieldId) => {
        const v = f.getValue({ fieldId });
        return v instanceof Date ? 'date' : v;
      });
    });
    expect(read).toEqual(['C', 'Shipped', 'shipped', 'date', 'date', 'date']);
  });

  it('refuses Picked or Packed, saying the feature is off', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 1 }]);
    const refused = w.refusal(() => {
      const f = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
      f.setValue({ fieldId: 'shipstatus', value: 'A' });
    });
    expect(refused.name).toBe('INVALID_FLD_VALUE');
    expect(refused.message).toBe(
      'You have entered an Invalid Field Value A for the following field: shipstatus (Pick, Pack and Ship (PICKPACKSHIP) is not enabled in account profile us-oneworld: every item fulfillment is Shipped (C))',
    );
  });
});

describe('item fulfillment status with Pick, Pack and Ship', () => {
  let w: FulfillmentWorld;
  beforeAll(async () => {
    w = await startFulfillmentWorld(withFeatures(US_ONEWORLD, FEATURE.PICKPACKSHIP));
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('starts Picked, then Packed and Shipped on edits, filling each date once and the transaction date with it', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 2 }]);
    const id = w.fulfil(so);
    const stored = () => w.ns.store.get('itemfulfillment', id)?.fields ?? {};
    expect(stored()).toMatchObject({ shipstatus: 'A', status: 'A', pickeddate: '2026-01-15', trandate: '2026-01-15' });
    expect(stored().packeddate ?? null).toBeNull();
    (w.ns.clock as TestClock).advance(2 * 86_400_000);
    w.edit('itemfulfillment', id, (f) => f.setValue({ fieldId: 'shipstatus', value: 'B' }));
    expect(stored()).toMatchObject({ status: 'B', pickeddate: '2026-01-15', packeddate: '2026-01-17', trandate: '2026-01-17' });
    (w.ns.clock as TestClock).advance(86_400_000);
    w.edit('itemfulfillment', id, (f) => f.setValue({ fieldId: 'shipstatus', value: 'C' }));
    expect(stored()).toMatchObject({ status: 'C', packeddate: '2026-01-17', shippeddate: '2026-01-18', trandate: '2026-01-18' });
    const ref = w.run(() => w.record.load({ type: 'itemfulfillment', id }).getValue({ fieldId: 'statusRef' }));
    expect(ref).toBe('shipped');
  });

  it('creates a fulfillment Shipped at once when the script says so', () => {
    const so = w.order([{ sku: 'SKU-B', quantity: 1 }]);
    const id = w.fulfil(so, (f) => f.setValue({ fieldId: 'shipstatus', value: 'C' }));
    expect(w.ns.store.get('itemfulfillment', id)?.fields).toMatchObject({ status: 'C', pickeddate: expect.any(String), shippeddate: expect.any(String) });
  });

  it('counts a picked fulfillment as fulfilled on its order (Pending Billing/Partially Fulfilled)', () => {
    const so = w.order([
      { sku: 'SKU-A', quantity: 1 },
      { sku: 'SKU-B', quantity: 1 },
    ]);
    w.fulfil(so, (f) => f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: 1, value: false }));
    expect(w.ns.store.get('salesorder', so)?.fields.status).toBe('E');
  });

  it('is a profile the helpers name and check', () => {
    expect(withFeatures(US_ONEWORLD, FEATURE.PICKPACKSHIP).id).toBe('us-oneworld+PICKPACKSHIP');
    expect(withoutFeatures(US_ONEWORLD, FEATURE.MULTILOCINVT).id).toBe('us-oneworld-MULTILOCINVT');
    expect(() => withoutFeatures(US_ONEWORLD, FEATURE.LOCATIONS)).toThrow(/MULTILOCINVT needs the LOCATIONS feature/);
  });
});

describe('item fulfillment status set by submitFields', () => {
  let w: FulfillmentWorld;
  beforeAll(async () => {
    w = await startFulfillmentWorld(withFeatures(US_ONEWORLD, FEATURE.PICKPACKSHIP));
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('settles status and dates as a save does', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 1 }]);
    const id = w.fulfil(so);
    w.run(() => w.record.submitFields({ type: 'itemfulfillment', id, values: { shipstatus: 'C' } }));
    expect(w.ns.store.get('itemfulfillment', id)?.fields).toMatchObject({ status: 'C', shippeddate: '2026-01-15' });
  });
});
