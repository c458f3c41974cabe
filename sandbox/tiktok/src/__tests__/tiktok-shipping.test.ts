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

interface Slot {
  start_time: number;
  end_time: number;
  avaliable: boolean;
}

const iso = (unix: number) => new Date(unix * 1000).toISOString();

// START (helpers.ts) is Thursday 2026-01-15 12:00 UTC: the next business days are Fri 16, Mon 19, Tue 20.
describe('TikTok Shipping: handover slots, Ship Package with pickup or drop-off, US label purchase (TikTok’s fulfillment API)', () => {
  let t: TestSim;
  let receiver: Receiver;
  let token: string;
  let us: ShopRef;
  let gb: ShopRef;
  let my: ShopRef;

  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTestSim({
      webhookUrl: receiver.url,
      tokenLifetimeSeconds: 365 * 86_400,
      seed: { inventoryPerWarehouse: 1000, shops: [{ region: 'US' }, { region: 'GB' }, { region: 'MY' }] },
    });
    token = (await authorizeOverHttp(t)).access_token;
    [us, gb, my] = shopRefs(t) as [ShopRef, ShopRef, ShopRef];
  });
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  const api = (shop: ShopRef, opts: Omit<CallOptions, 'token' | 'cipher'>) =>
    call(t, { ...opts, token, cipher: shop.cipher });
  const order = (shopId: string, quantity: number, shippingType: 'TIKTOK' | 'SELLER' = 'TIKTOK') =>
    t.sim.admin.createOrder({
      shopId,
      skus: [{ sellerSku: 'TS-TEE-WHT-M', quantity }],
      shippingType,
      advanceTo: 'AWAITING_SHIPMENT',
    });
  const slots = (shop: ShopRef, packageId: string) =>
    api(shop, { path: `/fulfillment/202309/packages/${packageId}/handover_time_slots` });
  const ship = (shop: ShopRef, packageId: string, body: Record<string, unknown>) =>
    api(shop, { method: 'POST', path: `/fulfillment/202309/packages/${packageId}/ship`, body });
  const detail = async (shop: ShopRef, orderId: string) => {
    const { json } = await api(shop, { path: '/order/202309/orders', query: { ids: orderId } });
    return (json.data as { orders: TikTokOrder[] }).orders[0] as TikTokOrder;
  };
  const packageDetail = async (shop: ShopRef, packageId: string) =>
    (await api(shop, { path: `/fulfillment/202309/packages/${packageId}` })).json.data as Record<
      string,
      unknown
    >;
  const markShipped = (shop: ShopRef, orderId: string, body: Record<string, unknown>) =>
    api(shop, { method: 'POST', path: `/fulfillment/202309/orders/${orderId}/packages`, body });

  it('GB: slots of the next three business days; a pickup needs one of them; TikTok assigns carrier and number', async () => {
    const o = order(gb.id, 1);
    const packageId = o.packages?.[0]?.id ?? '';
    const offered = await slots(gb, packageId);
    expect(offered.json.code).toBe(0);
    const data = offered.json.data as { can_pickup: boolean; can_drop_off: boolean; pickup_slots: Slot[] };
    expect(data).toMatchObject({ can_pickup: true, can_drop_off: true, can_van_collection: false });
    // London is on UTC in January: 09:00–12:00 and 13:00–17:00 on Fri 16, Mon 19, Tue 20.
    expect(data.pickup_slots.map((s) => `${iso(s.start_time)}/${iso(s.end_time)}/${s.avaliable}`)).toEqual([
      '2026-01-16T09:00:00.000Z/2026-01-16T12:00:00.000Z/true',
      '2026-01-16T13:00:00.000Z/2026-01-16T17:00:00.000Z/true',
      '2026-01-19T09:00:00.000Z/2026-01-19T12:00:00.000Z/true',
      '2026-01-19T13:00:00.000Z/2026-01-19T17:00:00.000Z/true',
      '2026-01-20T09:00:00.000Z/2026-01-20T12:00:00.000Z/true',
      '2026-01-20T13:00:00.000Z/2026-01-20T17:00:00.000Z/true',
    ]);
    const chosen = data.pickup_slots[2] as Slot;

    expect((await ship(gb, packageId, { handover_method: 'PICKUP' })).json.code).toBe(21011054);
    expect(
      (
        await ship(gb, packageId, {
          handover_method: 'PICKUP',
          pickup_slot: { start_time: chosen.start_time + 3600, end_time: chosen.end_time },
        })
      ).json,
    ).toMatchObject({
      code: 21011053,
      message: 'Fail to ship package because the shipment time is outside of the pick-up time slot.',
    });
    expect(
      (
        await ship(gb, packageId, {
          handover_method: 'PICKUP',
          pickup_slot: { start_time: chosen.start_time, end_time: chosen.end_time },
          self_shipment: { tracking_number: 'RR123456789GB', shipping_provider_id: '1' },
        })
      ).json.code,
    ).toBe(21011003);
    expect((await ship(gb, packageId, { handover_method: 'LOCKER' })).json.code).toBe(21001001);
    expect(t.sim.admin.getPackage(packageId).status).toBe('TO_FULFILL');

    const ok = await ship(gb, packageId, {
      handover_method: 'PICKUP',
      pickup_slot: { start_time: chosen.start_time, end_time: chosen.end_time },
    });
    expect(ok.json).toMatchObject({ code: 0, data: {} });
    const shipped = await detail(gb, o.id);
    expect(shipped.status).toBe('AWAITING_COLLECTION');
    expect(shipped.shipping_provider).toBe('Royal Mail');
    expect(shipped.tracking_number).toMatch(/^RR\d{9}GB$/);
    expect(await packageDetail(gb, packageId)).toMatchObject({
      package_status: 'PROCESSING',
      shipping_type: 'TIKTOK',
      handover_method: 'PICKUP',
      pickup_slot: { start_time: chosen.start_time, end_time: chosen.end_time },
      tracking_number: shipped.tracking_number,
      shipping_provider_name: 'Royal Mail',
    });
    expect(
      (
        await ship(gb, packageId, {
          handover_method: 'PICKUP',
          pickup_slot: { start_time: chosen.start_time, end_time: chosen.end_time },
        })
      ).json.code,
    ).toBe(21008099);
  });

  it('drop-off only where the delivery option offers it; the seller cannot ship a TikTok Shipping order with its own carrier', async () => {
    const o = order(gb.id, 2);
    const packageId = o.packages?.[0]?.id ?? '';
    const [a] = o.line_items.map((l) => l.id) as [string, string];
    expect(
      (await markShipped(gb, o.id, { tracking_number: 'RR123456789GB', shipping_provider_id: '1' })).json,
    ).toMatchObject({ code: 21011013, message: 'not match logistics rule' });
    t.sim.admin.updateDeliveryOption(o.delivery_option_id ?? '', { canDropOff: false });
    expect(((await slots(gb, packageId)).json.data as { can_drop_off: boolean }).can_drop_off).toBe(false);
    expect((await ship(gb, packageId, { handover_method: 'DROP_OFF' })).json.code).toBe(21001001);
    t.sim.admin.updateDeliveryOption(o.delivery_option_id ?? '', { canDropOff: true, canPickup: false });
    const noPickup = (await slots(gb, packageId)).json.data as { can_pickup: boolean; pickup_slots: Slot[] };
    expect(noPickup).toMatchObject({ can_pickup: false, pickup_slots: [] });
    expect((await ship(gb, packageId, {})).json.code).toBe(0);
    expect(await packageDetail(gb, packageId)).toMatchObject({ handover_method: 'DROP_OFF' });
    expect(await packageDetail(gb, packageId)).not.toHaveProperty('pickup_slot');
    expect(
      (
        await markShipped(gb, o.id, {
          tracking_number: 'RR123456789GB',
          shipping_provider_id: '1',
          order_line_item_ids: [a],
        })
      ).json.code,
    ).toBe(21011006);

    // The other way round: TikTok Shipping endpoints on seller-shipping orders.
    const seller = order(gb.id, 1, 'SELLER');
    expect((await slots(gb, seller.packages?.[0]?.id ?? '')).json.code).toBe(11021009);
    const usSeller = order(us.id, 1, 'SELLER');
    expect(
      (
        await api(us, {
          method: 'POST',
          path: `/fulfillment/202309/orders/${usSeller.id}/shipping_services/query`,
          body: {},
        })
      ).json.code,
    ).toBe(21011037);
    expect(
      (
        await api(us, {
          method: 'POST',
          path: '/fulfillment/202309/packages',
          body: { order_id: usSeller.id },
        })
      ).json.code,
    ).toBe(21011037);

    const cancelled = order(gb.id, 1);
    t.sim.admin.cancelOrder(cancelled.id, { by: 'SELLER' });
    expect((await ship(gb, cancelled.packages?.[0]?.id ?? '', {})).json.code).toBe(21011041);
  });

  it('US: Get Eligible Shipping Service and Create Packages buy TikTok labels per line; refusals', async () => {
    const o = order(us.id, 2);
    const [a, b] = o.line_items.map((l) => l.id) as [string, string];
    const query = await api(us, {
      method: 'POST',
      path: `/fulfillment/202309/orders/${o.id}/shipping_services/query`,
      body: { order_line_item_ids: [a], weight: { value: '2.5', unit: 'POUND' } },
    });
    expect(query.json.code).toBe(0);
    const services = (query.json.data as { shipping_services: Record<string, unknown>[] }).shipping_services;
    expect(services.map((s) => `${s.name}/${s.price} ${s.currency}/${s.is_default}`)).toEqual([
      'USPS Ground/6.00 USD/true',
      'UPS Ground/7.00 USD/false',
    ]);
    const ups = services[1] as { id: string; shipping_provider_id: string };

    const create = (body: Record<string, unknown>) =>
      api(us, { method: 'POST', path: '/fulfillment/202309/packages', body: { order_id: o.id, ...body } });
    expect((await create({ order_line_item_ids: [a], shipping_service_id: '999' })).json.code).toBe(21004008);
    expect(
      (await create({ order_line_item_ids: [a], weight: { value: '-1', unit: 'POUND' } })).json.code,
    ).toBe(21001001);
    const bought = await create({
      order_line_item_ids: [a],
      shipping_service_id: ups.id,
      weight: { value: '2.5', unit: 'POUND' },
      dimension: { length: '10', width: '8', height: '4', unit: 'INCH' },
    });
    expect(bought.json.code).toBe(0);
    const data = bought.json.data as {
      package_id: string;
      order_line_item_ids: string[];
      shipping_service_info: { id: string; shipping_provider_name: string };
    };
    expect(data).toMatchObject({
      order_id: o.id,
      order_line_item_ids: [a],
      shipping_service_info: { id: ups.id, shipping_provider_name: 'UPS', price: '7.00' },
      weight: { value: '2.5', unit: 'POUND' },
      dimension: { length: '10', width: '8', height: '4', unit: 'INCH' },
    });
    expect(await packageDetail(us, data.package_id)).toMatchObject({
      package_status: 'PROCESSING',
      shipping_provider_name: 'UPS',
      tracking_number: expect.stringMatching(/^1Z[0-9A-Z]{16}$/),
      weight: { value: '2.5', unit: 'POUND' },
    });
    expect((await detail(us, o.id)).status).toBe('PARTIALLY_SHIPPING');
    expect((await create({ order_line_item_ids: [a] })).json.code).toBe(21022025);
    expect(
      (
        await markShipped(us, o.id, {
          tracking_number: '1Z999AA10123456784',
          shipping_provider_id: ups.shipping_provider_id,
          order_line_item_ids: [a],
        })
      ).json,
    ).toMatchObject({ code: 21008042, message: 'seller already print shipping label' });
    expect(
      (
        await markShipped(us, o.id, {
          tracking_number: '1Z999AA10123456784',
          shipping_provider_id: ups.shipping_provider_id,
          order_line_item_ids: [b],
        })
      ).json.code,
    ).toBe(21011013);

    const rest = await create({});
    expect((rest.json.data as { order_line_item_ids: string[] }).order_line_item_ids).toEqual([b]);
    expect((await detail(us, o.id)).status).toBe('AWAITING_COLLECTION');
    expect((await create({})).json.code).toBe(21011006);

    const gbOrder = order(gb.id, 1);
    expect(
      (
        await api(gb, {
          method: 'POST',
          path: '/fulfillment/202309/packages',
          body: { order_id: gbOrder.id },
        })
      ).json.code,
    ).toBe(21008106);
  });

  it('SEA: handover_method is ignored, the warehouse collection method applies with the earliest slot; Batch Ship Packages reports per package', async () => {
    const sea = order(my.id, 1);
    const packageId = sea.packages?.[0]?.id ?? '';
    expect((await ship(my, packageId, { handover_method: 'DROP_OFF' })).json.code).toBe(0);
    // Kuala Lumpur is UTC+8: the first slot is Fri 16 09:00 local.
    expect(await packageDetail(my, packageId)).toMatchObject({
      handover_method: 'PICKUP',
      pickup_slot: {
        start_time: Date.parse('2026-01-16T01:00:00Z') / 1000,
        end_time: Date.parse('2026-01-16T04:00:00Z') / 1000,
      },
    });

    const first = order(gb.id, 1);
    const second = order(gb.id, 1);
    const slot = (((await slots(gb, first.packages?.[0]?.id ?? '')).json.data as { pickup_slots: Slot[] })
      .pickup_slots[0] ?? { start_time: 0, end_time: 1 }) as Slot;
    const batch = await api(gb, {
      method: 'POST',
      path: '/fulfillment/202309/packages/ship',
      body: {
        packages: [
          {
            id: first.packages?.[0]?.id,
            handover_method: 'PICKUP',
            pickup_slot: { start_time: slot.start_time, end_time: slot.end_time },
          },
          { id: second.packages?.[0]?.id, handover_method: 'PICKUP' },
        ],
      },
    });
    expect(batch.json).toMatchObject({
      code: 0,
      data: { errors: [{ code: 21011054, detail: { package_id: second.packages?.[0]?.id } }] },
    });
    expect((await detail(gb, first.id)).status).toBe('AWAITING_COLLECTION');
    expect((await detail(gb, second.id)).status).toBe('AWAITING_SHIPMENT');
  });
});
