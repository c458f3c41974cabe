import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { EXAMPLE_BUNDLES } from '../domain/seed';
import { authorizeOverHttp, call, startTestSim, type TestSim } from './helpers';

describe('virtual bundles: combined_listing_skus in Get Order Detail only, shared inventory', () => {
  let t: TestSim;
  let token: string;
  let cipher: string;
  beforeEach(async () => {
    t = await startTestSim({ seed: { bundles: EXAMPLE_BUNDLES } });
    token = (await authorizeOverHttp(t)).access_token;
    cipher = t.sim.admin.shops()[0]?.cipher ?? '';
  });
  afterEach(() => t.sim.stop());

  const stock = (sellerSku: string) => t.sim.admin.getInventory({ sellerSku })[0]?.quantity;

  it('returns the bundle components on the line in Get Order Detail and not in Get Order List', async () => {
    const order = t.sim.admin.createOrder({ skus: [{ sellerSku: 'TS-BUNDLE-HOODIE-TOTE', quantity: 1 }] });
    const hoodie = t.sim.state.findSkuBySellerSku(t.sim.admin.shops()[0]?.id ?? '', 'TS-HOODIE-BLK-M');
    const tote = t.sim.state.findSkuBySellerSku(t.sim.admin.shops()[0]?.id ?? '', 'TS-TOTE-NAT');
    const detail = await call(t, { path: '/order/202309/orders', query: { ids: order.id }, token, cipher });
    const [line] = (detail.json.data as { orders: TikTokOrder[] }).orders[0]?.line_items ?? [];
    expect(line).toMatchObject({ seller_sku: 'TS-BUNDLE-HOODIE-TOTE', original_price: '84.99' });
    expect(line?.combined_listing_skus).toEqual([
      { sku_id: hoodie?.sku.id, sku_count: 1, product_id: hoodie?.product.id, seller_sku: 'TS-HOODIE-BLK-M' },
      { sku_id: tote?.sku.id, sku_count: 2, product_id: tote?.product.id, seller_sku: 'TS-TOTE-NAT' },
    ]);
    const newer = await call(t, { path: '/order/202507/orders', query: { ids: order.id }, token, cipher });
    expect(
      (newer.json.data as { orders: TikTokOrder[] }).orders[0]?.line_items[0]?.combined_listing_skus,
    ).toHaveLength(2);
    const list = await call(t, {
      method: 'POST',
      path: '/order/202309/orders/search',
      query: { page_size: '10' },
      body: {},
      token,
      cipher,
    });
    const listed = (list.json.data as { orders: TikTokOrder[] }).orders.find((o) => o.id === order.id);
    expect(listed?.line_items[0]?.seller_sku).toBe('TS-BUNDLE-HOODIE-TOTE');
    expect(listed?.line_items[0]).not.toHaveProperty('combined_listing_skus');
  });

  it("reserves and releases the components' stock; the bundle's stock is what the components allow", async () => {
    expect([stock('TS-HOODIE-BLK-M'), stock('TS-TOTE-NAT'), stock('TS-BUNDLE-HOODIE-TOTE')]).toEqual([
      100, 100, 50,
    ]);
    const order = t.sim.admin.createOrder({ skus: [{ sellerSku: 'TS-BUNDLE-HOODIE-TOTE', quantity: 2 }] });
    expect([stock('TS-HOODIE-BLK-M'), stock('TS-TOTE-NAT'), stock('TS-BUNDLE-HOODIE-TOTE')]).toEqual([
      98, 96, 48,
    ]);
    const bundle = t.sim.state.findSkuBySellerSku(t.sim.admin.shops()[0]?.id ?? '', 'TS-BUNDLE-HOODIE-TOTE');
    const product = await call(t, { path: `/product/202309/products/${bundle?.product.id}`, token, cipher });
    expect(
      (product.json.data as { skus: { inventory: { quantity: number }[] }[] }).skus[0]?.inventory[0]
        ?.quantity,
    ).toBe(48);
    t.sim.admin.cancelOrder(order.id, { by: 'BUYER' });
    expect([stock('TS-HOODIE-BLK-M'), stock('TS-TOTE-NAT')]).toEqual([100, 100]);
    t.sim.admin.setInventory({ sellerSku: 'TS-TOTE-NAT', quantity: 1 });
    expect(() =>
      t.sim.admin.createOrder({ skus: [{ sellerSku: 'TS-BUNDLE-HOODIE-TOTE', quantity: 1 }] }),
    ).toThrow(/Insufficient inventory/);
  });
});
