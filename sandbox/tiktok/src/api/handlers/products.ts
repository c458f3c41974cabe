/**
 * The simulator's product routes: Search Products (202309, 202502), Get Product, Create Product, Edit
 * Product (full replace), Partial Edit and Update Price, with the asynchronous audit (PENDING → ACTIVATE
 * or FAILED with reasons, webhooks 5 and 37) of issue #20.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import type { IdFactory } from '../../domain/ids';
import type { SimulatorState } from '../../domain/state';
import type { Product, Sku } from '../../domain/types';
import { Business } from '../../errors';
import { formatMinor, parseMinor } from '../../money';
import type { Scheduler } from '../../scheduler';
import type { WebhookSender } from '../../webhooks/sender';
import { optInt, optObject, optObjectArray, optString, optStringArray, requireShopId, sortBy } from '../body';
import { readListing, type Listing } from './product-listing';
import { paginate, pagingScope, readPageSize } from '../paging';
import type { ApiContext, RouteDef } from '../route-table';
import { catalogRoutes } from './product-catalog-routes';
import { productDetail, productSummary } from './product-view';

export interface ProductRouteDeps {
  state: SimulatorState;
  ids: IdFactory;
  clock: Clock;
  scheduler: Scheduler;
  webhooks: WebhookSender;
  /** Clock milliseconds from Create Product to the audit result (already time-scaled). */
  auditMs: number;
}

/** Search Products serves at most this many results of one query. */
export const SEARCH_RESULT_CAP = 10_000;

function nowSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}

export function requireOwnProduct(
  state: SimulatorState,
  shopId: string,
  productId: string | undefined,
): Product {
  const product = productId ? state.products.get(productId) : undefined;
  if (!product || product.status === 'DELETED') throw Business.productNotFound();
  if (product.shopId !== shopId) throw Business.productNotInShop();
  return product;
}

function searchProducts(state: SimulatorState, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const shop = state.requireShop(shopId);
  const pageSize = readPageSize(ctx.query, 1, 100);
  const status = optString(ctx.body, 'status');
  const sellerSkus = optStringArray(ctx.body, 'seller_skus');
  if (sellerSkus && sellerSkus.length > 10) throw Business.tooManySellerSkus();
  const skuIds = optStringArray(ctx.body, 'sku_ids');
  if (skuIds && skuIds.length > 10) throw Business.tooManySkuIds();
  const createGe = optInt(ctx.body, 'create_time_ge');
  const createLe = optInt(ctx.body, 'create_time_le');
  const updateGe = optInt(ctx.body, 'update_time_ge');
  const updateLe = optInt(ctx.body, 'update_time_le');
  const matches = state
    .productsOf(shopId)
    .filter(
      (p) =>
        p.status !== 'DELETED' &&
        (status === undefined || status === 'ALL' || p.status === status) &&
        (!sellerSkus || p.skus.some((s) => sellerSkus.includes(s.sellerSku))) &&
        (!skuIds || p.skus.some((s) => skuIds.includes(s.id))) &&
        (createGe === undefined || p.createTime >= createGe) &&
        (createLe === undefined || p.createTime <= createLe) &&
        (updateGe === undefined || p.updateTime >= updateGe) &&
        (updateLe === undefined || p.updateTime <= updateLe),
    );
  const sorted = sortBy(
    matches,
    (p) => p.createTime,
    (p) => p.id,
    'DESC',
  );
  // TikTok serves at most the first 10,000 results of a search (TikTok's Search Products page): narrow the filters for more.
  const page = paginate(
    sorted.slice(0, SEARCH_RESULT_CAP),
    pageSize,
    ctx.query.page_token || undefined,
    pagingScope(['products', shopId, ctx.body]),
  );
  return {
    products: page.items.map((p) => productSummary(p, shop, (sku, w) => state.stockOf(sku, w))),
    total_count: sorted.length,
    next_page_token: page.nextPageToken,
  };
}

function skuAnswer(skus: Sku[]) {
  return skus.map((s) => ({
    id: s.id,
    seller_sku: s.sellerSku,
    sales_attributes: s.salesAttributes.map((a) => ({ id: a.id, value_id: a.value_id })),
    external_sku_id: '',
  }));
}

/** Reasons a failed audit gives (TikTok's `audit_failed_reasons`), picked by the product's hash. */
const AUDIT_FAILURES: { position: string; reasons: string[]; suggestions: string[] }[] = [
  {
    position: 'main_images',
    reasons: ['The main image has a watermark or text overlay.'],
    suggestions: ['Upload a main image on a plain background without text or watermarks.'],
  },
  {
    position: 'title',
    reasons: ['The title contains words that are not allowed (superlatives or promotional text).'],
    suggestions: ['Describe the product plainly: brand, type, key attribute.'],
  },
  {
    position: 'category',
    reasons: ['The product does not match the selected category.'],
    suggestions: ['Choose the leaf category Recommend Category suggests.'],
  },
];

/** A number in [0, 1) from a string (FNV-1a), so audit outcomes are seeded without consuming random draws. */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

/** Starts an audit round: PENDING now, ACTIVATE or FAILED after `auditMs`, with webhooks 5 and 37. */
function startAudit(deps: ProductRouteDeps, product: Product): void {
  const round = (product.auditRound ?? 0) + 1;
  product.auditRound = round;
  product.status = 'PENDING';
  product.auditStatus = 'AUDITING';
  product.auditFailedReasons = undefined;
  deps.scheduler.at(deps.clock.now() + deps.auditMs, (due) => {
    if (product.status !== 'PENDING' || product.auditRound !== round) return;
    const knobs = deps.state.productAudit;
    const fails =
      product.skus.some((s) => knobs.failSellerSkus.includes(s.sellerSku)) ||
      unitHash(`${product.id}:${round}`) < knobs.failRate;
    product.updateTime = Math.floor(due / 1000);
    if (fails) {
      const failure =
        AUDIT_FAILURES[Math.floor(unitHash(`${product.id}:reason`) * AUDIT_FAILURES.length)] ??
        AUDIT_FAILURES[0];
      product.status = 'FAILED';
      product.auditStatus = 'FAILED';
      product.auditFailedReasons = failure ? [failure] : [];
    } else {
      product.status = 'ACTIVATE';
      product.auditStatus = 'APPROVED';
    }
    deps.webhooks.emit({
      eventType: 'PRODUCT_STATUS_CHANGE',
      shopId: product.shopId,
      data: {
        product_id: product.id,
        status: fails ? 'PRODUCT_AUDIT_FAILURE' : 'PRODUCT_FIRST_PASS_REVIEW',
        suspended_reason: fails ? (product.auditFailedReasons ?? []).flatMap((r) => r.reasons).join(' ') : '',
        update_time: product.updateTime,
      },
    });
    deps.webhooks.emit({
      eventType: 'PRODUCT_AUDIT_STATUS_CHANGE',
      shopId: product.shopId,
      data: {
        product_id: product.id,
        audit: { status: fails ? 'FAILED' : 'APPROVED', pre_approved_reasons: [] },
        integrated_platform_statuses: [],
        update_time: product.updateTime,
      },
    });
  });
}

function applyListing(product: Product, listing: Listing): void {
  product.title = listing.title;
  product.description = listing.description;
  product.categoryId = listing.categoryId;
  product.brandId = listing.brandId;
  product.mainImages = listing.mainImages;
  product.productAttributes = listing.productAttributes;
  product.packageWeight = listing.packageWeight;
  product.packageDimensions = listing.packageDimensions;
  product.certifications = listing.certifications;
  product.skus = listing.skus;
}

function createProduct(deps: ProductRouteDeps, idempotency: Map<string, unknown>, ctx: ApiContext) {
  const { state, ids, clock } = deps;
  const shop = state.requireShop(requireShopId(ctx.shop));
  if (shop.sellerType === 'CROSS_BORDER') throw Business.crossBorderCreateLocal();
  const idempotencyKey = optString(ctx.body, 'idempotency_key');
  const cacheKey = idempotencyKey ? `${shop.id}:${idempotencyKey}` : undefined;
  if (cacheKey && idempotency.has(cacheKey)) return idempotency.get(cacheKey);
  const productId = ids.productId();
  const listing = readListing(state, shop, ctx.body, productId, ids, null);
  const draft = optString(ctx.body, 'save_mode') === 'AS_DRAFT';
  const now = nowSeconds(clock);
  const product: Product = {
    id: productId,
    shopId: shop.id,
    title: listing.title,
    description: listing.description,
    categoryId: listing.categoryId,
    status: 'DRAFT',
    auditStatus: 'NONE',
    mainImages: listing.mainImages,
    packageWeight: listing.packageWeight,
    skus: listing.skus,
    createTime: now,
    updateTime: now,
  };
  applyListing(product, listing);
  state.products.set(productId, product);
  if (!draft) startAudit(deps, product);
  const response = { product_id: productId, skus: skuAnswer(product.skus), warnings: [] };
  if (cacheKey) idempotency.set(cacheKey, response);
  return response;
}

const NOT_EDITABLE: readonly string[] = ['DELETED', 'FREEZE', 'PLATFORM_DEACTIVATED'];

/** Edit Product (full replace: SKUs without `id` are new, SKUs left out are deleted) → a new audit. */
function editProduct(deps: ProductRouteDeps, ctx: ApiContext) {
  const shop = deps.state.requireShop(requireShopId(ctx.shop));
  const product = requireOwnProduct(deps.state, shop.id, ctx.params.product_id);
  if (NOT_EDITABLE.includes(product.status)) throw Business.productStatusInvalid();
  const listing = readListing(deps.state, shop, ctx.body, product.id, deps.ids, product);
  applyListing(product, listing);
  product.updateTime = nowSeconds(deps.clock);
  startAudit(deps, product);
  return { product_id: product.id, skus: skuAnswer(product.skus), warnings: [] };
}

/** The product as an Edit Product body (what Partial Edit merges the given fields onto). */
function listingBodyOf(product: Product): Record<string, unknown> {
  return {
    title: product.title,
    description: product.description,
    category_id: product.categoryId,
    brand_id: product.brandId,
    main_images: product.mainImages,
    product_attributes: product.productAttributes ?? [],
    package_weight: product.packageWeight,
    package_dimensions: product.packageDimensions,
    certifications: product.certifications ?? [],
    skus: product.skus.map((sku) => ({
      id: sku.id,
      seller_sku: sku.sellerSku,
      price: { amount: formatMinor(sku.priceMinor, sku.currency), currency: sku.currency },
      inventory: Object.entries(sku.inventory).map(([warehouse_id, quantity]) => ({
        warehouse_id,
        quantity,
      })),
      sales_attributes: sku.salesAttributes.map((a) => ({ id: a.id, value_id: a.value_id })),
    })),
  };
}

/**
 * Partial Edit: only the fields given change (a SKU given with its `id` is merged onto that SKU; SKUs
 * not given stay) → a new audit when anything but prices and stock changed.
 */
function partialEditProduct(deps: ProductRouteDeps, ctx: ApiContext) {
  const shop = deps.state.requireShop(requireShopId(ctx.shop));
  const product = requireOwnProduct(deps.state, shop.id, ctx.params.product_id);
  if (NOT_EDITABLE.includes(product.status)) throw Business.productStatusInvalid();
  const current = listingBodyOf(product);
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(ctx.body)) if (key !== 'skus') merged[key] = value;
  const givenSkus = optObjectArray(ctx.body, 'skus');
  if (givenSkus) {
    const currentSkus = current.skus as Record<string, unknown>[];
    const byId = new Map(currentSkus.map((s) => [String(s.id), s]));
    for (const given of givenSkus) {
      const id = optString(given, 'id');
      if (id === undefined) throw Business.skuListEmpty();
      const base = byId.get(id);
      if (!base) throw Business.skuNotInProduct(id);
      byId.set(id, { ...base, ...given });
    }
    merged.skus = [...byId.values()];
  }
  const listing = readListing(deps.state, shop, merged, product.id, deps.ids, product);
  const contentChanged = Object.keys(ctx.body).some((key) => key !== 'skus');
  applyListing(product, listing);
  product.updateTime = nowSeconds(deps.clock);
  if (contentChanged) startAudit(deps, product);
  return { product_id: product.id, skus: skuAnswer(product.skus), warnings: [] };
}

/** Update Price: ACTIVATE products only, prices in the shop's currency; no new audit. */
function updatePrice(deps: ProductRouteDeps, ctx: ApiContext) {
  const shop = deps.state.requireShop(requireShopId(ctx.shop));
  const product = requireOwnProduct(deps.state, shop.id, ctx.params.product_id);
  if (product.status !== 'ACTIVATE') throw Business.productStatusInvalid();
  const given = optObjectArray(ctx.body, 'skus');
  if (!given || given.length === 0) throw Business.skuListEmpty();
  const updates = given.map((raw) => {
    const id = optString(raw, 'id') ?? '';
    const sku = product.skus.find((s) => s.id === id);
    if (!sku) throw Business.skuNotInProduct(id);
    const price = optObject(raw, 'price');
    const amount = price ? optString(price, 'amount') : undefined;
    const currency = price ? optString(price, 'currency') : undefined;
    if (amount === undefined || currency === undefined) throw Business.priceMissing();
    if (currency !== shop.currency) throw Business.currencyNotAvailable();
    const minor = parseMinor(amount, currency);
    if (minor === null || minor <= 0) throw Business.priceFormat();
    return { sku, minor };
  });
  for (const { sku, minor } of updates) sku.priceMinor = minor;
  product.updateTime = nowSeconds(deps.clock);
  return {};
}

/** Search / get / create products (TikTok's Product API; local vs cross-border sellers as TikTok's regions and languages page has them). */
export function productRoutes(deps: ProductRouteDeps): RouteDef[] {
  const idempotency = new Map<string, unknown>();
  const search = (ctx: ApiContext) => searchProducts(deps.state, ctx);
  return [
    {
      method: 'POST',
      pattern: '/product/202309/products/search',
      scope: 'seller.product.basic',
      shopLevel: true,
      handler: search,
    },
    {
      method: 'POST',
      pattern: '/product/202502/products/search',
      scope: 'seller.product.basic',
      shopLevel: true,
      handler: search,
    },
    {
      method: 'GET',
      pattern: '/product/202309/products/{product_id}',
      scope: 'seller.product.basic',
      shopLevel: true,
      handler: (ctx) =>
        productDetail(
          requireOwnProduct(deps.state, requireShopId(ctx.shop), ctx.params.product_id),
          (sku, w) => deps.state.stockOf(sku, w),
        ),
    },
    {
      method: 'POST',
      pattern: '/product/202309/products',
      scope: 'seller.product.write',
      shopLevel: true,
      handler: (ctx) => createProduct(deps, idempotency, ctx),
    },
    {
      method: 'PUT',
      pattern: '/product/202309/products/{product_id}',
      scope: 'seller.product.write',
      shopLevel: true,
      handler: (ctx) => editProduct(deps, ctx),
    },
    {
      method: 'POST',
      pattern: '/product/202309/products/{product_id}/partial_edit',
      scope: 'seller.product.write',
      shopLevel: true,
      handler: (ctx) => partialEditProduct(deps, ctx),
    },
    {
      method: 'POST',
      pattern: '/product/202309/products/{product_id}/prices/update',
      scope: 'seller.product.write',
      shopLevel: true,
      handler: (ctx) => updatePrice(deps, ctx),
    },
    ...catalogRoutes(deps.state),
  ];
}
