/// <reference types="jest" />
import { decideInboxUpsert, hasSalesOrder, pushOrdersOffNote, sameSecondAdvance } from '../inbox-upsert';
import { order } from '../../../../test/support/tiktok-order-builder';

describe('decideInboxUpsert', () => {
  const incoming = order({ update_time: 1700000100 });

  it('creates a new order as pending with its payload', () => {
    expect(decideInboxUpsert(null, incoming, '7')).toEqual({
      outcome: 'created',
      values: {
        shopRecordId: '7',
        orderId: '576461413038785752',
        tiktokStatus: 'AWAITING_SHIPMENT',
        updateTime: 1700000100,
        payload: JSON.stringify(incoming),
        state: 'pending',
        attempts: 0,
      },
    });
  });

  it('the same update_time again changes nothing', () => {
    expect(decideInboxUpsert({ id: '1', updateTime: 1700000100, state: 'error' }, incoming, '7')).toEqual({
      outcome: 'unchanged',
    });
  });

  it('the same update_time with a later status is an update (two changes in one second)', () => {
    const shipped = order({ update_time: 1700000100, status: 'IN_TRANSIT' });
    expect(
      decideInboxUpsert(
        {
          id: '1',
          updateTime: 1700000100,
          state: 'imported',
          salesOrderId: '9',
          tiktokStatus: 'AWAITING_SHIPMENT',
        },
        shipped,
        '7',
      ),
    ).toEqual({
      outcome: 'updated',
      values: {
        tiktokStatus: 'IN_TRANSIT',
        updateTime: 1700000100,
        payload: JSON.stringify(shipped),
        updatePending: true,
      },
    });
  });

  it('the same update_time with the same or an earlier status changes nothing', () => {
    const awaiting = order({ update_time: 1700000100, status: 'AWAITING_SHIPMENT' });
    for (const tiktokStatus of ['AWAITING_SHIPMENT', 'IN_TRANSIT', 'CANCELLED']) {
      expect(
        decideInboxUpsert(
          { id: '1', updateTime: 1700000100, state: 'imported', tiktokStatus },
          awaiting,
          '7',
        ),
      ).toEqual({ outcome: 'unchanged' });
    }
  });

  it('the same update_time and status with another payload is an update (a new address in the second the order was paid)', () => {
    const paid = order({ update_time: 1700000100, status: 'AWAITING_SHIPMENT' });
    const moved = {
      ...paid,
      recipient_address: { ...paid.recipient_address, address_line1: '2 New Street' },
    };
    const stored = {
      id: '1',
      updateTime: 1700000100,
      state: 'imported',
      salesOrderId: '9',
      tiktokStatus: 'AWAITING_SHIPMENT',
    };
    expect(decideInboxUpsert({ ...stored, payload: JSON.stringify(paid) }, moved, '7')).toEqual({
      outcome: 'updated',
      values: {
        tiktokStatus: 'AWAITING_SHIPMENT',
        updateTime: 1700000100,
        payload: JSON.stringify(moved),
        updatePending: true,
      },
    });
    // The same payload again, or an earlier status of that second with another payload: nothing.
    expect(decideInboxUpsert({ ...stored, payload: JSON.stringify(moved) }, moved, '7')).toEqual({
      outcome: 'unchanged',
    });
    expect(
      decideInboxUpsert({ ...stored, tiktokStatus: 'IN_TRANSIT', payload: JSON.stringify(paid) }, moved, '7'),
    ).toEqual({ outcome: 'unchanged' });
  });

  it('sameSecondAdvance follows TikTok order life and ignores unknown statuses', () => {
    expect(sameSecondAdvance('UNPAID', 'AWAITING_SHIPMENT')).toBe(true);
    expect(sameSecondAdvance('AWAITING_SHIPMENT', 'CANCELLED')).toBe(true);
    expect(sameSecondAdvance('IN_TRANSIT', 'AWAITING_SHIPMENT')).toBe(false);
    expect(sameSecondAdvance(null, 'CANCELLED')).toBe(false);
    expect(sameSecondAdvance('SOMETHING_NEW', 'CANCELLED')).toBe(false);
  });

  it('an older update_time is stale', () => {
    expect(decideInboxUpsert({ id: '1', updateTime: 1700000200, state: 'pending' }, incoming, '7')).toEqual({
      outcome: 'stale',
    });
  });

  it.each(['pending', 'error', 'skipped', 'cancelled', null])(
    'a newer update_time replaces the payload and sets state %s back to pending, clearing the error',
    (state) => {
      expect(decideInboxUpsert({ id: '1', updateTime: 1700000000, state }, incoming, '7')).toEqual({
        outcome: 'updated',
        values: {
          tiktokStatus: 'AWAITING_SHIPMENT',
          updateTime: 1700000100,
          payload: JSON.stringify(incoming),
          state: 'pending',
          message: null,
        },
      });
    },
  );

  it('a newer update_time of an imported order keeps it imported and flags the update', () => {
    expect(decideInboxUpsert({ id: '1', updateTime: 1700000000, state: 'imported' }, incoming, '7')).toEqual({
      outcome: 'updated',
      values: {
        tiktokStatus: 'AWAITING_SHIPMENT',
        updateTime: 1700000100,
        payload: JSON.stringify(incoming),
        updatePending: true,
      },
    });
  });

  it('a newer update_time of an order in exception with a sales order keeps the exception and flags the update', () => {
    const existing = { id: '1', updateTime: 1700000000, state: 'exception', salesOrderId: '500' };
    expect(decideInboxUpsert(existing, incoming, '7')).toEqual({
      outcome: 'updated',
      values: {
        tiktokStatus: 'AWAITING_SHIPMENT',
        updateTime: 1700000100,
        payload: JSON.stringify(incoming),
        updatePending: true,
      },
    });
  });

  it('a newer update_time of an order in error whose sales order was saved keeps the error (and its retry) and flags the update', () => {
    const existing = { id: '1', updateTime: 1700000000, state: 'error', salesOrderId: '500' };
    expect(hasSalesOrder(existing)).toBe(true);
    expect(decideInboxUpsert(existing, incoming, '7')).toEqual({
      outcome: 'updated',
      values: {
        tiktokStatus: 'AWAITING_SHIPMENT',
        updateTime: 1700000100,
        payload: JSON.stringify(incoming),
        updatePending: true,
      },
    });
  });

  it('a newer update_time of an order in error without a sales order goes back to pending', () => {
    const existing = { id: '1', updateTime: 1700000000, state: 'error', salesOrderId: null };
    expect(hasSalesOrder(existing)).toBe(false);
    expect(decideInboxUpsert(existing, incoming, '7')).toMatchObject({
      outcome: 'updated',
      values: { state: 'pending' },
    });
  });

  it('a newer update_time of an order in exception without a sales order goes back to pending', () => {
    const existing = { id: '1', updateTime: 1700000000, state: 'exception', salesOrderId: null };
    const decision = decideInboxUpsert(existing, incoming, '7');
    expect(decision).toMatchObject({ outcome: 'updated', values: { state: 'pending' } });
    expect(decision).not.toHaveProperty('values.updatePending');
  });

  it('a record without an update time takes any payload', () => {
    expect(
      decideInboxUpsert({ id: '1', updateTime: null, state: 'pending' }, order({ update_time: 0 }), '7')
        .outcome,
    ).toBe('updated');
  });
});

describe('orders of a shop whose Push orders to NetSuite is off', () => {
  it('carry a note saying why they wait, on create and on update', () => {
    const note = pushOrdersOffNote('Acme US');
    expect(note).toContain('Push orders to NetSuite is off for shop Acme US');
    const created = decideInboxUpsert(null, order(), '7', note);
    expect(created).toMatchObject({ outcome: 'created', values: { message: note } });
    const updated = decideInboxUpsert(
      { id: '1', updateTime: 1, state: 'pending', salesOrderId: null },
      order(),
      '7',
      note,
    );
    expect(updated).toMatchObject({ outcome: 'updated', values: { message: note } });
    const active = decideInboxUpsert(null, order(), '7');
    expect(active.outcome === 'created' && 'message' in active.values).toBe(false);
  });
});
