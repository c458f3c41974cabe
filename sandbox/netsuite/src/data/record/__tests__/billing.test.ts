import type { World } from './harness';
import { createWorld, thrown } from './harness';

/** An approved sales order of 3 × item at 10.00 and 1 × item2 at 10.00, shipping 5.00. */
function order(w: World): number {
  return w.run(() => {
    const so = w.record.create({ type: 'salesorder' });
    so.setValue('entity', w.refs.customer);
    so.setValue('paymentmethod', w.refs.paymentMethod);
    so.setValue('location', w.refs.location);
    so.setValue('shippingcost', 5);
    [
      { item: w.refs.item, quantity: 3, ids: '11,12,13' },
      { item: w.refs.item2, quantity: 1, ids: '14' },
    ].forEach((l, i) => {
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: 10 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'custcol_tts_line_ids', line: i, value: l.ids });
    });
    return so.save();
  }).result;
}

function bill(w: World, so: number, type: 'invoice' | 'cashsale'): number {
  return w.run(() => w.record.transform({ fromType: 'salesorder', fromId: so, toType: type }).save()).result;
}

describe('billing and crediting (refunds)', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('invoices every unbilled line with the shipping cost once; the invoice owes its total; nothing is left to bill after', () => {
    const so = order(w);
    const inv = bill(w, so, 'invoice');
    const stored = w.store.get('invoice', inv);
    expect(stored?.fields).toMatchObject({ createdfrom: String(so), total: 45, amountremaining: 45 });
    expect(stored?.sublists.item?.map((l) => [l.fields.quantity, l.fields.amount, l.fields.custcol_tts_line_ids])).toEqual([
      [3, 30, '11,12,13'],
      [1, 10, '14'],
    ]);
    expect(w.store.get('salesorder', so)?.sublists.item?.map((l) => l.fields.quantitybilled)).toEqual([3, 1]);
    const again = w.run(() => thrown(() => w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'cashsale' }))).result;
    expect(again).toMatchObject({ name: 'INVALID_INITIALIZE_REF', message: `You can not initialize cashsale: invalid reference ${so}.` });
  });

  it('a credit memo from the invoice applies to it: the invoice owes less, the memo says applied and unapplied', () => {
    const so = order(w);
    const inv = bill(w, so, 'invoice');
    const out = w.run(() => {
      const cm = w.record.transform({ fromType: 'invoice', fromId: inv, toType: 'creditmemo' });
      cm.removeLine({ sublistId: 'item', line: 1 });
      cm.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
      cm.setSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0, value: 10 });
      cm.setValue('shippingcost', 0);
      const applyLines = cm.getLineCount({ sublistId: 'apply' });
      const ticked = cm.getSublistValue({ sublistId: 'apply', fieldId: 'apply', line: 0 });
      const add = thrown(() => cm.insertLine({ sublistId: 'apply', line: 1 }));
      return { applyLines, ticked, add: add.name, id: cm.save() };
    }).result;
    expect(out).toMatchObject({ applyLines: 1, ticked: true });
    expect(out.add).not.toBe('');
    expect(w.store.get('creditmemo', out.id)?.fields).toMatchObject({ createdfrom: String(inv), total: 10, applied: 10, unapplied: 0 });
    expect(w.store.get('invoice', inv)?.fields).toMatchObject({ amountremaining: 35, amountpaid: 10 });
  });

  it('refuses to apply more than the invoice owes, naming the invoice', () => {
    const so = order(w);
    const inv = bill(w, so, 'invoice');
    const err = w.run(() => {
      const cm = w.record.transform({ fromType: 'invoice', fromId: inv, toType: 'creditmemo' });
      cm.setSublistValue({ sublistId: 'apply', fieldId: 'amount', line: 0, value: 46 });
      return thrown(() => cm.save());
    }).result;
    expect(err.name).toBe('USER_ERROR');
    expect(err.message).toContain(`invoice ${inv}: it owes 45`);
    expect(w.store.get('invoice', inv)?.fields.amountremaining).toBe(45);
  });

  it('a cash sale becomes a cash refund; a credit memo cannot come from a cash sale', () => {
    const so = order(w);
    const cs = bill(w, so, 'cashsale');
    const out = w.run(() => ({
      refund: w.record.transform({ fromType: 'cashsale', fromId: cs, toType: 'cashrefund' }).save(),
      memo: thrown(() => w.record.transform({ fromType: 'cashsale', fromId: cs, toType: 'creditmemo' })),
    })).result;
    expect(w.store.get('cashrefund', out.refund)?.fields).toMatchObject({ createdfrom: String(cs), total: 45 });
    expect(out.memo.name).toBe('INVALID_RCRD_TRANSFRM');
  });

  /** A credit memo of 10.00 from the invoice with nothing applied (the invoice was paid first). */
  function paidInvoiceWithCredit(): { inv: number; cm: number; bank: number } {
    const so = order(w);
    const inv = bill(w, so, 'invoice');
    const bank = w.store.insert({ type: 'account', externalId: null, fields: { acctname: 'Checking', accttype: 'Bank' }, sublists: {}, subrecords: {} }).id;
    const cm = w.run(() => {
      const pay = w.record.create({ type: 'customerpayment', defaultValues: { entity: w.refs.customer } });
      const listed = pay.getLineCount({ sublistId: 'apply' });
      pay.setValue('payment', 45);
      pay.setValue('account', bank);
      pay.setSublistValue({ sublistId: 'apply', fieldId: 'apply', line: 0, value: true });
      pay.save();
      const memo = w.record.transform({ fromType: 'invoice', fromId: inv, toType: 'creditmemo' });
      memo.removeLine({ sublistId: 'item', line: 1 });
      memo.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
      memo.setSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0, value: 10 });
      memo.setValue('shippingcost', 0);
      expect(listed).toBe(1);
      // The paid invoice owes nothing, so NetSuite lists it no more on the credit memo.
      expect(memo.getLineCount({ sublistId: 'apply' })).toBe(0);
      return memo.save();
    }).result;
    return { inv, cm, bank };
  }

  it('a customer payment applied to the invoice pays it: the invoice owes nothing, the payment is applied', () => {
    const { inv } = paidInvoiceWithCredit();
    expect(w.store.get('invoice', inv)?.fields).toMatchObject({ amountremaining: 0, amountpaid: 45 });
    const [payment] = w.store.all('customerpayment');
    expect(payment?.fields).toMatchObject({ total: 45, applied: 45, unapplied: 0, customer: String(w.refs.customer) });
  });

  it('a customer refund pays out the credit memo: it lists the credit, applies it, and the memo has no credit left', () => {
    const { cm, bank } = paidInvoiceWithCredit();
    expect(w.store.get('creditmemo', cm)?.fields).toMatchObject({ total: 10, applied: 0, unapplied: 10 });
    const id = w.run(() => {
      const refund = w.record.create({ type: 'customerrefund', defaultValues: { entity: w.refs.customer } });
      expect(refund.getSublistValue({ sublistId: 'apply', fieldId: 'doc', line: 0 })).toBe(String(cm));
      refund.setValue('account', bank);
      refund.setValue('paymentmethod', w.refs.paymentMethod);
      refund.setSublistValue({ sublistId: 'apply', fieldId: 'apply', line: 0, value: true });
      refund.setSublistValue({ sublistId: 'apply', fieldId: 'amount', line: 0, value: 10 });
      return refund.save();
    }).result;
    expect(w.store.get('customerrefund', id)?.fields).toMatchObject({ total: 10, customer: String(w.refs.customer) });
    expect(w.store.get('creditmemo', cm)?.fields).toMatchObject({ applied: 10, unapplied: 0 });
  });

  it('refuses a customer refund without an account, with no credit ticked, or paying out more than the credit', () => {
    const { cm, bank } = paidInvoiceWithCredit();
    const errors = w.run(() => {
      const refund = () => {
        const r = w.record.create({ type: 'customerrefund', defaultValues: { entity: w.refs.customer } });
        r.setValue('paymentmethod', w.refs.paymentMethod);
        return r;
      };
      const noAccount = refund();
      noAccount.setSublistValue({ sublistId: 'apply', fieldId: 'apply', line: 0, value: true });
      const noCredit = refund();
      noCredit.setValue('account', bank);
      const tooMuch = refund();
      tooMuch.setValue('account', bank);
      tooMuch.setSublistValue({ sublistId: 'apply', fieldId: 'apply', line: 0, value: true });
      tooMuch.setSublistValue({ sublistId: 'apply', fieldId: 'amount', line: 0, value: 10.01 });
      return [thrown(() => noAccount.save()), thrown(() => noCredit.save()), thrown(() => tooMuch.save())];
    }).result;
    expect(errors.map((e) => e.name)).toEqual(['USER_ERROR', 'USER_ERROR', 'USER_ERROR']);
    expect(errors[0]?.message).toContain('Account');
    expect(errors[1]?.message).toContain('at least one credit');
    expect(errors[2]?.message).toContain(`credit memo ${cm}: 10 is due`);
    expect(w.store.get('creditmemo', cm)?.fields.unapplied).toBe(10);
    expect(w.store.all('customerrefund')).toHaveLength(0);
  });
});
