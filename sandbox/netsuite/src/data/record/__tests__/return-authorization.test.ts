import type { World } from './harness';
import { createWorld, thrown } from './harness';

function onHand(w: World, item: number, location: number): unknown {
  return w.store.get('inventoryitem', item)?.sublists.locations?.find((l) => l.fields.location === String(location))?.fields.quantityonhand;
}

/** An approved sales order of 3 × item and 1 × item2, fulfilled in full. */
function shippedOrder(w: World): number {
  return w.run(() => {
    const so = w.record.create({ type: 'salesorder' });
    so.setValue('entity', w.refs.customer);
    so.setValue('paymentmethod', w.refs.paymentMethod);
    so.setValue('location', w.refs.location);
    [
      { item: w.refs.item, quantity: 3, ids: '11,12,13' },
      { item: w.refs.item2, quantity: 1, ids: '14' },
    ].forEach((l, i) => {
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: i, value: l.item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: i, value: l.quantity });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: i, value: 10 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'custcol_tts_line_ids', line: i, value: l.ids });
    });
    const id = so.save();
    w.record.transform({ fromType: 'salesorder', fromId: id, toType: 'itemfulfillment' }).save();
    return id;
  }).result;
}

/** An RMA of 2 units of the order's first line only. */
function rma(w: World, so: number, orderstatus: 'A' | 'B'): number {
  return w.run(() => {
    const ra = w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'returnauthorization' });
    ra.setValue('orderstatus', orderstatus);
    ra.setValue('externalid', 'tts_ret_1_2');
    ra.removeLine({ sublistId: 'item', line: 1 });
    ra.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
    return ra.save();
  }).result;
}

describe('return authorization and item receipt', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('transforms a sales order into an RMA that keeps the TikTok line ids, with its approval status', () => {
    const so = shippedOrder(w);
    const pending = rma(w, so, 'A');
    const stored = w.store.get('returnauthorization', pending);
    expect(stored?.fields).toMatchObject({ createdfrom: String(so), status: 'A', orderstatus: 'A', externalid: 'tts_ret_1_2' });
    expect(stored?.sublists.item?.map((l) => [l.fields.item, l.fields.quantity, l.fields.custcol_tts_line_ids])).toEqual([
      [String(w.refs.item), 2, '11,12,13'],
    ]);
    w.run(() => w.record.submitFields({ type: 'returnauthorization', id: pending, values: { orderstatus: 'B' } }));
    expect(w.store.get('returnauthorization', pending)?.fields.status).toBe('B');
  });

  it('refuses a second RMA with the same external id', () => {
    const so = shippedOrder(w);
    rma(w, so, 'A');
    const second = w.run(() => thrown(() => rma(w, so, 'A'))).result;
    expect(second.name).toBe('DUP_RCRD');
  });

  it('cannot receive an RMA pending approval, and an item receipt cannot be created directly', () => {
    const so = shippedOrder(w);
    const pending = rma(w, so, 'A');
    const out = w.run(() => ({
      transform: thrown(() => w.record.transform({ fromType: 'returnauthorization', fromId: pending, toType: 'itemreceipt' })),
      create: thrown(() => w.record.create({ type: 'itemreceipt' })),
    })).result;
    expect(out.transform).toMatchObject({ name: 'INVALID_INITIALIZE_REF', message: `You can not initialize itemreceipt: invalid reference ${pending}.` });
    expect(out.create.name).toBe('INVALID_RCRD_TRANSFRM');
    expect(out.create.message).toContain("record.transform({ fromType: 'returnauthorization'");
  });

  it('receives part, then the rest: quantities received, stock back on hand, Pending Refund', () => {
    const so = shippedOrder(w);
    const approved = rma(w, so, 'B');
    const before = onHand(w, w.refs.item, w.refs.location) as number;
    const first = w.run(() => {
      const r = w.record.transform({ fromType: 'returnauthorization', fromId: approved, toType: 'itemreceipt' });
      const start = [r.getLineCount({ sublistId: 'item' }), r.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0 })];
      r.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
      return { start, id: r.save() };
    }).result;
    expect(first.start).toEqual([1, 2]);
    expect(w.store.get('returnauthorization', approved)?.fields.status).toBe('E');
    expect(w.store.get('returnauthorization', approved)?.sublists.item?.[0]?.fields.quantityreceived).toBe(1);
    expect(onHand(w, w.refs.item, w.refs.location)).toBe(before + 1);
    w.run(() => w.record.transform({ fromType: 'returnauthorization', fromId: approved, toType: 'itemreceipt' }).save());
    expect(w.store.get('returnauthorization', approved)?.fields.status).toBe('F');
    expect(onHand(w, w.refs.item, w.refs.location)).toBe(before + 2);
    const nothingLeft = w.run(() => thrown(() => w.record.transform({ fromType: 'returnauthorization', fromId: approved, toType: 'itemreceipt' }))).result;
    expect(nothingLeft.name).toBe('INVALID_INITIALIZE_REF');
    w.run(() => w.record.delete({ type: 'itemreceipt', id: first.id }));
    expect(w.store.get('returnauthorization', approved)?.fields.status).toBe('E');
    expect(onHand(w, w.refs.item, w.refs.location)).toBe(before + 1);
  });

  it('refuses receiving more than is left, and a receipt with no line received', () => {
    const so = shippedOrder(w);
    const approved = rma(w, so, 'B');
    const out = w.run(() => {
      const tooMany = w.record.transform({ fromType: 'returnauthorization', fromId: approved, toType: 'itemreceipt' });
      tooMany.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 });
      const none = w.record.transform({ fromType: 'returnauthorization', fromId: approved, toType: 'itemreceipt' });
      none.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: 0, value: false });
      return { tooMany: thrown(() => tooMany.save()), none: thrown(() => none.save()) };
    }).result;
    expect(out.tooMany).toMatchObject({ name: 'USER_ERROR', message: expect.stringContaining('You can not receive 3 of return authorization line 1: 2 remain to be received.') });
    expect(out.none.name).toBe('VALID_LINE_ITEM_REQD');
    expect(w.store.get('returnauthorization', approved)?.sublists.item?.[0]?.fields.quantityreceived ?? 0).toBe(0);
  });

  it('receives without restocking: received on the RMA, not back on hand', () => {
    const so = shippedOrder(w);
    const approved = rma(w, so, 'B');
    const before = onHand(w, w.refs.item, w.refs.location);
    w.run(() => {
      const r = w.record.transform({ fromType: 'returnauthorization', fromId: approved, toType: 'itemreceipt' });
      r.setSublistValue({ sublistId: 'item', fieldId: 'restock', line: 0, value: false });
      return r.save();
    });
    expect(w.store.get('returnauthorization', approved)?.fields.status).toBe('F');
    expect(onHand(w, w.refs.item, w.refs.location)).toBe(before);
  });

  it('is Closed when every line is closed, and a closed RMA cannot be received', () => {
    const so = shippedOrder(w);
    const approved = rma(w, so, 'B');
    w.run(() => {
      const ra = w.record.load({ type: 'returnauthorization', id: approved });
      ra.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 0, value: true });
      return ra.save();
    });
    expect(w.store.get('returnauthorization', approved)?.fields.status).toBe('H');
    const out = w.run(() => thrown(() => w.record.transform({ fromType: 'returnauthorization', fromId: approved, toType: 'itemreceipt' }))).result;
    expect(out.name).toBe('INVALID_INITIALIZE_REF');
  });

  it('refuses closing a line of an RMA pending approval; approving and closing in one save is Closed', () => {
    const so = shippedOrder(w);
    const pending = rma(w, so, 'A');
    const refused = w.run(() => {
      const ra = w.record.load({ type: 'returnauthorization', id: pending });
      ra.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 0, value: true });
      return thrown(() => ra.save());
    }).result;
    expect(refused).toMatchObject({
      name: 'USER_ERROR',
      message: 'You cannot close line 1 of a return authorization that is Pending Approval. Approve it first (Status: Pending Receipt), or cancel it.',
    });
    expect(w.store.get('returnauthorization', pending)?.sublists.item?.[0]?.fields.isclosed).not.toBe(true);
    w.run(() => {
      const ra = w.record.load({ type: 'returnauthorization', id: pending });
      ra.setValue('orderstatus', 'B');
      ra.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line: 0, value: true });
      return ra.save();
    });
    expect(w.store.get('returnauthorization', pending)?.fields).toMatchObject({ orderstatus: 'B', status: 'H' });
    const back = w.run(() => thrown(() => w.record.submitFields({ type: 'returnauthorization', id: pending, values: { orderstatus: 'A' } }))).result;
    expect(back.name).toBe('USER_ERROR');
    expect(w.store.get('returnauthorization', pending)?.fields.status).toBe('H');
  });
});
