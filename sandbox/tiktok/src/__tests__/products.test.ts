import { authorizeOverHttp, call, startTestSim, type TestSim } from './helpers';

interface SearchedProduct {
  id: string;
  status: string;
  skus: { id: string; seller_sku: string; inventory: { warehouse_id: string; quantity: number }[] }[];
}

describe('products and inventory (TikTok’s Product API, Update Inventory, regions)', () => {
  let t: TestSim;
  let token: string;
  let us: { id: string; cipher: string };
  let gbCrossBorder: { id: string; cipher: string };

  beforeEach(async () => {
    t = await startTestSim({
      seed: {
        shops: [
          { region: 'US', warehouses: 2 },
          { region: 'GB', sellerType: 'CROSS_BORDER' },
        ],
      },
    });
    token = (await authorizeOverHttp(t)).access_token;
    const [first, second] = t.sim.admin.shops();
    us = { id: first?.id ?? '', cipher: first?.cipher ?? '' };
    gbCrossBorder = { id: second?.id ?? '', cipher: second?.cipher ?? '' };
  });
  afterEach(() => t.sim.stop());

  async function findBySellerSku(sellerSku: string): Promise<SearchedProduct> {
    const { json } = await call(t, {
      method: 'POST',
      path: '/product/202502/products/search',
      query: { page_size: '20' },
      body: { seller_skus: [sellerSku] },
      token,
      cipher: us.cipher,
    });
    expect(json.code).toBe(0);
    const products = (json.data as { products: SearchedProduct[] }).products;
    expect(products).toHaveLength(1);
    return products[0] as SearchedProduct;
  }

  const updateInventory = (productId: string, body: unknown) =>
    call(t, {
      method: 'POST',
      path: `/product/202309/products/${productId}/inventory/update`,
      body,
      token,
      cipher: us.cipher,
    });

  it('searches by seller_sku (≤ 10) and gets a product', async () => {
    const hoodie = await findBySellerSku('TS-HOODIE-BLK-M');
    expect(hoodie.skus.map((s) => s.seller_sku)).toContain('TS-HOODIE-BLK-M');
    expect(hoodie.skus[0]?.inventory).toHaveLength(2);
    const tooMany = await call(t, {
      method: 'POST',
      path: '/product/202309/products/search',
      query: { page_size: '20' },
      body: { seller_skus: Array.from({ length: 11 }, (_, i) => `SKU-${i}`) },
      token,
      cipher: us.cipher,
    });
    expect(tooMany.json.code).toBe(12019027);
    const detail = await call(t, { path: `/product/202309/products/${hoodie.id}`, token, cipher: us.cipher });
    expect(detail.json.data).toMatchObject({ id: hoodie.id, status: 'ACTIVATE' });
    const missing = await call(t, {
      path: '/product/202309/products/1729000000000000000',
      token,
      cipher: us.cipher,
    });
    expect(missing.json.code).toBe(12019150);
    const foreign = await call(t, {
      path: `/product/202309/products/${hoodie.id}`,
      token,
      cipher: gbCrossBorder.cipher,
    });
    expect(foreign.json.code).toBe(12052034);
  });

  it('inventory update: per-SKU errors inside a code-0 response, valid SKUs applied', async () => {
    const hoodie = await findBySellerSku('TS-HOODIE-BLK-M');
    const [skuA, skuB, skuC] = hoodie.skus;
    const [w1, w2] = skuA?.inventory.map((i) => i.warehouse_id) ?? [];
    const tee = await findBySellerSku('TS-TEE-WHT-S');
    const { status, json } = await updateInventory(hoodie.id, {
      skus: [
        {
          id: skuA?.id,
          inventory: [
            { warehouse_id: w1, quantity: 7 },
            { warehouse_id: w2, quantity: 0 },
          ],
        },
        { id: skuB?.id, inventory: [{ warehouse_id: w1, quantity: 5 }] },
        {
          id: skuC?.id,
          inventory: [
            { warehouse_id: w1, quantity: 5 },
            { warehouse_id: '7000999999999999999', quantity: 1 },
          ],
        },
        { id: tee.skus[0]?.id, inventory: [{ warehouse_id: w1, quantity: 1 }] },
        {
          id: skuB?.id,
          inventory: [
            { warehouse_id: w1, quantity: 100_000 },
            { warehouse_id: w2, quantity: 1 },
          ],
        },
      ],
    });
    expect([status, json.code, json.message]).toEqual([200, 0, 'Success']);
    const errors = (
      json.data as { errors: { code: number; message: string; detail: Record<string, unknown> }[] }
    ).errors;
    expect(errors).toEqual([
      {
        code: 12019028,
        message: expect.stringMatching(/^Multiple warehouses detected/),
        detail: { sku_id: skuB?.id },
      },
      {
        code: 12052990,
        message: 'Check failed',
        detail: {
          sku_id: skuC?.id,
          extra_errors: [
            { warehouse_id: '7000999999999999999', code: 12052097, message: 'The warehouse does not exist' },
          ],
        },
      },
      {
        code: 12052557,
        message: 'The SKU ID does not belong to the product.',
        detail: { sku_id: tee.skus[0]?.id },
      },
      { code: 12052553, message: 'Sku id duplicate', detail: { sku_id: skuB?.id } },
    ]);
    const rows = t.sim.admin.getInventory({ skuId: skuA?.id });
    expect(Object.fromEntries(rows.map((r) => [r.warehouseId, r.quantity]))).toEqual({
      [w1 ?? '']: 7,
      [w2 ?? '']: 0,
    });
    expect(t.sim.admin.getInventory({ skuId: skuC?.id }).every((r) => r.quantity === 100)).toBe(true);
  });

  it('inventory update on a product of another shop → 12052034', async () => {
    const hoodie = await findBySellerSku('TS-HOODIE-BLK-M');
    const foreign = await call(t, {
      method: 'POST',
      path: `/product/202309/products/${hoodie.id}/inventory/update`,
      body: { skus: [{ id: hoodie.skus[0]?.id, inventory: [{ quantity: 1 }] }] },
      token,
      cipher: gbCrossBorder.cipher,
    });
    expect(foreign.json.code).toBe(12052034);
  });

  const productBody = (warehouseId: string, currency: string) => ({
    title: 'Organic Cotton Beanie',
    description: '<p>Warm</p>',
    category_id: '605255',
    main_images: [{ uri: 'tos-maliva-i-o3syd03w52-us/abc' }],
    product_attributes: [{ id: '101001', values: [{ id: '1010013' }] }],
    package_weight: { value: '0.2', unit: 'POUND' },
    skus: [
      {
        seller_sku: 'TS-BEANIE-BLK',
        price: { amount: '15.00', currency },
        inventory: [{ warehouse_id: warehouseId, quantity: 40 }],
      },
    ],
  });

  it('create product: local shop succeeds and is audited; cross-border seller gets 12052701', async () => {
    t.sim.state.uploadedImages.set('tos-maliva-i-o3syd03w52-us/abc', {
      width: 800,
      height: 800,
      useCase: 'MAIN_IMAGE',
    });
    const warehouse = t.sim.state.defaultWarehouse(us.id).id;
    const created = await call(t, {
      method: 'POST',
      path: '/product/202309/products',
      body: productBody(warehouse, 'USD'),
      token,
      cipher: us.cipher,
    });
    expect(created.json.code).toBe(0);
    const data = created.json.data as { product_id: string; skus: { id: string; seller_sku: string }[] };
    expect(data.skus[0]?.seller_sku).toBe('TS-BEANIE-BLK');
    expect(t.sim.state.products.get(data.product_id)?.status).toBe('PENDING');
    t.clock.advance(60_000);
    await t.sim.tick();
    expect(t.sim.state.products.get(data.product_id)?.status).toBe('ACTIVATE');

    const gbWarehouse = t.sim.state.defaultWarehouse(gbCrossBorder.id).id;
    const refused = await call(t, {
      method: 'POST',
      path: '/product/202309/products',
      body: productBody(gbWarehouse, 'GBP'),
      token,
      cipher: gbCrossBorder.cipher,
    });
    expect([refused.json.code, refused.json.message]).toEqual([
      12052701,
      'do not support cross-boarder seller create local product directly',
    ]);
  });

  it('create product validates currency and warehouses', async () => {
    t.sim.state.uploadedImages.set('tos-maliva-i-o3syd03w52-us/abc', {
      width: 800,
      height: 800,
      useCase: 'MAIN_IMAGE',
    });
    const warehouse = t.sim.state.defaultWarehouse(us.id).id;
    const create = (body: unknown) =>
      call(t, { method: 'POST', path: '/product/202309/products', body, token, cipher: us.cipher });
    expect((await create(productBody(warehouse, 'EUR'))).json.code).toBe(12052084);
    expect((await create(productBody('7000999999999999999', 'USD'))).json.code).toBe(12052097);
    expect(
      (await create(productBody(t.sim.state.defaultWarehouse(gbCrossBorder.id).id, 'USD'))).json.code,
    ).toBe(12052530);
    expect((await create({ ...productBody(warehouse, 'USD'), main_images: [] })).json.code).toBe(12052028);
  });
});
