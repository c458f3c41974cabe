/**
 * The simulator's product routes: Search Products (202309, 202502), Get Product and Create Product.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import type { IdFactory } from '../../domain/ids';
import type { SimulatorState } from '../../domain/state';
import type { Product, Shop, Sku } from '../../domain/types';
import { Business } from '../../errors';
import { parseMinor } from '../../money';
import type { Scheduler } from '../../scheduler';
import type { WebhookSender } from '../../webhooks/sender';
import { optInt, optObject, optObjectArray, optString, optStringArray, requireShopId, sortBy } from '../body';
import { paginate, pagingScope, readPageSize } from '../paging';
import type { ApiContext, RouteDef } from '../route-table';
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
const WIDE_TITLE_REGIONS = ['DE', 'ES', 'FR', 'IE', 'IT', 'JP', 'GB', 'US'];
const MAX_300_SKU_REGIONS = ['BR', 'DE', 'ES', 'FR', 'IE', 'IT', 'JP', 'MX', 'GB', 'US'];

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

function validateTitle(shop: Shop, title: string | undefined): string {
  if (!title || title.trim() === '') throw Business.productNameEmpty();
  const [min, max] = WIDE_TITLE_REGIONS.includes(shop.region)
    ? [1, 255]
    : ['BR', 'MX'].includes(shop.region)
      ? [1, 300]
      : [25, 255];
  if (title.length > max) throw Business.productNameTooLong();
  if (title.length < min) throw Business.titleTooShort(min);
  return title;
}

function validateSku(
  state: SimulatorState,
  shop: Shop,
  raw: Record<string, unknown>,
  productId: string,
  ids: IdFactory,
): Sku {
  const sellerSku = optString(raw, 'seller_sku') ?? '';
  if (sellerSku.length > 50) throw Business.sellerSkuTooLong();
  if (/\s/.test(sellerSku)) throw Business.sellerSkuInvalid();
  const price = optObject(raw, 'price');
  if (!price) throw Business.priceMissing();
  const amount = optString(price, 'amount');
  const currency = optString(price, 'currency');
  if (amount === undefined || currency === undefined) throw Business.priceMissing();
  if (currency !== shop.currency) throw Business.currencyNotAvailable();
  const priceMinor = parseMinor(amount, currency);
  if (priceMinor === null || priceMinor <= 0) throw Business.priceFormat();
  const inventoryList = optObjectArray(raw, 'inventory');
  if (!inventoryList || inventoryList.length === 0) throw Business.inventoryQuantityLimits();
  const inventory: Record<string, number> = {};
  for (const entry of inventoryList) {
    const warehouseId = optString(entry, 'warehouse_id');
    if (!warehouseId) throw Business.warehouseNotExist();
    const warehouse = state.warehouses.get(warehouseId);
    if (!warehouse) throw Business.warehouseNotExist();
    if (warehouse.shopId !== shop.id) throw Business.warehouseNotInShop(warehouseId);
    if (warehouse.effectStatus !== 'ENABLED') throw Business.warehouseDisabled();
    if (warehouseId in inventory) throw Business.warehouseDuplicate();
    const quantity = entry.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 99_999) {
      throw Business.inventoryQuantityLimits();
    }
    inventory[warehouseId] = quantity;
  }
  const attributes = optObjectArray(raw, 'sales_attributes') ?? [];
  return {
    id: ids.skuId(),
    productId,
    sellerSku,
    name: attributes.map((a) => String(a.value_name ?? a.name ?? '')).join(', ') || 'Default',
    priceMinor,
    currency,
    inventory,
    salesAttributes: attributes.map((a) => ({
      id: String(a.id ?? ids.genericId()),
      name: String(a.name ?? ''),
      value_id: String(a.value_id ?? ids.genericId()),
      value_name: String(a.value_name ?? ''),
    })),
  };
}

function createProduct(deps: ProductRouteDeps, idempotency: Map<string, unknown>, ctx: ApiContext) {
  const { state, ids, clock } = deps;
  const shop = state.requireShop(requireShopId(ctx.shop));
  if (shop.sellerType === 'CROSS_BORDER') throw Business.crossBorderCreateLocal();
  const idempotencyKey = optString(ctx.body, 'idempotency_key');
  const cacheKey = idempotencyKey ? `${shop.id}:${idempotencyKey}` : undefined;
  if (cacheKey && idempotency.has(cacheKey)) return idempotency.get(cacheKey);
  const title = validateTitle(shop, optString(ctx.body, 'title'));
  const description = optString(ctx.body, 'description');
  if (!description) throw Business.descriptionRequired();
  const categoryId = optString(ctx.body, 'category_id');
  if (!categoryId || !/^\d+$/.test(categoryId)) throw Business.categoryInvalid();
  const images = optObjectArray(ctx.body, 'main_images');
  if (!images || images.length === 0 || images.some((i) => typeof i.uri !== 'string' || i.uri === '')) {
    throw Business.mainImageRequired();
  }
  const weight = optObject(ctx.body, 'package_weight');
  const weightValue = weight ? optString(weight, 'value') : undefined;
  const weightUnit = weight ? optString(weight, 'unit') : undefined;
  if (!weightValue || !weightUnit || !/^\d+(\.\d+)?$/.test(weightValue))
    throw Business.packageWeightInvalid();
  if (Number(weightValue) === 0) throw Business.packageWeightZero();
  const dimensions = optObject(ctx.body, 'package_dimensions');
  const dimensionUnit = dimensions ? optString(dimensions, 'unit') : undefined;
  if (shop.region !== 'US' && (weightUnit === 'POUND' || dimensionUnit === 'INCH'))
    throw Business.imperialUnitsNotUs();
  const rawSkus = optObjectArray(ctx.body, 'skus');
  if (!rawSkus || rawSkus.length === 0) throw Business.skuListEmpty();
  if (rawSkus.length > (MAX_300_SKU_REGIONS.includes(shop.region) ? 300 : 100)) throw Business.tooManySkus();
  const productId = ids.productId();
  const skus = rawSkus.map((raw) => validateSku(state, shop, raw, productId, ids));
  const draft = optString(ctx.body, 'save_mode') === 'AS_DRAFT';
  const now = nowSeconds(clock);
  const product: Product = {
    id: productId,
    shopId: shop.id,
    title,
    description,
    categoryId,
    status: draft ? 'DRAFT' : 'PENDING',
    auditStatus: draft ? 'NONE' : 'AUDITING',
    mainImages: images.map((i) => ({ uri: String(i.uri) })),
    packageWeight: { value: weightValue, unit: weightUnit },
    skus,
    createTime: now,
    updateTime: now,
  };
  state.products.set(productId, product);
  if (!draft) {
    deps.scheduler.at(clock.now() + deps.auditMs, (due) => {
      if (product.status !== 'PENDING') return;
      product.status = 'ACTIVATE';
      product.auditStatus = 'APPROVED';
      product.updateTime = Math.floor(due / 1000);
      deps.webhooks.emit({
        eventType: 'PRODUCT_STATUS_CHANGE',
        shopId: shop.id,
        data: {
          product_id: productId,
          status: 'PRODUCT_FIRST_PASS_REVIEW',
          suspended_reason: '',
          update_time: product.updateTime,
        },
      });
    });
  }
  const response = {
    product_id: productId,
    skus: skus.map((s) => ({
      id: s.id,
      seller_sku: s.sellerSku,
      sales_attributes: s.salesAttributes.map((a) => ({ id: a.id, value_id: a.value_id })),
      external_sku_id: '',
    })),
    warnings: [],
  };
  if (cacheKey) idempotency.set(cacheKey, response);
  return response;
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
  ];
}
