import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { parseMinor } from '../money';
import { authorizeOverHttp, call, startTestSim, type TestSim } from './helpers';

describe('orders API (TikTok’s Order API)', () => {
  let t: TestSim;
  let token: string;
  let cipher: string;

  beforeEach(async () => {
    t = await startTestSim({ seed: { inventoryPerWarehouse: 1000 } });
    token = (await authorizeOverHttp(t)).access_token;
    cipher = t.sim.admin.shops()[0]?.cipher ?? '';
  });
  afterEach(() => t.sim.stop());

  const search = (query: Record<string, string>, body: Record<string, unknown> = {}) =>
    call(t, { method: 'POST', path: '/order/202309/orders/search', query, body, token, cipher });

  async function pageAll(query: Record<string, string>, body: Record<string, unknown>) {
    const seen: TikTokOrder[] = [];
    let pageToken = '';
    let pages = 0;
    let total = -1;
    for (;;) {
      const { json } = await search(pageToken ? { ...query, page_token: pageToken } : query, body);
      expect(json.code).toBe(0);
      const data = json.data as { orders: TikTokOrder[]; next_page_token: string; total_count: number };
      total = data.total_count;
      seen.push(...data.orders);
      pages += 1;
      if (data.next_page_token === '') break;
      expect(data.next_page_token).toMatch(/[+/]/);
      pageToken = data.next_page_token;
    }
    return { seen, pages, total };
  }

  it('pages to the end with update_time filters, in both sort orders', async () => {
    const created: string[] = [];
    for (let i = 0; i < 11; i += 1) {
      t.clock.advance(60_000);
      created.push(t.sim.admin.createOrder().id);
    }
    const windowStart = Math.floor(t.clock.now() / 1000) - 5 * 60 - 1;
    t.clock.advance(60_000);
    t.sim.admin.advanceOrder(created[0] ?? '', 'pay');
    const windowEnd = Math.floor(t.clock.now() / 1000) + 1;
    const body = { update_time_ge: windowStart, update_time_lt: windowEnd };
    const expected = [...t.sim.state.orders.values()]
      .map((r) => r.order)
      .filter((o) => o.update_time >= windowStart && o.update_time < windowEnd);
    expect(expected.length).toBe(7);

    const asc = await pageAll({ page_size: '4', sort_field: 'update_time', sort_order: 'ASC' }, body);
    expect(asc.total).toBe(7);
    expect(asc.pages).toBe(2);
    expect(asc.seen.map((o) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
    const ascTimes = asc.seen.map((o) => o.update_time);
    expect(ascTimes).toEqual([...ascTimes].sort((a, b) => a - b));
    expect(asc.seen[asc.seen.length - 1]?.id).toBe(created[0]);

    const desc = await pageAll({ page_size: '4', sort_field: 'update_time', sort_order: 'DESC' }, body);
    expect(desc.seen.map((o) => o.id)).toEqual([...asc.seen].reverse().map((o) => o.id));

    const everything = await pageAll({ page_size: '100' }, {});
    expect(everything.pages).toBe(1);
    expect(everything.total).toBe(11);
  });

  it('validates page_size, sort_field, sort_order and a tampered page token', async () => {
    expect((await search({})).json.code).toBe(36009004);
    expect((await search({ page_size: '0' })).json.code).toBe(36009004);
    expect((await search({ page_size: '101' })).json.code).toBe(36009004);
    expect((await search({ page_size: '10', sort_field: 'paid_time' })).json.code).toBe(36009004);
    expect((await search({ page_size: '10', sort_order: 'asc' })).json.code).toBe(36009004);
    expect((await search({ page_size: '10', page_token: 'bm90LWEtdG9rZW4=' })).json.code).toBe(36009004);
    expect((await search({ page_size: '10' }, { order_status: 'SHIPPED' })).json.code).toBe(36009004);
  });

  it('detail refuses more than 50 ids and foreign ids', async () => {
    const ids = Array.from({ length: 3 }, () => t.sim.admin.createOrder().id);
    const ok = await call(t, { path: '/order/202309/orders', query: { ids: ids.join(',') }, token, cipher });
    expect(ok.json.code).toBe(0);
    expect((ok.json.data as { orders: TikTokOrder[] }).orders.map((o) => o.id)).toEqual(ids);
    const many = Array.from({ length: 51 }, (_, i) => `5764614130387857${String(i).padStart(2, '0')}`);
    const tooMany = await call(t, {
      path: '/order/202309/orders',
      query: { ids: many.join(',') },
      token,
      cipher,
    });
    expect([tooMany.status, tooMany.json.code, tooMany.json.data]).toEqual([400, 36009004, null]);
    const foreign = await call(t, {
      path: '/order/202309/orders',
      query: { ids: '576000000000000000' },
      token,
      cipher,
    });
    expect(foreign.json.code).toBe(21008111);
  });

  it('hides the recipient address until the hold ends, and releases the hold after 1 hour on the clock', async () => {
    const id = t.sim.admin.createOrder({ skus: [{ sellerSku: 'TS-HOODIE-BLK-M', quantity: 2 }] }).id;
    const detail = async () =>
      (
        (await call(t, { path: '/order/202309/orders', query: { ids: id }, token, cipher })).json.data as {
          orders: TikTokOrder[];
        }
      ).orders[0] as TikTokOrder;
    expect((await detail()).status).toBe('UNPAID');
    expect((await detail()).recipient_address).toBeUndefined();
    t.sim.admin.advanceOrder(id, 'pay');
    expect((await detail()).status).toBe('ON_HOLD');
    expect((await detail()).recipient_address).toBeUndefined();
    t.clock.advance(59 * 60_000);
    expect((await detail()).status).toBe('ON_HOLD');
    t.clock.advance(60_000);
    const released = await detail();
    expect(released.status).toBe('AWAITING_SHIPMENT');
    expect(released.update_time).toBe((released.paid_time ?? 0) + 3600);
    expect(released.recipient_address?.district_info?.[0]).toMatchObject({ address_level: 'L0' });
    expect(released.recipient_address?.region_code).toBe('US');
  });

  it('generates TikTok-shaped orders: one line per unit, consistent money', async () => {
    const order = t.sim.admin.createOrder({
      skus: [
        { sellerSku: 'TS-HOODIE-BLK-M', quantity: 2 },
        { sellerSku: 'TS-TOTE-NAT', quantity: 1 },
      ],
      sellerDiscountPercent: 10,
      platformDiscountPerUnit: '1.00',
      paymentMethodName: 'PayPal',
    });
    expect(order.id).toMatch(/^\d{18}$/);
    expect(order.line_items).toHaveLength(3);
    expect(new Set(order.line_items.map((l) => l.id)).size).toBe(3);
    expect(order.payment_method_name).toBe('PayPal');
    expect(order.buyer_email).toMatch(/@chat\.seller\.tiktok\.com$/);
    const m = (v: string | undefined) => parseMinor(v ?? '0', 'USD') ?? NaN;
    const p = order.payment;
    expect(m(p.sub_total)).toBe(
      m(p.original_total_product_price) - m(p.seller_discount) - m(p.platform_discount),
    );
    expect(m(p.shipping_fee)).toBe(
      m(p.original_shipping_fee) - m(p.shipping_fee_seller_discount) - m(p.shipping_fee_platform_discount),
    );
    expect(m(p.tax)).toBe(m(p.product_tax) + m(p.shipping_fee_tax));
    expect(m(p.total_amount)).toBe(m(p.sub_total) + m(p.shipping_fee) + m(p.tax));
    expect(m(p.sub_total)).toBe(order.line_items.reduce((s, l) => s + m(l.sale_price), 0));
    expect(p.original_total_product_price).toBe('123.98');
    expect(p.seller_discount).toBe('12.40');
    expect(p.platform_discount).toBe('3.00');
    expect(order.packages).toBeUndefined();
    expect(order.fulfillment_type).toBe('FULFILLMENT_BY_SELLER');

    const sample = t.sim.admin.createOrder({
      sample: true,
      skus: [{ sellerSku: 'TS-TEE-WHT-S', quantity: 1 }],
    });
    expect(sample.is_sample_order).toBe(true);
    expect(sample.payment.total_amount).toBe('0.00');
    const fbt = t.sim.admin.createOrder({ fbt: true });
    expect(fbt.fulfillment_type).toBe('FULFILLMENT_BY_TIKTOK');
  });

  it('reserves inventory on order creation and releases it on cancellation', async () => {
    const before = t.sim.admin.getInventory({ sellerSku: 'TS-TOTE-NAT' })[0]?.quantity ?? 0;
    const order = t.sim.admin.createOrder({ skus: [{ sellerSku: 'TS-TOTE-NAT', quantity: 3 }] });
    expect(t.sim.admin.getInventory({ sellerSku: 'TS-TOTE-NAT' })[0]?.quantity).toBe(before - 3);
    t.sim.admin.cancelOrder(order.id, { by: 'BUYER' });
    expect(t.sim.admin.getOrder(order.id).status).toBe('CANCELLED');
    expect(t.sim.admin.getInventory({ sellerSku: 'TS-TOTE-NAT' })[0]?.quantity).toBe(before);
  });
});
