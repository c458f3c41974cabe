import type { World } from './harness';
import { createWorld, thrown } from './harness';

describe('governance of N/record', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('charges create/save/load/submitFields/delete by record category; subrecords are free', () => {
    const shop = w.seed.record('customrecord_tts_shop', { name: 'Shop', custrecord_tts_shop_id: '1' });
    const { invocation } = w.run(() => {
      const so = w.record.create({ type: 'salesorder' }); // 10
      so.setValue('entity', w.refs.customer);
      so.setValue('paymentmethod', w.refs.paymentMethod);
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.item });
      so.getSubrecord({ fieldId: 'shippingaddress' }).setValue('city', 'Austin');
      const id = so.save(); // 20
      w.record.load({ type: 'customrecord_tts_shop', id: shop }); // 2
      w.record.submitFields({ type: 'customrecord_tts_shop', id: shop, values: { custrecord_tts_shop_push_orders: false } }); // 2
      w.record.load({ type: 'location', id: w.refs.location }); // 5
      w.record.submitFields({ type: 'salesorder', id, values: { memo: 'x' } }); // 10
      w.record.delete({ type: 'salesorder', id }); // 20
    });
    expect(invocation.meter.used).toBe(10 + 20 + 2 + 2 + 5 + 10 + 20);
    expect(invocation.meter.entries.map((e) => e.api)).toEqual([
      'record.create(salesorder)',
      'record.save(salesorder)',
      'record.load(customrecord_tts_shop)',
      'record.submitFields(customrecord_tts_shop)',
      'record.load(location)',
      'record.submitFields(salesorder)',
      'record.delete(salesorder)',
    ]);
  });

  it('throws SSS_USAGE_LIMIT_EXCEEDED past the limit, and the call that overran changes nothing', () => {
    const { result } = w.run(() => {
      let saved = 0;
      const error = thrown(() => {
        for (;;) {
          const shop = w.record.create({ type: 'customrecord_tts_shop' }); // 2
          shop.setValue('name', `Shop ${saved}`);
          shop.setValue('custrecord_tts_shop_id', String(saved));
          shop.save(); // 4
          saved += 1;
        }
      });
      return { saved, error };
    }, 'mapreduce.map');
    expect(result.error.name).toBe('SSS_USAGE_LIMIT_EXCEEDED');
    // 1,000 units / 6 per shop = 166 full shops (996 units); the 167th create (998) fits, its save does not.
    expect(result.saved).toBe(166);
    expect(w.store.all('customrecord_tts_shop')).toHaveLength(166);
  });

  it('requires an invocation', () => {
    expect(() => w.record.create({ type: 'salesorder' })).toThrow(/outside a script invocation/);
  });
});

describe('custom records and submitFields', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('applies SDF defaults and mandatory fields, and checks select references', () => {
    const shop = w.seed.record('customrecord_tts_shop', { name: 'Shop', custrecord_tts_shop_id: '1' });
    const out = w.run(() => {
      const inbox = w.record.create({ type: 'customrecord_tts_order' });
      const defaults = { state: inbox.getValue('custrecord_tts_ord_state') };
      const missing = thrown(() => inbox.save());
      inbox.setValue('custrecord_tts_ord_shop', shop);
      inbox.setValue('custrecord_tts_ord_order_id', '576');
      inbox.setValue('custrecord_tts_ord_sales_order', 999);
      const badRef = thrown(() => inbox.save());
      inbox.setValue('custrecord_tts_ord_sales_order', null);
      inbox.setValue('externalid', 'tts_1_576');
      return { defaults, missing, badRef, id: inbox.save() };
    }).result;
    expect(out.defaults.state).toBe('pending');
    expect(out.missing).toMatchObject({ name: 'USER_ERROR', message: 'Please enter value(s) for: Shop, TikTok Order ID' });
    expect(out.badRef).toMatchObject({ name: 'INVALID_KEY_OR_REF', message: 'Invalid custrecord_tts_ord_sales_order reference key 999.' });
    const stored = w.store.findByExternalId('customrecord_tts_order', 'tts_1_576');
    expect(stored?.id).toBe(out.id);
    expect(stored?.fields.created).toBe('2026-01-15T12:00:00.000Z');
  });

  it('ignoreMandatoryFields skips custom mandatory fields only', () => {
    const out = w.run(() => {
      const shop = w.record.create({ type: 'customrecord_tts_shop' });
      shop.setValue('name', 'No id');
      const id = shop.save({ ignoreMandatoryFields: true });
      const so = w.record.create({ type: 'salesorder' });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.item });
      return { id, so: thrown(() => so.save({ ignoreMandatoryFields: true })) };
    }).result;
    expect(out.id).toBeGreaterThan(0);
    expect(out.so.message).toBe('Please enter value(s) for: Customer, Payment Method');
  });

  it('submitFields bumps the version, checks references and mandatory values, and returns the id', () => {
    const shop = w.seed.record('customrecord_tts_shop', { name: 'Shop', custrecord_tts_shop_id: '1' });
    const before = w.store.get('customrecord_tts_shop', shop)?.version;
    const out = w.run(() => ({
      id: w.record.submitFields({ type: 'customrecord_tts_shop', id: shop, values: { custrecord_tts_shop_loc_filter: [w.refs.location, w.refs.location2] } }),
      badRef: thrown(() => w.record.submitFields({ type: 'customrecord_tts_shop', id: shop, values: { custrecord_tts_shop_customer: 31337 } })),
      emptyMandatory: thrown(() => w.record.submitFields({ type: 'customrecord_tts_shop', id: shop, values: { custrecord_tts_shop_id: '' } })),
      unknown: thrown(() => w.record.submitFields({ type: 'customrecord_tts_shop', id: shop, values: { custrecord_nope: 1 } })),
      missing: thrown(() => w.record.submitFields({ type: 'customrecord_tts_shop', id: 424242, values: { name: 'x' } })),
    })).result;
    expect(out.id).toBe(shop);
    const after = w.store.get('customrecord_tts_shop', shop);
    expect(after?.version).toBe((before ?? 0) + 1);
    expect(after?.fields.custrecord_tts_shop_loc_filter).toEqual([String(w.refs.location), String(w.refs.location2)]);
    expect(out.badRef.name).toBe('INVALID_KEY_OR_REF');
    expect(out.emptyMandatory.name).toBe('USER_ERROR');
    expect(out.unknown.name).toBe('INVALID_FLD_VALUE');
    expect(out.missing.name).toBe('RCRD_DSNT_EXIST');
  });

  it('custom records without optimistic locking let the last save win', () => {
    const shop = w.seed.record('customrecord_tts_shop', { name: 'Shop', custrecord_tts_shop_id: '1' });
    const id = w.seed.record('customrecord_tts_order', { custrecord_tts_ord_shop: shop, custrecord_tts_ord_order_id: '1' });
    w.run(() => {
      const a = w.record.load({ type: 'customrecord_tts_order', id });
      const b = w.record.load({ type: 'customrecord_tts_order', id });
      b.setValue('custrecord_tts_ord_state', 'imported');
      b.save();
      a.setValue('custrecord_tts_ord_state', 'error');
      a.save();
    });
    expect(w.store.get('customrecord_tts_order', id)?.fields.custrecord_tts_ord_state).toBe('error');
  });
});
