/**
 * The simulator's starting data: shops, warehouses, products, SKUs and virtual bundles (`seedState`).
 */
import { CURRENCY_BY_REGION, currencyDecimals, parseMinor } from '../money';
import { warehouseAddress } from './addresses';
import { carriersOf } from './carriers';
import type { IdFactory } from './ids';
import { DEFAULT_HANDLING_DAYS } from './ship-by';
import type { SimulatorState } from './state';
import type { Product, SellerType, Shop, Sku } from './types';

export interface SeedShopSpec {
  region?: string;
  sellerType?: SellerType;
  name?: string;
  /** Sales warehouses (1–5); the first is the default. */
  warehouses?: number;
  /**
   * Whether paid orders pass through ON_HOLD (default: US and GB shops, the markets of TikTok's
   * ON_HOLD changelog); false = UNPAID → AWAITING_SHIPMENT directly.
   */
  onHold?: boolean;
  /** Cancellation auto-approval window in hours after AWAITING_SHIPMENT (Seller Center: 0, 1, 3, 5; default 0). */
  cancelAutoApproveHours?: number;
  /** Handling time in business days, 1–15 (default 2): the orders' dispatch deadline (domain/ship-by.ts). */
  handlingDays?: number;
}

/** Markets where TikTok introduced the ON_HOLD status (changelog "For US and UK markets: introducing ON_HOLD"). */
export const ON_HOLD_REGIONS: readonly string[] = ['US', 'GB'];

export interface SeedSkuSpec {
  sellerSku: string;
  /** e.g. "Black, M" */
  name: string;
  /** Price in USD major units; converted for zero-decimal currencies. */
  price: string;
  /** Per-warehouse in-stock quantity (default `inventoryPerWarehouse`). */
  quantity?: number;
  /** The shop's sales warehouses the SKU is stocked in, by position (0 = the default; default: all). */
  warehouses?: number[];
}

export interface SeedProductSpec {
  title: string;
  skus: SeedSkuSpec[];
}

/**
 * A virtual bundle (made in Seller Center, not through the API): its own product and SKU, sold at its
 * own price, sharing its components' inventory (TikTok's virtual bundles changelog).
 */
export interface SeedBundleSpec {
  title: string;
  sellerSku: string;
  /** Price in USD major units, like catalog SKUs. */
  price: string;
  /** Catalog SKUs in the bundle and how many of each. */
  components: { sellerSku: string; count: number }[];
}

/** An example bundle over the default catalog: a hoodie and two totes. */
export const EXAMPLE_BUNDLES: readonly SeedBundleSpec[] = [
  {
    title: 'Hoodie + Tote Bundle',
    sellerSku: 'TS-BUNDLE-HOODIE-TOTE',
    price: '84.99',
    components: [
      { sellerSku: 'TS-HOODIE-BLK-M', count: 1 },
      { sellerSku: 'TS-TOTE-NAT', count: 2 },
    ],
  },
];

export interface SeedOptions {
  /** Number of shops when `shops` is not given (the first is US LOCAL; then GB, DE, FR, ES, JP). */
  shopCount?: number;
  shops?: SeedShopSpec[];
  catalog?: SeedProductSpec[];
  sellerName?: string;
  inventoryPerWarehouse?: number;
  /** Virtual bundles in every shop (default none; `EXAMPLE_BUNDLES` fits the default catalog). */
  bundles?: readonly SeedBundleSpec[];
}

export const DEFAULT_CATALOG: readonly SeedProductSpec[] = [
  {
    title: 'TikTok Shop Classic Hoodie',
    skus: [
      { sellerSku: 'TS-HOODIE-BLK-M', name: 'Black, M', price: '49.99' },
      { sellerSku: 'TS-HOODIE-BLK-L', name: 'Black, L', price: '49.99' },
      { sellerSku: 'TS-HOODIE-GRY-M', name: 'Grey, M', price: '44.99' },
    ],
  },
  {
    title: 'Everyday Cotton Tee',
    skus: [
      { sellerSku: 'TS-TEE-WHT-S', name: 'White, S', price: '19.99' },
      { sellerSku: 'TS-TEE-WHT-M', name: 'White, M', price: '19.99' },
    ],
  },
  { title: 'Canvas Tote Bag', skus: [{ sellerSku: 'TS-TOTE-NAT', name: 'Natural', price: '24.00' }] },
];

const EXTRA_REGIONS = ['GB', 'DE', 'FR', 'ES', 'JP', 'IT'];

function shopSpecs(options: SeedOptions): SeedShopSpec[] {
  if (options.shops && options.shops.length > 0) return options.shops;
  const count = Math.max(1, options.shopCount ?? 1);
  const specs: SeedShopSpec[] = [{ region: 'US' }];
  for (let i = 1; i < count; i += 1) specs.push({ region: EXTRA_REGIONS[(i - 1) % EXTRA_REGIONS.length] });
  return specs;
}

function priceIn(currency: string, usdPrice: string): number {
  const usdMinor = parseMinor(usdPrice, 'USD');
  if (usdMinor === null) throw new Error(`Seed price "${usdPrice}" is not a decimal string`);
  return currencyDecimals(currency) === 0 ? Math.round(usdMinor * 1.5) : usdMinor;
}

/** Seeds the seller, shops, warehouses, catalog, delivery options and shipping providers. */
export function seedState(
  state: SimulatorState,
  ids: IdFactory,
  nowSeconds: number,
  options: SeedOptions,
): void {
  const sellerId = ids.genericId();
  const specs = shopSpecs(options);
  const firstRegion = specs[0]?.region ?? 'US';
  state.sellers.set(sellerId, {
    id: sellerId,
    openId: ids.openId(),
    name: options.sellerName ?? 'OpenTTS Demo Seller',
    baseRegion: firstRegion,
    userType: 0,
  });
  const inventory = options.inventoryPerWarehouse ?? 100;
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  specs.forEach((spec, index) => {
    const region = spec.region ?? 'US';
    const currency = CURRENCY_BY_REGION[region];
    if (!currency) throw new Error(`Unsupported region "${region}"`);
    const shop: Shop = {
      id: ids.shopId(),
      name: spec.name ?? `OpenTTS ${region} Shop${index > 0 ? ` ${index + 1}` : ''}`,
      region,
      sellerType: spec.sellerType ?? 'LOCAL',
      cipher: ids.cipher(),
      code: ids.shopCode(region),
      currency,
      sellerId,
      onHold: spec.onHold ?? ON_HOLD_REGIONS.includes(region),
      cancelAutoApproveHours: spec.cancelAutoApproveHours ?? 0,
      handlingDays: spec.handlingDays ?? DEFAULT_HANDLING_DAYS,
    };
    if (!Number.isInteger(shop.handlingDays) || shop.handlingDays < 1 || shop.handlingDays > 15)
      throw new Error(`handlingDays of shop ${shop.name} must be a whole number of business days, 1–15`);
    state.shops.set(shop.id, shop);
    const warehouseCount = Math.min(5, Math.max(1, spec.warehouses ?? 1));
    const warehouseIds: string[] = [];
    for (let w = 0; w < warehouseCount; w += 1) {
      const name =
        w === 0
          ? `${region} Main Warehouse`
          : w === 1
            ? `${region} Overflow Warehouse`
            : `${region} Warehouse ${w + 1}`;
      const id = ids.warehouseId();
      warehouseIds.push(id);
      state.warehouses.set(id, {
        id,
        entityId: ids.genericId(),
        shopId: shop.id,
        name,
        effectStatus: 'ENABLED',
        type: 'SALES_WAREHOUSE',
        subType: shop.sellerType === 'CROSS_BORDER' ? 'CB_OVERSEA_WAREHOUSE' : 'DOMESTIC_WAREHOUSE',
        isDefault: w === 0,
        address: warehouseAddress(region, name),
      });
    }
    const returnId = ids.warehouseId();
    state.warehouses.set(returnId, {
      id: returnId,
      entityId: ids.genericId(),
      shopId: shop.id,
      name: `${region} Returns`,
      effectStatus: 'ENABLED',
      type: 'RETURN_WAREHOUSE',
      subType: 'DOMESTIC_WAREHOUSE',
      isDefault: false,
      address: warehouseAddress(region, `${region} Returns`),
    });
    for (const productSpec of catalog) {
      const productId = ids.productId();
      const skus: Sku[] = productSpec.skus.map((skuSpec) => ({
        id: ids.skuId(),
        productId,
        sellerSku: skuSpec.sellerSku,
        name: skuSpec.name,
        priceMinor: priceIn(currency, skuSpec.price),
        currency,
        inventory: Object.fromEntries(
          warehouseIds
            .filter((_, w) => !skuSpec.warehouses || skuSpec.warehouses.includes(w))
            .map((id) => [id, skuSpec.quantity ?? inventory]),
        ),
        salesAttributes: skuSpec.name.split(',').map((value, i) => ({
          id: i === 0 ? '100000' : '100007',
          name: i === 0 ? 'Color' : 'Size',
          value_id: ids.genericId(),
          value_name: value.trim(),
        })),
      }));
      const product: Product = {
        id: productId,
        shopId: shop.id,
        title: productSpec.title,
        description: `<p>${productSpec.title}</p>`,
        categoryId: '601226',
        status: 'ACTIVATE',
        auditStatus: 'APPROVED',
        mainImages: [{ uri: `tos-maliva-i-o3syd03w52-us/${productId}` }],
        packageWeight: { value: '0.5', unit: region === 'US' ? 'POUND' : 'KILOGRAM' },
        skus,
        createTime: nowSeconds - 86_400 * 30,
        updateTime: nowSeconds - 86_400 * 30,
      };
      state.products.set(productId, product);
    }
    for (const bundle of options.bundles ?? [])
      seedBundle(state, ids, shop, bundle, warehouseIds, nowSeconds);
    seedDeliveryOptions(state, ids, shop);
  });
}

/**
 * A shop's delivery options (its logistics templates) and their providers: TikTok Shipping (STANDARD,
 * the market's first two carriers of domain/carriers.ts; pickup and drop-off, the admin API changes
 * them), seller shipping (SEND_BY_SELLER, every
 * carrier of the market) and the option of orders fulfilled by TikTok (no providers: 21008117).
 * Providers are made once per market and shared by its shops.
 */
function seedDeliveryOptions(state: SimulatorState, ids: IdFactory, shop: Shop): void {
  let providers = state.shippingProviders.filter((p) => p.region === shop.region);
  if (providers.length === 0) {
    providers = carriersOf(shop.region).map((c) => ({ id: ids.genericId(), region: shop.region, ...c }));
    state.shippingProviders.push(...providers);
  }
  state.deliveryOptions.push(
    {
      id: ids.genericId(),
      shopId: shop.id,
      name: 'Standard Shipping',
      type: 'STANDARD',
      providerIds: providers.slice(0, 2).map((p) => p.id),
      canPickup: true,
      canDropOff: true,
    },
    {
      id: ids.genericId(),
      shopId: shop.id,
      name: 'Shipped by seller',
      type: 'SEND_BY_SELLER',
      providerIds: providers.map((p) => p.id),
    },
    {
      id: ids.genericId(),
      shopId: shop.id,
      name: 'Fulfilled by TikTok',
      type: 'STANDARD',
      providerIds: [],
      fulfilledByTikTok: true,
    },
  );
}

function seedBundle(
  state: SimulatorState,
  ids: IdFactory,
  shop: Shop,
  spec: SeedBundleSpec,
  warehouseIds: string[],
  nowSeconds: number,
): void {
  if (spec.components.length === 0) throw new Error(`Bundle ${spec.sellerSku} has no components`);
  const components = spec.components.map((c) => {
    const found = state.findSkuBySellerSku(shop.id, c.sellerSku);
    if (!found)
      throw new Error(`Bundle ${spec.sellerSku}: no catalog SKU "${c.sellerSku}" in shop ${shop.id}`);
    if (!Number.isInteger(c.count) || c.count < 1)
      throw new Error(`Bundle ${spec.sellerSku}: count must be >= 1`);
    return { skuId: found.sku.id, productId: found.product.id, sellerSku: c.sellerSku, count: c.count };
  });
  const productId = ids.productId();
  const sku: Sku = {
    id: ids.skuId(),
    productId,
    sellerSku: spec.sellerSku,
    name: 'Bundle',
    priceMinor: priceIn(shop.currency, spec.price),
    currency: shop.currency,
    inventory: Object.fromEntries(warehouseIds.map((id) => [id, 0])),
    salesAttributes: [],
    components,
  };
  state.products.set(productId, {
    id: productId,
    shopId: shop.id,
    title: spec.title,
    description: `<p>${spec.title}</p>`,
    categoryId: '601226',
    status: 'ACTIVATE',
    auditStatus: 'APPROVED',
    mainImages: [{ uri: `tos-maliva-i-o3syd03w52-us/${productId}` }],
    packageWeight: { value: '1.5', unit: shop.region === 'US' ? 'POUND' : 'KILOGRAM' },
    skus: [sku],
    createTime: nowSeconds - 86_400 * 7,
    updateTime: nowSeconds - 86_400 * 7,
  });
}
