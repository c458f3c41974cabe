import type { CatalogProduct } from '../../../../shared-types/src/catalog/products-upsert';
import type { ReconcileCursor } from '../../store/types';
import { type CatalogPullDeps, PRODUCTS_CURSOR, pullShopCatalog, SEARCH_RESULT_CAP } from '../catalog-pull';

/**
 * The catalog pull pass (bridge/src/workers/catalog-pull.ts) against fakes: the window from the cursor,
 * a window TikTok would cap at 10,000 results read in halves, calls of at most 100 SKUs, the cursor
 * moved only after a whole pass, and Force product catalog resync cleared after it.
 */
const SHOP = '7000000000000001';

interface Fake {
  deps: CatalogPullDeps;
  searches: { ge: number; le: number }[];
  upserts: CatalogProduct[][];
  cleared: number;
  cursors: Map<string, ReconcileCursor>;
}

function fake(options: {
  products: { updateTime: number; skus: number }[];
  force?: boolean;
  tiktokSide?: 'pull' | 'push' | 'none';
  failUpsertAt?: number;
  cursor?: number;
}): Fake {
  const all = options.products.map((p, i) => ({
    updateTime: p.updateTime,
    product: {
      id: String(1000 + i),
      title: `P${i}`,
      status: 'ACTIVATE',
      skus: Array.from({ length: p.skus }, (_, j) => ({ id: `${1000 + i}${j}`, seller_sku: `S-${i}-${j}` })),
    },
  }));
  const cursors = new Map<string, ReconcileCursor>();
  if (options.cursor !== undefined)
    cursors.set(PRODUCTS_CURSOR, {
      shopId: SHOP,
      name: PRODUCTS_CURSOR,
      value: options.cursor,
      updatedAt: 0,
    });
  const f: Fake = {
    searches: [],
    upserts: [],
    cleared: 0,
    cursors,
    deps: undefined as unknown as CatalogPullDeps,
  };
  let force = options.force ?? false;
  f.deps = {
    clock: { now: () => 2_000_000_000_000 },
    sendShop: async () => undefined,
    store: {
      getCursor: async (_shop: string, name: string) => cursors.get(name),
      setCursor: async (shopId: string, name: string, value: number, now: number) => {
        cursors.set(name, { shopId, name, value, updatedAt: now });
      },
      recordError: async () => undefined,
      listShops: async () => [],
    },
    tiktok: {
      async searchProductsByUpdateTime(_shop, window, pageToken) {
        f.searches.push({ ge: window.updateTimeGe, le: window.updateTimeLe });
        const matches = all.filter(
          (p) => p.updateTime >= window.updateTimeGe && p.updateTime <= window.updateTimeLe,
        );
        const offset = pageToken ? Number(pageToken) : 0;
        const served = matches.slice(0, SEARCH_RESULT_CAP);
        const next = offset + 100;
        return {
          products: served.slice(offset, next).map((p) => p.product),
          totalCount: matches.length,
          nextPageToken: next < served.length ? String(next) : null,
        };
      },
    },
    netsuite: {
      async catalogStatus(_shop, clearForce = false) {
        if (clearForce) {
          force = false;
          f.cleared += 1;
        }
        return { ok: true, tiktokSide: options.tiktokSide ?? 'pull', forceResync: force, linkedItems: 0 };
      },
      async upsertProducts(_shop, products) {
        if (options.failUpsertAt !== undefined && f.upserts.length === options.failUpsertAt)
          throw new Error('NetSuite is down');
        f.upserts.push(products);
        return {
          ok: true,
          results: products.flatMap((p) =>
            p.skus.map((s) => ({
              productId: p.id,
              skuId: s.id,
              sellerSku: s.seller_sku,
              outcome: 'created' as const,
              itemId: '1',
              message: null,
            })),
          ),
        };
      },
    },
  };
  return f;
}

describe('the catalog pull pass', () => {
  it('reads everything on the first pass, in calls of at most 100 SKUs, then moves the cursor', async () => {
    const f = fake({
      products: Array.from({ length: 150 }, (_, i) => ({ updateTime: 1000 + i, skus: i % 2 ? 1 : 3 })),
    });
    const result = await pullShopCatalog(f.deps, SHOP);
    expect(result).toMatchObject({ full: true, windowStart: 0, windowEnd: 2_000_000_000, products: 150 });
    expect(f.upserts.every((call) => call.reduce((n, p) => n + p.skus.length, 0) <= 100)).toBe(true);
    expect(f.upserts.flat().reduce((n, p) => n + p.skus.length, 0)).toBe(300);
    expect(result.outcomes.created).toBe(300);
    expect(f.cursors.get(PRODUCTS_CURSOR)?.value).toBe(2_000_000_000);
  });

  it('starts at the cursor minus the overlap afterwards', async () => {
    const f = fake({ products: [{ updateTime: 1000, skus: 1 }], cursor: 1_999_999_000 });
    const result = await pullShopCatalog(f.deps, SHOP);
    expect(result).toMatchObject({ full: false, windowStart: 1_999_998_700, products: 0 });
  });

  it('halves a window TikTok would cap at 10,000 results until each half fits', async () => {
    const f = fake({
      products: Array.from({ length: 12_000 }, (_, i) => ({ updateTime: 1_000_000 + i, skus: 1 })),
    });
    const result = await pullShopCatalog(f.deps, SHOP);
    expect(result.products).toBe(12_000);
    expect(new Set(f.upserts.flat().map((p) => p.id)).size).toBe(12_000);
  });

  it('leaves the cursor and Force product catalog resync alone when a call fails part-way', async () => {
    const f = fake({
      products: Array.from({ length: 300 }, (_, i) => ({ updateTime: 1000 + i, skus: 1 })),
      force: true,
      cursor: 5,
      failUpsertAt: 1,
    });
    await expect(pullShopCatalog(f.deps, SHOP)).rejects.toThrow('NetSuite is down');
    expect(f.cursors.get(PRODUCTS_CURSOR)?.value).toBe(5);
    expect(f.cleared).toBe(0);
  });

  it('with Force product catalog resync re-reads from 0 and clears the box after the pass', async () => {
    const f = fake({ products: [{ updateTime: 1000, skus: 2 }], force: true, cursor: 1_999_999_000 });
    const result = await pullShopCatalog(f.deps, SHOP);
    expect(result).toMatchObject({ full: true, windowStart: 0, products: 1 });
    expect(f.cleared).toBe(1);
  });

  it('reads nothing while the shop does not pull products from TikTok', async () => {
    const f = fake({ products: [{ updateTime: 1000, skus: 2 }], tiktokSide: 'push' });
    expect(await pullShopCatalog(f.deps, SHOP)).toMatchObject({ skipped: 'flow_off', searchCalls: 0 });
    expect(f.searches).toEqual([]);
  });
});
