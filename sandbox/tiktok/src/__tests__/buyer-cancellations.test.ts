import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import {
  authorizeOverHttp,
  call,
  startReceiver,
  startTestSim,
  type CallOptions,
  type Receiver,
  type TestSim,
  type ShopRef,
} from './helpers';

interface CancellationView {
  cancel_id: string;
  order_id: string;
  cancel_type: string;
  cancel_status: string;
  role: string;
  cancel_reason: string;
  seller_next_action_response: { action: string; deadline: number }[];
  refund_amount: { refund_total: string };
}

const HOUR = 3_600_000;

describe('buyer cancellation requests: pending with a deadline, answered, timed out or rejected by shipping', () => {
  let t: TestSim;
  let receiver: Receiver;
  let token: string;
  let us: ShopRef;
  let gb: ShopRef;
  let th: ShopRef;
  let usWindow: ShopRef;

  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTestSim({
      webhookUrl: receiver.url,
      seed: {
        shops: [
          { region: 'US' },
          { region: 'GB' },
          { region: 'TH' },
          { region: 'US', cancelAutoApproveHours: 1 },
        ],
      },
    });
    token = (await authorizeOverHttp(t)).access_token;
    [us, gb, th, usWindow] = t.sim.admin
      .shops()
      .map((s) => ({ id: s.id, cipher: s.cipher })) as ShopRef[] as [ShopRef, ShopRef, ShopRef, ShopRef];
  });
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  const api = (shop: ShopRef, opts: CallOptions) => call(t, { token, cipher: shop.cipher, ...opts });
  const approve = (shop: ShopRef, cancelId: string, query: Record<string, string> = {}) =>
    api(shop, {
      method: 'POST',
      path: `/return_refund/202309/cancellations/${cancelId}/approve`,
      query,
      body: {},
    });
  const reject = (shop: ShopRef, cancelId: string, body: Record<string, unknown>) =>
    api(shop, { method: 'POST', path: `/return_refund/202309/cancellations/${cancelId}/reject`, body });
  const searchCancellations = async (shop: ShopRef, body: Record<string, unknown>) => {
    const result = await api(shop, {
      method: 'POST',
      path: '/return_refund/202309/cancellations/search',
      body,
    });
    expect(result.json.code).toBe(0);
    return (result.json.data as { cancellations: CancellationView[] }).cancellations;
  };
  const orderDetail = async (shop: ShopRef, orderId: string) => {
    const result = await api(shop, { path: '/order/202309/orders', query: { ids: orderId } });
    return (result.json.data as { orders: TikTokOrder[] }).orders[0] as TikTokOrder & {
      request_cancel_time?: number;
    };
  };
  /** Webhook type 11 statuses received for a cancellation, in order. */
  const cancelEvents = async (cancelId: string) => {
    await t.sim.tick();
    return receiver.received
      .map((r) => JSON.parse(r.body) as { type: number; data: Record<string, unknown> })
      .filter((n) => n.type === 11 && n.data.cancel_id === cancelId)
      .map((n) => `${String(n.data.cancellations_role)}:${String(n.data.cancel_status)}`);
  };
  const awaitingShipment = (shop: ShopRef) => {
    const order = t.sim.admin.createOrder({ shopId: shop.id, advanceTo: 'AWAITING_SHIPMENT' });
    t.clock.advance(2 * HOUR);
    return order;
  };

  it('a request on an AWAITING_SHIPMENT order stays pending with a deadline; the seller approves it', async () => {
    const order = awaitingShipment(us);
    const requested = t.sim.admin.cancelOrder(order.id, { by: 'BUYER' });
    const now = Math.floor(t.clock.now() / 1000);
    expect(requested).toMatchObject({
      cancelType: 'BUYER_CANCEL',
      cancelStatus: 'CANCELLATION_REQUEST_PENDING',
    });
    expect(requested.deadline).toBe(now + 48 * 3600);

    const detail = await orderDetail(us, order.id);
    expect(detail).toMatchObject({
      status: 'AWAITING_SHIPMENT',
      is_buyer_request_cancel: true,
      request_cancel_time: now,
    });
    const flagged = await api(us, {
      method: 'POST',
      path: '/order/202309/orders/search',
      query: { page_size: '20' },
      body: { is_buyer_request_cancel: true },
    });
    expect((flagged.json.data as { orders: { id: string }[] }).orders.map((o) => o.id)).toEqual([order.id]);
    const [pending] = await searchCancellations(us, { cancel_status: ['CANCELLATION_REQUEST_PENDING'] });
    expect(pending).toMatchObject({
      cancel_id: requested.cancelId,
      cancel_type: 'BUYER_CANCEL',
      role: 'BUYER',
      cancel_reason: 'ecom_order_to_ship_canceled_reason_no_longer_needed',
      seller_next_action_response: [{ action: 'SELLER_RESPOND_CANCEL', deadline: now + 48 * 3600 }],
      refund_amount: expect.objectContaining({ refund_total: order.payment.total_amount }),
    });

    expect((await approve(us, requested.cancelId, { idempotency_key: 'k-1' })).json).toMatchObject({
      code: 0,
      data: {},
    });
    expect(await orderDetail(us, order.id)).toMatchObject({
      status: 'CANCELLED',
      is_buyer_request_cancel: false,
      cancellation_initiator: 'BUYER',
      cancel_reason: 'No longer needed',
    });
    const [done] = await searchCancellations(us, { cancel_ids: [requested.cancelId] });
    expect(done).toMatchObject({
      cancel_status: 'CANCELLATION_REQUEST_COMPLETE',
      seller_next_action_response: [],
    });
    expect(await cancelEvents(requested.cancelId)).toEqual([
      'BUYER:CANCELLATION_REQUEST_PENDING',
      'BUYER:CANCELLATION_REQUEST_SUCCESS',
      'BUYER:CANCELLATION_REQUEST_COMPLETE',
    ]);
    expect((await approve(us, requested.cancelId, { idempotency_key: 'k-1' })).json.code).toBe(0);
    expect((await approve(us, requested.cancelId)).json).toMatchObject({
      code: 25011012,
      message: 'reverse status cannot approve application',
    });
  });

  it("the seller rejects with one of the market's reject reasons; the order stays to ship", async () => {
    const order = awaitingShipment(gb);
    const requested = t.sim.admin.cancelOrder(order.id, { by: 'BUYER' });
    expect(requested.cancelReason).toBe('ecom_order_to_ship_canceled_reason_no_longer_needed_uk');
    expect((await reject(gb, requested.cancelId, {})).json.code).toBe(25001001);
    const us_reason = 'order_manage_list_action_respond_popup_reject_reason_delivered';
    expect((await reject(gb, requested.cancelId, { reject_reason: us_reason })).json).toMatchObject({
      code: 25001014,
    });
    const ok = await reject(gb, requested.cancelId, {
      reject_reason: 'seller_reject_apply_product_has_been_packed',
      comment: 'Packed before the request',
      images: [{ image_id: 'tos-maliva-i-o3syd03w52-us/abc', mime_type: 'image/png' }],
    });
    expect(ok.json).toMatchObject({ code: 0, data: {} });
    expect(await orderDetail(gb, order.id)).toMatchObject({
      status: 'AWAITING_SHIPMENT',
      is_buyer_request_cancel: false,
    });
    const [closed] = await searchCancellations(gb, { cancel_status: ['CANCELLATION_REQUEST_CANCEL'] });
    expect(closed).toMatchObject({
      cancel_id: requested.cancelId,
      cancel_status: 'CANCELLATION_REQUEST_CANCELLED',
    });
    expect(await cancelEvents(requested.cancelId)).toEqual([
      'BUYER:CANCELLATION_REQUEST_PENDING',
      'BUYER:CANCELLATION_REQUEST_CANCELLED',
    ]);
    expect((await approve(gb, requested.cancelId)).json).toMatchObject({
      code: 25020009,
      message: 'reverse already cancelled',
    });
    expect((await approve(us, requested.cancelId)).json.code).toBe(25020005);
    expect((await approve(gb, '4035318504086604100')).json).toMatchObject({
      code: 25007006,
      message: 'Order not found.',
    });
  });

  it('TikTok approves when the window passes: 24 h in TH, 48 h in the US', async () => {
    const thOrder = awaitingShipment(th);
    const usOrder = awaitingShipment(us);
    const thRequest = t.sim.admin.cancelOrder(thOrder.id, { by: 'BUYER' });
    const usRequest = t.sim.admin.cancelOrder(usOrder.id, { by: 'BUYER' });
    await t.sim.admin.advanceClock(24 * HOUR - 1000);
    expect(t.sim.admin.getOrder(thOrder.id).status).toBe('AWAITING_SHIPMENT');
    await t.sim.admin.advanceClock(1000);
    expect(t.sim.admin.getOrder(thOrder.id)).toMatchObject({
      status: 'CANCELLED',
      is_buyer_request_cancel: false,
    });
    expect(t.sim.state.cancellations.get(thRequest.cancelId)).toMatchObject({
      cancelStatus: 'CANCELLATION_REQUEST_COMPLETE',
      outcome: 'AUTO_APPROVED',
    });
    expect(t.sim.admin.getOrder(usOrder.id).status).toBe('AWAITING_SHIPMENT');
    await t.sim.admin.advanceClock(24 * HOUR);
    expect(t.sim.admin.getOrder(usOrder.id).status).toBe('CANCELLED');
    expect(await cancelEvents(usRequest.cancelId)).toEqual([
      'BUYER:CANCELLATION_REQUEST_PENDING',
      'BUYER:CANCELLATION_REQUEST_SUCCESS',
      'BUYER:CANCELLATION_REQUEST_COMPLETE',
    ]);
  });

  it('shipping rejects a pending request in the US; elsewhere shipping is refused with 21011007', async () => {
    // The first provider of the order's delivery option (USPS in the US, Royal Mail in GB).
    const provider = (orderId: string) =>
      t.sim.state.deliveryOptions.find((o) => o.id === t.sim.admin.getOrder(orderId).delivery_option_id)
        ?.providerIds[0] ?? '';
    const ship = (shop: ShopRef, orderId: string, tracking: string) =>
      api(shop, {
        method: 'POST',
        path: `/fulfillment/202309/orders/${orderId}/packages`,
        body: { tracking_number: tracking, shipping_provider_id: provider(orderId) },
      });
    const usOrder = awaitingShipment(us);
    const usRequest = t.sim.admin.cancelOrder(usOrder.id, { by: 'BUYER' });
    expect((await ship(us, usOrder.id, 'TRACK1001')).json.code).toBe(0);
    expect(await orderDetail(us, usOrder.id)).toMatchObject({
      status: 'AWAITING_COLLECTION',
      is_buyer_request_cancel: false,
    });
    expect(t.sim.state.cancellations.get(usRequest.cancelId)).toMatchObject({
      cancelStatus: 'CANCELLATION_REQUEST_CANCELLED',
      outcome: 'REJECTED_BY_SHIPMENT',
    });
    expect(await cancelEvents(usRequest.cancelId)).toEqual([
      'BUYER:CANCELLATION_REQUEST_PENDING',
      'BUYER:CANCELLATION_REQUEST_CANCELLED',
    ]);
    await t.sim.admin.advanceClock(49 * HOUR);
    expect(t.sim.admin.getOrder(usOrder.id).status).toBe('AWAITING_COLLECTION');

    const gbOrder = awaitingShipment(gb);
    const gbRequest = t.sim.admin.cancelOrder(gbOrder.id, { by: 'BUYER' });
    expect((await ship(gb, gbOrder.id, 'AB123456789GB')).json).toMatchObject({
      code: 21011007,
      message: 'Package item has after-sale request',
    });
    expect(t.sim.state.cancellations.get(gbRequest.cancelId)?.cancelStatus).toBe(
      'CANCELLATION_REQUEST_PENDING',
    );
  });

  it('approves at once when TikTok does not ask the seller: FBT, the remorse hour, the shop auto-approval window', () => {
    const fbt = t.sim.admin.createOrder({ shopId: us.id, fbt: true, advanceTo: 'AWAITING_SHIPMENT' });
    t.clock.advance(2 * HOUR);
    expect(t.sim.admin.cancelOrder(fbt.id, { by: 'BUYER' })).toMatchObject({
      cancelType: 'BUYER_CANCEL',
      cancelStatus: 'CANCELLATION_REQUEST_COMPLETE',
      outcome: 'AUTO_APPROVED',
    });
    const noHold = t.sim.admin.createOrder({ shopId: th.id, advanceTo: 'AWAITING_SHIPMENT' });
    t.clock.advance(HOUR - 60_000);
    expect(t.sim.admin.cancelOrder(noHold.id, { by: 'BUYER' }).cancelStatus).toBe(
      'CANCELLATION_REQUEST_COMPLETE',
    );
    const windowed = t.sim.admin.createOrder({ shopId: usWindow.id, advanceTo: 'AWAITING_SHIPMENT' });
    t.clock.advance(HOUR - 60_000);
    expect(t.sim.admin.cancelOrder(windowed.id, { by: 'BUYER' }).cancelStatus).toBe(
      'CANCELLATION_REQUEST_COMPLETE',
    );
    const late = t.sim.admin.createOrder({ shopId: usWindow.id, advanceTo: 'AWAITING_SHIPMENT' });
    t.clock.advance(HOUR + 60_000);
    expect(t.sim.admin.cancelOrder(late.id, { by: 'BUYER' }).cancelStatus).toBe(
      'CANCELLATION_REQUEST_PENDING',
    );
    const held = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'ON_HOLD' });
    expect(t.sim.admin.cancelOrder(held.id, { by: 'BUYER' })).toMatchObject({
      cancelType: 'CANCEL',
      role: 'BUYER',
      cancelStatus: 'CANCELLATION_REQUEST_COMPLETE',
    });
  });

  it('the seller cannot cancel over a pending request (25001011); the buyer may withdraw it', async () => {
    const order = awaitingShipment(us);
    const requested = t.sim.admin.cancelOrder(order.id, { by: 'BUYER' });
    const sellerCancel = await api(us, {
      method: 'POST',
      path: '/return_refund/202309/cancellations',
      body: { order_id: order.id, cancel_reason: 'seller_cancel_reason_out_of_stock' },
    });
    expect(sellerCancel.json.code).toBe(25001011);
    expect(t.sim.admin.withdrawCancellation(requested.cancelId)).toMatchObject({
      cancelStatus: 'CANCELLATION_REQUEST_CANCELLED',
      outcome: 'BUYER_WITHDREW',
    });
    expect(t.sim.admin.getOrder(order.id)).toMatchObject({
      status: 'AWAITING_SHIPMENT',
      is_buyer_request_cancel: false,
    });
    await t.sim.admin.advanceClock(49 * HOUR);
    expect(t.sim.admin.getOrder(order.id).status).toBe('AWAITING_SHIPMENT');
  });
});
