import { authorizeOverHttp, call, startTestSim, type TestSim } from './helpers';

interface ShopRef {
  id: string;
  cipher: string;
}

describe('external order references and seller cancel rules (reference §6.1, §6.7)', () => {
  let t: TestSim;
  let token: string;
  let us: ShopRef;
  let gb: ShopRef;
  let my: ShopRef;

  beforeEach(async () => {
    t = await startTestSim({ seed: { shops: [{ region: 'US' }, { region: 'GB' }, { region: 'MY' }] } });
    token = (await authorizeOverHttp(t)).access_token;
    const [a, b, c] = t.sim.admin.shops();
    us = { id: a?.id ?? '', cipher: a?.cipher ?? '' };
    gb = { id: b?.id ?? '', cipher: b?.cipher ?? '' };
    my = { id: c?.id ?? '', cipher: c?.cipher ?? '' };
  });
  afterEach(() => t.sim.stop());

  const addRefs = (shop: ShopRef, body: unknown) =>
    call(t, {
      method: 'POST',
      path: '/order/202406/orders/external_orders',
      body,
      token,
      cipher: shop.cipher,
    });
  const getRefs = (shop: ShopRef, orderId: string, query: Record<string, string> = {}) =>
    call(t, { path: `/order/202406/orders/${orderId}/external_orders`, query, token, cipher: shop.cipher });

  it('adds, reads, replaces and searches a reference; adding it again changes nothing', async () => {
    const order = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'AWAITING_SHIPMENT' });
    const lineId = order.line_items[0]?.id ?? '';
    const ref = { id: 'SO1042', platform: 'NETSUITE', line_items: [{ id: '1', origin_id: lineId }] };
    for (let i = 0; i < 2; i += 1) {
      const added = await addRefs(us, { orders: [{ id: order.id, external_order: ref }] });
      expect(added.json).toMatchObject({ code: 0, data: {} });
    }
    expect((await getRefs(us, order.id)).json.data).toEqual({ external_orders: [ref] });
    expect((await getRefs(us, order.id, { platform: 'SHOPIFY' })).json.data).toEqual({ external_orders: [] });

    await addRefs(us, { orders: [{ id: order.id, external_order: { id: 'SO1043', platform: 'NETSUITE' } }] });
    expect((await getRefs(us, order.id)).json.data).toEqual({
      external_orders: [{ id: 'SO1043', platform: 'NETSUITE', line_items: [] }],
    });
    const search = await call(t, {
      method: 'POST',
      path: '/order/202406/orders/external_order_search',
      query: { platform: 'NETSUITE', external_order_id: 'SO1043' },
      body: {},
      token,
      cipher: us.cipher,
    });
    expect(search.json.data).toEqual({
      orders: [{ id: order.id, external_order: { id: 'SO1043', platform: 'NETSUITE', line_items: [] } }],
    });
  });

  it('reports orders of another shop and unknown line items per order, and refuses malformed bodies', async () => {
    const mine = t.sim.admin.createOrder({ shopId: us.id });
    const theirs = t.sim.admin.createOrder({ shopId: gb.id });
    const result = await addRefs(us, {
      orders: [
        { id: theirs.id, external_order: { id: 'A', platform: 'NETSUITE' } },
        {
          id: mine.id,
          external_order: { id: 'B', platform: 'NETSUITE', line_items: [{ id: '1', origin_id: '99' }] },
        },
      ],
    });
    expect(result.json.code).toBe(0);
    const errors = (result.json.data as { errors: { code: number; detail: { order_id: string } }[] }).errors;
    expect(errors.map((e) => [e.code, e.detail.order_id])).toEqual([
      [21008111, theirs.id],
      [36009004, mine.id],
    ]);
    expect(t.sim.state.externalOrders.size).toBe(0);

    const bad = await addRefs(us, {
      orders: [{ id: mine.id, external_order: { id: 'B', platform: 'netsuite' } }],
    });
    expect([bad.status, bad.json.code]).toEqual([400, 36009004]);
    expect(bad.json.message).toContain('platform');
    expect((await addRefs(us, { orders: [] })).json.code).toBe(36009004);
    expect((await getRefs(us, theirs.id)).json.code).toBe(21008111);
  });

  const twoLineOrder = (shop: ShopRef, advanceTo: 'AWAITING_SHIPMENT' | 'AWAITING_COLLECTION') => {
    const sellerSku = t.sim.state.productsOf(shop.id)[0]?.skus[0]?.sellerSku ?? '';
    return t.sim.admin.createOrder({ shopId: shop.id, skus: [{ sellerSku, quantity: 2 }], advanceTo });
  };
  const cancel = (shop: ShopRef, body: Record<string, unknown>) =>
    call(t, {
      method: 'POST',
      path: '/return_refund/202309/cancellations',
      body,
      token,
      cipher: shop.cipher,
    });

  it('allows item-level seller cancel only in the US and UK', async () => {
    for (const [shop, code] of [
      [us, 0],
      [gb, 0],
      [my, 25005010],
    ] as const) {
      const order = twoLineOrder(shop, 'AWAITING_SHIPMENT');
      const line = order.line_items[0]?.id ?? '';
      const result = await cancel(shop, {
        order_id: order.id,
        cancel_reason: 'out_of_stock',
        order_line_item_ids: [line],
      });
      expect(result.json.code).toBe(code);
      expect(t.sim.admin.getOrder(order.id).status).toBe('AWAITING_SHIPMENT');
    }
  });

  it('allows seller cancel while awaiting collection only in the US', async () => {
    const usOrder = twoLineOrder(us, 'AWAITING_COLLECTION');
    expect((await cancel(us, { order_id: usOrder.id, cancel_reason: 'out_of_stock' })).json.code).toBe(0);
    expect(t.sim.admin.getOrder(usOrder.id).status).toBe('CANCELLED');
    const gbOrder = twoLineOrder(gb, 'AWAITING_COLLECTION');
    expect((await cancel(gb, { order_id: gbOrder.id, cancel_reason: 'out_of_stock' })).json.code).toBe(
      25001045,
    );
  });
});
