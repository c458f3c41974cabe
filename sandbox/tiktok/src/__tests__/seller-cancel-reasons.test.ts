import { authorizeOverHttp, call, startTestSim, type TestSim, type ShopRef } from './helpers';

describe("seller cancel reasons by market and order status (TikTok's Cancel reasons page)", () => {
  let t: TestSim;
  let token: string;
  let us: ShopRef;
  let gb: ShopRef;
  let my: ShopRef;

  beforeAll(async () => {
    t = await startTestSim({ seed: { shops: [{ region: 'US' }, { region: 'GB' }, { region: 'MY' }] } });
    token = (await authorizeOverHttp(t)).access_token;
    const [a, b, c] = t.sim.admin.shops();
    us = { id: a?.id ?? '', cipher: a?.cipher ?? '' };
    gb = { id: b?.id ?? '', cipher: b?.cipher ?? '' };
    my = { id: c?.id ?? '', cipher: c?.cipher ?? '' };
  });
  afterAll(() => t.sim.stop());

  const cancel = (shop: ShopRef, orderId: string, reason: string) =>
    call(t, {
      method: 'POST',
      path: '/return_refund/202309/cancellations',
      body: { order_id: orderId, cancel_reason: reason },
      token,
      cipher: shop.cipher,
    });

  it('takes seller_cancel_unpaid_reason_* for an UNPAID order and refuses a paid reason with 25001021', async () => {
    const unpaid = t.sim.admin.createOrder({ shopId: us.id });
    const wrong = await cancel(us, unpaid.id, 'seller_cancel_reason_out_of_stock');
    expect([wrong.status, wrong.json]).toEqual([
      200,
      expect.objectContaining({ code: 25001021, message: 'Reason not match order status', data: null }),
    ]);
    expect(t.sim.admin.getOrder(unpaid.id).status).toBe('UNPAID');
    expect((await cancel(us, unpaid.id, 'seller_cancel_unpaid_reason_out_of_stock')).json.code).toBe(0);
    expect(t.sim.admin.getOrder(unpaid.id).status).toBe('CANCELLED');

    const paid = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'AWAITING_SHIPMENT' });
    expect((await cancel(us, paid.id, 'seller_cancel_unpaid_reason_wrong_price')).json.code).toBe(25001021);
    expect((await cancel(us, paid.id, 'seller_cancel_reason_wrong_price')).json.code).toBe(0);
  });

  it('takes only _uk reasons in a UK shop; another market code, free text or a snake-cased phrase is 25001014', async () => {
    const order = t.sim.admin.createOrder({ shopId: gb.id, advanceTo: 'AWAITING_SHIPMENT' });
    for (const reason of ['seller_cancel_reason_out_of_stock', 'Out of stock', 'out_of_stock', '']) {
      const refused = await cancel(gb, order.id, reason);
      expect(refused.json).toMatchObject(
        reason === ''
          ? { code: 25001001 }
          : {
              code: 25001014,
              message: 'Unknown return reason. Please ensure you are passing a valid return reason.',
            },
      );
    }
    expect((await cancel(gb, order.id, 'seller_cancel_unpaid_reason_out_of_stock_uk')).json.code).toBe(
      25001021,
    );
    expect((await cancel(gb, order.id, 'seller_cancel_reason_out_of_stock_uk')).json.code).toBe(0);
  });

  it('refuses a reason TikTok has taken offline in the market with 25001020', async () => {
    const order = t.sim.admin.createOrder({ shopId: my.id, advanceTo: 'AWAITING_SHIPMENT' });
    const offline = await cancel(my, order.id, 'seller_cancel_paid_reason_address_not_deliver');
    expect(offline.json).toMatchObject({
      code: 25001020,
      message: 'The provided return reason is currently offline. Please select a different return reason.',
    });
    expect((await cancel(my, order.id, 'seller_cancel_reason_out_of_stock')).json.code).toBe(0);
  });

  it("puts the reason's text on the order and its lines, the code and text on the cancellation", async () => {
    const order = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'AWAITING_SHIPMENT' });
    expect((await cancel(us, order.id, 'seller_cancel_reason_wrong_price')).json.code).toBe(0);
    const detail = await call(t, {
      path: '/order/202309/orders',
      query: { ids: order.id },
      token,
      cipher: us.cipher,
    });
    const [view] = (detail.json.data as { orders: Record<string, unknown>[] }).orders;
    expect(view).toMatchObject({
      status: 'CANCELLED',
      cancel_reason: 'Pricing error',
      cancellation_initiator: 'SELLER',
    });
    for (const line of view?.line_items as Record<string, unknown>[]) {
      expect(line).toMatchObject({
        display_status: 'CANCELLED',
        cancel_user: 'SELLER',
        cancel_reason: 'Pricing error',
      });
    }
    const search = await call(t, {
      method: 'POST',
      path: '/return_refund/202309/cancellations/search',
      body: { order_ids: [order.id] },
      token,
      cipher: us.cipher,
    });
    expect((search.json.data as { cancellations: unknown[] }).cancellations).toEqual([
      expect.objectContaining({
        cancel_type: 'CANCEL',
        role: 'SELLER',
        cancel_reason: 'seller_cancel_reason_wrong_price',
        cancel_reason_text: 'Pricing error',
      }),
    ]);
  });
});
