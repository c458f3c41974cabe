import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { authorizeOverHttp, call, startTestSim, type TestSim } from './helpers';

describe('fulfilment and cancellations (TikTok’s shipping provider, fulfillment and cancellation APIs)', () => {
  let t: TestSim;
  let token: string;
  let us: { id: string; cipher: string };
  let my: { id: string; cipher: string };
  let providerId: string;

  beforeEach(async () => {
    t = await startTestSim({ seed: { shops: [{ region: 'US' }, { region: 'MY' }] } });
    token = (await authorizeOverHttp(t)).access_token;
    const [a, b] = t.sim.admin.shops();
    us = { id: a?.id ?? '', cipher: a?.cipher ?? '' };
    my = { id: b?.id ?? '', cipher: b?.cipher ?? '' };
    const order = t.sim.admin.createOrder({ shopId: us.id });
    const options = await call(t, {
      path: `/logistics/202309/delivery_options/${order.delivery_option_id}/shipping_providers`,
      token,
      cipher: us.cipher,
    });
    providerId =
      (options.json.data as { shipping_providers: { id: string; name: string }[] }).shipping_providers[0]
        ?.id ?? '';
  });
  afterEach(() => t.sim.stop());

  const markShipped = (orderId: string, cipher: string, body: Record<string, unknown>) =>
    call(t, { method: 'POST', path: `/fulfillment/202309/orders/${orderId}/packages`, body, token, cipher });

  it('marks an order shipped in the US; a second time is refused (21011006)', async () => {
    const order = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'AWAITING_SHIPMENT' });
    const { json } = await markShipped(order.id, us.cipher, {
      tracking_number: '1Z999AA10123456784',
      shipping_provider_id: providerId,
    });
    expect(json.code).toBe(0);
    const data = json.data as { order_id: string; order_line_item_ids: string[]; package_id: string };
    expect(data.order_id).toBe(order.id);
    expect(data.order_line_item_ids.sort()).toEqual(order.line_items.map((l) => l.id).sort());
    // US: the package is made by the shipment (none before).
    expect(order.packages ?? []).toEqual([]);
    expect(data.package_id).toMatch(/^\d{19}$/);
    const after = t.sim.admin.getOrder(order.id);
    expect(after.packages).toEqual([{ id: data.package_id }]);
    expect(after.status).toBe('AWAITING_COLLECTION');
    expect(after.update_time).toBeGreaterThanOrEqual(order.update_time);
    expect(t.sim.admin.listPackages(us.id)).toEqual([
      expect.objectContaining({
        orderId: order.id,
        trackingNumber: '1Z999AA10123456784',
        method: 'MARK_AS_SHIPPED',
      }),
    ]);
    const again = await markShipped(order.id, us.cipher, {
      tracking_number: '1Z999AA10123456785',
      shipping_provider_id: providerId,
    });
    expect([again.json.code, again.json.message]).toEqual([21011006, 'These orders are already shipped.']);
  });

  it('refuses Mark Package As Shipped outside US/UK/ES/IE/IT/DE/FR/JP (21008106)', async () => {
    const order = t.sim.admin.createOrder({ shopId: my.id, advanceTo: 'AWAITING_SHIPMENT' });
    const { status, json } = await markShipped(order.id, my.cipher, {
      tracking_number: 'MY123456789',
      shipping_provider_id: providerId,
    });
    expect([status, json.code, json.message, json.data]).toEqual([
      200,
      21008106,
      'This interface cannot be used in this region.',
      null,
    ]);
  });

  it('refuses shipping an ON_HOLD order (21011044), missing fields, unknown providers and duplicate tracking numbers', async () => {
    const held = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'ON_HOLD' });
    expect(
      (
        await markShipped(held.id, us.cipher, {
          tracking_number: 'TRACK0001',
          shipping_provider_id: providerId,
        })
      ).json,
    ).toMatchObject({
      code: 21011044,
      message: 'Order status is on hold. Please process when order status update to awaiting shipment',
    });
    const ready = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'AWAITING_SHIPMENT' });
    // Another recipient than `other` below (one number may ship several orders of one recipient).
    t.sim.admin.updateRecipientAddress(ready.id);
    expect((await markShipped(ready.id, us.cipher, { tracking_number: 'TRACK0002' })).json.code).toBe(
      21001001,
    );
    expect(
      (await markShipped(ready.id, us.cipher, { tracking_number: 'TRACK0002', shipping_provider_id: '1' }))
        .json.code,
    ).toBe(21011022);
    const other = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'AWAITING_SHIPMENT' });
    expect(
      (
        await markShipped(other.id, us.cipher, {
          tracking_number: 'TRACK0003',
          shipping_provider_id: providerId,
        })
      ).json.code,
    ).toBe(0);
    expect(
      (
        await markShipped(ready.id, us.cipher, {
          tracking_number: 'TRACK0003',
          shipping_provider_id: providerId,
        })
      ).json.code,
    ).toBe(21011025);
  });

  it('partial shipment moves the order to PARTIALLY_SHIPPING with a new package', async () => {
    const order = t.sim.admin.createOrder({
      shopId: us.id,
      skus: [{ sellerSku: 'TS-TEE-WHT-M', quantity: 2 }],
      advanceTo: 'AWAITING_SHIPMENT',
    });
    const first = order.line_items[0]?.id ?? '';
    const { json } = await markShipped(order.id, us.cipher, {
      tracking_number: 'PART0001',
      shipping_provider_id: providerId,
      order_line_item_ids: [first],
    });
    expect(json.code).toBe(0);
    expect((json.data as { package_id: string }).package_id).not.toBe(order.packages?.[0]?.id);
    expect(t.sim.admin.getOrder(order.id).status).toBe('PARTIALLY_SHIPPING');
  });

  it('ship package with self_shipment; shipping it twice → 21008099', async () => {
    // Outside the US the order has its package once paid; seller shipping goes through Ship Package.
    const order = t.sim.admin.createOrder({ shopId: my.id, advanceTo: 'AWAITING_SHIPMENT' });
    const packageId = order.packages?.[0]?.id ?? '';
    const myProviders = await call(t, {
      path: `/logistics/202309/delivery_options/${order.delivery_option_id}/shipping_providers`,
      token,
      cipher: my.cipher,
    });
    const myProvider =
      (myProviders.json.data as { shipping_providers: { id: string }[] }).shipping_providers[0]?.id ?? '';
    const body = {
      handover_method: 'DROP_OFF',
      self_shipment: { tracking_number: 'SELF0001', shipping_provider_id: myProvider },
    };
    const ship = () =>
      call(t, {
        method: 'POST',
        path: `/fulfillment/202309/packages/${packageId}/ship`,
        body,
        token,
        cipher: my.cipher,
      });
    expect((await ship()).json.code).toBe(0);
    expect(t.sim.admin.getOrder(order.id).status).toBe('AWAITING_COLLECTION');
    expect((await ship()).json.code).toBe(21008099);
  });

  it('seller cancel creates a cancellation visible in search and cannot repeat', async () => {
    const order = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'AWAITING_SHIPMENT' });
    const cancel = () =>
      call(t, {
        method: 'POST',
        path: '/return_refund/202309/cancellations',
        body: { order_id: order.id, cancel_reason: 'seller_cancel_reason_out_of_stock' },
        token,
        cipher: us.cipher,
      });
    const { json } = await cancel();
    expect(json.code).toBe(0);
    expect(json.data).toMatchObject({ cancel_status: 'CANCELLATION_REQUEST_SUCCESS' });
    expect(t.sim.admin.getOrder(order.id)).toMatchObject({
      status: 'CANCELLED',
      cancellation_initiator: 'SELLER',
    });
    expect((await cancel()).json.code).toBe(25001011);
    const search = await call(t, {
      method: 'POST',
      path: '/return_refund/202309/cancellations/search',
      query: { page_size: '10' },
      body: { order_ids: [order.id] },
      token,
      cipher: us.cipher,
    });
    const found = (
      search.json.data as {
        cancellations: { cancel_id: string; role: string; cancel_line_items: unknown[] }[];
      }
    ).cancellations;
    expect(found).toHaveLength(1);
    expect(found[0]?.role).toBe('SELLER');
    expect(found[0]?.cancel_line_items).toHaveLength(order.line_items.length);
    expect(t.sim.admin.listCancellations(us.id, 'SELLER')).toHaveLength(1);
    const detail = await call(t, {
      path: '/order/202309/orders',
      query: { ids: order.id },
      token,
      cipher: us.cipher,
    });
    expect((detail.json.data as { orders: TikTokOrder[] }).orders[0]?.status).toBe('CANCELLED');
  });

  it('returns search lists returns opened on delivered orders', async () => {
    const order = t.sim.admin.createOrder({ shopId: us.id, advanceTo: 'DELIVERED' });
    const created = t.sim.admin.createReturn(order.id, { returnType: 'RETURN_AND_REFUND' });
    const { json } = await call(t, {
      method: 'POST',
      path: '/return_refund/202309/returns/search',
      query: { page_size: '10' },
      body: {},
      token,
      cipher: us.cipher,
    });
    expect(json.code).toBe(0);
    const list = (json.data as { return_orders: { return_id: string; return_type: string }[] }).return_orders;
    expect(list).toEqual([
      expect.objectContaining({ return_id: created.returnId, return_type: 'RETURN_AND_REFUND' }),
    ]);
  });

  it('lists warehouses with TikTok field names', async () => {
    const { json } = await call(t, { path: '/logistics/202309/warehouses', token, cipher: us.cipher });
    const warehouses = (json.data as { warehouses: Record<string, unknown>[] }).warehouses;
    expect(warehouses.find((w) => w.is_default === true)).toMatchObject({
      type: 'SALES_WAREHOUSE',
      effect_status: 'ENABLED',
    });
  });
});
