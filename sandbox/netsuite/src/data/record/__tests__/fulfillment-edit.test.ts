import type { FulfillmentWorld } from './fulfillment-world';
import { startFulfillmentWorld } from './fulfillment-world';

/**
 * Editing and deleting item fulfillments: quantities and lines changed on a saved fulfillment move
 * stock and the order's fulfilled quantities again; lines come only from the order; packages and
 * their tracking numbers change on edit; over-fulfilment is refused.
 */

describe('item fulfillment edits', () => {
  let w: FulfillmentWorld;
  let main: number;
  beforeEach(async () => {
    w = await startFulfillmentWorld();
    main = w.account.locationIds.main;
  });
  afterEach(async () => {
    await w.ns.stop();
  });

  const orderLine = (so: number, i: number) => w.ns.store.get('salesorder', so)?.sublists.item?.[i]?.fields ?? {};

  it('moves stock back when a saved fulfillment ships less, and the order recommits it', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 4 }]);
    const id = w.fulfil(so);
    expect(w.stock('SKU-A', main)).toEqual({ onHand: 6, committed: 0, available: 6 });
    expect(w.ns.store.get('salesorder', so)?.fields.status).toBe('F');
    w.edit('itemfulfillment', id, (f) => f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 }));
    expect(w.stock('SKU-A', main)).toEqual({ onHand: 9, committed: 3, available: 6 });
    expect(orderLine(so, 0)).toMatchObject({ quantityfulfilled: 1, quantitycommitted: 3 });
    expect(w.ns.store.get('salesorder', so)?.fields.status).toBe('E');
  });

  it('takes a line off a saved fulfillment when its itemreceive is cleared', () => {
    const so = w.order([
      { sku: 'SKU-A', quantity: 1 },
      { sku: 'SKU-B', quantity: 2 },
    ]);
    const id = w.fulfil(so);
    w.edit('itemfulfillment', id, (f) => f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line: 1, value: false }));
    expect(w.ns.store.get('itemfulfillment', id)?.sublists.item?.map((l) => l.fields.orderline)).toEqual([1]);
    expect(w.stock('SKU-B', main)).toEqual({ onHand: 10, committed: 2, available: 8 });
    expect(orderLine(so, 1)).toMatchObject({ quantityfulfilled: 0 });
  });

  it('refuses an edit that ships more than the order line has open, changing nothing', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 2 }]);
    const id = w.fulfil(so);
    const refused = w.refusal(() => {
      const f = w.record.load({ type: 'itemfulfillment', id });
      f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 });
      f.save();
    });
    expect(refused.name).toBe('USER_ERROR');
    expect(refused.message).toContain('2 remain to be fulfilled');
    expect(w.stock('SKU-A', main)).toEqual({ onHand: 8, committed: 0, available: 8 });
    expect(w.ns.store.get('itemfulfillment', id)?.sublists.item?.[0]?.fields.quantity).toBe(2);
  });

  it('refuses over-fulfilment on a new fulfillment', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 2 }]);
    const refused = w.refusal(() => w.fulfil(so, (f) => f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 3 })));
    expect(refused).toMatchObject({ name: 'USER_ERROR' });
    expect(w.ns.store.all('itemfulfillment')).toHaveLength(0);
  });

  it('keeps item lines to those of the order: adding or removing lines is refused, in both modes', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 1 }]);
    const standard = w.refusal(() =>
      w.fulfil(so, (f) => f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 1, value: 1 })),
    );
    expect(standard.name).toBe('SSS_INVALID_SUBLIST_OPERATION');
    expect(standard.message).toContain('Adding new line to sublist item is not allowed.');
    const dynamic = w.refusal(() => w.fulfil(so, (f) => f.selectNewLine({ sublistId: 'item' }), true));
    expect(dynamic.name).toBe('SSS_INVALID_SUBLIST_OPERATION');
    const insert = w.refusal(() => w.fulfil(so, (f) => f.insertLine({ sublistId: 'item', line: 0 })));
    expect(insert.name).toBe('SSS_INVALID_SUBLIST_OPERATION');
    const remove = w.refusal(() => w.fulfil(so, (f) => f.removeLine({ sublistId: 'item', line: 0 })));
    expect(remove.message).toContain('lines cannot be removed from sublist item');
    const implicit = w.refusal(() =>
      w.fulfil(
        so,
        (f) => {
          f.setCurrentSublistValue({ sublistId: 'item', fieldId: 'quantity', value: 1 });
          f.commitLine({ sublistId: 'item' });
        },
        true,
      ),
    );
    expect(implicit.name).toBe('SSS_INVALID_SUBLIST_OPERATION');
  });

  it('changes tracking numbers on edit, and a deleted fulfillment puts stock and the order back', () => {
    const so = w.order([{ sku: 'SKU-A', quantity: 3 }]);
    const id = w.fulfil(so, (f) => f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: '1Z-OLD' }));
    w.edit('itemfulfillment', id, (f) => f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: '1Z-NEW' }));
    expect(w.ns.store.get('itemfulfillment', id)?.sublists.package?.map((l) => l.fields.packagetrackingnumber)).toEqual(['1Z-NEW']);
    w.run(() => w.record.delete({ type: 'itemfulfillment', id }));
    expect(w.stock('SKU-A', main)).toEqual({ onHand: 10, committed: 3, available: 7 });
    expect(w.ns.store.get('salesorder', so)?.fields.status).toBe('B');
  });
});
