import type { NsRecord } from '../record';
import type { World } from './harness';
import { createWorld, thrown } from './harness';

function draftOrder(w: World, lines: { item: number; quantity: number; rate: number }[] = [{ item: w.refs.item, quantity: 1, rate: 10 }]): NsRecord {
  const so = w.record.create({ type: w.record.Type.SALES_ORDER });
  so.setValue({ fieldId: 'entity', value: w.refs.customer });
  so.setValue({ fieldId: 'paymentmethod', value: w.refs.paymentMethod });
  so.setValue({ fieldId: 'location', value: w.refs.location });
  lines.forEach((l, i) => {
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
    so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
    so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: l.rate });
  });
  return so;
}

describe('sales order save: rejections', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('requires the customer, naming the field label', () => {
    const e = w.run(() => {
      const so = draftOrder(w);
      so.setValue({ fieldId: 'entity', value: null });
      return thrown(() => so.save());
    }).result;
    expect(e.name).toBe('USER_ERROR');
    expect(e.message).toBe('Please enter value(s) for: Customer');
  });

  it('requires a payment method while the preference is on, and names the field', () => {
    const e = w.run(() => {
      const so = draftOrder(w);
      so.setValue({ fieldId: 'paymentmethod', value: '' });
      return thrown(() => so.save());
    }).result;
    expect(e.name).toBe('USER_ERROR');
    expect(e.message).toContain('Payment Method');
    expect(w.store.all('salesorder')).toHaveLength(0);
  });

  it('accepts an order without payment method when requirePaymentMethod is off', () => {
    const w2 = createWorld({ requirePaymentMethod: false });
    const id = w2.run(() => {
      const so = draftOrder(w2);
      so.setValue({ fieldId: 'paymentmethod', value: null });
      return so.save();
    }).result;
    expect(w2.store.get('salesorder', id)?.fields.paymentmethod).toBeNull();
  });

  it('rejects a transaction without item lines', () => {
    const e = w.run(() => thrown(() => draftOrder(w, []).save())).result;
    expect(e).toMatchObject({ name: 'USER_ERROR', message: 'You must enter at least one line item for this transaction.' });
  });

  it('rejects a select value that references no record, naming field and key', () => {
    const e = w.run(() => {
      const so = draftOrder(w);
      so.setValue({ fieldId: 'entity', value: 999 });
      return thrown(() => so.save());
    }).result;
    expect(e).toMatchObject({ name: 'INVALID_KEY_OR_REF', message: 'Invalid entity reference key 999.' });
  });

  it('rejects a reference of the wrong record type (a location id in the item column)', () => {
    const e = w.run(() => {
      const so = draftOrder(w);
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.location });
      return thrown(() => so.save());
    }).result;
    expect(e.name).toBe('INVALID_KEY_OR_REF');
    expect(e.message).toBe(`Invalid item reference key ${w.refs.location} (item line 1).`);
  });

  it('rejects a reference to an inactive record', () => {
    w.run(() => w.record.submitFields({ type: 'paymentmethod', id: w.refs.paymentMethod, values: { isinactive: true } }));
    const e = w.run(() => thrown(() => draftOrder(w).save())).result;
    expect(e).toMatchObject({ name: 'INVALID_KEY_OR_REF', message: `Invalid paymentmethod reference key ${w.refs.paymentMethod}.` });
  });

  it('rejects a duplicate external id with DUP_RCRD naming the type and the id', () => {
    w.run(() => {
      const so = draftOrder(w);
      so.setValue({ fieldId: 'externalid', value: 'tts_1_576' });
      so.save();
    });
    const e = w.run(() => {
      const so = draftOrder(w);
      so.setValue({ fieldId: 'externalid', value: 'tts_1_576' });
      return thrown(() => so.save());
    }).result;
    expect(e.name).toBe('DUP_RCRD');
    expect(e.message).toContain('Sales Order');
    expect(e.message).toContain('tts_1_576');
    expect(w.store.all('salesorder')).toHaveLength(1);
  });

  it('rejects a stale save after a concurrent change with RCRD_HAS_BEEN_CHANGED', () => {
    const id = w.run(() => draftOrder(w).save()).result;
    const e = w.run(() => {
      const a = w.record.load({ type: 'salesorder', id });
      const b = w.record.load({ type: 'salesorder', id });
      b.setValue({ fieldId: 'memo', value: 'B wins' });
      b.save();
      a.setValue({ fieldId: 'memo', value: 'A is stale' });
      return thrown(() => a.save());
    }).result;
    expect(e).toMatchObject({ name: 'RCRD_HAS_BEEN_CHANGED', message: 'Record has been changed' });
    expect(w.store.get('salesorder', id)?.fields.memo).toBe('B wins');
  });

  it('rejects text longer than the field maximum with INVALID_FLD_VALUE', () => {
    const e = w.run(() => thrown(() => draftOrder(w).setValue({ fieldId: 'otherrefnum', value: 'x'.repeat(46) }))).result;
    expect(e.name).toBe('INVALID_FLD_VALUE');
    expect(e.message).toContain('otherrefnum');
  });

  it('rejects a custom field the project does not define, and a string in a date field', () => {
    const [unknown, date] = w.run(() => {
      const so = draftOrder(w);
      return [
        thrown(() => so.setValue({ fieldId: 'custbody_not_in_project', value: 'x' })),
        thrown(() => so.setValue({ fieldId: 'trandate', value: '2026-01-15' })),
      ];
    }).result;
    expect(unknown?.name).toBe('INVALID_FLD_VALUE');
    expect(unknown?.message).toContain('custbody_not_in_project');
    expect(date?.message).toBe('You have entered an Invalid Field Value 2026-01-15 for the following field: trandate');
  });

  it('rejects an orderstatus outside its list', () => {
    const e = w.run(() => thrown(() => draftOrder(w).setValue({ fieldId: 'orderstatus', value: 'Z' }))).result;
    expect(e.name).toBe('INVALID_FLD_VALUE');
  });
});

describe('sales order save: defaults and computed values', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('defaults trandate to today, orderstatus to Pending Fulfillment, and numbers SO1001, SO1002', () => {
    const [a, b] = w.run(() => [draftOrder(w).save(), draftOrder(w).save()]).result;
    const first = w.store.get('salesorder', a as number);
    expect(first?.fields).toMatchObject({ trandate: '2026-01-15', orderstatus: 'B', status: 'B', tranid: 'SO1001' });
    expect(w.store.get('salesorder', b as number)?.fields.tranid).toBe('SO1002');
    expect(w.store.displayText('transaction', String(a))).toBe('Sales Order #SO1001');
  });

  it('honours defaultOrderStatus A', () => {
    const w2 = createWorld({ defaultOrderStatus: 'A' });
    const id = w2.run(() => draftOrder(w2).save()).result;
    expect(w2.store.get('salesorder', id)?.fields).toMatchObject({ orderstatus: 'A', status: 'A' });
  });

  it('computes line amounts and totals exactly (no float drift)', () => {
    const id = w.run(() => {
      const so = draftOrder(w, [
        { item: w.refs.item, quantity: 3, rate: 19.99 },
        { item: w.refs.item2, quantity: 7, rate: 0.1 },
      ]);
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 2, value: w.refs.discountItem });
      so.setSublistValue({ sublistId: 'item', fieldId: 'price', line: 2, value: -1 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 2, value: -5.01 });
      so.setValue({ fieldId: 'shipmethod', value: w.refs.shipItem });
      so.setValue({ fieldId: 'shippingcost', value: 4.99 });
      so.setValue({ fieldId: 'total', value: 1 });
      return so.save();
    }).result;
    const so = w.store.get('salesorder', id);
    expect(so?.sublists.item?.map((l) => l.fields.amount)).toEqual([59.97, 0.7, -5.01]);
    expect(so?.fields).toMatchObject({ subtotal: 55.66, shippingcost: 4.99, taxtotal: 0, discounttotal: 0, total: 60.65 });
  });

  it('keeps an amount the script set explicitly, and derives the rate from it', () => {
    const id = w.run(() => {
      const so = draftOrder(w, [{ item: w.refs.item, quantity: 3, rate: 10 }]);
      so.setSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0, value: 29.99 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 1, value: w.refs.item2 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 1, value: 3 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'amount', line: 1, value: 10 });
      return so.save();
    }).result;
    const lines = w.store.get('salesorder', id)?.sublists.item ?? [];
    expect(lines.map((l) => [l.fields.rate, l.fields.amount])).toEqual([
      [10, 29.99],
      [3.33333333, 10],
    ]);
    expect(w.store.get('salesorder', id)?.fields).toMatchObject({ subtotal: 39.99, taxtotal: 0, total: 39.99 });
  });

  it('adds line tax amounts to the total where the account has them (non-US legacy tax), and has no tax1amt in a US account', () => {
    const vat = createWorld({}, { profiles: ['non-us-legacy-tax', 'multi-location'] });
    const id = vat.run(() => {
      const so = draftOrder(vat, [{ item: vat.refs.item, quantity: 3, rate: 10 }]);
      so.setSublistValue({ sublistId: 'item', fieldId: 'tax1amt', line: 0, value: 0.83 });
      return so.save();
    }).result;
    expect(vat.store.get('salesorder', id)?.fields).toMatchObject({ subtotal: 30, taxtotal: 0.83, total: 30.83 });
    expect(w.store.typeInfo('salesorder').sublists.item?.fields.tax1amt).toBeUndefined();
  });

  it('reads values back in SuiteScript types: dates as Date, selects as id strings, text via getText', () => {
    const out = w.run(() => {
      const id = draftOrder(w).save();
      const so = w.record.load({ type: 'salesorder', id });
      return {
        trandate: so.getValue('trandate'),
        entity: so.getValue({ fieldId: 'entity' }),
        entityText: so.getText({ fieldId: 'entity' }),
        statusText: so.getText('orderstatus'),
        dateText: so.getText('trandate'),
        item: so.getSublistValue({ sublistId: 'item', fieldId: 'item', line: 0 }),
        itemText: so.getSublistText({ sublistId: 'item', fieldId: 'item', line: 0 }),
        closed: so.getSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 0 }),
      };
    }).result;
    expect(out.trandate).toBeInstanceOf(Date);
    expect((out.trandate as Date).getDate()).toBe(15);
    expect(out).toMatchObject({
      entity: String(w.refs.customer),
      entityText: 'TikTok Buyer',
      statusText: 'Pending Fulfillment',
      dateText: '1/15/2026',
      item: String(w.refs.item),
      itemText: 'SKU-RED',
      closed: false,
    });
  });

  it('stores custbody and custcol fields from the SDF project and validates their references', () => {
    const shop = w.seed.record('customrecord_tts_shop', { name: 'Shop', custrecord_tts_shop_id: '7001' });
    const id = w.run(() => {
      const so = draftOrder(w);
      so.setValue({ fieldId: 'custbody_tts_order_id', value: '576' });
      so.setValue({ fieldId: 'custbody_tts_shop', value: shop });
      so.setSublistValue({ sublistId: 'item', fieldId: 'custcol_tts_line_ids', line: 0, value: 'a,b' });
      return so.save();
    }).result;
    const stored = w.store.get('salesorder', id);
    expect(stored?.fields).toMatchObject({ custbody_tts_order_id: '576', custbody_tts_shop: String(shop) });
    expect(stored?.sublists.item?.[0]?.fields.custcol_tts_line_ids).toBe('a,b');
    const e = w.run(() => {
      const so = draftOrder(w);
      so.setValue({ fieldId: 'custbody_tts_shop', value: 4242 });
      return thrown(() => so.save());
    }).result;
    expect(e).toMatchObject({ name: 'INVALID_KEY_OR_REF', message: 'Invalid custbody_tts_shop reference key 4242.' });
  });
});

describe('sales order lines: itemtype', () => {
  it("gives each item line its item's type code, read-only, in standard and dynamic mode", () => {
    const w = createWorld();
    const read = w.run(() => {
      const so = draftOrder(w, [
        { item: w.refs.item, quantity: 1, rate: 10 },
        { item: w.refs.discountItem, quantity: 1, rate: -2 },
      ]);
      so.setSublistValue({ sublistId: 'item', fieldId: 'itemtype', line: 0, value: 'Service' });
      const id = so.save();
      const loaded = w.record.load({ type: 'salesorder', id });
      const dynamic = w.record.create({ type: 'salesorder', isDynamic: true });
      dynamic.selectNewLine({ sublistId: 'item' });
      dynamic.setCurrentSublistValue({ sublistId: 'item', fieldId: 'item', value: w.refs.item2 });
      return {
        saved: [0, 1].map((line) => loaded.getSublistValue({ sublistId: 'item', fieldId: 'itemtype', line })),
        dynamic: dynamic.getCurrentSublistValue({ sublistId: 'item', fieldId: 'itemtype' }),
      };
    }).result;
    expect(read).toEqual({ saved: ['InvtPart', 'Discount'], dynamic: 'InvtPart' });
  });
});
