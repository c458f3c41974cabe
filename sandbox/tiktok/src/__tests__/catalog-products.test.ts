import { authorizeOverHttp, call, startTestSim, type TestSim } from './helpers';

/**
 * The product life cycle the catalog pull reads (issue #19): products listed in Seller Center emit
 * PRODUCT_CREATION (type 16), edits PRODUCT_INFORMATION_CHANGE (type 15) with a newer update_time,
 * Search Products filters by update_time and serves at most 10,000 results of one search while
 * total_count says how many matched.
 */
describe('catalog products in the simulator', () => {
  let t: TestSim;
  let token: string;
  let shop: { id: string; cipher: string };

  beforeEach(async () => {
    t = await startTestSim({ webhookUrl: 'http://127.0.0.1:9/webhooks' });
    token = (await authorizeOverHttp(t)).access_token;
    const [first] = t.sim.admin.shops();
    shop = { id: first?.id ?? '', cipher: first?.cipher ?? '' };
  });
  afterEach(() => t.sim.stop());

  const search = (body: unknown, pageToken?: string) =>
    call(t, {
      method: 'POST',
      path: '/product/202502/products/search',
      query: { page_size: '100', ...(pageToken ? { page_token: pageToken } : {}) },
      body,
      token,
      cipher: shop.cipher,
    });

  it('emits product webhooks on creation and edit, and finds the edit by update_time', async () => {
    const [mug] = t.sim.admin.createProducts({
      shopId: shop.id,
      products: [{ title: 'Mug', skus: [{ sellerSku: 'MUG-1' }, { sellerSku: 'MUG-2' }] }],
    });
    const created = mug!.updateTime;
    t.clock.advance(10_000);
    t.sim.admin.editProduct(mug!.id, { title: 'Big mug', sellerSkus: { [mug!.skus[0]!.id]: 'MUG-1B' } });
    expect(t.sim.admin.deliveries().map((d) => [d.type, d.eventType])).toEqual([
      [16, 'PRODUCT_CREATION'],
      [15, 'PRODUCT_INFORMATION_CHANGE'],
    ]);
    const edited = JSON.parse(t.sim.admin.deliveries()[1]!.body) as { data: Record<string, unknown> };
    expect(edited.data).toMatchObject({ product_id: mug!.id, changed_fields: ['title', 'skus'] });
    const { json } = await search({ update_time_ge: created + 1 });
    const products = (
      json.data as { products: { id: string; title: string; skus: { seller_sku: string }[] }[] }
    ).products;
    expect(products.map((p) => [p.id, p.title, p.skus.map((s) => s.seller_sku)])).toEqual([
      [mug!.id, 'Big mug', ['MUG-1B', 'MUG-2']],
    ]);
  });

  it('refuses seller SKUs TikTok refuses', () => {
    expect(() =>
      t.sim.admin.createProducts({
        shopId: shop.id,
        products: [{ title: 'X', skus: [{ sellerSku: 'HAS SPACE' }] }],
      }),
    ).toThrow(/no spaces/);
  });

  it('serves at most 10,000 results of one search, with the full total_count', async () => {
    const products = Array.from({ length: 10_050 }, (_, i) => ({
      title: `P ${i}`,
      skus: [{ sellerSku: `P-${i}` }],
    }));
    t.sim.admin.createProducts({ shopId: shop.id, products });
    let served = 0;
    let total = 0;
    let pageToken: string | undefined;
    do {
      const { json } = await search({}, pageToken);
      const data = json.data as { products: unknown[]; total_count: number; next_page_token: string };
      served += data.products.length;
      total = data.total_count;
      pageToken = data.next_page_token || undefined;
    } while (pageToken !== undefined);
    expect(served).toBe(10_000);
    expect(total).toBeGreaterThan(10_000);
  }, 60_000);
});
