import {
  authorizeOverHttp,
  call,
  startTestSim,
  type CallOptions,
  type TestSim,
  type ShopRef,
} from './helpers';

describe('external order references and seller cancel rules (TikTok’s order and cancellation APIs)', () => {
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
    const ref = { id: 'SO1042', platform: 'ERP_SYSTEM', line_items: [{ id: '1', origin_id: lineId }] };
    for (let i = 0; i < 2; i += 1) {
      const added = await addRefs(us, { orders: [{ id: order.id, external_order: ref }] });
      expect(added.json).toMatchObject({ code: 0, data: {} });
    }
    const erp = { platform: 'ERP_SYSTEM' };
    expect((await getRefs(us, order.id, erp)).json.data).toEqual({ external_orders: [ref] });
    expect((await getRefs(us, order.id, { platform: 'SHOPIFY' })).json.data).toEqual({ external_orders: [] });

    await addRefs(us, {
      orders: [{ id: order.id, external_order: { id: 'SO1043', platform: 'ERP_SYSTEM', line_items: [] } }],
    });
    expect((await getRefs(us, order.id, erp)).json.data).toEqual({
      external_orders: [{ id: 'SO1043', platform: 'ERP_SYSTEM', line_items: [] }],
    });
    const search = await call(t, {
      method: 'POST',
      path: '/order/202406/orders/external_order_search',
      query: { platform: 'ERP_SYSTEM', external_order_id: 'SO1043' },
      body: {},
      token,
      cipher: us.cipher,
    });
    expect(search.json.data).toEqual({
      orders: [{ id: order.id, external_order: { id: 'SO1043', platform: 'ERP_SYSTEM', line_items: [] } }],
    });
  });

  it('reports orders of another shop (string code 36020001) and unknown line items per order, and refuses malformed bodies', async () => {
    const mine = t.sim.admin.createOrder({ shopId: us.id });
    const theirs = t.sim.admin.createOrder({ shopId: gb.id });
    const result = await addRefs(us, {
      orders: [
        { id: theirs.id, external_order: { id: 'A', platform: 'ERP_SYSTEM', line_items: [] } },
        {
          id: mine.id,
          external_order: { id: 'B', platform: 'ERP_SYSTEM', line_items: [{ id: '1', origin_id: '99' }] },
        },
      ],
    });
    expect(result.json.code).toBe(0);
    const errors = (
      result.json.data as { errors: { code: unknown; message: string; detail: { order_id: string } }[] }
    ).errors;
    expect(errors.map((e) => [e.code, e.detail.order_id])).toEqual([
      ['36020001', theirs.id],
      ['36009004', mine.id],
    ]);
    expect(errors[0]?.message).toBe('Invalid order_id');
    expect(t.sim.state.externalOrders.size).toBe(0);

    expect((await addRefs(us, { orders: [] })).json.code).toBe(36009004);
    const noLines = await addRefs(us, {
      orders: [{ id: mine.id, external_order: { id: 'B', platform: 'ERP_SYSTEM' } }],
    });
    expect([noLines.status, noLines.json.code]).toEqual([400, 36009004]);
    expect(noLines.json.message).toContain('line_items is required');
    expect((await getRefs(us, theirs.id, { platform: 'ERP_SYSTEM' })).json.code).toBe(21008111);
  });

  it("refuses a platform outside TikTok's closed list (NETSUITE, lower case) and a read without platform", async () => {
    const order = t.sim.admin.createOrder({ shopId: us.id });
    for (const platform of ['NETSUITE', 'erp_system', 'ORACLE_NETSUITE']) {
      const bad = await addRefs(us, {
        orders: [{ id: order.id, external_order: { id: 'SO1', platform, line_items: [] } }],
      });
      expect([bad.status, bad.json.code, bad.json.data]).toEqual([400, 36009004, null]);
      expect(bad.json.message).toBe(
        'invalid param error: orders[0].external_order.platform must be one of SHOPIFY, WOOCOMMERCE, BIGCOMMERCE, MAGENTO, SALESFORCE_COMMERCE_CLOUD, CHANNEL_ADVISOR, AMAZON, ORDER_MANAGEMENT_SYSTEM, WAREHOUSE_MANAGEMENT_SYSTEM, ERP_SYSTEM',
      );
    }
    expect(t.sim.state.externalOrders.size).toBe(0);
    const unnamed = await getRefs(us, order.id);
    expect([unnamed.status, unnamed.json.code]).toEqual([400, 36009004]);
    const search = await call(t, {
      method: 'POST',
      path: '/order/202406/orders/external_order_search',
      query: { platform: 'NETSUITE', external_order_id: 'SO1' },
      body: {},
      token,
      cipher: us.cipher,
    });
    expect([search.status, search.json.code]).toEqual([400, 36009004]);
  });

  it('needs the external-reference scopes: seller.order.ext_ref.write to add, .read to get and search', async () => {
    const order = t.sim.admin.createOrder({ shopId: us.id });
    const body = {
      orders: [{ id: order.id, external_order: { id: 'SO1', platform: 'ERP_SYSTEM', line_items: [] } }],
    };
    t.sim.admin.configureApp({
      grantedScopes: ['seller.authorization.info', 'seller.order.info', 'seller.order.ext_ref.read'],
    });
    const readOnly = (await authorizeOverHttp(t, 'csrf-2')).access_token;
    const refused = await call(t, {
      method: 'POST',
      path: '/order/202406/orders/external_orders',
      body,
      token: readOnly,
      cipher: us.cipher,
    });
    expect([refused.status, refused.json.code]).toEqual([403, 105005]);
    expect(refused.json.message).toMatch(/^Access denied\./);
    expect(t.sim.state.externalOrders.size).toBe(0);
    const read = await call(t, {
      path: `/order/202406/orders/${order.id}/external_orders`,
      query: { platform: 'ERP_SYSTEM' },
      token: readOnly,
      cipher: us.cipher,
    });
    expect(read.json.code).toBe(0);

    t.sim.admin.configureApp({ grantedScopes: ['seller.authorization.info', 'seller.order.info'] });
    const ordersOnly = (await authorizeOverHttp(t, 'csrf-3')).access_token;
    const requests: CallOptions[] = [
      { path: `/order/202406/orders/${order.id}/external_orders`, query: { platform: 'ERP_SYSTEM' } },
      {
        method: 'POST',
        path: '/order/202406/orders/external_order_search',
        query: { platform: 'ERP_SYSTEM', external_order_id: 'SO1' },
        body: {},
      },
      { method: 'POST', path: '/order/202406/orders/external_orders', body },
    ];
    for (const request of requests) {
      const result = await call(t, { ...request, token: ordersOnly, cipher: us.cipher });
      expect([result.status, result.json.code]).toEqual([403, 105005]);
    }
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
    for (const [shop, code, reason] of [
      [us, 0, 'seller_cancel_reason_out_of_stock'],
      [gb, 0, 'seller_cancel_reason_out_of_stock_uk'],
      [my, 25005010, 'seller_cancel_reason_out_of_stock'],
    ] as const) {
      const order = twoLineOrder(shop, 'AWAITING_SHIPMENT');
      const line = order.line_items[0]?.id ?? '';
      const result = await cancel(shop, {
        order_id: order.id,
        cancel_reason: reason,
        order_line_item_ids: [line],
      });
      expect(result.json.code).toBe(code);
      expect(t.sim.admin.getOrder(order.id).status).toBe('AWAITING_SHIPMENT');
    }
  });

  it('allows seller cancel while awaiting collection only in the US', async () => {
    const usOrder = twoLineOrder(us, 'AWAITING_COLLECTION');
    expect(
      (await cancel(us, { order_id: usOrder.id, cancel_reason: 'seller_cancel_reason_out_of_stock' })).json
        .code,
    ).toBe(0);
    expect(t.sim.admin.getOrder(usOrder.id).status).toBe('CANCELLED');
    const gbOrder = twoLineOrder(gb, 'AWAITING_COLLECTION');
    expect(
      (await cancel(gb, { order_id: gbOrder.id, cancel_reason: 'seller_cancel_reason_out_of_stock_uk' })).json
        .code,
    ).toBe(25001045);
  });
});
