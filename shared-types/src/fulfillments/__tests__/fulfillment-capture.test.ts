/// <reference types="jest" />
import type { FulfillmentCaptureInput, FulfillmentSnapshot } from '../fulfillment-capture';
import { planFulfillmentCapture } from '../fulfillment-capture';

const SHOP = {
  recordId: '3',
  shopId: '7494000000000000001',
  name: 'Acme US',
  pullFulfillments: true,
  sendAt: 'shipped' as const,
};
const ORDER = '576000000000000001';

function ful(over: Partial<FulfillmentSnapshot> = {}): FulfillmentSnapshot {
  return {
    id: '55',
    tranId: 'IF55',
    salesOrderId: '40',
    shipStatus: 'C',
    trackingNumbers: ['1Z0000000000000001'],
    carrier: { shipMethodId: '12', shipMethodName: 'UPS Ground', packageCarrier: 'UPS' },
    lines: [{ orderLine: '1', quantity: 2 }],
    ...over,
  };
}

function input(over: Partial<FulfillmentCaptureInput> = {}): FulfillmentCaptureInput {
  return {
    eventType: 'create',
    shop: SHOP,
    tiktokOrderId: ORDER,
    before: null,
    after: ful(),
    orderLines: [{ line: '1', tiktokLineIds: ['101', '102', '103'] }],
    coveredByOthers: [],
    captured: null,
    ...over,
  };
}

describe('capturing an item fulfillment for TikTok', () => {
  it('queues a shipped fulfillment with the order, line ids, tracking and carrier', () => {
    const plan = planFulfillmentCapture(input());
    expect(plan.exceptions).toEqual([]);
    expect(plan.rows).toEqual([
      {
        kind: 'fulfillment.ship',
        externalId: `tts_out_fulfillment_ship_${SHOP.shopId}_${ORDER}_55-1Z0000000000000001`,
        shopRecordId: '3',
        orderId: ORDER,
        salesOrderId: '40',
        payload: {
          salesOrderId: '40',
          fulfillmentId: '55',
          tranId: 'IF55',
          lineItemIds: ['101', '102'],
          trackingNumbers: ['1Z0000000000000001'],
          carrier: { shipMethodId: '12', shipMethodName: 'UPS Ground', packageCarrier: 'UPS' },
          previousTrackingNumber: null,
        },
      },
    ]);
  });

  it("skips ids the order's other fulfillments cover", () => {
    const plan = planFulfillmentCapture(input({ coveredByOthers: ['101'] }));
    expect(plan.rows[0]?.payload.lineItemIds).toEqual(['102', '103']);
  });

  it('waits for the shipped status (or Packed with that setting) and for the flow', () => {
    expect(planFulfillmentCapture(input({ after: ful({ shipStatus: 'B' }) })).rows).toEqual([]);
    expect(
      planFulfillmentCapture(input({ after: ful({ shipStatus: 'B' }), shop: { ...SHOP, sendAt: 'packed' } }))
        .rows,
    ).toHaveLength(1);
    expect(planFulfillmentCapture(input({ shop: { ...SHOP, pullFulfillments: false } }))).toEqual({
      rows: [],
      supersede: [],
      exceptions: [],
    });
  });

  it('is an exception without a tracking number, queuing nothing', () => {
    const plan = planFulfillmentCapture(input({ after: ful({ trackingNumbers: [] }) }));
    expect(plan.rows).toEqual([]);
    expect(plan.exceptions[0]).toContain('has no tracking number');
  });

  it('queues nothing again for the same fulfillment and tracking number', () => {
    const captured = {
      outboxId: '9',
      trackingNumber: '1Z0000000000000001',
      state: 'sent',
      lineItemIds: ['101', '102'],
    };
    expect(planFulfillmentCapture(input({ eventType: 'edit', before: ful(), captured }))).toEqual({
      rows: [],
      supersede: [],
      exceptions: [],
    });
  });

  it('sends a corrected tracking number as a shipping-info update once shipped', () => {
    const captured = {
      outboxId: '9',
      trackingNumber: '1Z0000000000000001',
      state: 'sent',
      lineItemIds: ['101', '102'],
    };
    const plan = planFulfillmentCapture(
      input({
        eventType: 'edit',
        before: ful(),
        after: ful({ trackingNumbers: ['1Z0000000000000002'] }),
        captured,
      }),
    );
    expect(plan.rows).toHaveLength(1);
    expect(plan.rows[0]).toMatchObject({
      kind: 'fulfillment.update',
      externalId: `tts_out_fulfillment_update_${SHOP.shopId}_${ORDER}_55-1Z0000000000000002`,
      payload: {
        lineItemIds: ['101', '102'],
        previousTrackingNumber: '1Z0000000000000001',
        trackingNumbers: ['1Z0000000000000002'],
      },
    });
  });

  it('replaces a row not sent yet with a new shipment row', () => {
    const captured = {
      outboxId: '9',
      trackingNumber: '1Z0000000000000001',
      state: 'pending',
      lineItemIds: ['101', '102'],
    };
    const plan = planFulfillmentCapture(
      input({
        eventType: 'xedit',
        before: ful(),
        after: ful({ trackingNumbers: ['1Z0000000000000002'] }),
        captured,
      }),
    );
    expect(plan.rows[0]).toMatchObject({
      kind: 'fulfillment.ship',
      payload: { lineItemIds: ['101', '102'] },
    });
    expect(plan.supersede).toEqual(['9']);
  });

  it('is an exception when lines change after capture, or a captured fulfillment is deleted', () => {
    const captured = {
      outboxId: '9',
      trackingNumber: '1Z0000000000000001',
      state: 'sent',
      lineItemIds: ['101', '102'],
    };
    const changed = planFulfillmentCapture(
      input({
        eventType: 'edit',
        before: ful(),
        after: ful({ lines: [{ orderLine: '1', quantity: 1 }] }),
        captured,
      }),
    );
    expect(changed.rows).toEqual([]);
    expect(changed.exceptions[0]).toContain('TikTok cannot change the items of a package');
    const deleted = planFulfillmentCapture(input({ eventType: 'delete', captured }));
    expect(deleted.rows).toEqual([]);
    expect(deleted.exceptions[0]).toContain('was deleted in NetSuite after it was queued for TikTok');
    expect(planFulfillmentCapture(input({ eventType: 'delete' })).exceptions).toEqual([]);
    const withdrawn = planFulfillmentCapture(
      input({ eventType: 'delete', captured: { ...captured, state: 'pending' } }),
    );
    expect(withdrawn.supersede).toEqual(['9']);
    expect(withdrawn.exceptions[0]).toContain('deleted in NetSuite before it was sent to TikTok');
  });

  it('is an exception when nothing of the fulfillment came from TikTok', () => {
    const plan = planFulfillmentCapture(input({ coveredByOthers: ['101', '102', '103'] }));
    expect(plan.rows).toEqual([]);
    expect(plan.exceptions.join(' ')).toContain('nothing to send');
  });
});

describe('a fulfillment of several packages (one tracking number each)', () => {
  const two = ful({ trackingNumbers: ['1Z0000000000000001', '1Z0000000000000002'] });

  it('queues one row with every tracking number, keyed by all of them', () => {
    const plan = planFulfillmentCapture(input({ after: two }));
    expect(plan.rows.map((r) => r.externalId)).toEqual([
      `tts_out_fulfillment_ship_${SHOP.shopId}_${ORDER}_55-1Z0000000000000001-1Z0000000000000002`,
    ]);
    expect(plan.rows[0]?.payload.trackingNumbers).toEqual(['1Z0000000000000001', '1Z0000000000000002']);
  });

  it('sends an update when the second number is corrected after sending, nothing when unchanged', () => {
    const captured = {
      outboxId: '9',
      trackingNumber: '1Z0000000000000001',
      trackingNumbers: ['1Z0000000000000001', '1Z0000000000000002'],
      state: 'sent',
      lineItemIds: ['101', '102'],
    };
    expect(planFulfillmentCapture(input({ after: two, before: two, captured })).rows).toEqual([]);
    const fixed = ful({ trackingNumbers: ['1Z0000000000000001', '1Z0000000000000003'] });
    const plan = planFulfillmentCapture(input({ after: fixed, before: two, captured }));
    expect(plan.rows.map((r) => [r.kind, r.payload.trackingNumbers, r.payload.lineItemIds])).toEqual([
      ['fulfillment.update', ['1Z0000000000000001', '1Z0000000000000003'], ['101', '102']],
    ]);
  });
});

describe('virtual bundle components', () => {
  it('notes, without an exception, a fulfillment of the rest of a bundle another fulfillment sent', () => {
    const plan = planFulfillmentCapture(
      input({
        after: ful({ lines: [{ orderLine: '2', quantity: 2 }] }),
        orderLines: [
          { line: '1', tiktokLineIds: ['B1'] },
          { line: '2', tiktokLineIds: ['B1', 'B1'] },
        ],
        coveredByOthers: ['B1'],
      }),
    );
    expect(plan.rows).toEqual([]);
    expect(plan.exceptions).toEqual([]);
    expect(plan.notes?.[0]).toContain('virtual bundle line item(s) B1');
  });
});
