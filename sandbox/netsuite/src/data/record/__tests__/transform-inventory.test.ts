import type { World } from './harness';
import { createWorld, thrown } from './harness';
import { salesOrderStatus } from '../order-status';

function onHand(w: World, item: number, location: number): Record<string, unknown> | undefined {
  return w.store.get('inventoryitem', item)?.sublists.locations?.find((l) => l.fields.location === String(location))?.fields;
}

function order(w: World, lines: { item: number; quantity: number; location?: number }[]): number {
  return w.run(() => {
    const so = w.record.create({ type: 'salesorder' });
    so.setValue('entity', w.refs.customer);
    so.setValue('paymentmethod', w.refs.paymentMethod);
    so.setValue('location', w.refs.location);
    lines.forEach((l, i) => {
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: 10 });
      if (l.location) so.setSublistValue({ sublistId: 'item', fieldId: 'location', line: i, value: l.location });
    });
    return so.save();
  }).result;
}

describe('item fulfillment and inventory', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('cannot be created or copied directly', () => {
    const out = w.run(() => ({
      create: thrown(() => w.record.create({ type: w.record.Type.ITEM_FULFILLMENT })),
      copy: thrown(() => w.record.copy({ type: 'itemfulfillment', id: 1 })),
    })).result;
    expect(out.create.name).toBe('INVALID_RCRD_TRANSFRM');
    expect(out.create.message).toContain('You cannot create');
    expect(out.copy.name).toBe('INVALID_RCRD_TRANSFRM');
  });

  it('commits available stock on order save and back-orders the rest', () => {
    const so = order(w, [
      { item: w.refs.item, quantity: 4 },
      { item: w.refs.item2, quantity: 5 },
    ]);
    expect(onHand(w, w.refs.item, w.refs.location)).toMatchObject({ quantityonhand: 10, quantitycommitted: 4, quantityavailable: 6 });
    expect(onHand(w, w.refs.item2, w.refs.location)).toMatchObject({ quantityonhand: 2, quantitycommitted: 2, quantityavailable: 0, quantitybackordered: 3 });
    const lines = w.store.get('salesorder', so)?.sublists.item ?? [];
    expect(lines.map((l) => [l.fields.quantitycommitted, l.fields.quantitybackordered])).toEqual([
      [4, 0],
      [2, 3],
    ]);
  });

  it('transforms open quantities into an item fulfillment that decrements on hand and committed', () => {
    const so = order(w, [
      { item: w.refs.item, quantity: 4 },
      { item: w.refs.item2, quantity: 1 },
      { item: w.refs.shipItem, quantity: 1 },
    ]);
    const first = w.run(() => {
      const f = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
      const plan = [0, 1].map((line) => ({
        item: f.getSublistValue({ sublistId: 'item', fieldId: 'item', line }),
        quantity: f.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line }),
        itemreceive: f.getSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line }),
      }));
      f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 });
      f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: 1, value: false });
      f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: '1Z999' });
      return { plan, count: f.getLineCount({ sublistId: 'item' }), id: f.save(), createdfrom: f.getValue('createdfrom') };
    }).result;
    expect(first.count).toBe(2);
    expect(first.plan).toEqual([
      { item: String(w.refs.item), quantity: 4, itemreceive: true },
      { item: String(w.refs.item2), quantity: 1, itemreceive: true },
    ]);
    expect(first.createdfrom).toBe(String(so));
    const ful = w.store.get('itemfulfillment', first.id);
    expect(ful?.sublists.item).toHaveLength(1);
    expect(ful?.fields).toMatchObject({ shipstatus: 'C', tranid: 'IF1001', entity: String(w.refs.customer) });
    expect(onHand(w, w.refs.item, w.refs.location)).toMatchObject({ quantityonhand: 7, quantitycommitted: 1, quantityavailable: 6 });
    const order1 = w.store.get('salesorder', so);
    // Partly fulfilled and not billed: Pending Billing/Partially Fulfilled.
    expect(order1?.fields.status).toBe('E');
    expect(order1?.sublists.item?.[0]?.fields).toMatchObject({ quantityfulfilled: 3, quantitycommitted: 1 });

    const second = w.run(() => {
      const f = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment', isDynamic: true });
      const quantities = [0, 1].map((line) => f.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line }));
      f.save();
      return quantities;
    }).result;
    expect(second).toEqual([1, 1]);
    expect(w.store.get('salesorder', so)?.fields.status).toBe('F');
    expect(onHand(w, w.refs.item2, w.refs.location)).toMatchObject({ quantityonhand: 1, quantitycommitted: 0 });
    const nothingLeft = w.run(() => thrown(() => w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' }))).result;
    expect(nothingLeft).toMatchObject({ name: 'INVALID_INITIALIZE_REF', message: `You can not initialize itemfulfillment: invalid reference ${so}.` });
  });

  it('names a partly fulfilled order E while the fulfilled part is unbilled, D once it is billed; F/G when all is fulfilled', () => {
    const so = order(w, [
      { item: w.refs.item, quantity: 4 },
      { item: w.refs.shipItem, quantity: 1 },
    ]);
    const stored = w.store.get('salesorder', so)!;
    const withLine = (quantityfulfilled: number, quantitybilled: number) =>
      salesOrderStatus(w.store, stored.fields, [
        { fields: { ...stored.sublists.item![0]!.fields, quantityfulfilled, quantitybilled } },
        stored.sublists.item![1]!,
      ]);
    expect([withLine(0, 0), withLine(2, 0), withLine(2, 1), withLine(2, 2), withLine(4, 2), withLine(4, 4)]).toEqual([
      'B',
      'E',
      'E',
      'D',
      'F',
      'G',
    ]);
  });

  it('deleting a fulfilment puts its quantities back on hand and open on the order, which commits them again', () => {
    const so = order(w, [{ item: w.refs.item, quantity: 4 }]);
    const fulfilment = w.run(() => w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' }).save()).result;
    expect(onHand(w, w.refs.item, w.refs.location)).toMatchObject({ quantityonhand: 6, quantitycommitted: 0 });
    expect(w.store.get('salesorder', so)?.fields.status).toBe('F');
    w.run(() => w.record.delete({ type: 'itemfulfillment', id: fulfilment }));
    expect(w.store.get('itemfulfillment', fulfilment)).toBeNull();
    expect(onHand(w, w.refs.item, w.refs.location)).toMatchObject({ quantityonhand: 10, quantitycommitted: 4, quantityavailable: 6 });
    const reopened = w.store.get('salesorder', so);
    expect(reopened?.fields.status).toBe('B');
    expect(reopened?.sublists.item?.[0]?.fields).toMatchObject({ quantityfulfilled: 0, quantitycommitted: 4, quantitybackordered: 0 });
  });

  it('rejects fulfilling more than is open', () => {
    const so = order(w, [{ item: w.refs.item, quantity: 2 }]);
    const e = w.run(() => {
      const f = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
      f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 });
      return thrown(() => f.save());
    }).result;
    expect(e.name).toBe('USER_ERROR');
    expect(onHand(w, w.refs.item, w.refs.location)).toMatchObject({ quantityonhand: 10, quantitycommitted: 2 });
  });

  it('closing a line releases its commitment; deleting the order releases the rest', () => {
    const so = order(w, [
      { item: w.refs.item, quantity: 4 },
      { item: w.refs.item, quantity: 1, location: w.refs.location2 },
    ]);
    expect(onHand(w, w.refs.item, w.refs.location2)).toMatchObject({ quantityonhand: 0, quantitybackordered: 1 });
    w.run(() => {
      const rec = w.record.load({ type: 'salesorder', id: so });
      rec.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 0, value: true });
      rec.save();
    });
    expect(onHand(w, w.refs.item, w.refs.location)).toMatchObject({ quantitycommitted: 0, quantityavailable: 10 });
    w.run(() => w.record.delete({ type: 'salesorder', id: so }));
    expect(onHand(w, w.refs.item, w.refs.location2)).toMatchObject({ quantitybackordered: 0 });
    expect(w.store.get('salesorder', so)).toBeNull();
  });

  it('pending-approval orders commit nothing and cannot be fulfilled', () => {
    const so = order(w, [{ item: w.refs.item, quantity: 4 }]);
    w.run(() => w.record.submitFields({ type: 'salesorder', id: so, values: { orderstatus: 'A' } }));
    expect(onHand(w, w.refs.item, w.refs.location)).toMatchObject({ quantitycommitted: 0 });
    const e = w.run(() => thrown(() => w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' }))).result;
    expect(e).toMatchObject({ name: 'INVALID_INITIALIZE_REF', message: `You can not initialize itemfulfillment: invalid reference ${so}.` });
  });

  it('refuses to transform a sales order that does not exist with INVALID_INITIALIZE_REF', () => {
    const e = w.run(() => thrown(() => w.record.transform({ fromType: 'salesorder', fromId: 999, toType: 'itemfulfillment' }))).result;
    expect(e).toMatchObject({ name: 'INVALID_INITIALIZE_REF', message: 'You can not initialize itemfulfillment: invalid reference 999.' });
  });

  describe('Fulfill Based on Commitment', () => {
    /** A transformed fulfillment's lines, as [item, quantity, itemreceive]. */
    function shown(so: number): unknown[][] {
      return w.run(() => {
        const f = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
        return Array.from({ length: f.getLineCount({ sublistId: 'item' }) }, (_, line) =>
          ['item', 'quantity', 'itemreceive'].map((fieldId) => f.getSublistValue({ sublistId: 'item', fieldId, line })),
        );
      }).result;
    }

    it('Limit to Committed (the default): a line with nothing committed at its location does not show, so the save finds no line', () => {
      expect(w.preferences.fulfillBasedOnCommitment).toBe('LIMIT_TO_COMMITTED');
      const so = order(w, [{ item: w.refs.item, quantity: 2, location: w.refs.location2 }]);
      expect(w.store.get('salesorder', so)?.sublists.item?.[0]?.fields).toMatchObject({ quantitycommitted: 0, quantitybackordered: 2 });
      expect(shown(so)).toEqual([]);
      const e = w.run(() => thrown(() => w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' }).save())).result;
      expect(e).toMatchObject({ name: 'VALID_LINE_ITEM_REQD', message: 'You must enter at least one line item for this transaction.' });
      expect(w.store.all('itemfulfillment')).toHaveLength(0);
      expect(onHand(w, w.refs.item, w.refs.location2)).toMatchObject({ quantityonhand: 0, quantitybackordered: 2 });
    });

    it('Limit to Committed: a partly committed line defaults to its committed quantity and cannot fulfil more, nor ship from another location', () => {
      const so = order(w, [
        { item: w.refs.item2, quantity: 5 },
        { item: w.refs.shipItem, quantity: 1 },
      ]);
      expect(shown(so)).toEqual([[String(w.refs.item2), 2, true]]);
      const more = w.run(() => {
        const f = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
        f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 });
        return thrown(() => f.save());
      }).result;
      expect(more.name).toBe('USER_ERROR');
      expect(more.message).toContain('2 committed there');
      const elsewhere = w.run(() => {
        const f = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
        f.setSublistValue({ sublistId: 'item', fieldId: 'location', line: 0, value: w.refs.location2 });
        return thrown(() => f.save());
      }).result;
      expect(elsewhere.name).toBe('USER_ERROR');
      expect(elsewhere.message).toContain(`from location ${w.refs.location2}: 0 committed there`);
      expect(w.store.all('itemfulfillment')).toHaveLength(0);
      w.run(() => w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' }).save());
      expect(w.store.get('salesorder', so)?.sublists.item?.[0]?.fields).toMatchObject({ quantityfulfilled: 2, quantitycommitted: 0, quantitybackordered: 3 });
      expect(onHand(w, w.refs.item2, w.refs.location)).toMatchObject({ quantityonhand: 0, quantitycommitted: 0, quantitybackordered: 3 });
    });

    it('Allow Uncommitted: uncommitted lines show unchecked and may be fulfilled, taking on hand below zero', () => {
      const so = order(w, [
        { item: w.refs.item, quantity: 1 },
        { item: w.refs.item, quantity: 2, location: w.refs.location2 },
      ]);
      w.preferences.fulfillBasedOnCommitment = 'ALLOW_UNCOMMITTED';
      expect(shown(so)).toEqual([
        [String(w.refs.item), 1, true],
        [String(w.refs.item), 2, false],
      ]);
      w.run(() => {
        const f = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
        f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: 1, value: true });
        return f.save();
      });
      expect(onHand(w, w.refs.item, w.refs.location2)).toMatchObject({ quantityonhand: -2, quantitybackordered: 0 });
      expect(w.store.get('salesorder', so)?.fields.status).toBe('F');
    });

    it('Ignore Commitment: every open quantity shows, committed or not', () => {
      const so = order(w, [
        { item: w.refs.item2, quantity: 5 },
        { item: w.refs.item, quantity: 2, location: w.refs.location2 },
      ]);
      w.preferences.fulfillBasedOnCommitment = 'IGNORE_COMMITMENT';
      expect(shown(so)).toEqual([
        [String(w.refs.item2), 5, true],
        [String(w.refs.item), 2, true],
      ]);
    });
  });

  it('return authorization from a sales order, then cash refund and credit memo from the RA', () => {
    const so = order(w, [{ item: w.refs.item, quantity: 2 }]);
    const out = w.run(() => {
      const ra = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'returnauthorization' });
      const raId = ra.save();
      const refund = w.record.transform({ fromType: 'returnauthorization', fromId: raId, toType: 'cashrefund' });
      // A return authorization has no payment method (records.json): the refund names its own.
      refund.setValue({ fieldId: 'paymentmethod', value: w.refs.paymentMethod });
      const memo = w.record.transform({ fromType: 'returnauthorization', fromId: raId, toType: 'creditmemo' });
      return {
        raId,
        refundId: refund.save(),
        memoId: memo.save(),
        bad: thrown(() => w.record.transform({ fromType: 'customer', fromId: w.refs.customer, toType: 'salesorder' })),
      };
    }).result;
    expect(w.store.get('returnauthorization', out.raId)?.fields).toMatchObject({ orderstatus: 'B', createdfrom: String(so), total: 20 });
    expect(w.store.get('cashrefund', out.refundId)?.fields).toMatchObject({ createdfrom: String(out.raId), total: 20, paymentmethod: String(w.refs.paymentMethod) });
    expect(w.store.get('creditmemo', out.memoId)?.sublists.item?.[0]?.fields).toMatchObject({ quantity: 2, amount: 20 });
    expect(out.bad.name).toBe('INVALID_RCRD_TRANSFRM');
  });
});
