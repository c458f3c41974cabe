import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { authorizeOverHttp, call, startTestSim, type TestSim } from './helpers';

/** The line `display_status` values Get Order List / Detail document (no SHIPPED, no TO_SHIP). */
const DOCUMENTED_DISPLAY = [
  'UNPAID',
  'AWAITING_SHIPMENT',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
];

describe('line display_status and package_status through the order flow', () => {
  let t: TestSim;
  let token: string;
  let cipher: string;
  beforeEach(async () => {
    t = await startTestSim();
    token = (await authorizeOverHttp(t)).access_token;
    cipher = t.sim.admin.shops()[0]?.cipher ?? '';
  });
  afterEach(() => t.sim.stop());

  const lines = async (orderId: string) => {
    const detail = await call(t, { path: '/order/202309/orders', query: { ids: orderId }, token, cipher });
    const order = (detail.json.data as { orders: TikTokOrder[] }).orders[0];
    for (const line of order?.line_items ?? []) expect(DOCUMENTED_DISPLAY).toContain(line.display_status);
    return (order?.line_items ?? []).map((l) => `${l.display_status}/${l.package_status}`);
  };

  it('moves the package past PROCESSING: FULFILLING in transit, COMPLETED once delivered', async () => {
    const order = t.sim.admin.createOrder({ skus: [{ sellerSku: 'TS-TOTE-NAT', quantity: 1 }] });
    expect(await lines(order.id)).toEqual(['UNPAID/TO_FULFILL']);
    t.sim.admin.advanceOrder(order.id, 'pay');
    expect(await lines(order.id)).toEqual(['AWAITING_SHIPMENT/TO_FULFILL']);
    t.sim.admin.advanceOrder(order.id, 'release-hold');
    expect(await lines(order.id)).toEqual(['AWAITING_SHIPMENT/TO_FULFILL']);
    t.sim.admin.advanceOrder(order.id, 'ship');
    expect(await lines(order.id)).toEqual(['AWAITING_COLLECTION/PROCESSING']);
    t.sim.admin.advanceOrder(order.id, 'in-transit');
    expect(await lines(order.id)).toEqual(['IN_TRANSIT/FULFILLING']);
    t.sim.admin.advanceOrder(order.id, 'deliver');
    expect(await lines(order.id)).toEqual(['DELIVERED/COMPLETED']);
    t.sim.admin.advanceOrder(order.id, 'complete');
    expect(await lines(order.id)).toEqual(['COMPLETED/COMPLETED']);
  });

  it('a partial shipment shows the shipped line AWAITING_COLLECTION and the other AWAITING_SHIPMENT', async () => {
    const order = t.sim.admin.createOrder({
      skus: [{ sellerSku: 'TS-TOTE-NAT', quantity: 2 }],
      advanceTo: 'AWAITING_SHIPMENT',
    });
    const provider = t.sim.state.shippingProviders[0]?.id ?? '';
    const shipped = await call(t, {
      method: 'POST',
      path: `/fulfillment/202309/orders/${order.id}/packages`,
      body: {
        tracking_number: 'TRACK0001',
        shipping_provider_id: provider,
        order_line_item_ids: [order.line_items[0]?.id],
      },
      token,
      cipher,
    });
    expect(shipped.json.code).toBe(0);
    expect(t.sim.admin.getOrder(order.id).status).toBe('PARTIALLY_SHIPPING');
    expect(await lines(order.id)).toEqual(['AWAITING_COLLECTION/PROCESSING', 'AWAITING_SHIPMENT/TO_FULFILL']);
  });
});
