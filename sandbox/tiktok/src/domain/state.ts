/**
 * All in-memory state of one simulator instance (`SimulatorState`): app settings, shops, products,
 * stock, orders and counters.
 */
import type {
  AuthCode,
  Authorization,
  Cancellation,
  DeliveryOption,
  ExternalOrderRef,
  IssuedToken,
  OrderRecord,
  Product,
  ReturnRecord,
  Seller,
  PackageRecord,
  ShippingProvider,
  Shop,
  Sku,
  Warehouse,
  WebhookSubscription,
} from './types';

export interface AppConfig {
  appKey: string;
  appSecret: string;
  serviceId: string;
  /** The redirect URL configured on the app (Partner Center). */
  redirectUrl: string;
  /** App-level webhook URL (Partner Center "Developing" tab); per-shop subscriptions take precedence. */
  webhookUrl: string | null;
  /** Scopes a new authorization grants. */
  grantedScopes: string[];
  /** Admin switch: the consent page rejects instead of approving. */
  denyConsent: boolean;
}

export interface Counters {
  tokenGet: number;
  tokenRefresh: number;
  /** `METHOD path` → number of API requests received (any outcome). */
  apiCalls: Record<string, number>;
  /** API requests refused, by TikTok error code (signature, token, cipher, rate limit, business...). */
  rejected: Record<string, number>;
}

/** All in-memory state of one simulator instance. */
export class SimulatorState {
  readonly sellers = new Map<string, Seller>();
  readonly shops = new Map<string, Shop>();
  readonly warehouses = new Map<string, Warehouse>();
  readonly products = new Map<string, Product>();
  readonly orders = new Map<string, OrderRecord>();
  readonly packages = new Map<string, PackageRecord>();
  readonly cancellations = new Map<string, Cancellation>();
  readonly returns = new Map<string, ReturnRecord>();
  /** External order references by TikTok order id (one per platform). */
  readonly externalOrders = new Map<string, ExternalOrderRef[]>();
  readonly authCodes = new Map<string, AuthCode>();
  readonly authorizations = new Map<string, Authorization>();
  readonly accessTokens = new Map<string, IssuedToken>();
  readonly refreshTokens = new Map<string, IssuedToken>();
  readonly subscriptions: WebhookSubscription[] = [];
  readonly deliveryOptions: DeliveryOption[] = [];
  readonly shippingProviders: ShippingProvider[] = [];
  readonly counters: Counters = { tokenGet: 0, tokenRefresh: 0, apiCalls: {}, rejected: {} };
  /** Images received by Upload Image, by the URI answered (Create/Edit Product accept only these). */
  readonly uploadedImages = new Map<string, { width: number; height: number; useCase: string }>();
  /**
   * Product audit knobs (admin `PUT /_admin/product-audit`): the share of audits that fail (decided by
   * a hash of the product id and its audit round, not a random draw) and seller SKUs whose products
   * always fail.
   */
  readonly productAudit: { failRate: number; failSellerSkus: string[] } = { failRate: 0, failSellerSkus: [] };

  constructor(readonly app: AppConfig) {}

  shopByCipher(cipher: string): Shop | undefined {
    for (const shop of this.shops.values()) if (shop.cipher === cipher) return shop;
    return undefined;
  }

  requireShop(shopId: string): Shop {
    const shop = this.shops.get(shopId);
    if (!shop) throw new Error(`Unknown shop ${shopId}`);
    return shop;
  }

  firstShop(region?: string): Shop {
    for (const shop of this.shops.values()) if (!region || shop.region === region) return shop;
    throw new Error(region ? `No seeded shop in region ${region}` : 'No shop seeded');
  }

  warehousesOf(shopId: string): Warehouse[] {
    return [...this.warehouses.values()].filter((w) => w.shopId === shopId);
  }

  defaultWarehouse(shopId: string): Warehouse {
    const list = this.warehousesOf(shopId).filter((w) => w.type === 'SALES_WAREHOUSE');
    const found = list.find((w) => w.isDefault) ?? list[0];
    if (!found) throw new Error(`Shop ${shopId} has no sales warehouse`);
    return found;
  }

  productsOf(shopId: string): Product[] {
    return [...this.products.values()].filter((p) => p.shopId === shopId);
  }

  findSku(skuId: string): { product: Product; sku: Sku } | undefined {
    for (const product of this.products.values()) {
      const sku = product.skus.find((s) => s.id === skuId);
      if (sku) return { product, sku };
    }
    return undefined;
  }

  findSkuBySellerSku(shopId: string, sellerSku: string): { product: Product; sku: Sku } | undefined {
    for (const product of this.productsOf(shopId)) {
      const sku = product.skus.find((s) => s.sellerSku === sellerSku);
      if (sku) return { product, sku };
    }
    return undefined;
  }

  /**
   * In-stock quantity of a SKU in a warehouse. A virtual bundle shares its components' inventory
   * (TikTok's virtual bundles changelog: "share the inventory in real-time"): as many bundles as
   * the scarcest component allows.
   */
  stockOf(sku: Sku, warehouseId: string): number {
    if (!sku.components) return sku.inventory[warehouseId] ?? 0;
    return Math.min(
      ...sku.components.map((c) => {
        const part = this.findSku(c.skuId)?.sku;
        return part ? Math.floor((part.inventory[warehouseId] ?? 0) / c.count) : 0;
      }),
    );
  }

  /** Adds `delta` units of a SKU to a warehouse (reserve: −1, release: +1); a bundle moves its components. */
  adjustStock(sku: Sku, warehouseId: string, delta: number): void {
    if (!sku.components) {
      sku.inventory[warehouseId] = (sku.inventory[warehouseId] ?? 0) + delta;
      return;
    }
    for (const c of sku.components) {
      const part = this.findSku(c.skuId)?.sku;
      if (part) part.inventory[warehouseId] = (part.inventory[warehouseId] ?? 0) + delta * c.count;
    }
  }

  /** The live authorization covering a shop, if the seller has authorized the app. */
  activeAuthorizationFor(shopId: string): Authorization | undefined {
    for (const auth of this.authorizations.values())
      if (!auth.revoked && auth.shopIds.includes(shopId)) return auth;
    return undefined;
  }

  countRejection(code: number): void {
    this.counters.rejected[code] = (this.counters.rejected[code] ?? 0) + 1;
  }

  countApiCall(method: string, path: string): void {
    const key = `${method} ${path}`;
    this.counters.apiCalls[key] = (this.counters.apiCalls[key] ?? 0) + 1;
  }
}
