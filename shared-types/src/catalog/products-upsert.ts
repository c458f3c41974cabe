/**
 * RESTlet actions of the product catalog pull (issue #19, docs/contracts.md): `products.upsert` carries
 * TikTok products as Search Products lists them (id, title, status, SKUs with their seller SKU), at most
 * MAX_SKUS_PER_UPSERT SKUs per call (a product with more is sent in parts); `catalog.status` tells the
 * bridge the shop's catalog settings and Force product catalog resync, and clears the latter when asked
 * (`clearForce`, after a full pass). Every field is checked before anything is written; problems name the
 * field and the fix. Hand-written validators, not a schema library: shared-types is compiled into
 * SuiteScript and stays dependency-free (shared-types/package.json).
 */
import { describeValue, isPlainObject, Problems } from '../contract/validation-problems';
import { isTikTokId } from '../ids/tiktok-id';
import type { CatalogTikTokSide } from './catalog-settings';

export const PRODUCTS_UPSERT_ACTION = 'products.upsert';
export const CATALOG_STATUS_ACTION = 'catalog.status';
/** A created item costs 15 units (create 5 + save 10), an update 5: 100 SKUs stay under 1,600 of the 5,000. */
export const MAX_SKUS_PER_UPSERT = 100;
/** TikTok's limits: a seller SKU has at most 50 characters; a title at most 255. */
export const MAX_SELLER_SKU_LENGTH = 50;
export const MAX_TITLE_LENGTH = 255;

export interface CatalogSku {
  id: string;
  /** TikTok's seller SKU, exactly as TikTok has it ('' when the seller left it empty). */
  seller_sku: string;
}

export interface CatalogProduct {
  id: string;
  title: string;
  status: string;
  skus: CatalogSku[];
}

export interface ProductsUpsertRequest {
  action: typeof PRODUCTS_UPSERT_ACTION;
  shopId: string;
  products: CatalogProduct[];
}

/**
 * Per SKU:
 * - `created`: a new item was made for it;
 * - `linked`: an item with the same SKU (exact) now carries its TikTok ids;
 * - `updated`: its linked item took a new title or product id;
 * - `unchanged`: its linked item already says the same;
 * - `error`: nothing was written for it; `message` says why and what to fix (a duplicate SKU, an empty
 *   seller SKU, an inactive item holding the name, NetSuite refusing the item);
 * - `flow_off`: the shop's Process product catalog updates is not Pull products from TikTok.
 */
export type ProductSkuOutcome = 'created' | 'linked' | 'updated' | 'unchanged' | 'error' | 'flow_off';

export interface ProductSkuResult {
  productId: string;
  skuId: string;
  sellerSku: string;
  outcome: ProductSkuOutcome;
  itemId: string | null;
  message: string | null;
}

export interface ProductsUpsertResponse {
  ok: true;
  results: ProductSkuResult[];
}

export interface CatalogStatusRequest {
  action: typeof CATALOG_STATUS_ACTION;
  shopId: string;
  /** Clear Force product catalog resync (the bridge finished a full pass). */
  clearForce?: boolean;
}

export interface CatalogStatusResponse {
  ok: true;
  tiktokSide: CatalogTikTokSide;
  forceResync: boolean;
  /** Items linked to TikTok SKUs (custitem_tts_sku_id set). */
  linkedItems: number;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function checkShopId(problems: Problems, value: unknown): void {
  if (!isTikTokId(value)) {
    problems.add('shopId', `${describeValue(value)} is not a TikTok shop id; send its digits as a string`);
  }
}

function checkProduct(problems: Problems, path: string, raw: unknown, seenSkus: Set<string>): number {
  if (!isPlainObject(raw)) {
    problems.add(path, `${describeValue(raw)} is not a product object`);
    return 0;
  }
  if (!isTikTokId(raw.id)) problems.add(`${path}.id`, `${describeValue(raw.id)} is not a TikTok product id`);
  if (typeof raw.title !== 'string' || raw.title.trim() === '') {
    problems.add(`${path}.title`, `${describeValue(raw.title)} is not a product title; send TikTok's title`);
  } else if (raw.title.length > MAX_TITLE_LENGTH) {
    problems.add(`${path}.title`, `has ${raw.title.length} characters; TikTok allows ${MAX_TITLE_LENGTH}`);
  }
  if (typeof raw.status !== 'string' || raw.status === '') {
    problems.add(`${path}.status`, `${describeValue(raw.status)} is not a TikTok product status`);
  }
  if (!Array.isArray(raw.skus) || raw.skus.length === 0) {
    problems.add(`${path}.skus`, `${describeValue(raw.skus)} is not a non-empty array of SKUs`);
    return 0;
  }
  raw.skus.forEach((sku: unknown, j) => {
    const at = `${path}.skus[${j}]`;
    if (!isPlainObject(sku)) {
      problems.add(at, `${describeValue(sku)} is not a SKU object`);
      return;
    }
    if (!isTikTokId(sku.id)) {
      problems.add(`${at}.id`, `${describeValue(sku.id)} is not a TikTok SKU id`);
    } else if (seenSkus.has(sku.id)) {
      problems.add(`${at}.id`, `SKU ${sku.id} is sent twice; send each SKU once`);
    } else {
      seenSkus.add(sku.id);
    }
    if (typeof sku.seller_sku !== 'string') {
      problems.add(`${at}.seller_sku`, `${describeValue(sku.seller_sku)} is not a string; send '' for none`);
    } else if (sku.seller_sku.length > MAX_SELLER_SKU_LENGTH) {
      problems.add(
        `${at}.seller_sku`,
        `has ${sku.seller_sku.length} characters; TikTok allows ${MAX_SELLER_SKU_LENGTH}`,
      );
    }
  });
  return raw.skus.length;
}

export function validateProductsUpsert(body: Record<string, unknown>): Validation<ProductsUpsertRequest> {
  const problems = new Problems();
  checkShopId(problems, body.shopId);
  const list = body.products;
  if (!Array.isArray(list) || list.length === 0) {
    problems.add('products', `${describeValue(list)} is not a non-empty array of TikTok products`);
  } else {
    const seenSkus = new Set<string>();
    const seenProducts = new Set<unknown>();
    let skus = 0;
    list.forEach((product: unknown, i) => {
      skus += checkProduct(problems, `products[${i}]`, product, seenSkus);
      const id = isPlainObject(product) ? product.id : undefined;
      if (isTikTokId(id)) {
        if (seenProducts.has(id))
          problems.add(`products[${i}].id`, `product ${id} is sent twice; send it once`);
        seenProducts.add(id);
      }
    });
    if (skus > MAX_SKUS_PER_UPSERT) {
      problems.add('products', `${skus} SKUs sent; send at most ${MAX_SKUS_PER_UPSERT} SKUs per call`);
    }
  }
  return problems.count > 0
    ? { ok: false, problems: problems.toList() }
    : { ok: true, value: body as unknown as ProductsUpsertRequest };
}

export function validateCatalogStatus(body: Record<string, unknown>): Validation<CatalogStatusRequest> {
  const problems = new Problems();
  checkShopId(problems, body.shopId);
  if (body.clearForce !== undefined && typeof body.clearForce !== 'boolean') {
    problems.add(
      'clearForce',
      `${describeValue(body.clearForce)} is not true or false; leave it out or send a boolean`,
    );
  }
  return problems.count > 0
    ? { ok: false, problems: problems.toList() }
    : { ok: true, value: body as unknown as CatalogStatusRequest };
}

/** Products cut into calls of at most `max` SKUs (a product with more goes in parts, SKUs in order). */
export function chunkProducts(
  products: readonly CatalogProduct[],
  max = MAX_SKUS_PER_UPSERT,
): CatalogProduct[][] {
  const calls: CatalogProduct[][] = [];
  let current: CatalogProduct[] = [];
  let count = 0;
  for (const product of products) {
    let rest = product.skus;
    while (rest.length > 0) {
      if (count === max) {
        calls.push(current);
        current = [];
        count = 0;
      }
      const take = rest.slice(0, max - count);
      current.push({ ...product, skus: take });
      count += take.length;
      rest = rest.slice(take.length);
    }
  }
  if (current.length > 0) calls.push(current);
  return calls;
}
