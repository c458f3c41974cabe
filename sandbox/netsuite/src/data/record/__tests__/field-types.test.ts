import type { World } from './harness';
import { createWorld, thrown } from './harness';

/** Values of the wrong type for a field are INVALID_FLD_VALUE, as NetSuite answers them. */
describe('field value types', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('rejects a number in a text field (body and sublist), and keeps the string form', () => {
    const out = w.run(() => {
      const so = w.record.create({ type: 'salesorder' });
      const body = thrown(() => so.setValue({ fieldId: 'custbody_tts_order_id', value: 576751217741936702 }));
      const line = thrown(() =>
        so.setSublistValue({ sublistId: 'item', fieldId: 'custcol_tts_line_ids', line: 0, value: 17 }),
      );
      so.setValue({ fieldId: 'custbody_tts_order_id', value: '576751217741936702' });
      return { body, line, kept: so.getValue({ fieldId: 'custbody_tts_order_id' }) };
    }).result;
    expect(out.body.name).toBe('INVALID_FLD_VALUE');
    expect(out.body.message).toContain('custbody_tts_order_id');
    expect(out.line.name).toBe('INVALID_FLD_VALUE');
    expect(out.kept).toBe('576751217741936702');
  });

  it("rejects a string in a checkbox ('T' included); setText takes 'T'/'F'", () => {
    const out = w.run(() => {
      const shop = w.record.create({ type: 'customrecord_tts_shop' });
      const t = thrown(() => shop.setValue({ fieldId: 'custrecord_tts_shop_push_orders', value: 'T' }));
      const yes = thrown(() => shop.setValue({ fieldId: 'custrecord_tts_shop_push_orders', value: 'true' }));
      shop.setText({ fieldId: 'custrecord_tts_shop_push_orders', text: 'F' });
      const afterText = shop.getValue({ fieldId: 'custrecord_tts_shop_push_orders' });
      shop.setValue({ fieldId: 'custrecord_tts_shop_push_orders', value: true });
      return { t, yes, afterText, afterValue: shop.getValue({ fieldId: 'custrecord_tts_shop_push_orders' }) };
    }).result;
    expect(out.t.name).toBe('INVALID_FLD_VALUE');
    expect(out.t.message).toBe(
      'You have entered an Invalid Field Value T for the following field: custrecord_tts_shop_push_orders',
    );
    expect(out.yes.name).toBe('INVALID_FLD_VALUE');
    expect(out.afterText).toBe(false);
    expect(out.afterValue).toBe(true);
  });

  it("takes 'T'/'F' on the customer's isperson radio and in submitFields", () => {
    const shopId = w.seed.record('customrecord_tts_shop', {
      name: 'Shop',
      custrecord_tts_shop_id: '7001',
      custrecord_tts_shop_push_orders: true,
    });
    const out = w.run(() => {
      const c = w.record.create({ type: 'customer' });
      c.setValue({ fieldId: 'isperson', value: 'T' });
      w.record.submitFields({ type: 'customrecord_tts_shop', id: shopId, values: { custrecord_tts_shop_push_orders: 'F' } });
      return c.getValue({ fieldId: 'isperson' });
    }).result;
    expect(out).toBe(true);
    expect(w.store.get('customrecord_tts_shop', shopId)?.fields.custrecord_tts_shop_push_orders).toBe(false);
  });
});
