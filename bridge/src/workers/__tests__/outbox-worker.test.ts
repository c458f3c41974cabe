import { connectViaOAuth, startHarness, TEST_SHOP, type Harness } from '../../__tests__/support/harness';
import { orderAt } from '../../../../test/support/tiktok-order-builder';
import { FakeOutbox } from '../../__tests__/support/fake-outbox';
import { json } from '../../__tests__/support/test-server';

describe('outbox worker: NetSuite outbox rows delivered to TikTok and acknowledged', () => {
  let h: Harness;
  let outbox: FakeOutbox;
  let nowSec: number;

  beforeEach(async () => {
    h = await startHarness();
    expect((await connectViaOAuth(h)).status).toBe(200);
    outbox = new FakeOutbox(h.netsuite, h.tiktok);
    nowSec = Math.floor(h.clock.now() / 1000);
  });

  afterEach(async () => {
    await h.close();
  });

  const cancelRow = (orderId: string, lineItemIds: string[] = []) =>
    outbox.add({
      idempotencyKey: `tts_out_order_cancel_${TEST_SHOP.id}_${orderId}_order`,
      kind: 'order.cancel',
      shopId: TEST_SHOP.id,
      orderId,
      salesOrderId: '9',
      payload: {
        salesOrderId: '9',
        reason: 'seller_cancel_reason_out_of_stock',
        scope: lineItemIds.length > 0 ? 'lines' : 'order',
        lineItemIds,
        status: 'H',
      },
    });

  it('cancels, writes the external reference, records a status change, and acknowledges each', async () => {
    h.tiktok.orders.push(orderAt('111', nowSec - 100));
    cancelRow('111');
    outbox.add({
      idempotencyKey: `tts_out_order_external_ref_${TEST_SHOP.id}_222_SO7`,
      kind: 'order.external_ref',
      shopId: TEST_SHOP.id,
      orderId: '222',
      salesOrderId: '10',
      payload: { salesOrderId: '10', tranId: 'SO7', lines: [{ tiktokLineId: '222-1', netsuiteLine: '1' }] },
    });
    outbox.add({
      idempotencyKey: `tts_out_order_status_${TEST_SHOP.id}_333_B-D`,
      kind: 'order.status',
      shopId: TEST_SHOP.id,
      orderId: '333',
      salesOrderId: '11',
      payload: { salesOrderId: '11', previousStatus: 'B', status: 'D', impliesCancel: false },
    });

    const pass = await h.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    expect(pass.results[0]).toMatchObject({ pulled: 3, outcomes: { sent: 2, informational: 1 } });
    expect(outbox.cancelCalls).toEqual([
      { order_id: '111', cancel_reason: 'seller_cancel_reason_out_of_stock' },
    ]);
    expect(outbox.references.get('222')).toEqual({
      id: 'SO7',
      platform: 'ERP_SYSTEM',
      line_items: [{ id: '1', origin_id: '222-1' }],
    });
    expect(outbox.rows.map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    expect(outbox.rows[2].message).toContain('TikTok has no API to set an order status');
    const metrics = await h.bridge.metrics.text();
    expect(metrics).toMatch(/tts_bridge_outbox_rows_total\{kind="order.cancel",outcome="sent"\} 1/);
  });

  it("writes the reference with a platform from TikTok's list and reads a refusal's string code (issue #11)", async () => {
    outbox.add({
      idempotencyKey: `tts_out_order_external_ref_${TEST_SHOP.id}_576461413038785752_SO8`,
      kind: 'order.external_ref',
      shopId: TEST_SHOP.id,
      orderId: '576461413038785752',
      salesOrderId: '12',
      payload: { salesOrderId: '12', tranId: 'SO8', lines: [] },
    });
    const sent: unknown[] = [];
    h.tiktok.injectors.unshift((request) => {
      if (request.path !== '/order/202406/orders/external_orders') return undefined;
      sent.push(JSON.parse(request.body));
      // The documented sample answer (Add External Order References 202406): the code is a string.
      return json(200, {
        code: 0,
        data: {
          errors: [
            {
              code: '36020001',
              message: 'Invalid order_id',
              detail: {
                order_id: '576461413038785752',
                external_order: { id: 'SO8', platform: 'ERP_SYSTEM' },
              },
            },
          ],
        },
        message: 'Success',
        request_id: '202203070749000101890810281E8C70B7',
      });
    });

    const pass = await h.bridge.outboxOnce();
    expect(sent).toEqual([
      {
        orders: [
          { id: '576461413038785752', external_order: { id: 'SO8', platform: 'ERP_SYSTEM', line_items: [] } },
        ],
      },
    ]);
    expect(pass.results[0].outcomes).toEqual({ refused: 1 });
    expect(outbox.rows[0]).toMatchObject({ state: 'failed' });
    expect(outbox.rows[0].message).toBe(
      'TikTok did not store sales order SO8 as the external reference of order 576461413038785752: Invalid order_id (code 36020001).',
    );
  });

  it('keeps the result when the acknowledgement fails and sends it first next pass, without calling TikTok again', async () => {
    h.tiktok.orders.push(orderAt('111', nowSec - 100));
    cancelRow('111');
    outbox.failAcks = 1;

    const first = await h.bridge.outboxOnce();
    expect(first.failures).toHaveLength(1);
    expect(outbox.rows[0].state).toBe('pending');
    expect((await h.bridge.store.listRecentErrors(5))[0]?.source).toBe('outbox');
    expect(await h.bridge.store.listOutboxAcks(10)).toHaveLength(1);

    const second = await h.bridge.outboxOnce();
    expect(second.failures).toEqual([]);
    expect(second.results[0]).toMatchObject({ pulled: 0, outcomes: {} });
    expect(outbox.cancelCalls).toHaveLength(1);
    expect(outbox.rows[0]).toMatchObject({ state: 'sent' });
    expect(outbox.rows[0].message).toContain('cancel');
    expect(await h.bridge.store.listOutboxAcks(10)).toEqual([]);
  });

  it("does not cancel twice when a delivered cancellation's result was never kept (the process died)", async () => {
    h.tiktok.orders.push(orderAt('111', nowSec - 100));
    cancelRow('111');
    outbox.failAcks = 1;
    await h.bridge.outboxOnce();
    // The kept result is gone (the process died before keeping it): the row is delivered again.
    await h.bridge.store.deleteOutboxAcks(['1']);

    const second = await h.bridge.outboxOnce();
    expect(second.results[0].outcomes).toEqual({ already_done: 1 });
    expect(outbox.cancelCalls).toHaveLength(1);
    expect(outbox.rows[0]).toMatchObject({
      state: 'sent',
      message: 'TikTok order 111 is already cancelled.',
    });
  });

  it('acknowledges in batches of ackBatch results: one outbox.ack per batch, not per row', async () => {
    for (const id of ['111', '112', '113', '114', '115']) {
      h.tiktok.orders.push(orderAt(id, nowSec - 100));
      cancelRow(id);
    }
    const pass = await h.bridge.outboxOnce({ ackBatch: 2 });
    expect(pass.results[0]).toMatchObject({ pulled: 5, outcomes: { sent: 5 } });
    expect(outbox.ackCalls).toEqual([2, 2, 1]);
    outbox.rows.forEach((r) => (r.state = 'pending'));
    await h.bridge.outboxOnce();
    expect(outbox.ackCalls).toEqual([2, 2, 1, 5]);
  });

  it('treats "already cancelled" from TikTok as done when the order is cancelled by then', async () => {
    const order = orderAt('111', nowSec - 100);
    h.tiktok.orders.push(order);
    cancelRow('111');
    const open = structuredClone(order);
    let detailCalls = 0;
    h.tiktok.injectors.push((request) => {
      if (request.path !== '/order/202309/orders') return undefined;
      detailCalls += 1;
      // The first read still shows the order open (a concurrent cancel lands right after it).
      if (detailCalls === 1)
        return json(200, { code: 0, message: 'Success', request_id: 'r', data: { orders: [open] } });
      return undefined;
    });
    order.status = 'CANCELLED';

    await h.bridge.outboxOnce();
    expect(outbox.cancelCalls).toHaveLength(1);
    expect(outbox.rows[0]).toMatchObject({
      state: 'sent',
      message: 'TikTok order 111 is already cancelled.',
    });
  });

  it('keeps a row pending on a retryable TikTok failure and fails it with the reason on a refusal', async () => {
    h.tiktok.orders.push(orderAt('111', nowSec - 100), orderAt('444', nowSec - 100, { status: 'DELIVERED' }));
    cancelRow('111');
    cancelRow('444');
    h.tiktok.injectors.unshift((request) =>
      request.path === '/return_refund/202309/cancellations'
        ? json(503, { code: 36009003, message: 'Internal error', request_id: 'r', data: null })
        : undefined,
    );

    const pass = await h.bridge.outboxOnce();
    expect(pass.results[0].outcomes).toEqual({ retry: 1, refused: 1 });
    expect(outbox.rows[0]).toMatchObject({ state: 'pending' });
    expect(outbox.rows[0].row.attempts).toBe(1);
    expect(outbox.rows[1].state).toBe('failed');
    expect(outbox.rows[1].message).toContain('is DELIVERED and can no longer be cancelled');
  });
});
