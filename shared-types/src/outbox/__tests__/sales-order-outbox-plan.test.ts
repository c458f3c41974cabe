import type { CancelPayload, ExternalRefPayload, StatusPayload } from '../outbox';
import type { OutboxShopSettings, SalesOrderSnapshot } from '../sales-order-outbox-plan';
import {
  assignedTranId,
  normalizeCancelReason,
  normalizeSalesOrderStatus,
  parseTikTokLineIds,
  planSalesOrderOutbox,
  tiktokCancellationOf,
} from '../sales-order-outbox-plan';

const SHOP: OutboxShopSettings = {
  recordId: '7',
  shopId: '7494049642642441621',
  pullOrderUpdates: true,
  allowCancel: true,
};

function order(overrides: Partial<SalesOrderSnapshot> = {}): SalesOrderSnapshot {
  return {
    id: '101',
    tranId: 'SO1042',
    tiktokOrderId: '576461413038785752',
    shopRecordId: '7',
    status: 'B',
    cancelReason: null,
    lines: [
      { line: '1', closed: false, tiktokLineIds: ['1001', '1002'] },
      { line: '2', closed: false, tiktokLineIds: ['1003'] },
    ],
    ...overrides,
  };
}

const closeLines = (o: SalesOrderSnapshot, lines: string[]): SalesOrderSnapshot => ({
  ...o,
  lines: o.lines.map((l) => (lines.includes(l.line) ? { ...l, closed: true } : l)),
});

describe('planSalesOrderOutbox', () => {
  it('writes the sales order number back as the external reference when the order is created', () => {
    const rows = planSalesOrderOutbox({ eventType: 'create', before: null, after: order(), shop: SHOP });
    expect(rows).toHaveLength(1);
    expect(rows[0].kind).toBe('order.external_ref');
    expect(rows[0].externalId).toBe(
      'tts_out_order_external_ref_7494049642642441621_576461413038785752_SO1042',
    );
    const payload = rows[0].payload as ExternalRefPayload;
    expect(payload.tranId).toBe('SO1042');
    expect(payload.lines).toEqual([
      { tiktokLineId: '1001', netsuiteLine: '1' },
      { tiktokLineId: '1002', netsuiteLine: '1' },
      { tiktokLineId: '1003', netsuiteLine: '2' },
    ]);
  });

  it("names a virtual bundle's TikTok line once per NetSuite line in the reference, and once in a cancel", () => {
    // Bundle 3001 imported as its components (bundle-split.ts): its id on each component unit.
    const bundle = order({
      lines: [
        { line: '1', closed: false, tiktokLineIds: ['1001'] },
        { line: '2', closed: false, tiktokLineIds: ['3001', '3001'] },
        { line: '3', closed: false, tiktokLineIds: ['3001'] },
      ],
    });
    const [ref] = planSalesOrderOutbox({ eventType: 'create', before: null, after: bundle, shop: SHOP });
    expect((ref.payload as ExternalRefPayload).lines).toEqual([
      { tiktokLineId: '1001', netsuiteLine: '1' },
      { tiktokLineId: '3001', netsuiteLine: '2' },
      { tiktokLineId: '3001', netsuiteLine: '3' },
    ]);
    const rows = planSalesOrderOutbox({
      eventType: 'edit',
      before: bundle,
      after: closeLines(bundle, ['2', '3']),
      shop: SHOP,
    });
    expect(rows.map((row) => (row.payload as CancelPayload).lineItemIds)).toEqual([['3001']]);
  });

  it('writes nothing for orders that are not from TikTok, without a shop, when the flow is off, or on delete', () => {
    expect(
      planSalesOrderOutbox({
        eventType: 'create',
        before: null,
        after: order({ tiktokOrderId: null }),
        shop: SHOP,
      }),
    ).toEqual([]);
    expect(planSalesOrderOutbox({ eventType: 'create', before: null, after: order(), shop: null })).toEqual(
      [],
    );
    expect(
      planSalesOrderOutbox({
        eventType: 'create',
        before: null,
        after: order(),
        shop: { ...SHOP, pullOrderUpdates: false },
      }),
    ).toEqual([]);
    expect(
      planSalesOrderOutbox({ eventType: 'delete', before: order(), after: order(), shop: SHOP }),
    ).toEqual([]);
  });

  it('writes nothing for an edit that changes none of number, status or lines', () => {
    expect(planSalesOrderOutbox({ eventType: 'edit', before: order(), after: order(), shop: SHOP })).toEqual(
      [],
    );
  });

  it('writes a new reference when the order is renumbered, but not before NetSuite assigns a number', () => {
    const renumbered = planSalesOrderOutbox({
      eventType: 'edit',
      before: order(),
      after: order({ tranId: 'SO 1042/B' }),
      shop: SHOP,
    });
    expect(renumbered.map((r) => r.externalId)).toEqual([
      'tts_out_order_external_ref_7494049642642441621_576461413038785752_SO-1042-B',
    ]);
    expect(
      planSalesOrderOutbox({
        eventType: 'create',
        before: null,
        after: order({ tranId: 'To Be Generated' }),
        shop: SHOP,
      }),
    ).toEqual([]);
  });

  it('records a status change as informational and cancels the whole order when every line is closed', () => {
    const before = order();
    const after = closeLines(
      order({ status: 'H', cancelReason: 'Out of stock (seller_cancel_reason_out_of_stock)' }),
      ['1', '2'],
    );
    const rows = planSalesOrderOutbox({ eventType: 'edit', before, after, shop: SHOP });
    expect(rows.map((r) => r.kind)).toEqual(['order.status', 'order.cancel']);
    expect(rows[0].payload as StatusPayload).toEqual({
      salesOrderId: '101',
      previousStatus: 'B',
      status: 'H',
      impliesCancel: true,
    });
    expect(rows[1].externalId).toBe('tts_out_order_cancel_7494049642642441621_576461413038785752_order');
    expect(rows[1].payload as CancelPayload).toEqual({
      salesOrderId: '101',
      reason: 'seller_cancel_reason_out_of_stock',
      scope: 'order',
      lineItemIds: [],
      status: 'H',
    });
  });

  it('cancels the order on the cancel event with no reason chosen: the bridge picks the default', () => {
    const rows = planSalesOrderOutbox({ eventType: 'cancel', before: order(), after: order(), shop: SHOP });
    const cancel = rows.find((r) => r.kind === 'order.cancel');
    expect((cancel?.payload as CancelPayload).reason).toBe('');
    expect((rows.find((r) => r.kind === 'order.status')?.payload as StatusPayload).status).toBe('C');
  });

  it('does not cancel again an order that was already closed, nor when the shop does not allow it', () => {
    const closed = closeLines(order({ status: 'H' }), ['1', '2']);
    expect(planSalesOrderOutbox({ eventType: 'edit', before: closed, after: closed, shop: SHOP })).toEqual(
      [],
    );
    const rows = planSalesOrderOutbox({
      eventType: 'edit',
      before: order(),
      after: closeLines(order({ status: 'H' }), ['1', '2']),
      shop: { ...SHOP, allowCancel: false },
    });
    expect(rows.map((r) => r.kind)).toEqual(['order.status']);
  });

  it('cancels only the TikTok items of lines newly closed', () => {
    const before = closeLines(order(), []);
    const rows = planSalesOrderOutbox({
      eventType: 'edit',
      before,
      after: closeLines(order(), ['2']),
      shop: SHOP,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].externalId).toBe('tts_out_order_cancel_7494049642642441621_576461413038785752_lines-2');
    expect(rows[0].payload as CancelPayload).toMatchObject({ scope: 'lines', lineItemIds: ['1003'] });
  });

  it('keys the same change identically, so writing it twice collides on the externalid', () => {
    const change = { eventType: 'edit', before: order(), after: order({ status: 'D' }), shop: SHOP };
    expect(planSalesOrderOutbox(change)[0].externalId).toBe(planSalesOrderOutbox(change)[0].externalId);
  });
});

describe('sales order value readers', () => {
  it('normalizes status letters, texts and statusRefs', () => {
    expect(normalizeSalesOrderStatus('H')).toBe('H');
    expect(normalizeSalesOrderStatus('Pending Fulfillment')).toBe('B');
    expect(normalizeSalesOrderStatus('pendingBillingPartFulfilled')).toBe('E');
    expect(normalizeSalesOrderStatus('Cancelled')).toBe('C');
    expect(normalizeSalesOrderStatus('Shipped')).toBeNull();
    expect(normalizeSalesOrderStatus(3)).toBeNull();
  });

  it('reads line ids, assigned numbers and cancel reasons', () => {
    expect(parseTikTokLineIds('1001, 1002,,x')).toEqual(['1001', '1002']);
    expect(parseTikTokLineIds(null)).toEqual([]);
    expect(assignedTranId(' 42 ')).toBe('42');
    expect(assignedTranId('To Be Generated')).toBeNull();
    expect(assignedTranId('')).toBeNull();
    expect(normalizeCancelReason('  ')).toBe('');
    expect(normalizeCancelReason(null)).toBe('');
    expect(normalizeCancelReason('Pricing error (seller_cancel_reason_wrong_price_uk)')).toBe(
      'seller_cancel_reason_wrong_price_uk',
    );
    expect(normalizeCancelReason('seller_cancel_reason_out_of_stock')).toBe(
      'seller_cancel_reason_out_of_stock',
    );
  });
});

describe('cancellations TikTok made itself are not sent back as seller cancellations', () => {
  it('plans no cancel when TikTok cancelled the whole order, but keeps the other rows', () => {
    const before = order();
    const after = closeLines(order({ status: 'H' }), ['1', '2']);
    const change = { eventType: 'edit', before, after, shop: SHOP };
    expect(planSalesOrderOutbox(change).map((r) => r.kind)).toContain('order.cancel');
    const rows = planSalesOrderOutbox({ ...change, tiktokCancelled: { order: true, lineIds: [] } });
    expect(rows.map((r) => r.kind)).toEqual(['order.status']);
  });

  it('drops the TikTok-cancelled line items from a line cancel and keeps the seller-closed ones', () => {
    const change = { eventType: 'edit', before: order(), after: closeLines(order(), ['1']), shop: SHOP };
    const both = planSalesOrderOutbox({ ...change, tiktokCancelled: { order: false, lineIds: ['1001'] } });
    expect((both[0].payload as CancelPayload).lineItemIds).toEqual(['1002']);
    const none = planSalesOrderOutbox({
      ...change,
      tiktokCancelled: { order: false, lineIds: ['1001', '1002'] },
    });
    expect(none.filter((r) => r.kind === 'order.cancel')).toEqual([]);
  });

  it('reads TikTok cancellations from an order payload', () => {
    expect(
      tiktokCancellationOf({
        status: 'AWAITING_SHIPMENT',
        line_items: [
          { id: '1', display_status: 'CANCELLED' },
          { id: '2', display_status: 'AWAITING_SHIPMENT' },
        ],
      }),
    ).toEqual({ order: false, lineIds: ['1'] });
    expect(tiktokCancellationOf({ status: 'CANCELLED', line_items: [] })).toEqual({
      order: true,
      lineIds: [],
    });
  });
});
