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
  shopRefs,
} from './helpers';

interface Provider {
  id: string;
  name: string;
}

const HOUR = 3_600_000;

describe('packages: split shipments, carriers, corrections and the order following its packages (TikTok’s shipping provider and fulfillment APIs)', () => {
  let t: TestSim;
  let receiver: Receiver;
  let token: string;
  let us: ShopRef;
  let gb: ShopRef;
  let my: ShopRef;
  let de: ShopRef;

  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTestSim({
      webhookUrl: receiver.url,
      tokenLifetimeSeconds: 365 * 86_400,
      seed: {
        inventoryPerWarehouse: 1000,
        shops: [{ region: 'US' }, { region: 'GB' }, { region: 'MY' }, { region: 'DE' }],
      },
    });
    token = (await authorizeOverHttp(t)).access_token;
    [us, gb, my, de] = shopRefs(t) as [ShopRef, ShopRef, ShopRef, ShopRef];
  });
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  const api = (shop: ShopRef, opts: Omit<CallOptions, 'token' | 'cipher'>) =>
    call(t, { ...opts, token, cipher: shop.cipher });

  const providers = async (shop: ShopRef, deliveryOptionId: string | undefined) => {
    const { json } = await api(shop, {
      path: `/logistics/202309/delivery_options/${deliveryOptionId}/shipping_providers`,
    });
    return json;
  };
  const providerNamed = async (shop: ShopRef, order: TikTokOrder, name: string): Promise<string> => {
    const list = (
      (await providers(shop, order.delivery_option_id)).data as { shipping_providers: Provider[] }
    ).shipping_providers;
    return list.find((p) => p.name === name)?.id ?? '';
  };
  const markShipped = (shop: ShopRef, orderId: string, body: Record<string, unknown>) =>
    api(shop, { method: 'POST', path: `/fulfillment/202309/orders/${orderId}/packages`, body });
  const order = (shopId: string, quantity: number, sellerSku = 'TS-TEE-WHT-M') =>
    t.sim.admin.createOrder({ shopId, skus: [{ sellerSku, quantity }], advanceTo: 'AWAITING_SHIPMENT' });
  const detail = async (shop: ShopRef, orderId: string) => {
    const { json } = await api(shop, { path: '/order/202309/orders', query: { ids: orderId } });
    return (json.data as { orders: TikTokOrder[] }).orders[0] as TikTokOrder;
  };
  const packageUpdates = async () => {
    await t.sim.tick();
    return t.sim.admin
      .deliveries({ eventType: 'PACKAGE_UPDATE' })
      .map((d) => (JSON.parse(d.body) as { type: number; data: Record<string, unknown> }).data);
  };

  it('US: each Mark Package As Shipped call makes a package of the lines named; the order follows them', async () => {
    const o = order(us.id, 3);
    const [a, b, c] = o.line_items.map((l) => l.id) as [string, string, string];
    const ups = await providerNamed(us, o, 'UPS');
    const first = await markShipped(us, o.id, {
      tracking_number: '1Z999AA10123456784',
      shipping_provider_id: ups,
      order_line_item_ids: [a, b],
    });
    expect(first.json.code).toBe(0);
    const firstPackage = (first.json.data as { package_id: string }).package_id;
    expect(first.json.data).toEqual({
      order_id: o.id,
      order_line_item_ids: [a, b],
      package_id: firstPackage,
    });
    let now = await detail(us, o.id);
    expect(now.status).toBe('PARTIALLY_SHIPPING');
    expect(
      now.line_items.map((l) => `${l.display_status}/${l.package_status}/${l.tracking_number ?? '-'}`),
    ).toEqual([
      'AWAITING_COLLECTION/PROCESSING/1Z999AA10123456784',
      'AWAITING_COLLECTION/PROCESSING/1Z999AA10123456784',
      'AWAITING_SHIPMENT/TO_FULFILL/-',
    ]);
    const second = await markShipped(us, o.id, {
      tracking_number: '1Z999AA10123456785',
      shipping_provider_id: ups,
      order_line_item_ids: [c],
    });
    const secondPackage = (second.json.data as { package_id: string }).package_id;
    expect(secondPackage).not.toBe(firstPackage);
    now = await detail(us, o.id);
    expect(now.status).toBe('AWAITING_COLLECTION');
    expect(now.packages).toEqual([{ id: firstPackage }, { id: secondPackage }]);
    expect(
      (await markShipped(us, o.id, { tracking_number: '1Z999AA10123456786', shipping_provider_id: ups })).json
        .code,
    ).toBe(21011006);

    const got = await api(us, { path: `/fulfillment/202309/packages/${firstPackage}` });
    expect(got.json.data).toMatchObject({
      package_id: firstPackage,
      orders: [{ id: o.id }],
      package_status: 'PROCESSING',
      tracking_number: '1Z999AA10123456784',
      shipping_provider_id: ups,
      shipping_provider_name: 'UPS',
      shipping_type: 'SELLER',
      delivery_option_id: o.delivery_option_id,
      order_line_item_ids: [a, b],
    });
    expect((await api(gb, { path: `/fulfillment/202309/packages/${firstPackage}` })).json.code).toBe(
      21011028,
    );

    // The carrier collects one package: lines move, the order waits for every package.
    t.sim.admin.collectPackage(firstPackage);
    now = await detail(us, o.id);
    expect(now.status).toBe('AWAITING_COLLECTION');
    expect(now.line_items.map((l) => l.display_status)).toEqual([
      'IN_TRANSIT',
      'IN_TRANSIT',
      'AWAITING_COLLECTION',
    ]);
    t.sim.admin.collectPackage(secondPackage);
    expect((await detail(us, o.id)).status).toBe('IN_TRANSIT');
    t.sim.admin.deliverPackage(secondPackage);
    expect((await detail(us, o.id)).status).toBe('IN_TRANSIT');
    t.sim.admin.deliverPackage(firstPackage);
    now = await detail(us, o.id);
    expect(now.status).toBe('DELIVERED');
    expect(now.line_items.map((l) => `${l.display_status}/${l.package_status}`)).toEqual([
      'DELIVERED/COMPLETED',
      'DELIVERED/COMPLETED',
      'DELIVERED/COMPLETED',
    ]);
    const statuses = t.sim.admin
      .deliveries({ eventType: 'ORDER_STATUS_CHANGE' })
      .map((d) => JSON.parse(d.body) as { data: { order_id: string; order_status: string } })
      .filter((d) => d.data.order_id === o.id)
      .map((d) => d.data.order_status);
    expect(statuses.slice(-4)).toEqual([
      'PARTIALLY_SHIPPING',
      'AWAITING_COLLECTION',
      'IN_TRANSIT',
      'DELIVERED',
    ]);

    const search = await api(us, {
      method: 'POST',
      path: '/fulfillment/202309/packages/search',
      query: { page_size: '10' },
      body: { package_status: 'COMPLETED' },
    });
    const found = (search.json.data as { packages: { id: string; order_line_item_ids: string[] }[] })
      .packages;
    expect(found.map((p) => p.id).sort()).toEqual([firstPackage, secondPackage].sort());
    expect(await packageUpdates()).toEqual([]);
  });

  it('GB: the package exists once paid; shipping part of it splits it (PACKAGE_UPDATE SPLIT)', async () => {
    const unpaid = t.sim.admin.createOrder({
      shopId: gb.id,
      skus: [{ sellerSku: 'TS-TEE-WHT-M', quantity: 1 }],
    });
    expect(unpaid.packages).toBeUndefined();
    const o = order(gb.id, 2);
    expect(o.packages).toHaveLength(1);
    const original = o.packages?.[0]?.id ?? '';
    expect(o.line_items.map((l) => l.package_id)).toEqual([original, original]);
    const [a, b] = o.line_items.map((l) => l.id) as [string, string];
    const royalMail = await providerNamed(gb, o, 'Royal Mail');
    const first = await markShipped(gb, o.id, {
      tracking_number: 'AB123456789GB',
      shipping_provider_id: royalMail,
      order_line_item_ids: [a],
    });
    expect(first.json.code).toBe(0);
    const part = (first.json.data as { package_id: string }).package_id;
    expect(part).not.toBe(original);
    expect(await packageUpdates()).toEqual([
      {
        sc_type: 'SPLIT',
        role_type: 'ROLE_SELLER',
        package_list: [
          { package_id: original, order_id_list: [o.id] },
          { package_id: part, order_id_list: [o.id] },
        ],
        update_time: expect.any(Number),
      },
    ]);
    const rest = await markShipped(gb, o.id, {
      tracking_number: 'AB123456780GB',
      shipping_provider_id: royalMail,
    });
    expect(rest.json.data).toMatchObject({ package_id: original, order_line_item_ids: [b] });
    expect(t.sim.admin.getPackage(original)).toMatchObject({ splitTag: 'SPLIT', status: 'PROCESSING' });
    expect((await detail(gb, o.id)).status).toBe('AWAITING_COLLECTION');
  });

  it('shipping providers are those of the delivery option: 21008116 unknown, 21008117 fulfilled by TikTok', async () => {
    const usOrder = order(us.id, 1);
    const gbOrder = order(gb.id, 1);
    const names = async (shop: ShopRef, o: TikTokOrder) =>
      (
        (await providers(shop, o.delivery_option_id)).data as { shipping_providers: Provider[] }
      ).shipping_providers.map((p) => p.name);
    expect(await names(us, usOrder)).toEqual(['USPS', 'UPS', 'FedEx', 'DHL eCommerce', 'OnTrac']);
    expect(await names(gb, gbOrder)).toEqual(['Royal Mail', 'Evri', 'DPD', 'Parcelforce', 'UPS']);
    expect(await providers(gb, usOrder.delivery_option_id)).toMatchObject({
      code: 21008116,
      message: 'No Subscription without specified delivery option.',
    });
    const fbt = t.sim.admin.createOrder({ shopId: us.id, fbt: true });
    expect((await providers(us, fbt.delivery_option_id)).code).toBe(21008117);
    // A provider of another market's option is not the order's: 21011022.
    const usps = await providerNamed(us, usOrder, 'USPS');
    expect(
      (await markShipped(gb, gbOrder.id, { tracking_number: 'AB123456789GB', shipping_provider_id: usps }))
        .json,
    ).toMatchObject({
      code: 21011022,
      message: 'Invalid tracking number or provider ID. Please double check and try again.',
    });
  });

  it('checks the number against the provider: errors outside the US, warnings for US local sellers', async () => {
    const gbOrder = order(gb.id, 1);
    const royalMail = await providerNamed(gb, gbOrder, 'Royal Mail');
    const ship = (tracking: string) =>
      markShipped(gb, gbOrder.id, { tracking_number: tracking, shipping_provider_id: royalMail });
    expect((await ship('AB 123456789GB')).json).toMatchObject({
      code: 21004012,
      message: 'Tracking number has special characters, verify failed.',
    });
    expect((await ship('15501234567890')).json).toMatchObject({
      code: 21004015,
      message: 'Tracking number mismatch provider.',
    });
    expect((await ship('ZZZ1')).json.code).toBe(11028006);
    expect(t.sim.admin.getOrder(gbOrder.id).status).toBe('AWAITING_SHIPMENT');

    const usOrder = order(us.id, 1);
    const usps = await providerNamed(us, usOrder, 'USPS');
    const warned = await markShipped(us, usOrder.id, {
      tracking_number: '1Z999AA10123456784',
      shipping_provider_id: usps,
    });
    expect(warned.json.code).toBe(0);
    expect((warned.json.data as { warning: unknown }).warning).toEqual({
      message:
        'The tracking number you entered does not match your selected logistics provider. Check the tracking number and logistics provider. Did you mean to select UPS?',
    });
    const other = order(us.id, 1);
    const unknown = await markShipped(us, other.id, {
      tracking_number: 'ZZZ12345',
      shipping_provider_id: usps,
    });
    expect((unknown.json.data as { warning: { message: string } }).warning.message).toMatch(
      /^No logistics provider could be found/,
    );
    const clean = order(us.id, 1);
    const ok = await markShipped(us, clean.id, {
      tracking_number: '9400111899223344556677',
      shipping_provider_id: usps,
    });
    expect(ok.json.data).not.toHaveProperty('warning');
  });

  it('a number already used: 21011025 for another recipient or the same order; one recipient shares it up to 20 orders (21011026)', async () => {
    const orders = Array.from({ length: 21 }, () => order(us.id, 2));
    const base = orders[0] as TikTokOrder;
    for (const o of orders) t.sim.admin.updateRecipientAddress(o.id, base.recipient_address);
    const ups = await providerNamed(us, base, 'UPS');
    const ship = (o: TikTokOrder, body: Record<string, unknown> = {}) =>
      markShipped(us, o.id, { tracking_number: '1Z999AA10123456784', shipping_provider_id: ups, ...body });
    expect((await ship(base, { order_line_item_ids: [base.line_items[0]?.id] })).json.code).toBe(0);
    expect((await ship(base, { order_line_item_ids: [base.line_items[1]?.id] })).json).toMatchObject({
      code: 21011025,
      message: 'Duplicate tracking number.',
    });
    for (const o of orders.slice(1, 20)) expect((await ship(o)).json.code).toBe(0);
    expect((await ship(orders[20] as TikTokOrder)).json).toMatchObject({
      code: 21011026,
      message: 'fulfillment tracking no used times over limit',
    });
    const stranger = order(us.id, 1);
    t.sim.admin.updateRecipientAddress(stranger.id);
    expect((await ship(stranger)).json.code).toBe(21011025);
  });

  it('Update Shipping Info: once, within 72 hours in the US; 21011049 after, 21011051 a second time', async () => {
    const o = order(us.id, 1);
    const ups = await providerNamed(us, o, 'UPS');
    const fedex = await providerNamed(us, o, 'FedEx');
    const update = (orderId: string, tracking: string, provider: string) =>
      api(us, {
        method: 'POST',
        path: `/fulfillment/202309/orders/${orderId}/shipping_info/update`,
        body: { tracking_number: tracking, shipping_provider_id: provider },
      });
    expect((await update(o.id, '123456789012', fedex)).json).toMatchObject({
      code: 21011043,
      message: 'The package has not been shipped yet.',
    });
    await markShipped(us, o.id, { tracking_number: '1Z999AA10123456784', shipping_provider_id: ups });
    t.clock.advance(71 * HOUR);
    // The values it already has: nothing changes, the one update is not used.
    expect((await update(o.id, '1Z999AA10123456784', ups)).json.code).toBe(0);
    expect((await update(o.id, '1Z999AA1012345678X', fedex)).json.code).toBe(21011022);
    expect((await update(o.id, '123456789012', fedex)).json).toMatchObject({ code: 0, data: {} });
    const now = await detail(us, o.id);
    expect([now.tracking_number, now.shipping_provider, now.line_items[0]?.tracking_number]).toEqual([
      '123456789012',
      'FedEx',
      '123456789012',
    ]);
    expect((await update(o.id, '123456789013', fedex)).json).toMatchObject({
      code: 21011051,
      message: 'The tracking number can only be updated once.',
    });

    const late = order(us.id, 1);
    await markShipped(us, late.id, { tracking_number: '1Z999AA10123456790', shipping_provider_id: ups });
    t.clock.advance(72 * HOUR + 1000);
    expect((await update(late.id, '123456789014', fedex)).json).toMatchObject({
      code: 21011049,
      message: 'Due to platform rule limitations, you are unable to update the tracking number.',
    });

    // DE: once, without a time limit.
    const deOrder = order(de.id, 1);
    const dhl = await providerNamed(de, deOrder, 'DHL');
    await markShipped(de, deOrder.id, { tracking_number: '123456789012', shipping_provider_id: dhl });
    t.clock.advance(200 * HOUR);
    const deUpdate = await api(de, {
      method: 'POST',
      path: `/fulfillment/202309/orders/${deOrder.id}/shipping_info/update`,
      body: { tracking_number: '123456789013', shipping_provider_id: dhl },
    });
    expect(deUpdate.json.code).toBe(0);
  });

  it('Update (Package) Shipping Info refusals: split order, TikTok Shipping, delivered, cancelled', async () => {
    const o = order(us.id, 2);
    const [a, b] = o.line_items.map((l) => l.id) as [string, string];
    const ups = await providerNamed(us, o, 'UPS');
    const first = await markShipped(us, o.id, {
      tracking_number: '1Z999AA10123456784',
      shipping_provider_id: ups,
      order_line_item_ids: [a],
    });
    const firstPackage = (first.json.data as { package_id: string }).package_id;
    await markShipped(us, o.id, {
      tracking_number: '1Z999AA10123456785',
      shipping_provider_id: ups,
      order_line_item_ids: [b],
    });
    const body = { tracking_number: '1Z999AA10123456786', shipping_provider_id: ups };
    expect(
      (
        await api(us, {
          method: 'POST',
          path: `/fulfillment/202309/orders/${o.id}/shipping_info/update`,
          body,
        })
      ).json.code,
    ).toBe(10007002);
    const packageUpdate = (packageId: string, shop = us) =>
      api(shop, {
        method: 'POST',
        path: `/fulfillment/202309/packages/${packageId}/shipping_info/update`,
        body,
      });
    expect((await packageUpdate(firstPackage, gb)).json.code).toBe(21011028);
    expect((await packageUpdate(firstPackage)).json.code).toBe(0);
    expect(t.sim.admin.getPackage(firstPackage)).toMatchObject({
      trackingNumber: '1Z999AA10123456786',
      shippingInfoUpdates: [
        expect.objectContaining({
          previousTrackingNumber: '1Z999AA10123456784',
          trackingNumber: '1Z999AA10123456786',
        }),
      ],
    });

    const tiktokShipped = order(us.id, 1);
    const label = t.sim.admin.advanceOrder(tiktokShipped.id, 'ship').packages?.[0]?.id ?? '';
    expect((await packageUpdate(label)).json).toMatchObject({ code: 21011004 });

    const delivered = order(us.id, 1);
    const shipped = await markShipped(us, delivered.id, {
      tracking_number: '1Z999AA10123456787',
      shipping_provider_id: ups,
    });
    const deliveredPackage = (shipped.json.data as { package_id: string }).package_id;
    t.sim.admin.advanceOrder(delivered.id, 'in-transit');
    t.sim.admin.advanceOrder(delivered.id, 'deliver');
    expect((await packageUpdate(deliveredPackage)).json.code).toBe(21011030);

    const lost = order(us.id, 1);
    const lostShip = await markShipped(us, lost.id, {
      tracking_number: '1Z999AA10123456788',
      shipping_provider_id: ups,
    });
    const lostPackage = (lostShip.json.data as { package_id: string }).package_id;
    t.sim.admin.cancelOrder(lost.id, { by: 'SYSTEM' });
    expect(t.sim.admin.getPackage(lostPackage).status).toBe('CANCELLED');
    expect((await packageUpdate(lostPackage)).json.code).toBe(21011042);
    expect(
      (
        await api(us, {
          method: 'POST',
          path: `/fulfillment/202309/orders/${lost.id}/shipping_info/update`,
          body,
        })
      ).json,
    ).toMatchObject({ code: 21011041, message: 'Cannot complete the operation when order is cancelled.' });
  });

  it('an order cancelled meanwhile (21011041) or partly cancelled (PARTLY_CANCEL_SPLIT); Ship Package outside Mark Package As Shipped markets', async () => {
    const cancelled = order(us.id, 1);
    t.sim.admin.cancelOrder(cancelled.id, { by: 'SELLER' });
    const ups = await providerNamed(us, cancelled, 'UPS');
    expect(
      (
        await markShipped(us, cancelled.id, {
          tracking_number: '1Z999AA10123456784',
          shipping_provider_id: ups,
        })
      ).json,
    ).toMatchObject({ code: 21011041, message: 'Cannot complete the operation when order is cancelled.' });

    // A line cancelled meanwhile cannot ship (21011003); cancelling the unshipped rest of a partly
    // shipped order leaves it AWAITING_COLLECTION.
    const three = order(us.id, 3);
    const [x, y, z] = three.line_items.map((l) => l.id) as [string, string, string];
    t.sim.admin.cancelOrder(three.id, { by: 'SELLER', lineItemIds: [z] });
    expect(
      (
        await markShipped(us, three.id, {
          tracking_number: '1Z999AA10123456790',
          shipping_provider_id: ups,
          order_line_item_ids: [y, z],
        })
      ).json,
    ).toMatchObject({ code: 21011003, message: 'fulfill_unit action not allowed' });
    await markShipped(us, three.id, {
      tracking_number: '1Z999AA10123456790',
      shipping_provider_id: ups,
      order_line_item_ids: [x],
    });
    expect((await detail(us, three.id)).status).toBe('PARTIALLY_SHIPPING');
    t.sim.admin.cancelOrder(three.id, { by: 'SELLER', lineItemIds: [y] });
    expect((await detail(us, three.id)).status).toBe('AWAITING_COLLECTION');

    const partly = order(gb.id, 2);
    const original = partly.packages?.[0]?.id ?? '';
    const [kept, dropped] = partly.line_items.map((l) => l.id) as [string, string];
    t.sim.admin.cancelOrder(partly.id, { by: 'SELLER', lineItemIds: [dropped] });
    const updates = await packageUpdates();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ sc_type: 'PARTLY_CANCEL_SPLIT', role_type: 'ROLE_SELLER' });
    expect(t.sim.admin.getPackage(original).lineItemIds).toEqual([kept]);
    const now = await detail(gb, partly.id);
    expect(now.line_items.map((l) => `${l.display_status}/${l.package_status}`)).toEqual([
      'AWAITING_SHIPMENT/TO_FULFILL',
      'CANCELLED/CANCELLED',
    ]);

    const myOrder = order(my.id, 1);
    const jnt = await providerNamed(my, myOrder, 'J&T Express');
    expect(
      (await markShipped(my, myOrder.id, { tracking_number: 'JT0001234567', shipping_provider_id: jnt })).json
        .code,
    ).toBe(21008106);
    const myPackage = myOrder.packages?.[0]?.id ?? '';
    const shipPackage = (packageId: string, body: Record<string, unknown>) =>
      api(my, { method: 'POST', path: `/fulfillment/202309/packages/${packageId}/ship`, body });
    expect((await shipPackage('1152000000000000000', {})).json.code).toBe(21011028);
    expect((await shipPackage(myPackage, { handover_method: 'DROP_OFF' })).json.code).toBe(21001001);
    expect(
      (
        await shipPackage(myPackage, {
          handover_method: 'DROP_OFF',
          self_shipment: { tracking_number: 'JT0001234567', shipping_provider_id: jnt },
        })
      ).json.code,
    ).toBe(0);
    expect(await detail(my, myOrder.id)).toMatchObject({
      status: 'AWAITING_COLLECTION',
      tracking_number: 'JT0001234567',
    });
  });
});
