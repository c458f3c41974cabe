import type {
  AuditResult,
  CatalogPushPullResponse,
  PushAckResult,
  PushProduct,
} from '../../../../shared-types/src/catalog/product-push';
import type { CategoryInfo } from '../../catalog/push-rules';
import type { JobRecord, NewJob } from '../../store/types';
import { tiktokErrorFor, TikTokNetworkError } from '../../tiktok/errors';
import {
  isProductRefusal,
  ProductPushCache,
  productAuditHandler,
  runProductPush,
  type ProductPushDeps,
} from '../product-push';

/**
 * The push pass (bridge/src/workers/product-push.ts) against fakes: one TikTok call per action, the
 * same Create Product idempotency key when a pass is retried, category rules and image URIs reused by
 * the next pass, an ack NetSuite stopped part-way resent from where it stopped, 12052701 ends the pass
 * with not_allowed, and the audit check: PENDING → checked again later, ACTIVATE / FAILED → NetSuite.
 */
const SHOP = '7000000000000001';

const CATEGORY: CategoryInfo = {
  categoryId: '601226',
  attributes: [
    {
      id: '101001',
      name: 'Material',
      type: 'PRODUCT_PROPERTY',
      required: true,
      customizable: false,
      multipleSelection: false,
      values: [{ id: '1010011', name: 'Cotton' }],
    },
  ],
  packageDimensionsRequired: false,
  requiredCertifications: [],
};

function product(n: number, over: Partial<PushProduct> = {}): PushProduct {
  return {
    itemId: String(n),
    kind: 'standalone',
    change: 'create',
    tiktokProductId: null,
    title: `Tee ${n}`,
    descriptionHtml: '<p>Tee</p>',
    categoryId: '601226',
    brandName: null,
    attributes: [{ id: '101001', values: ['Cotton'] }],
    packageWeight: { value: '1', unit: 'POUND' },
    packageDimensions: null,
    images: [{ fileId: '9', name: 'tee.png', bytes: 10, contentHash: 'same-image' }],
    skus: [
      {
        itemId: String(n),
        sellerSku: `TEE-${n}`,
        price: { amount: '10.00', currency: 'USD' },
        identifier: null,
        salesAttributes: [],
        tiktokSkuId: null,
        inventory: [{ warehouseId: 'w1', quantity: 4 }],
      },
    ],
    contentHash: `c${n}`.padEnd(16, '0'),
    priceHash: `p${n}`.padEnd(16, '0'),
    ...over,
  };
}

interface World {
  deps: ProductPushDeps;
  calls: string[];
  createKeys: string[];
  acks: PushAckResult[][];
  audits: AuditResult[][];
  jobs: NewJob[];
  /** Dedupe keys settled unrun (settlePendingJob). */
  settled: string[];
  pages: PushProduct[][];
  createFails: unknown[];
  ackRecordsAtMost: number;
  detail: Map<string, { status: string; reasons: string[] }>;
}

function world(pages: PushProduct[][]): World {
  let now = 1_800_000_000_000;
  const w: World = {
    calls: [],
    createKeys: [],
    acks: [],
    audits: [],
    jobs: [],
    settled: [],
    pages,
    createFails: [],
    ackRecordsAtMost: 50,
    detail: new Map(),
    deps: undefined as unknown as ProductPushDeps,
  };
  const clock = { now: () => (now += 1) };
  w.deps = {
    clock,
    cache: new ProductPushCache(clock),
    sendShop: () => Promise.resolve(),
    store: {
      getShop: () => Promise.resolve({ shopId: SHOP, region: 'US' } as never),
      recordError: () => Promise.resolve(),
      enqueueJob: (job: NewJob) => {
        w.jobs.push(job);
        return Promise.resolve({ id: w.jobs.length, created: true });
      },
      listShops: () => Promise.resolve([]),
      settlePendingJob: (key: string) => {
        w.settled.push(key);
        return Promise.resolve(true);
      },
    },
    netsuite: {
      pullProductPush: (_shop: string, after: string | null): Promise<CatalogPushPullResponse> => {
        const index = after === null ? 0 : Number(after);
        return Promise.resolve({
          ok: true,
          shopId: SHOP,
          pushEnabled: true,
          reason: null,
          products: w.pages[index] ?? [],
          invalid: [],
          next: index + 1 < w.pages.length ? String(index + 1) : null,
        });
      },
      ackProductPush: (_shop: string, results: PushAckResult[]) => {
        w.acks.push(results);
        return Promise.resolve({
          ok: true,
          recorded: Math.min(results.length, w.ackRecordsAtMost),
          logged: 0,
        });
      },
      productImage: (_shop: string, fileId: string) => {
        w.calls.push('catalog.image');
        return Promise.resolve({
          ok: true,
          fileId,
          name: 'tee.png',
          mimeType: 'image/png',
          base64: 'iVBORw0K',
        });
      },
      recordProductAudits: (_shop: string, results: AuditResult[]) => {
        w.audits.push(results);
        return Promise.resolve({ ok: true, recorded: results.length, unknown: [] });
      },
    },
    products: {
      categoryInfo: () => {
        w.calls.push('categoryInfo');
        return Promise.resolve(CATEGORY);
      },
      findBrand: () => Promise.resolve(null),
      recommendCategory: () => {
        w.calls.push('recommend');
        return Promise.resolve(null);
      },
      uploadImage: () => {
        w.calls.push('uploadImage');
        return Promise.resolve('tos-uri');
      },
      createProduct: (_shop: string, body: Record<string, unknown>, key: string) => {
        w.calls.push('create');
        w.createKeys.push(key);
        const failure = w.createFails.shift();
        if (failure !== undefined) return Promise.reject(failure);
        const skus = body.skus as { seller_sku: string }[];
        return Promise.resolve({
          productId: `P${key.length}${w.createKeys.length}`,
          skus: skus.map((s, i) => ({ id: `S${w.createKeys.length}${i}`, sellerSku: s.seller_sku })),
          warnings: [],
        });
      },
      editProduct: (_shop: string, productId: string) => {
        w.calls.push('edit');
        return Promise.resolve({ productId, skus: [], warnings: [] });
      },
      updatePrice: () => {
        w.calls.push('updatePrice');
        return Promise.resolve();
      },
      getProductAudit: (_shop: string, productId: string) => {
        const d = w.detail.get(productId) ?? { status: 'PENDING', reasons: [] };
        return Promise.resolve({ productId, status: d.status, auditStatus: null, reasons: d.reasons });
      },
    },
  };
  return w;
}

describe('runProductPush', () => {
  it('creates each product once, uploads a shared image once, acks with ids and queues an audit check', async () => {
    const w = world([[product(1), product(2)], [product(3)]]);
    const result = await runProductPush(w.deps, SHOP, { auditPollMs: 60_000 });
    expect(result.outcomes).toMatchObject({ created: 3 });
    expect(w.calls).toEqual(['categoryInfo', 'catalog.image', 'uploadImage', 'create', 'create', 'create']);
    expect(result).toMatchObject({
      pages: 2,
      productCalls: 3,
      tiktokCalls: { uploadImage: 1, categoryInfo: 1 },
    });
    expect(w.acks.flat().map((a) => [a.itemId, a.outcome, a.skus.length, a.auditStatus])).toEqual([
      ['1', 'created', 1, 'PENDING'],
      ['2', 'created', 1, 'PENDING'],
      ['3', 'created', 1, 'PENDING'],
    ]);
    expect(w.jobs.map((j) => j.kind)).toEqual([
      'catalog.push_audit',
      'catalog.push_audit',
      'catalog.push_audit',
    ]);
    expect(w.jobs[0]!.runAfter - Number((w.jobs[0]!.payload as { since: number }).since)).toBe(60_000);
  });

  it('reads on past a page with nothing to push (pages go by item id over every marked item)', async () => {
    const w = world([[], [], [product(7)]]);
    const result = await runProductPush(w.deps, SHOP);
    expect(result).toMatchObject({ pages: 3, outcomes: expect.objectContaining({ created: 1 }) });
  });

  it('retries a failed pass with the same Create Product idempotency key, recording what TikTok took first', async () => {
    const w = world([[product(1), product(2)]]);
    w.createFails.push(undefined, new TikTokNetworkError('product.create', 'ECONNRESET'));
    await expect(runProductPush(w.deps, SHOP)).rejects.toThrow(/could not be reached/);
    expect(w.acks.flat().map((a) => [a.itemId, a.outcome])).toEqual([['1', 'created']]);
    expect(w.jobs.map((j) => j.kind)).toEqual(['catalog.push_audit']);
    w.pages = [[product(2)]];
    await runProductPush(w.deps, SHOP);
    expect(w.createKeys).toHaveLength(3);
    expect(w.createKeys[2]).toBe(w.createKeys[1]);
    expect(w.createKeys[0]).not.toBe(w.createKeys[1]);
  });

  it('reuses category rules and image URIs in the next pass: an invalid product costs no TikTok call again', async () => {
    const w = world([[product(1, { attributes: [] })]]);
    const first = await runProductPush(w.deps, SHOP);
    expect(first.outcomes.invalid).toBe(1);
    expect(w.acks[0]![0]!.message).toMatch(/requires the attribute Material \(101001\)/);
    w.calls.length = 0;
    const again = await runProductPush(w.deps, SHOP);
    expect(again.outcomes.invalid).toBe(1);
    expect(w.calls).toEqual([]);
  });

  it('sends price-only changes with Update Price and edits with Edit Product', async () => {
    const linked = (n: number, change: 'edit' | 'price') =>
      product(n, {
        change,
        tiktokProductId: `17${n}`,
        skus: product(n).skus.map((s) => ({ ...s, tiktokSkuId: `18${n}` })),
      });
    const w = world([[linked(1, 'price'), linked(2, 'edit')]]);
    const result = await runProductPush(w.deps, SHOP);
    expect(w.calls.filter((c) => ['create', 'edit', 'updatePrice'].includes(c))).toEqual([
      'updatePrice',
      'edit',
    ]);
    expect(result.outcomes).toMatchObject({ price_updated: 1, edited: 1 });
    expect(w.jobs).toHaveLength(1);
  });

  it('acks TikTok’s refusal, and on 12052701 acks not_allowed and stops the pass', async () => {
    const w = world([[product(1), product(2), product(3)], [product(4)]]);
    w.createFails.push(
      tiktokErrorFor({
        endpoint: 'product.create',
        httpStatus: 200,
        tiktokCode: 12052056,
        tiktokMessage: 'dup',
      }),
      tiktokErrorFor({
        endpoint: 'product.create',
        httpStatus: 200,
        tiktokCode: 12052701,
        tiktokMessage: 'cb',
      }),
    );
    const result = await runProductPush(w.deps, SHOP);
    expect(result).toMatchObject({ notAllowed: true, pages: 1 });
    expect(w.acks.flat().map((a) => a.outcome)).toEqual(['rejected', 'not_allowed']);
    expect(w.acks[0]![0]!.message).toMatch(/TikTok refused Create Product \(code 12052056: dup\)/);
    expect(w.acks[0]![1]!.message).toMatch(/global products/);
    expect(w.calls.filter((c) => c === 'create')).toHaveLength(2);
  });

  it('fails the whole pass (retried later) when the app lacks the product scopes, instead of blaming each item', async () => {
    const w = world([[product(1), product(2)]]);
    w.createFails.push(
      tiktokErrorFor({
        endpoint: 'product.create',
        httpStatus: 200,
        tiktokCode: 105005,
        tiktokMessage: 'Access denied',
      }),
    );
    await expect(runProductPush(w.deps, SHOP)).rejects.toThrow(/105005/);
    expect(w.acks).toEqual([]);
    expect(
      isProductRefusal(
        tiktokErrorFor({ endpoint: 'x', httpStatus: 200, tiktokCode: 12052240, tiktokMessage: 'm' }),
      ),
    ).toBe(true);
  });

  it('resends the results NetSuite did not record (it ran low on units)', async () => {
    const w = world([[product(1), product(2), product(3)]]);
    w.ackRecordsAtMost = 2;
    await runProductPush(w.deps, SHOP);
    expect(w.acks.map((a) => a.map((r) => r.itemId))).toEqual([['1', '2', '3'], ['3']]);
  });
});

describe('productAuditHandler', () => {
  it('checks PENDING products again later and sends the others’ statuses with TikTok’s reasons', async () => {
    const w = world([]);
    w.detail.set('A', { status: 'ACTIVATE', reasons: [] });
    w.detail.set('F', { status: 'FAILED', reasons: ['title: promotional words. Fix: describe it plainly'] });
    const job = (id: number, productId: string): JobRecord =>
      ({
        id,
        kind: 'catalog.push_audit',
        shopId: SHOP,
        dedupeKey: `product-audit-hook:${SHOP}:${productId}`,
        payload: { shopId: SHOP, productId, since: w.deps.clock.now() },
      }) as JobRecord;
    const handler = productAuditHandler(w.deps, { auditPollMs: 1000 });
    const result = await handler.run([job(1, 'A'), job(2, 'F'), job(3, 'P')], {
      isLeaseLost: () => false,
      confirmLeases: () => Promise.resolve(new Set()),
    });
    expect(result && result.failed.size).toBe(0);
    expect(w.audits).toEqual([
      [
        { productId: 'A', status: 'ACTIVATE', reasons: [] },
        { productId: 'F', status: 'FAILED', reasons: ['title: promotional words. Fix: describe it plainly'] },
      ],
    ]);
    expect(w.jobs.map((j) => [j.kind, j.dedupeKey])).toEqual([
      ['catalog.push_audit', `product-audit-poll:${SHOP}:P`],
    ]);
    // A decided audit settles the push's poll waiting for it (a webhook's check ran first); a
    // PENDING one keeps it.
    expect(w.settled).toEqual([`product-audit-poll:${SHOP}:A`, `product-audit-poll:${SHOP}:F`]);
  });
});
