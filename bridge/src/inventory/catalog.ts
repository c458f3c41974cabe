/**
 * The shop's TikTok products as the inventory push needs them (seller SKU → product, SKU id,
 * status, assigned warehouses and TikTok's quantities), read with Search Products and kept for a
 * while: by seller SKU (10 per call) for a few SKUs, else the whole catalogue page by page (100
 * products a call). A SKU no product has is remembered as not listed. Entries TikTok proved stale
 * (a refused update) are dropped and read again on the next pass.
 */
import type { CatalogProduct } from '../../../shared-types/src/inventory/inventory-batches';
import type { Clock } from '../../../shared-types/src/time/clock';
import { MAX_SEARCH_SELLER_SKUS, type TikTokClient } from '../tiktok/client';

/** SKUs above which the whole catalogue is read instead of searching by seller SKU. */
export const SEARCH_BY_SKU_MAX = 100;
/** How long a read stays good (default 10 minutes). */
export const CATALOG_TTL_MS = 10 * 60 * 1000;

interface Entry {
  product: CatalogProduct | null;
  readAt: number;
}

export class InventoryCatalog {
  private readonly bySku = new Map<string, Map<string, Entry>>();
  /** TikTok calls made to read the catalogue (for the benchmark). */
  reads = 0;

  constructor(
    private readonly tiktok: TikTokClient,
    private readonly clock: Clock,
    private readonly ttlMs = CATALOG_TTL_MS,
  ) {}

  private shop(shopId: string): Map<string, Entry> {
    let m = this.bySku.get(shopId);
    if (m === undefined) {
      m = new Map();
      this.bySku.set(shopId, m);
    }
    return m;
  }

  /** The products of the seller SKUs (a SKU on no product is simply absent). */
  async productsFor(shopId: string, sellerSkus: readonly string[]): Promise<CatalogProduct[]> {
    const known = this.shop(shopId);
    const now = this.clock.now();
    const missing = [...new Set(sellerSkus)].filter((sku) => {
      const e = known.get(sku);
      return e === undefined || now - e.readAt > this.ttlMs;
    });
    if (missing.length > 0) await this.read(shopId, missing, now);
    const products = new Map<string, CatalogProduct>();
    for (const sku of sellerSkus) {
      const product = known.get(sku)?.product;
      if (product) products.set(product.productId, product);
    }
    return [...products.values()];
  }

  /** Forgets what is known of these SKUs (TikTok refused an update: read them again). */
  forget(shopId: string, sellerSkus: readonly string[]): void {
    const known = this.shop(shopId);
    for (const sku of sellerSkus) known.delete(sku);
  }

  private async read(shopId: string, missing: string[], now: number): Promise<void> {
    const known = this.shop(shopId);
    const remember = (products: CatalogProduct[]): void => {
      for (const product of products) {
        for (const sku of product.skus) known.set(sku.sellerSku, { product, readAt: now });
      }
    };
    if (missing.length <= SEARCH_BY_SKU_MAX) {
      for (let i = 0; i < missing.length; i += MAX_SEARCH_SELLER_SKUS) {
        let pageToken: string | undefined;
        do {
          const page = await this.tiktok.searchProducts(shopId, {
            sellerSkus: missing.slice(i, i + MAX_SEARCH_SELLER_SKUS),
            ...(pageToken ? { pageToken } : {}),
          });
          this.reads += 1;
          remember(page.products);
          pageToken = page.nextPageToken ?? undefined;
        } while (pageToken);
      }
    } else {
      let pageToken: string | undefined;
      do {
        const page = await this.tiktok.searchProducts(shopId, pageToken ? { pageToken } : {});
        this.reads += 1;
        remember(page.products);
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
    }
    for (const sku of missing) {
      if (!known.has(sku) || known.get(sku)!.readAt !== now) known.set(sku, { product: null, readAt: now });
    }
  }
}
