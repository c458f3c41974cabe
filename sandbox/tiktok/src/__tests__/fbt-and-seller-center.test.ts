import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import type { TikTokSimulatorOptions } from '../simulator';
import {
  authorizeOverHttp,
  call,
  startReceiver,
  startTestSim,
  type CallOptions,
  type Receiver,
  type TestSim,
  type ShopRef,
  shopRefs,
} from './helpers';

const HOUR = 3_600_000;

describe('packages shipped outside the API: FBT orders shipped by TikTok, Seller Center shipments (TikTok’s fulfillment API)', () => {
  let t: TestSim;
  let receiver: Receiver;
  let token: string;
  let us: ShopRef;
  let gb: ShopRef;
  let my: ShopRef;

  const start = async (options: TikTokSimulatorOptions = {}) => {
    receiver = await startReceiver();
    t = await startTestSim({
      webhookUrl: receiver.url,
      tokenLifetimeSeconds: 365 * 86_400,
      seed: { inventoryPerWarehouse: 1000, shops: [{ region: 'US' }, { region: 'GB' }, { region: 'MY' }] },
      ...options,
    });
    token = (await authorizeOverHttp(t)).access_token;
    [us, gb, my] = shopRefs(t) as [ShopRef, ShopRef, ShopRef];
  };
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  const api = (shop: ShopRef, opts: Omit<CallOptions, 'token' | 'cipher'>) =>
    call(t, { ...opts, token, cipher: shop.cipher });
  const detail = async (shop: ShopRef, orderId: string) => {
    const { json } = await api(shop, { path: '/order/202309/orders', query: { ids: orderId } });
    return (json.data as { orders: TikTokOrder[] }).orders[0] as TikTokOrder;
  };
  const tracking = async (shop: ShopRef, orderId: string) =>
    (
      (await api(shop, { path: `/fulfillment/202309/orders/${orderId}/tracking` })).json.data as {
        tracking: { description: string; update_time_millis: number }[];
      }
    ).tracking;
  const webhooks = async (eventType: string) => {
    await t.sim.tick();
    return t.sim.admin
      .deliveries({ eventType })
      .map((d) => (JSON.parse(d.body) as { data: Record<string, unknown> }).data);
  };
  const statusChanges = async (orderId: string) =>
    (await webhooks('ORDER_STATUS_CHANGE')).filter((d) => d.order_id === orderId).map((d) => d.order_status);

  it('FBT: TikTok ships the order a day after AWAITING_SHIPMENT with its carrier and number; the seller cannot', async () => {
    await start();
    const o = t.sim.admin.createOrder({
      shopId: us.id,
      fbt: true,
      skus: [{ sellerSku: 'TS-TEE-WHT-M', quantity: 2 }],
      advanceTo: 'AWAITING_SHIPMENT',
    });
    expect(
      (
        await api(us, {
          method: 'POST',
          path: `/fulfillment/202309/orders/${o.id}/packages`,
          body: { tracking_number: '1Z999AA10123456784', shipping_provider_id: '1' },
        })
      ).json.code,
    ).toBe(21008025);
    expect(() => t.sim.admin.shipInSellerCenter(o.id, { trackingNumber: '1Z999AA10123456784' })).toThrow(
      /21008025/,
    );
    await t.sim.admin.advanceClock(23 * HOUR);
    expect((await detail(us, o.id)).status).toBe('AWAITING_SHIPMENT');
    expect(await tracking(us, o.id)).toEqual([]);
    await t.sim.admin.advanceClock(HOUR);
    const shipped = await detail(us, o.id);
    expect(shipped).toMatchObject({
      status: 'AWAITING_COLLECTION',
      fulfillment_type: 'FULFILLMENT_BY_TIKTOK',
      shipping_provider: 'USPS',
      tracking_number: expect.stringMatching(/^94\d{20}$/),
    });
    expect(await statusChanges(o.id)).toContain('AWAITING_COLLECTION');
    const packageId = shipped.packages?.[0]?.id ?? '';
    expect(t.sim.admin.getPackage(packageId)).toMatchObject({
      method: 'FULFILLED_BY_TIKTOK',
      status: 'PROCESSING',
    });
    expect(
      (
        await api(us, {
          method: 'POST',
          path: `/fulfillment/202309/packages/${packageId}/shipping_info/update`,
          body: { tracking_number: '1Z999AA10123456784', shipping_provider_id: shipped.shipping_provider_id },
        })
      ).json.code,
    ).toBe(21011004);
    expect(await tracking(us, o.id)).toEqual([
      {
        description: `Shipped from the TikTok fulfillment center: USPS ${shipped.tracking_number}`,
        update_time_millis: expect.any(Number),
      },
    ]);
    t.sim.admin.collectPackage(packageId);
    expect((await tracking(us, o.id)).map((e) => e.description)).toEqual([
      'Picked up by USPS, in transit',
      `Shipped from the TikTok fulfillment center: USPS ${shipped.tracking_number}`,
    ]);

    // Outside the US the package made at payment is the one TikTok ships.
    const gbOrder = t.sim.admin.createOrder({ shopId: gb.id, fbt: true, advanceTo: 'AWAITING_SHIPMENT' });
    const gbPackage = gbOrder.packages?.[0]?.id ?? '';
    await t.sim.admin.advanceClock(24 * HOUR);
    expect(t.sim.admin.getPackage(gbPackage)).toMatchObject({
      status: 'PROCESSING',
      shippingProviderName: 'Royal Mail',
    });
  });

  it('FBT without automatic dispatch: the admin ship action ships it as TikTok', async () => {
    await start({ fbtDispatchHours: 0 });
    const o = t.sim.admin.createOrder({ shopId: gb.id, fbt: true, advanceTo: 'AWAITING_SHIPMENT' });
    await t.sim.admin.advanceClock(48 * HOUR);
    expect((await detail(gb, o.id)).status).toBe('AWAITING_SHIPMENT');
    expect(t.sim.admin.advanceOrder(o.id, 'ship')).toMatchObject({ status: 'AWAITING_COLLECTION' });
    expect(t.sim.admin.getPackage(o.packages?.[0]?.id ?? '').method).toBe('FULFILLED_BY_TIKTOK');
  });

  it('Seller Center, seller shipping: checked like Mark Package As Shipped; found by webhook when the status moves, else by reconciliation', async () => {
    await start();
    const o = t.sim.admin.createOrder({
      shopId: us.id,
      skus: [{ sellerSku: 'TS-TEE-WHT-M', quantity: 3 }],
      advanceTo: 'AWAITING_SHIPMENT',
    });
    const [a, b, c] = o.line_items.map((l) => l.id) as [string, string, string];
    expect(() =>
      t.sim.admin.shipInSellerCenter(o.id, {
        lineItemIds: [a],
        trackingNumber: '1Z-999',
        shippingProviderName: 'UPS',
      }),
    ).toThrow(/21004012 Tracking number has special characters/);
    expect(() => t.sim.admin.shipInSellerCenter(o.id, { lineItemIds: [a] })).toThrow(/needs trackingNumber/);

    // Over HTTP, as a test driver would.
    const response = await fetch(`${t.sim.adminBaseUrl}/orders/${o.id}/seller-center-ship`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        lineItemIds: [a],
        trackingNumber: '1Z999AA10123456784',
        shippingProviderName: 'UPS',
      }),
    });
    expect(response.status).toBe(201);
    const first = (await response.json()) as { packageId: string; origin: string; method: string };
    expect(first).toMatchObject({ origin: 'SELLER_CENTER', method: 'MARK_AS_SHIPPED' });
    expect(await statusChanges(o.id)).toContain('PARTIALLY_SHIPPING');
    const before = (await detail(us, o.id)).update_time;

    await t.sim.admin.advanceClock(60_000);
    t.sim.admin.clearDeliveries();
    const second = t.sim.admin.shipInSellerCenter(o.id, {
      lineItemIds: [b],
      trackingNumber: '1Z999AA10123456785',
      shippingProviderName: 'UPS',
    });
    // No status change, so no webhook: the connector finds it through Search Package / the order's update_time.
    expect(await statusChanges(o.id)).toEqual([]);
    const after = await detail(us, o.id);
    expect(after.update_time).toBeGreaterThan(before);
    const search = await api(us, {
      method: 'POST',
      path: '/fulfillment/202309/packages/search',
      query: { page_size: '50' },
      body: { update_time_ge: before + 1 },
    });
    expect((search.json.data as { packages: { id: string; tracking_number: string }[] }).packages).toEqual([
      expect.objectContaining({ id: second.packageId, tracking_number: '1Z999AA10123456785' }),
    ]);
    expect(after.line_items.map((l) => l.tracking_number ?? '-')).toEqual([
      '1Z999AA10123456784',
      '1Z999AA10123456785',
      '-',
    ]);
    expect((await tracking(us, o.id)).map((e) => e.description)).toEqual([
      'Shipment information received: UPS 1Z999AA10123456785',
      'Shipment information received: UPS 1Z999AA10123456784',
    ]);
    t.sim.admin.shipInSellerCenter(o.id, {
      lineItemIds: [c],
      trackingNumber: '1Z999AA10123456786',
      shippingProviderName: 'UPS',
    });
    expect(await statusChanges(o.id)).toEqual(['AWAITING_COLLECTION']);
    expect(() =>
      t.sim.admin.shipInSellerCenter(o.id, {
        trackingNumber: '1Z999AA10123456787',
        shippingProviderName: 'UPS',
      }),
    ).toThrow(/21011006/);
  });

  it('Seller Center splits a package where TikTok allows it (PACKAGE_UPDATE SPLIT), ships whole packages elsewhere, arranges TikTok Shipping', async () => {
    await start();
    const o = t.sim.admin.createOrder({
      shopId: gb.id,
      skus: [{ sellerSku: 'TS-TEE-WHT-M', quantity: 2 }],
      advanceTo: 'AWAITING_SHIPMENT',
    });
    const original = o.packages?.[0]?.id ?? '';
    const [a] = o.line_items.map((l) => l.id) as [string, string];
    const part = t.sim.admin.shipInSellerCenter(o.id, {
      lineItemIds: [a],
      trackingNumber: 'RR123456789GB',
      shippingProviderName: 'Royal Mail',
    });
    expect(part.packageId).not.toBe(original);
    expect(await webhooks('PACKAGE_UPDATE')).toEqual([
      expect.objectContaining({
        sc_type: 'SPLIT',
        role_type: 'ROLE_SELLER',
        package_list: [
          { package_id: original, order_id_list: [o.id] },
          { package_id: part.packageId, order_id_list: [o.id] },
        ],
      }),
    ]);

    const sea = t.sim.admin.createOrder({
      shopId: my.id,
      skus: [{ sellerSku: 'TS-TEE-WHT-M', quantity: 2 }],
      advanceTo: 'AWAITING_SHIPMENT',
    });
    const [x] = sea.line_items.map((l) => l.id) as [string, string];
    expect(() =>
      t.sim.admin.shipInSellerCenter(sea.id, {
        lineItemIds: [x],
        trackingNumber: 'JT0001234567',
        shippingProviderName: 'J&T Express',
      }),
    ).toThrow(/ships whole/);
    expect(
      t.sim.admin.shipInSellerCenter(sea.id, {
        trackingNumber: 'JT0001234567',
        shippingProviderName: 'J&T Express',
      }),
    ).toMatchObject({ packageId: sea.packages?.[0]?.id, status: 'PROCESSING' });

    const platform = t.sim.admin.createOrder({
      shopId: gb.id,
      shippingType: 'TIKTOK',
      advanceTo: 'AWAITING_SHIPMENT',
    });
    expect(() => t.sim.admin.shipInSellerCenter(platform.id, { trackingNumber: 'RR123456789GB' })).toThrow(
      /TikTok assigns the tracking number/,
    );
    const arranged = t.sim.admin.shipInSellerCenter(platform.id);
    expect(arranged).toMatchObject({
      method: 'TIKTOK_SHIPPING',
      origin: 'SELLER_CENTER',
      handoverMethod: 'PICKUP',
      pickupSlot: { startTime: Date.parse('2026-01-16T09:00:00Z') / 1000 },
      trackingNumber: expect.stringMatching(/^RR\d{9}GB$/),
    });
    const label = await api(gb, {
      path: `/fulfillment/202309/packages/${arranged.packageId}/shipping_documents`,
      query: { document_type: 'SHIPPING_LABEL' },
    });
    expect(label.json).toMatchObject({ code: 0, data: { tracking_number: arranged.trackingNumber } });
  });
});
