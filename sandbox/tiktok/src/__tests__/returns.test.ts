import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { parseMinor } from '../money';
import { verifyWebhookSignature } from '../webhooks/webhook-signature';
import {
  authorizeOverHttp,
  call,
  shopRefs,
  startReceiver,
  startTestSim,
  type CallOptions,
  type Receiver,
  type ShopRef,
  type TestSim,
} from './helpers';

interface Money {
  currency: string;
  refund_total: string;
  refund_subtotal: string;
  refund_shipping_fee: string;
  refund_tax: string;
}

interface ReturnView {
  return_id: string;
  order_id: string;
  return_type: string;
  return_status: string;
  role: string;
  return_reason: string;
  return_reason_text: string;
  arbitration_status?: string;
  seller_next_action_response: { action: string; deadline?: number }[];
  refund_amount: Money;
  discount_amount: Record<string, string>[];
  shipping_fee_amount: Record<string, string>[];
  return_line_items: { order_line_item_id: string; refund_amount: Money }[];
  return_tracking_number?: string;
  return_provider_name?: string;
  return_method?: string;
  seller_proposed_return_type?: string;
  partial_refund?: { currency: string; amount: string };
  buyer_rejected_partial_refund?: boolean;
  can_buyer_keep_item: boolean;
  update_time: number;
}

type Order = TikTokOrder & {
  payment: TikTokOrder['payment'] & { shipping_fee_tax?: string };
  is_replacement_order?: boolean;
  replaced_order_id?: string;
};

const HOUR = 3_600_000;

describe('returns and refunds: every type and status, answered by the seller, the buyer, TikTok or its deadlines', () => {
  let t: TestSim;
  let receiver: Receiver;
  let token: string;
  let us: ShopRef;
  let gb: ShopRef;

  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTestSim({
      webhookUrl: receiver.url,
      seed: { shops: [{ region: 'US' }, { region: 'GB' }] },
      // Deadlines run for weeks of simulated time.
      tokenLifetimeSeconds: 90 * 86_400,
    });
    token = (await authorizeOverHttp(t)).access_token;
    [us, gb] = shopRefs(t) as [ShopRef, ShopRef];
  });
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  const api = (shop: ShopRef, opts: CallOptions) => call(t, { token, cipher: shop.cipher, ...opts });
  const approve = (shop: ShopRef, id: string, body: Record<string, unknown>, key?: string) =>
    api(shop, {
      method: 'POST',
      path: `/return_refund/202309/returns/${id}/approve`,
      query: key === undefined ? {} : { idempotency_key: key },
      body,
    });
  const reject = (shop: ShopRef, id: string, body: Record<string, unknown>, key?: string) =>
    api(shop, {
      method: 'POST',
      path: `/return_refund/202309/returns/${id}/reject`,
      query: key === undefined ? {} : { idempotency_key: key },
      body,
    });
  const search = async (shop: ShopRef, body: Record<string, unknown>) => {
    const result = await api(shop, { method: 'POST', path: '/return_refund/202309/returns/search', body });
    expect(result.json.code).toBe(0);
    return (result.json.data as { return_orders: ReturnView[] }).return_orders;
  };
  const returnOf = async (shop: ShopRef, id: string) => {
    const [found] = await search(shop, { return_ids: [id] });
    if (!found) throw new Error(`return ${id} not found`);
    return found;
  };
  const orderOf = async (shop: ShopRef, id: string) => {
    const result = await api(shop, { path: '/order/202309/orders', query: { ids: id } });
    return (result.json.data as { orders: Order[] }).orders[0] as Order;
  };
  /** Webhook 12 statuses of a return, in order of arrival. */
  const events = async (returnId: string) => {
    await t.sim.tick();
    return receiver.received
      .map((r) => JSON.parse(r.body) as { type: number; data: Record<string, unknown> })
      .filter((n) => n.type === 12 && n.data.return_id === returnId)
      .map((n) => String(n.data.return_status));
  };
  const delivered = (shop: ShopRef, skus = [{ sellerSku: 'TS-TEE-WHT-S', quantity: 2 }]) =>
    t.sim.admin.createOrder({
      shopId: shop.id,
      skus,
      sellerDiscountPercent: 10,
      platformDiscountPerUnit: '1.00',
      advanceTo: 'DELIVERED',
    });
  const minor = (value: string | undefined) => parseMinor(value ?? '0', 'USD') ?? 0;
  const lineTotal = (order: TikTokOrder, index: number) => {
    const line = order.line_items[index];
    return minor(line?.sale_price) + minor(line?.item_tax?.[0]?.tax_amount);
  };

  it('a refund-only request waits for the seller with a deadline, and is refunded once approved (signed webhooks)', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'REFUND' });
    const pending = await returnOf(us, created.returnId);
    expect(pending).toMatchObject({
      return_type: 'REFUND',
      return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
      role: 'BUYER',
      return_reason: 'ecom_order_delivered_refund_reason_not_received',
      return_reason_text: "Package wasn't received",
    });
    const now = Math.floor(t.clock.now() / 1000);
    expect(pending.seller_next_action_response).toEqual([
      { action: 'SELLER_RESPOND_REFUND', deadline: now + 48 * 3600 },
    ]);

    expect((await approve(us, created.returnId, { decision: 'APPROVE_REFUND' }, 'key-1')).json).toMatchObject(
      {
        code: 0,
        data: {},
      },
    );
    const done = await returnOf(us, created.returnId);
    expect(done.return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
    expect(done.seller_next_action_response).toEqual([]);
    expect(await events(created.returnId)).toEqual([
      'RETURN_OR_REFUND_REQUEST_PENDING',
      'RETURN_OR_REFUND_REQUEST_SUCCESS',
      'RETURN_OR_REFUND_REQUEST_COMPLETE',
    ]);
    const first = receiver.received.find((r) => (JSON.parse(r.body) as { type: number }).type === 12);
    expect(
      verifyWebhookSignature(
        t.sim.app.appKey,
        t.sim.app.appSecret,
        first?.body ?? '',
        String(first?.headers.authorization),
      ),
    ).toBe(true);
    // A full refund completes the delivered order (TikTok's Get Order Detail: order status).
    expect((await orderOf(us, order.id)).status).toBe('COMPLETED');
  });

  it('an idempotency key replays the same answer without a change and refuses another request', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'REFUND' });
    await approve(us, created.returnId, { decision: 'APPROVE_REFUND' }, 'key-1');
    const before = (await events(created.returnId)).length;
    const again = await approve(us, created.returnId, { decision: 'APPROVE_REFUND' }, 'key-1');
    expect(again.json.code).toBe(0);
    expect(await events(created.returnId)).toHaveLength(before);
    // Without the key the same call is refused: the request is no longer pending.
    expect((await approve(us, created.returnId, { decision: 'APPROVE_REFUND' })).json.code).toBe(25011012);
    const other = await approve(us, created.returnId, { decision: 'OFFER_PARTIAL_REFUND' }, 'key-1');
    expect(other.status).toBe(400);
    expect(other.json).toMatchObject({ code: 36009004, data: null });
    expect(other.json.message).toContain('idempotency_key');
  });

  it('a return and refund goes approved → buyer ships with tracking → parcel received → seller confirms → refunded with shipping and discounts', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, {
      returnType: 'RETURN_AND_REFUND',
      reason: 'ecom_order_delivered_refund_and_return_reason_defective',
      returnShippingFee: { payer: 'SELLER', amount: '7.50' },
    });
    const pending = await returnOf(us, created.returnId);
    expect(pending.seller_next_action_response[0]?.action).toBe('SELLER_RESPOND_RETURN');
    expect(pending.return_method).toBe('PLATFORM_SHIPPED');
    expect(pending.shipping_fee_amount).toEqual([
      {
        currency: 'USD',
        seller_paid_return_shipping_fee: '7.50',
        platform_paid_return_shipping_fee: '0.00',
        buyer_paid_return_shipping_fee: '0.00',
      },
    ]);
    // Approving the package before it was shipped back is refused.
    expect((await approve(us, created.returnId, { decision: 'APPROVE_RECEIVED_PACKAGE' })).json.code).toBe(
      25011013,
    );
    expect((await approve(us, created.returnId, { decision: 'APPROVE_REFUND' })).json.code).toBe(25020004);
    expect((await approve(us, created.returnId, { decision: 'APPROVE_RETURN' }, 'a-1')).json.code).toBe(0);
    expect((await returnOf(us, created.returnId)).return_status).toBe('AWAITING_BUYER_SHIP');

    t.sim.admin.advanceReturn(created.returnId, 'buyer-ship', { trackingNumber: '9400100000000000000001' });
    const shipped = await returnOf(us, created.returnId);
    expect(shipped).toMatchObject({
      return_status: 'BUYER_SHIPPED_ITEM',
      return_tracking_number: '9400100000000000000001',
    });
    expect(shipped.return_provider_name).toEqual(expect.any(String));
    expect(shipped.seller_next_action_response).toEqual([{ action: 'SELLER_RESPOND_RECEIVE_PACKAGE' }]);

    t.sim.admin.advanceReturn(created.returnId, 'receive');
    const received = await returnOf(us, created.returnId);
    expect(received.return_status).toBe('BUYER_SHIPPED_ITEM');
    expect(received.seller_next_action_response[0]?.deadline).toBe(
      Math.floor(t.clock.now() / 1000) + 48 * 3600,
    );
    expect(
      (await approve(us, created.returnId, { decision: 'APPROVE_RECEIVED_PACKAGE' }, 'a-2')).json.code,
    ).toBe(0);

    const done = await returnOf(us, created.returnId);
    expect(done.return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
    expect(await events(created.returnId)).toEqual([
      'RETURN_OR_REFUND_REQUEST_PENDING',
      'AWAITING_BUYER_SHIP',
      'BUYER_SHIPPED_ITEM',
      'RETURN_OR_REFUND_REQUEST_SUCCESS',
      'RETURN_OR_REFUND_REQUEST_COMPLETE',
    ]);
    // Every line of the order: the shipping fee and its tax come back, and the discounts of both funders.
    const o = await orderOf(us, order.id);
    const { refund_amount: refund } = done;
    expect(minor(refund.refund_subtotal)).toBe(o.line_items.reduce((s, l) => s + minor(l.sale_price), 0));
    expect(refund.refund_shipping_fee).toBe(o.payment.shipping_fee);
    expect(minor(refund.refund_total)).toBe(minor(o.payment.total_amount));
    expect(minor(refund.refund_total)).toBe(
      minor(refund.refund_subtotal) + minor(refund.refund_shipping_fee) + minor(refund.refund_tax),
    );
    expect(done.discount_amount[0]).toMatchObject({
      product_seller_discount: o.payment.seller_discount,
      product_platform_discount: o.payment.platform_discount,
    });
    expect(done.return_line_items.map((l) => minor(l.refund_amount.refund_total))).toEqual([
      lineTotal(o, 0),
      lineTotal(o, 1),
    ]);
  });

  it('partial returns: the shipping fee goes back with the last lines, and a shipping-only refund takes only it', async () => {
    const order = delivered(us);
    const [first, second] = order.line_items;
    const one = t.sim.admin.createReturn(order.id, { returnType: 'REFUND', lineItemIds: [first?.id ?? ''] });
    expect(one.refund.refund_shipping_fee).toBe('0.00');
    expect(minor(one.refund.refund_total)).toBe(lineTotal(order, 0));
    expect(() => t.sim.admin.createReturn(order.id, { lineItemIds: [first?.id ?? ''] })).toThrow(
      /already in a return/,
    );
    const two = t.sim.admin.createReturn(order.id, { returnType: 'REFUND', lineItemIds: [second?.id ?? ''] });
    expect(two.refund.refund_shipping_fee).toBe(order.payment.shipping_fee);
    expect(() => t.sim.admin.createReturn(order.id, { returnType: 'REFUND', shippingOnly: true })).toThrow(
      /already refunded/,
    );

    const other = delivered(us);
    const shippingOnly = t.sim.admin.createReturn(other.id, { returnType: 'REFUND', shippingOnly: true });
    expect(shippingOnly.lineItemIds).toEqual([]);
    expect(shippingOnly.refund).toMatchObject({
      refund_subtotal: '0.00',
      refund_shipping_fee: other.payment.shipping_fee,
    });
    const later = t.sim.admin.createReturn(other.id, { returnType: 'REFUND' });
    expect(later.refund.refund_shipping_fee).toBe('0.00');
  });

  it('rejecting takes only the reasons Get Reject Reasons lists for the decision', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'RETURN_AND_REFUND' });
    const listed = await api(us, {
      path: '/return_refund/202309/reject_reasons',
      query: { return_or_cancel_id: created.returnId },
    });
    const names = (listed.json.data as { reasons: { name: string; text: string }[] }).reasons.map(
      (r) => r.name,
    );
    expect(names).toContain('reverse_reject_request_reason_4');
    expect(names).not.toContain('reverse_reject_request_reason_5');

    const base = { decision: 'REJECT_RETURN' };
    expect((await reject(us, created.returnId, base)).json.code).toBe(25001001);
    expect((await reject(us, created.returnId, { ...base, reject_reason: 'because' })).json.code).toBe(
      25001014,
    );
    expect(
      (await reject(us, created.returnId, { ...base, reject_reason: 'reverse_reject_request_reason_5' })).json
        .code,
    ).toBe(25001020);
    expect(
      (
        await reject(us, created.returnId, {
          ...base,
          reject_reason: 'reverse_reject_return_parcel_reason_1',
        })
      ).json.code,
    ).toBe(25001016);
    expect(
      (
        await reject(us, created.returnId, {
          decision: 'REJECT_REFUND',
          reject_reason: 'reverse_reject_request_reason_4',
        })
      ).json.code,
    ).toBe(25020004);
    expect(
      (
        await reject(us, created.returnId, {
          decision: 'REJECT_RECEIVED_PACKAGE',
          reject_reason: 'reverse_reject_return_parcel_reason_1',
        })
      ).json.code,
    ).toBe(25020012);
    const ok = await reject(us, created.returnId, {
      ...base,
      reject_reason: 'reverse_reject_request_reason_4',
      comment: 'On its way',
      images: [{ image_id: 'tos-maliva-i-o3syd03w52-us/abc' }],
    });
    expect(ok.json.code).toBe(0);
    const rejected = await returnOf(us, created.returnId);
    expect(rejected.return_status).toBe('REFUND_OR_RETURN_REQUEST_REJECT');
    expect(rejected.seller_next_action_response).toEqual([]);
    expect((await approve(us, created.returnId, { decision: 'APPROVE_RETURN' })).json.code).toBe(25011012);

    const records = await api(us, { path: `/return_refund/202309/returns/${created.returnId}/records` });
    expect(
      (records.json.data as { records: { role: string; reason_text: string; note: string }[] }).records,
    ).toEqual([
      expect.objectContaining({ role: 'BUYER' }),
      expect.objectContaining({
        role: 'SELLER',
        reason_text: 'Product delivery is on schedule',
        note: 'On its way',
      }),
    ]);
  });

  it('a rejection escalated to arbitration blocks the seller until TikTok decides for the buyer', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'REFUND' });
    await reject(us, created.returnId, {
      decision: 'REJECT_REFUND',
      reject_reason: 'reverse_reject_request_reason_5',
    });
    t.sim.admin.advanceReturn(created.returnId, 'escalate');
    expect((await search(us, { arbitration_status: ['IN_PROGRESS'] })).map((r) => r.return_id)).toEqual([
      created.returnId,
    ]);
    expect((await approve(us, created.returnId, { decision: 'APPROVE_REFUND' })).json.code).toBe(25011010);
    t.sim.admin.advanceReturn(created.returnId, 'support-buyer');
    const done = await returnOf(us, created.returnId);
    expect(done).toMatchObject({
      return_status: 'RETURN_OR_REFUND_REQUEST_COMPLETE',
      arbitration_status: 'SUPPORT_BUYER',
    });

    const second = delivered(us);
    const kept = t.sim.admin.createReturn(second.id, { returnType: 'REFUND' });
    await reject(us, kept.returnId, {
      decision: 'REJECT_REFUND',
      reject_reason: 'reverse_reject_request_reason_5',
    });
    t.sim.admin.advanceReturn(kept.returnId, 'escalate');
    t.sim.admin.advanceReturn(kept.returnId, 'support-seller');
    expect(await returnOf(us, kept.returnId)).toMatchObject({
      return_status: 'REFUND_OR_RETURN_REQUEST_REJECT',
      arbitration_status: 'SUPPORT_SELLER',
    });
  });

  it('the returned package can be rejected with a parcel reason', async () => {
    const order = delivered(gb);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'RETURN_AND_REFUND' });
    await approve(gb, created.returnId, { decision: 'APPROVE_RETURN' });
    t.sim.admin.advanceReturn(created.returnId, 'buyer-ship');
    const listed = await api(gb, {
      path: '/return_refund/202309/reject_reasons',
      query: { return_or_cancel_id: created.returnId },
    });
    expect((listed.json.data as { reasons: { name: string }[] }).reasons[0]?.name).toBe(
      'reverse_reject_return_parcel_reason_1_uk',
    );
    const result = await reject(gb, created.returnId, {
      decision: 'REJECT_RECEIVED_PACKAGE',
      reject_reason: 'reverse_reject_return_parcel_reason_5_uk',
    });
    expect(result.json.code).toBe(0);
    expect((await returnOf(gb, created.returnId)).return_status).toBe('REJECT_RECEIVE_PACKAGE');
  });

  it('deadlines: TikTok approves an unanswered request, closes one the buyer never ships, and confirms an uninspected parcel', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'RETURN_AND_REFUND' });
    await t.sim.admin.advanceClock(48 * HOUR);
    expect((await returnOf(us, created.returnId)).return_status).toBe('AWAITING_BUYER_SHIP');
    // The seller's answer after the deadline meets a request TikTok already answered.
    expect((await approve(us, created.returnId, { decision: 'APPROVE_RETURN' })).json.code).toBe(25011012);
    expect(
      (
        await reject(us, created.returnId, {
          decision: 'REJECT_RETURN',
          reject_reason: 'reverse_reject_request_reason_4',
        })
      ).json.code,
    ).toBe(25020010);
    await t.sim.admin.advanceClock(168 * HOUR);
    expect((await returnOf(us, created.returnId)).return_status).toBe('RETURN_OR_REFUND_REQUEST_CANCEL');
    expect(t.sim.admin.getReturn(created.returnId).records.at(-1)?.role).toBe('SYSTEM');

    const second = delivered(us);
    const other = t.sim.admin.createReturn(second.id, { returnType: 'RETURN_AND_REFUND' });
    await approve(us, other.returnId, { decision: 'APPROVE_RETURN' });
    t.sim.admin.advanceReturn(other.returnId, 'buyer-ship');
    await t.sim.admin.advanceClock(400 * HOUR);
    expect((await returnOf(us, other.returnId)).return_status).toBe('BUYER_SHIPPED_ITEM');
    t.sim.admin.advanceReturn(other.returnId, 'receive');
    await t.sim.admin.advanceClock(48 * HOUR);
    expect((await returnOf(us, other.returnId)).return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
  });

  it('a replacement becomes a new paid order marked is_replacement_order, or is refunded instead', async () => {
    const order = delivered(us, [
      { sellerSku: 'TS-HOODIE-BLK-M', quantity: 1 },
      { sellerSku: 'TS-TOTE-NAT', quantity: 1 },
    ]);
    const hoodie = order.line_items.find((l) => l.seller_sku === 'TS-HOODIE-BLK-M');
    const created = t.sim.admin.createReturn(order.id, {
      returnType: 'REPLACEMENT',
      lineItemIds: [hoodie?.id ?? ''],
    });
    const pending = await returnOf(us, created.returnId);
    expect(pending.return_status).toBe('REPLACEMENT_REQUEST_PENDING');
    expect(pending.seller_next_action_response[0]?.action).toBe('SELLER_RESPOND_REPLACEMENT');
    expect((await approve(us, created.returnId, { decision: 'APPROVE_RETURN' })).json.code).toBe(25020004);
    expect((await approve(us, created.returnId, { decision: 'APPROVE_REPLACEMENT' })).json.code).toBe(0);
    expect((await returnOf(us, created.returnId)).return_status).toBe('REPLACEMENT_REQUEST_COMPLETE');
    const replacementId = t.sim.admin.getReturn(created.returnId).replacementOrderId ?? '';
    const replacement = await orderOf(us, replacementId);
    expect(replacement).toMatchObject({
      status: 'AWAITING_SHIPMENT',
      is_replacement_order: true,
      replaced_order_id: order.id,
      user_id: order.user_id,
    });
    expect(replacement.line_items.map((l) => l.seller_sku)).toEqual(['TS-HOODIE-BLK-M']);
    expect(await events(created.returnId)).toEqual([
      'REPLACEMENT_REQUEST_PENDING',
      'REPLACEMENT_REQUEST_COMPLETE',
    ]);

    const other = delivered(us);
    const refunded = t.sim.admin.createReturn(other.id, { returnType: 'REPLACEMENT' });
    expect((await approve(us, refunded.returnId, { decision: 'ISSUE_REPLACEMENT_REFUND' })).json.code).toBe(
      0,
    );
    expect((await returnOf(us, refunded.returnId)).return_status).toBe('REPLACEMENT_REQUEST_REFUND_SUCCESS');
    const cancelled = t.sim.admin.createReturn(delivered(us).id, { returnType: 'REPLACEMENT' });
    t.sim.admin.advanceReturn(cancelled.returnId, 'cancel');
    expect((await returnOf(us, cancelled.returnId)).return_status).toBe('REPLACEMENT_REQUEST_CANCEL');
    expect((await approve(us, cancelled.returnId, { decision: 'APPROVE_REPLACEMENT' })).json.code).toBe(
      25020009,
    );
  });

  it('a partial refund offer waits for the buyer, who may decline it, and refunds only the amount once accepted', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'REFUND' });
    const full = created.refund.refund_total;
    const offer = (amount: string) =>
      approve(us, created.returnId, {
        decision: 'OFFER_PARTIAL_REFUND',
        partial_refund: { currency: 'USD', amount },
      });
    expect((await offer(full)).json.code).toBe(25001001);
    expect((await offer('0')).json.code).toBe(25001001);
    expect((await offer('5.00')).json.code).toBe(0);
    expect(await returnOf(us, created.returnId)).toMatchObject({
      return_status: 'AWAITING_BUYER_RESPONSE',
      seller_proposed_return_type: 'PARTIAL_REFUND',
      partial_refund: { currency: 'USD', amount: '5.00' },
      buyer_rejected_partial_refund: false,
    });
    expect((await search(us, { seller_proposed_return_type: ['PARTIAL_REFUND'] })).length).toBe(1);
    expect((await approve(us, created.returnId, { decision: 'APPROVE_REFUND' })).json.code).toBe(25011032);
    t.sim.admin.advanceReturn(created.returnId, 'decline-partial-refund');
    expect(await returnOf(us, created.returnId)).toMatchObject({
      return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
      buyer_rejected_partial_refund: true,
    });
    await offer('6.00');
    t.sim.admin.advanceReturn(created.returnId, 'accept-partial-refund');
    const done = await returnOf(us, created.returnId);
    expect(done.return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
    expect(done.refund_amount.refund_total).toBe('6.00');
    expect(minor(done.refund_amount.refund_subtotal) + minor(done.refund_amount.refund_tax)).toBe(600);
    expect(done.return_line_items.reduce((s, l) => s + minor(l.refund_amount.refund_total), 0)).toBe(600);
    // A partial refund does not complete the order.
    expect((await orderOf(us, order.id)).status).toBe('DELIVERED');
  });

  it('refuses what TikTok refuses: another shop, unknown ids, an order not shipped, a reason of another status', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'REFUND' });
    expect((await approve(gb, created.returnId, { decision: 'APPROVE_REFUND' })).json.code).toBe(25020005);
    expect((await approve(us, '4036000000000000000', { decision: 'APPROVE_REFUND' })).json.code).toBe(
      25007006,
    );
    expect((await approve(us, created.returnId, { decision: 'APPROVE' })).json.code).toBe(25001001);
    expect(
      (await approve(us, created.returnId, { decision: 'APPROVE_REFUND', buyer_keep_item: true })).json.code,
    ).toBe(25001001);
    const missing = await api(us, { path: '/return_refund/202309/reject_reasons' });
    expect(missing.json.code).toBe(36009004);
    const unshipped = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'AWAITING_SHIPMENT' });
    expect(() => t.sim.admin.createReturn(unshipped.id)).toThrow(/only once shipped/);
    const inTransit = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'IN_TRANSIT' });
    expect(() =>
      t.sim.admin.createReturn(inTransit.id, {
        returnType: 'REFUND',
        reason: 'ecom_order_delivered_refund_reason_damaged',
      }),
    ).toThrow(/ecom_order_shipped_refund_reason_not_arrive_on_time/);
    expect(t.sim.admin.createReturn(inTransit.id, { returnType: 'REFUND' }).returnReason).toBe(
      'ecom_order_shipped_refund_reason_not_arrive_on_time',
    );
  });

  it('a returnless refund (buyer_keep_item) refunds without shipping back, and the refund can complete later', async () => {
    await t.sim.stop();
    await receiver.close();
    receiver = await startReceiver();
    t = await startTestSim({ webhookUrl: receiver.url, returnRefundSeconds: 3 * 86_400 });
    token = (await authorizeOverHttp(t)).access_token;
    [us] = shopRefs(t) as [ShopRef];
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'RETURN_AND_REFUND' });
    expect(
      (await approve(us, created.returnId, { decision: 'APPROVE_RETURN', buyer_keep_item: true })).json.code,
    ).toBe(0);
    expect(await returnOf(us, created.returnId)).toMatchObject({
      return_status: 'RETURN_OR_REFUND_REQUEST_SUCCESS',
      can_buyer_keep_item: true,
    });
    t.sim.admin.advanceReturn(created.returnId, 'complete-refund');
    expect((await returnOf(us, created.returnId)).return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');

    const second = t.sim.admin.createReturn(delivered(us).id, { returnType: 'REFUND' });
    await approve(us, second.returnId, { decision: 'APPROVE_REFUND' });
    await t.sim.admin.advanceClock(3 * 86_400_000);
    expect((await returnOf(us, second.returnId)).return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
  });

  it('under chaos (429 on the first answer, duplicated webhooks) a retried approval with its key refunds once', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'REFUND' });
    t.sim.admin.setFaults({ rate429: 1, duplicateWebhookRate: 1 });
    const throttled = await approve(us, created.returnId, { decision: 'APPROVE_REFUND' }, 'retry-key');
    expect(throttled.status).toBe(429);
    t.sim.admin.setFaults({ rate429: 0 });
    expect((await approve(us, created.returnId, { decision: 'APPROVE_REFUND' }, 'retry-key')).json.code).toBe(
      0,
    );
    expect((await approve(us, created.returnId, { decision: 'APPROVE_REFUND' }, 'retry-key')).json.code).toBe(
      0,
    );
    const statuses = await events(created.returnId);
    expect(statuses.filter((s) => s === 'RETURN_OR_REFUND_REQUEST_COMPLETE')).toHaveLength(2);
    const ids = receiver.received
      .map(
        (r) =>
          JSON.parse(r.body) as {
            type: number;
            tts_notification_id: string;
            data: { return_status: string };
          },
      )
      .filter((n) => n.type === 12 && n.data.return_status === 'RETURN_OR_REFUND_REQUEST_COMPLETE')
      .map((n) => n.tts_notification_id);
    expect(new Set(ids).size).toBe(1);
  });

  it('Create Return: the seller opens a refund for the buyer with a seller reason, optionally for less, then approves it', async () => {
    const inTransit = t.sim.admin.createOrder({
      shopId: us.id,
      skus: [{ sellerSku: 'TS-TEE-WHT-S', quantity: 2 }],
      advanceTo: 'IN_TRANSIT',
    });
    const skuId = inTransit.line_items[0]?.sku_id ?? '';
    const create = (body: Record<string, unknown>) =>
      api(us, { method: 'POST', path: '/return_refund/202309/returns', body });
    const base = { order_id: inTransit.id, return_type: 'REFUND' };
    expect((await create({ ...base })).json.code).toBe(25001001);
    expect((await create({ ...base, return_reason: 'because' })).json.code).toBe(25001014);
    expect(
      (await create({ ...base, return_reason: 'ecom_order_shipped_refund_reason_not_arrive_on_time' })).json
        .code,
    ).toBe(25001015);
    expect(
      (await create({ ...base, return_reason: 'ecom_order_delivered_refund_reason_damaged_seller' })).json
        .code,
    ).toBe(25001021);
    const reason = 'seller_shipped_refund_package_lost';
    expect(
      (await create({ ...base, return_reason: reason, skus: [{ sku_id: skuId, quantity: 3 }] })).json.code,
    ).toBe(25005011);
    expect((await create({ ...base, return_reason: reason, refund_total: '9999.00' })).json.code).toBe(
      25005005,
    );

    const calculated = await api(us, {
      method: 'POST',
      path: '/return_refund/202309/refunds/calculate',
      body: {
        order_id: inTransit.id,
        request_type: 'REFUND',
        reason_name: reason,
        skus: [{ sku_id: skuId, quantity: 1 }],
      },
    });
    const refundable = (calculated.json.data as { order_refund_amount: Money }).order_refund_amount;
    expect(minor(refundable.refund_total)).toBe(lineTotal(inTransit, 0));

    const created = await create({
      ...base,
      return_reason: reason,
      skus: [{ sku_id: skuId, quantity: 1 }],
      refund_total: '3.00',
    });
    expect(created.json).toMatchObject({
      code: 0,
      data: { return_status: 'RETURN_OR_REFUND_REQUEST_PENDING' },
    });
    const returnId = (created.json.data as { return_id: string }).return_id;
    const pending = await returnOf(us, returnId);
    expect(pending).toMatchObject({
      role: 'SELLER',
      return_reason: reason,
      return_reason_text: 'Package lost',
    });
    expect(pending.refund_amount.refund_total).toBe('3.00');
    expect(pending.return_line_items).toHaveLength(1);
    // The same line cannot be asked for twice.
    expect(
      (
        await create({
          ...base,
          return_reason: reason,
          order_line_item_ids: [pending.return_line_items[0]?.order_line_item_id],
        })
      ).json.code,
    ).toBe(25001011);
    expect((await approve(us, returnId, { decision: 'APPROVE_REFUND' })).json.code).toBe(0);
    expect((await returnOf(us, returnId)).return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
    expect(await events(returnId)).toEqual([
      'RETURN_OR_REFUND_REQUEST_PENDING',
      'RETURN_OR_REFUND_REQUEST_SUCCESS',
      'RETURN_OR_REFUND_REQUEST_COMPLETE',
    ]);
    const completed = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'COMPLETED' });
    expect(
      (await create({ order_id: completed.id, return_type: 'REFUND', return_reason: reason })).json.code,
    ).toBe(25001051);
  });

  it('the seller may answer in Seller Center instead: only the webhook and Search Returns tell the connector', async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'RETURN_AND_REFUND' });
    expect(() =>
      t.sim.admin.answerReturnInSellerCenter(created.returnId, {
        decision: 'REJECT_RETURN',
        rejectReason: 'nope',
      }),
    ).toThrow(/25001014/);
    const answered = t.sim.admin.answerReturnInSellerCenter(created.returnId, { decision: 'APPROVE_RETURN' });
    expect(answered.returnStatus).toBe('AWAITING_BUYER_SHIP');
    expect(await events(created.returnId)).toEqual([
      'RETURN_OR_REFUND_REQUEST_PENDING',
      'AWAITING_BUYER_SHIP',
    ]);
    expect(
      t.sim.admin.counters().apiCalls['POST /return_refund/202309/returns/{return_id}/approve'],
    ).toBeUndefined();
  });

  it('chaos runs: random returns of every type on delivered orders, buyers and carriers on autopilot', async () => {
    const orders = Array.from({ length: 30 }, () => delivered(us));
    t.sim.admin.setReturnAutopilot({ shipAfterHours: 24, deliverAfterHours: 48 });
    const opened = t.sim.admin.openRandomReturns({ shopId: us.id, rate: 0.5 });
    expect(opened.length).toBeGreaterThan(5);
    expect(opened.length).toBeLessThan(25);
    expect(new Set(opened.map((r) => r.returnType))).toEqual(
      new Set(['REFUND', 'RETURN_AND_REFUND', 'REPLACEMENT']),
    );
    expect(new Set(opened.map((r) => r.orderId)).size).toBe(opened.length);
    expect(opened.every((r) => orders.some((o) => o.id === r.orderId))).toBe(true);
    // A second draw leaves orders that already have a request alone.
    const again = t.sim.admin.openRandomReturns({ shopId: us.id, rate: 1 });
    expect(again.length).toBe(orders.length - opened.length);

    const returnsOnly = opened.filter((r) => r.returnType === 'RETURN_AND_REFUND');
    for (const r of returnsOnly)
      await approve(us, r.returnId, { decision: 'APPROVE_RETURN' }, `k-${r.returnId}`);
    await t.sim.admin.advanceClock(24 * HOUR);
    for (const r of returnsOnly) {
      const view = await returnOf(us, r.returnId);
      expect(view.return_status).toBe('BUYER_SHIPPED_ITEM');
      expect(view.return_tracking_number).toEqual(expect.any(String));
    }
    await t.sim.admin.advanceClock(48 * HOUR);
    for (const r of returnsOnly) expect(t.sim.admin.getReturn(r.returnId).parcelDeliveredAt).toBeDefined();
    await t.sim.admin.advanceClock(48 * HOUR);
    for (const r of returnsOnly)
      expect((await returnOf(us, r.returnId)).return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
    expect(() => t.sim.admin.setReturnAutopilot({ shipAfterHours: -1 })).toThrow(/shipAfterHours/);
  });

  it('Get Aftersale Eligibility says per SKU what may be cancelled, refunded or returned now, and by whom', async () => {
    const eligibility = async (orderId: string, user?: string) => {
      const result = await api(us, {
        path: `/return_refund/202309/orders/${orderId}/aftersale_eligibility`,
        query: user === undefined ? {} : { initiate_aftersale_user: user },
      });
      expect(result.json.code).toBe(0);
      const data = result.json.data as {
        sku_eligibility: {
          line_item_eligibility: { request_type: string; eligible: boolean; ineligible_code?: number }[];
        }[];
      };
      return Object.fromEntries(
        (data.sku_eligibility[0]?.line_item_eligibility ?? []).map((e) => [
          e.request_type,
          e.eligible ? 'yes' : e.ineligible_code,
        ]),
      );
    };
    const waiting = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'AWAITING_SHIPMENT' });
    expect(await eligibility(waiting.id)).toEqual({
      CANCEL: 'yes',
      REFUND: 25001001,
      RETURN_AND_REFUND: 25001001,
    });
    const inTransit = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'IN_TRANSIT' });
    // US: a buyer may ask for a refund in transit, the seller may refund (package lost) but not open a return.
    expect(await eligibility(inTransit.id, 'BUYER')).toEqual({
      CANCEL: 25001001,
      REFUND: 'yes',
      RETURN_AND_REFUND: 'yes',
    });
    expect(await eligibility(inTransit.id)).toEqual({
      CANCEL: 25001001,
      REFUND: 'yes',
      RETURN_AND_REFUND: 25001001,
    });
    const order = delivered(us, [{ sellerSku: 'TS-TOTE-NAT', quantity: 1 }]);
    t.sim.admin.createReturn(order.id, { returnType: 'REFUND' });
    expect((await eligibility(order.id, 'BUYER')).REFUND).toBe(25001011);
    const bad = await api(us, {
      path: `/return_refund/202309/orders/${order.id}/aftersale_eligibility`,
      query: { initiate_aftersale_user: 'OPERATOR' },
    });
    expect(bad.json.code).toBe(36009004);
    const unknown = await api(us, {
      path: '/return_refund/202309/orders/576000000000000000/aftersale_eligibility',
    });
    expect(unknown.json.code).toBe(25007006);
  });

  it("reordered webhooks: the refund's COMPLETE may arrive before its SUCCESS; Search Returns holds the truth", async () => {
    const order = delivered(us);
    const created = t.sim.admin.createReturn(order.id, { returnType: 'REFUND' });
    await t.sim.tick();
    t.sim.admin.setFaults({ reorderWebhooks: true });
    await approve(us, created.returnId, { decision: 'APPROVE_REFUND' });
    expect(await events(created.returnId)).toEqual([
      'RETURN_OR_REFUND_REQUEST_PENDING',
      'RETURN_OR_REFUND_REQUEST_COMPLETE',
      'RETURN_OR_REFUND_REQUEST_SUCCESS',
    ]);
    expect((await returnOf(us, created.returnId)).return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
  });
});
