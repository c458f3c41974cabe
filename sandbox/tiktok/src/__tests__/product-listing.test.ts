/**
 * The simulator's product listing side (issue #20): categories, attributes, rules, brands, Recommend
 * Category, Upload Image, Create / Edit / Partial Edit / Update Price and the asynchronous audit with
 * its webhooks — one test per rule.
 */
import { signForTest } from '../signing';
import {
  authorizeOverHttp,
  call,
  startReceiver,
  startTestSim,
  type ApiResult,
  type Envelope,
  type Receiver,
  type TestSim,
} from './helpers';

/** A 200 × 200 PNG header (IHDR) with a body: enough for the format and size checks. */
function png(width = 200, height = 200, fill = 1): Buffer {
  const header = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
  const size = Buffer.alloc(8);
  size.writeUInt32BE(width, 0);
  size.writeUInt32BE(height, 4);
  return Buffer.concat([header, size, Buffer.alloc(64, fill)]);
}

describe('product listing (TikTok’s Product API: categories, images, create, edit, price, audit)', () => {
  let t: TestSim;
  let token: string;
  let us: { id: string; cipher: string };
  let crossBorder: { id: string; cipher: string };
  let warehouse: string;
  let receiver: Receiver;

  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTestSim({
      webhookUrl: receiver.url,
      seed: {
        shops: [
          { region: 'US', warehouses: 1 },
          { region: 'GB', sellerType: 'CROSS_BORDER' },
        ],
      },
    });
    token = (await authorizeOverHttp(t)).access_token;
    const [first, second] = t.sim.admin.shops();
    us = { id: first?.id ?? '', cipher: first?.cipher ?? '' };
    crossBorder = { id: second?.id ?? '', cipher: second?.cipher ?? '' };
    warehouse = t.sim.state.defaultWarehouse(us.id).id;
  });
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  async function upload(data: Buffer, useCase = 'MAIN_IMAGE', name = 'a.png'): Promise<ApiResult> {
    const path = '/product/202309/images/upload';
    const signed = signForTest({
      path,
      query: { app_key: t.sim.app.appKey },
      body: '',
      contentType: 'multipart/form-data',
      appKey: t.sim.app.appKey,
      appSecret: t.sim.app.appSecret,
      timestamp: Math.floor(t.clock.now() / 1000),
    });
    const form = new FormData();
    form.append('data', new Blob([data]), name);
    form.append('use_case', useCase);
    const response = await fetch(
      `${t.sim.apiBaseUrl}${path}?${new URLSearchParams(signed.query).toString()}`,
      {
        method: 'POST',
        headers: { 'x-tts-access-token': token },
        body: form,
      },
    );
    return { status: response.status, json: (await response.json()) as Envelope };
  }

  async function uploadedUri(fill = 1): Promise<string> {
    const result = await upload(png(200, 200, fill));
    expect(result.json.code).toBe(0);
    return (result.json.data as { uri: string }).uri;
  }

  const api = (
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    cipher = us.cipher,
    query = {},
  ) => call(t, { method, path, body, token, cipher, query });

  async function body(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return {
      title: 'Classic Cotton Tee',
      description: '<p>Soft cotton</p>',
      category_id: '601226',
      main_images: [{ uri: await uploadedUri() }],
      product_attributes: [{ id: '101001', values: [{ id: '1010011' }] }],
      package_weight: { value: '0.4', unit: 'POUND' },
      skus: [
        {
          seller_sku: 'TEE-BLK-M',
          price: { amount: '19.99', currency: 'USD' },
          inventory: [{ warehouse_id: warehouse, quantity: 10 }],
          sales_attributes: [
            { id: '100000', value_name: 'Black' },
            { id: '100007', value_name: 'M' },
          ],
        },
        {
          seller_sku: 'TEE-BLK-L',
          price: { amount: '19.99', currency: 'USD' },
          inventory: [{ warehouse_id: warehouse, quantity: 10 }],
          sales_attributes: [
            { id: '100000', value_name: 'Black' },
            { id: '100007', value_name: 'L' },
          ],
        },
      ],
      ...overrides,
    };
  }

  const create = async (b: Record<string, unknown>, cipher = us.cipher) =>
    api('POST', '/product/202309/products', b, cipher);

  async function audit(): Promise<void> {
    t.clock.advance(60_000);
    await t.sim.tick();
  }

  it('lists the category tree with leaf flags, a leaf’s attributes and rules', async () => {
    const categories = (await api('GET', '/product/202309/categories')).json.data as {
      categories: { id: string; parent_id: string; is_leaf: boolean }[];
    };
    expect(categories.categories.find((c) => c.id === '600001')).toMatchObject({
      parent_id: '0',
      is_leaf: false,
    });
    expect(categories.categories.find((c) => c.id === '601226')).toMatchObject({
      parent_id: '601152',
      is_leaf: true,
    });
    const attributes = (await api('GET', '/product/202309/categories/601226/attributes')).json.data as {
      attributes: { id: string; type: string; is_requried: boolean; values: { id: string }[] }[];
    };
    expect(attributes.attributes.filter((a) => a.type === 'SALES_PROPERTY').map((a) => a.id)).toEqual([
      '100000',
      '100007',
      '100011',
    ]);
    expect(attributes.attributes.find((a) => a.id === '101001')).toMatchObject({ is_requried: true });
    expect((await api('GET', '/product/202309/categories/600001/attributes')).json.code).toBe(12052003);
    const rules = (await api('GET', '/product/202309/categories/700520/rules')).json.data as {
      package_dimension: { is_required: boolean };
      product_certifications: { id: string; is_required: boolean }[];
    };
    expect(rules.package_dimension.is_required).toBe(true);
    expect(rules.product_certifications).toEqual([
      expect.objectContaining({ id: '7001', is_required: true }),
    ]);
  });

  it('lists brands with their authorization and recommends a leaf category', async () => {
    const brands = (await api('GET', '/product/202309/brands', undefined, us.cipher, { page_size: '2' })).json
      .data as {
      brands: { name: string; authorized_status: string }[];
      total_count: number;
      next_page_token: string;
    };
    expect(brands.brands).toHaveLength(2);
    expect(brands.total_count).toBe(4);
    expect(brands.next_page_token).not.toBe('');
    const protectedOne = (
      await api('GET', '/product/202309/brands', undefined, us.cipher, {
        page_size: '10',
        brand_name: 'fabrikam',
      })
    ).json.data as { brands: { authorized_status: string }[] };
    expect(protectedOne.brands).toEqual([expect.objectContaining({ authorized_status: 'UNAUTHORIZED' })]);
    const recommended = (
      await api('POST', '/product/202309/categories/recommend', { product_title: 'Ceramic coffee mug' })
    ).json.data as { leaf_category_id: string; categories: { id: string; is_leaf: boolean }[] };
    expect(recommended.leaf_category_id).toBe('605248');
    expect(recommended.categories.map((c) => c.id)).toEqual(['605000', '605248']);
  });

  it('uploads images over multipart: same content, same URI; size, format and content type refused', async () => {
    const first = await uploadedUri(7);
    expect(await uploadedUri(7)).toBe(first);
    expect(await uploadedUri(8)).not.toBe(first);
    expect((await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 0xff))).json.code).toBe(36009021);
    expect((await upload(Buffer.from('GIF89a........'))).json.code).toBe(12052025);
    expect((await upload(png(50, 50))).json.code).toBe(12052026);
    expect((await upload(png(), 'NOT_A_USE_CASE')).json.code).toBe(36009004);
    const json = await call(t, { method: 'POST', path: '/product/202309/images/upload', body: {}, token });
    expect(json.json.code).toBe(36009023);
  });

  it('creates a matrix product; the same idempotency_key answers the first result without a second product', async () => {
    const b = await body({ idempotency_key: 'item-42-abc' });
    const first = await create(b);
    expect(first.json.code).toBe(0);
    const again = await create(b);
    expect(again.json.data).toEqual(first.json.data);
    expect(t.sim.state.productsOf(us.id).filter((p) => p.title === 'Classic Cotton Tee')).toHaveLength(1);
  });

  it.each([
    ['no title', { title: '' }, 12052261],
    ['no description', { description: '' }, 12052015],
    ['a category that is not a leaf', { category_id: '601152' }, 12052003],
    ['an unknown category', { category_id: '999999' }, 12052001],
    ['an unauthorized brand', { brand_id: '7082427311584347908' }, 12052217],
    ['an unknown brand', { brand_id: '1' }, 12052216],
    ['no main image', { main_images: [] }, 12052028],
    ['an image not uploaded', { main_images: [{ uri: 'tos-x/never' }] }, 12052029],
    ['a missing required attribute', { product_attributes: [] }, 12052240],
    ['a value outside the list', { product_attributes: [{ id: '101001', values: [{ id: '9' }] }] }, 12052241],
    ['no package weight', { package_weight: undefined }, 12019011],
    [
      'a category needing package dimensions',
      {
        category_id: '605248',
        product_attributes: [
          { id: '101001', values: [{ id: '1010014' }] },
          { id: '101003', values: [{ name: '350 ml' }] },
          { id: '101610', values: [{ id: '1016102' }] },
        ],
      },
      12052222,
    ],
  ])('refuses %s', async (_name, overrides, code) => {
    expect((await create(await body(overrides))).json.code).toBe(code);
  });

  it('refuses SKUs that break the rules', async () => {
    const b = await body();
    const skus = b.skus as Record<string, unknown>[];
    const sku = skus[0] as Record<string, unknown>;
    const withSku = (patch: Record<string, unknown>) => ({ ...b, skus: [{ ...sku, ...patch }] });
    expect((await create(withSku({ seller_sku: 'A B' }))).json.code).toBe(12019059);
    expect((await create(withSku({ seller_sku: '' }))).json.code).toBe(12019059);
    expect((await create(withSku({ seller_sku: 'X'.repeat(51) }))).json.code).toBe(12052054);
    expect((await create(withSku({ price: { amount: '1.00', currency: 'GBP' } }))).json.code).toBe(12052084);
    const foreign = t.sim.state.defaultWarehouse(crossBorder.id).id;
    expect((await create(withSku({ inventory: [{ warehouse_id: foreign, quantity: 1 }] }))).json.code).toBe(
      12052530,
    );
    const four = ['100000', '100007', '100011', 'cus'].map((id) => ({
      id: id === 'cus' ? undefined : id,
      name: 'Fit',
      value_name: id,
    }));
    expect((await create(withSku({ sales_attributes: four }))).json.code).toBe(12052254);
    expect((await create({ ...b, skus: [sku, { ...sku }] })).json.code).toBe(12052056);
    expect(
      (
        await create({
          ...b,
          skus: [
            sku,
            { ...sku, seller_sku: 'OTHER', sales_attributes: [{ id: '100000', value_name: 'Red' }] },
          ],
        })
      ).json.code,
    ).toBe(12052255);
    const many = Array.from({ length: 301 }, (_, i) => ({
      ...sku,
      seller_sku: `S-${i}`,
      sales_attributes: [{ id: '100000', value_name: `C${i}` }],
    }));
    expect((await create({ ...b, skus: many })).json.code).toBe(12052558);
  });

  it('enforces category rules: package dimensions and certifications', async () => {
    const charger = await body({
      category_id: '700520',
      product_attributes: [{ id: '101610', values: [{ id: '1016102' }] }],
      skus: [{ ...((await body()).skus as Record<string, unknown>[])[0], sales_attributes: [] }],
    });
    expect((await create(charger)).json.code).toBe(12052222);
    const dims = { length: '4', width: '3', height: '2', unit: 'INCH' };
    expect((await create({ ...charger, package_dimensions: dims })).json.code).toBe(12052230);
    const cert = [{ id: '7001', images: [{ uri: await uploadedUri(3) }] }];
    expect((await create({ ...charger, package_dimensions: dims, certifications: cert })).json.code).toBe(0);
  });

  it('cross-border sellers get 12052701', async () => {
    const b = await body();
    const gbWarehouse = t.sim.state.defaultWarehouse(crossBorder.id).id;
    const skus = (b.skus as Record<string, unknown>[]).map((s) => ({
      ...s,
      price: { amount: '9.00', currency: 'GBP' },
      inventory: [{ warehouse_id: gbWarehouse, quantity: 1 }],
    }));
    const refused = await create(
      { ...b, skus, package_weight: { value: '1', unit: 'KILOGRAM' } },
      crossBorder.cipher,
    );
    expect(refused.json.code).toBe(12052701);
  });

  it('audits asynchronously: PENDING, then ACTIVATE with webhooks 5 and 37', async () => {
    const created = (await create(await body())).json.data as { product_id: string };
    expect(t.sim.state.products.get(created.product_id)?.status).toBe('PENDING');
    await audit();
    expect(t.sim.state.products.get(created.product_id)?.status).toBe('ACTIVATE');
    expect(t.sim.webhooks.deliveries({ eventType: 'PRODUCT_AUDIT_STATUS_CHANGE' }).length).toBe(1);
  });

  it('fails the audit of forced SKUs with reasons on Get Product and in the webhook', async () => {
    await t.sim.admin.setProductAudit({ failSellerSkus: ['TEE-BLK-L'] });
    const created = (await create(await body())).json.data as { product_id: string };
    await audit();
    const product = (await api('GET', `/product/202309/products/${created.product_id}`)).json.data as {
      status: string;
      audit_failed_reasons: { reasons: string[] }[];
    };
    expect(product.status).toBe('FAILED');
    expect(product.audit_failed_reasons[0]?.reasons.length).toBeGreaterThan(0);
    const hook = t.sim.webhooks.deliveries({ eventType: 'PRODUCT_STATUS_CHANGE' }).at(-1);
    expect(JSON.parse(hook?.body ?? '{}').data.status).toBe('PRODUCT_AUDIT_FAILURE');
  });

  it('fails a deterministic share of audits with failRate', async () => {
    await t.sim.admin.setProductAudit({ failRate: 1 });
    const created = (await create(await body())).json.data as { product_id: string };
    await audit();
    expect(t.sim.state.products.get(created.product_id)?.status).toBe('FAILED');
  });

  it('Edit Product replaces everything: omitted SKUs are deleted, a new audit starts', async () => {
    const created = (await create(await body())).json.data as { product_id: string; skus: { id: string }[] };
    await audit();
    const b = await body({ title: 'Classic Cotton Tee v2' });
    const keep = { ...(b.skus as Record<string, unknown>[])[0], id: created.skus[0]?.id };
    const edited = await api('PUT', `/product/202309/products/${created.product_id}`, { ...b, skus: [keep] });
    expect(edited.json.code).toBe(0);
    const product = t.sim.state.products.get(created.product_id);
    expect(product?.skus.map((s) => s.id)).toEqual([created.skus[0]?.id]);
    expect([product?.title, product?.status]).toEqual(['Classic Cotton Tee v2', 'PENDING']);
    const stranger = await api('PUT', `/product/202309/products/${created.product_id}`, {
      ...b,
      skus: [{ ...keep, id: '1730000000000000000' }],
    });
    expect(stranger.json.code).toBe(12052035);
  });

  it('Partial Edit changes only the given fields and re-audits', async () => {
    const created = (await create(await body())).json.data as { product_id: string };
    await audit();
    const result = await api('POST', `/product/202309/products/${created.product_id}/partial_edit`, {
      description: '<p>Softer</p>',
    });
    expect(result.json.code).toBe(0);
    const product = t.sim.state.products.get(created.product_id);
    expect([product?.description, product?.title, product?.skus.length, product?.status]).toEqual([
      '<p>Softer</p>',
      'Classic Cotton Tee',
      2,
      'PENDING',
    ]);
  });

  it('Update Price: only ACTIVATE products, no new audit', async () => {
    const created = (await create(await body())).json.data as { product_id: string; skus: { id: string }[] };
    const path = `/product/202309/products/${created.product_id}/prices/update`;
    const price = { skus: [{ id: created.skus[0]?.id, price: { amount: '24.50', currency: 'USD' } }] };
    expect((await api('POST', path, price)).json.code).toBe(12052901);
    await audit();
    expect((await api('POST', path, price)).json.code).toBe(0);
    const product = t.sim.state.products.get(created.product_id);
    expect([product?.skus[0]?.priceMinor, product?.status, product?.auditRound]).toEqual([
      2450,
      'ACTIVATE',
      1,
    ]);
    const wrongCurrency = { skus: [{ id: created.skus[0]?.id, price: { amount: '1.00', currency: 'EUR' } }] };
    expect((await api('POST', path, wrongCurrency)).json.code).toBe(12052084);
  });
});
