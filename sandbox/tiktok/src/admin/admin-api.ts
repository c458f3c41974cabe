/**
 * The simulator's admin operations (not TikTok's API): create and advance orders, cancel them as buyer
 * or seller, open and answer returns, set inventory and warehouses, read counters; the admin router
 * and tests call them.
 */
import { sellerCancelReasons } from '../../../../shared-types/src/cancellations/tiktok-cancel-reasons';
import type { TikTokRecipientAddress } from '../../../../shared-types/src/tiktok/tiktok-order';
import type { TokenResponseData, TokenService } from '../auth/token-service';
import type { RateLimitConfig, RateLimiter } from '../api/rate-limiter';
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { CreateOrderOptions, OrderFeeMix } from '../domain/order-factory';
import type { Cancellations } from '../domain/cancellations';
import type { ApproveInput, OpenReturnInput, ReturnAutopilot, Returns } from '../domain/returns';
import type { IdFactory } from '../domain/ids';
import { committedIndex, committedOf, nextDefault } from '../domain/inventory';
import { warehouseAddress } from '../domain/addresses';
import { InvalidTransitionError, type OrderLifecycle } from '../domain/order-lifecycle';
import type { Packages, SellerCenterShipment } from '../domain/packages';
import { TikTokApiError } from '../errors';
import type { SimulatorState } from '../domain/state';
import type {
  ApiOrder,
  Cancellation,
  CancellationRole,
  DeliveryOption,
  ReturnRecord,
  ReturnType,
  PackageRecord,
  Product,
  ProductStatus,
  Shop,
  Sku,
  Warehouse,
} from '../domain/types';
import { parseMinor } from '../money';
import { applyFaults, type Faults } from '../faults';
import type { Random } from '../random';
import type { Scheduler } from '../scheduler';
import type { DeliveryState, WebhookDelivery, WebhookSender } from '../webhooks/sender';

export type OrderAction = 'pay' | 'release-hold' | 'ship' | 'in-transit' | 'deliver' | 'complete';

/** Admin moves of a return (`POST /_admin/returns/:id/:action`). */
export const RETURN_ACTIONS = [
  'buyer-ship',
  'receive',
  'cancel',
  'accept-partial-refund',
  'decline-partial-refund',
  'escalate',
  'support-buyer',
  'support-seller',
  'complete-refund',
] as const;
export type ReturnAction = (typeof RETURN_ACTIONS)[number];

export const ORDER_ACTIONS: readonly OrderAction[] = [
  'pay',
  'release-hold',
  'ship',
  'in-transit',
  'deliver',
  'complete',
];

/** Status reached by each action; `advanceTo` walks the actions in this order. */
const ACTION_TARGET: Readonly<Record<OrderAction, string>> = {
  pay: 'ON_HOLD',
  'release-hold': 'AWAITING_SHIPMENT',
  ship: 'AWAITING_COLLECTION',
  'in-transit': 'IN_TRANSIT',
  deliver: 'DELIVERED',
  complete: 'COMPLETED',
};

/** A documented reason for the role, market and status (TikTok's Cancel reasons page; `_uk` codes in GB). */
export function defaultCancelReason(by: CancellationRole, region: string, status: string): string {
  const uk = region === 'GB' ? '_uk' : '';
  const unpaid = status === 'UNPAID';
  if (by === 'SELLER')
    return sellerCancelReasons(region, status)[0]?.code ?? `seller_cancel_reason_out_of_stock${uk}`;
  if (by === 'SYSTEM') return unpaid ? `system_cancel_unpaid_time_out${uk}` : `platform_cancel${uk}`;
  return unpaid
    ? `ecom_order_unpaid_canceled_reason_no_longer_needed${uk}`
    : `ecom_order_to_ship_canceled_reason_no_longer_needed${uk}`;
}

export interface AdminCreateOrderOptions extends CreateOrderOptions {
  /** Walk the order forward after creating it (each step emits its webhook). */
  advanceTo?:
    'ON_HOLD' | 'AWAITING_SHIPMENT' | 'AWAITING_COLLECTION' | 'IN_TRANSIT' | 'DELIVERED' | 'COMPLETED';
}

export interface InventoryRow {
  shopId: string;
  productId: string;
  skuId: string;
  sellerSku: string;
  warehouseId: string;
  /** Available to order (Get Product `quantity`). */
  quantity: number;
  /** Held by open orders not shipped yet (Inventory Search `committed_quantity`). */
  committed: number;
}

export interface WarehouseInput {
  shopId?: string;
  name?: string;
  type?: Warehouse['type'];
  effectStatus?: Warehouse['effectStatus'];
  isDefault?: boolean;
}

const EFFECT_STATUSES: readonly Warehouse['effectStatus'][] = ['ENABLED', 'DISABLED', 'RESTRICTED'];
const PRODUCT_STATUSES: readonly ProductStatus[] = [
  'DRAFT',
  'PENDING',
  'FAILED',
  'ACTIVATE',
  'SELLER_DEACTIVATED',
  'PLATFORM_DEACTIVATED',
  'FREEZE',
  'DELETED',
];

export interface SetInventoryInput {
  sellerSku?: string;
  skuId?: string;
  shopId?: string;
  /** Default: the shop's default sales warehouse. */
  warehouseId?: string;
  quantity: number;
}

export interface AdminDeps {
  state: SimulatorState;
  ids: IdFactory;
  orders: OrderLifecycle;
  packages: Packages;
  cancellations: Cancellations;
  returns: Returns;
  random: Random;
  tokens: TokenService;
  webhooks: WebhookSender;
  faults: Faults;
  clock: Clock;
  scheduler: Scheduler;
  limiter: RateLimiter;
}

/**
 * Test and demo controls, in process; the admin HTTP router exposes the same functions. Reads
 * return copies (orders include the recipient address even while the API hides it).
 */
export class AdminApi {
  constructor(private readonly deps: AdminDeps) {}

  shops(): Shop[] {
    return [...this.deps.state.shops.values()].map((s) => ({ ...s }));
  }

  counters() {
    const { counters } = this.deps.state;
    return {
      tokenGet: counters.tokenGet,
      tokenRefresh: counters.tokenRefresh,
      apiCalls: { ...counters.apiCalls },
      rejected: { ...counters.rejected },
    };
  }

  createOrder(options: AdminCreateOrderOptions = {}): ApiOrder {
    const { advanceTo, ...create } = options;
    if (advanceTo !== undefined && !Object.values(ACTION_TARGET).includes(advanceTo)) {
      throw new Error(`advanceTo must be one of ${Object.values(ACTION_TARGET).join(', ')}`);
    }
    const { state } = this.deps;
    const shop = create.shopId ? state.requireShop(create.shopId) : state.firstShop(create.region);
    if (advanceTo === 'ON_HOLD' && !shop.onHold) {
      throw new Error(
        `Shop ${shop.id} has no ON_HOLD status (its paid orders go to AWAITING_SHIPMENT); seed it with onHold: true or advance to AWAITING_SHIPMENT`,
      );
    }
    const record = this.deps.orders.create(create);
    if (advanceTo) {
      for (const action of ORDER_ACTIONS) {
        if (record.order.status === advanceTo) break;
        this.advanceOrder(record.order.id, action);
      }
    }
    return this.getOrder(record.order.id);
  }

  getOrder(orderId: string): ApiOrder {
    return structuredClone(this.deps.orders.require(orderId).order);
  }

  listOrders(shopId?: string): ApiOrder[] {
    return [...this.deps.state.orders.values()]
      .filter((r) => !shopId || r.shopId === shopId)
      .map((r) => structuredClone(r.order));
  }

  /** pay | release-hold | ship | in-transit | deliver | complete. */
  advanceOrder(orderId: string, action: OrderAction, options: { trackingNumber?: string } = {}): ApiOrder {
    const { orders } = this.deps;
    switch (action) {
      case 'pay':
        orders.pay(orderId);
        break;
      case 'release-hold':
        orders.releaseHold(orderId);
        break;
      case 'ship':
        this.deps.packages.shipAll(orderId, options.trackingNumber);
        break;
      case 'in-transit':
        this.deps.packages.advanceOrder(orderId, 'PROCESSING');
        break;
      case 'deliver':
        this.deps.packages.advanceOrder(orderId, 'FULFILLING');
        break;
      case 'complete':
        orders.complete(orderId);
        break;
      default:
        throw new Error(`Unknown action "${String(action)}"; known: ${ORDER_ACTIONS.join(', ')}`);
    }
    return this.getOrder(orderId);
  }

  /**
   * Cancels as `by` (default BUYER). A buyer's cancel of an AWAITING_SHIPMENT order is a request
   * (domain/cancellations.ts): approved at once or pending with a deadline; seller and system
   * cancels, and buyer cancels before AWAITING_SHIPMENT, complete at once.
   */
  cancelOrder(
    orderId: string,
    options: { by?: CancellationRole; reason?: string; lineItemIds?: string[] } = {},
  ): Cancellation {
    const by = options.by ?? 'BUYER';
    const record = this.deps.orders.require(orderId);
    const region = this.deps.state.requireShop(record.shopId).region;
    const reason = options.reason ?? defaultCancelReason(by, region, record.order.status);
    const { cancellations } = this.deps;
    if (by === 'BUYER' && options.lineItemIds === undefined)
      return { ...cancellations.buyerRequest(orderId, reason) };
    return { ...cancellations.cancel({ orderId, role: by, reason, lineItemIds: options.lineItemIds }) };
  }

  /** The buyer changes the delivery address (RECIPIENT_ADDRESS_UPDATE, webhook type 3). */
  updateRecipientAddress(orderId: string, address?: TikTokRecipientAddress): ApiOrder {
    this.deps.orders.updateRecipientAddress(orderId, address);
    return this.getOrder(orderId);
  }

  /** The buyer withdraws a pending cancellation request (closed: CANCELLATION_REQUEST_CANCELLED). */
  withdrawCancellation(cancelId: string): Cancellation {
    return { ...this.deps.cancellations.withdraw(cancelId) };
  }

  /** The buyer opens a return, refund-only or replacement request (see domain/returns.ts). */
  createReturn(orderId: string, options: Partial<Omit<OpenReturnInput, 'orderId'>> = {}): ReturnRecord {
    const returnType = options.returnType ?? 'REFUND';
    if (!['REFUND', 'RETURN_AND_REFUND', 'REPLACEMENT'].includes(returnType))
      throw new Error('returnType must be REFUND, RETURN_AND_REFUND or REPLACEMENT');
    return structuredClone(this.deps.returns.open({ ...options, orderId, returnType }));
  }

  /**
   * The seller answers a return in TikTok Seller Center instead of the API: an approve `decision`
   * (with `buyerKeepItem` / `partialRefund`) or a reject one with `rejectReason`. TikTok tells the
   * connector only through RETURN_STATUS_CHANGE and Search Returns; a refusal is an error naming
   * TikTok's code.
   */
  answerReturnInSellerCenter(
    returnId: string,
    input: ApproveInput & { rejectReason?: string; comment?: string },
  ): ReturnRecord {
    const { returns } = this.deps;
    const ret = returns.require(returnId);
    try {
      if (input.decision?.startsWith('REJECT_'))
        returns.reject(ret.shopId, returnId, {
          decision: input.decision,
          reason: input.rejectReason,
          ...(input.comment === undefined ? {} : { comment: input.comment }),
        });
      else returns.approve(ret.shopId, returnId, input);
    } catch (caught) {
      if (caught instanceof TikTokApiError)
        throw new Error(
          `TikTok refuses the Seller Center answer to return ${returnId}: ${caught.code} ${caught.message}`,
        );
      throw caught;
    }
    return this.getReturn(returnId);
  }

  /**
   * Chaos and load runs: each DELIVERED order of the shop(s) without a request opens one with
   * probability `rate` (seeded), its type drawn from `types` (default all three), for all its lines or,
   * one time in three, its first line only.
   */
  openRandomReturns(options: { shopId?: string; rate: number; types?: ReturnType[] }): ReturnRecord[] {
    const { rate } = options;
    if (!(typeof rate === 'number' && rate >= 0 && rate <= 1)) throw new Error('rate must be a number 0..1');
    const types = options.types ?? ['REFUND', 'RETURN_AND_REFUND', 'REPLACEMENT'];
    for (const type of types)
      if (!['REFUND', 'RETURN_AND_REFUND', 'REPLACEMENT'].includes(type))
        throw new Error('types must be REFUND, RETURN_AND_REFUND or REPLACEMENT');
    const { state, random, returns } = this.deps;
    const withReturns = new Set([...state.returns.values()].map((r) => r.orderId));
    const opened: ReturnRecord[] = [];
    for (const record of state.orders.values()) {
      if (options.shopId && record.shopId !== options.shopId) continue;
      if (record.order.status !== 'DELIVERED' || withReturns.has(record.order.id)) continue;
      if (!random.chance(rate)) continue;
      const returnType = random.pick(types);
      const first = record.order.line_items.find((l) => l.display_status !== 'CANCELLED');
      const lineItemIds = random.int(0, 2) === 0 && first ? [first.id] : undefined;
      opened.push(structuredClone(returns.open({ orderId: record.order.id, returnType, lineItemIds })));
    }
    return opened;
  }

  setReturnAutopilot(autopilot: ReturnAutopilot): ReturnAutopilot {
    return this.deps.returns.setAutopilot(autopilot);
  }

  getReturn(returnId: string): ReturnRecord {
    return structuredClone(this.deps.returns.require(returnId));
  }

  /**
   * Moves a return as the buyer, the carrier or TikTok would: `buyer-ship` (AWAITING_BUYER_SHIP →
   * BUYER_SHIPPED_ITEM, `{trackingNumber?, providerName?}`), `receive` (the parcel reaches the seller's
   * warehouse: the receive deadline starts), `cancel` (the buyer cancels), `accept-partial-refund` /
   * `decline-partial-refund`, `escalate` (arbitration), `support-buyer` / `support-seller` (TikTok's
   * arbitration decision), `complete-refund` (SUCCESS → COMPLETE now).
   */
  advanceReturn(
    returnId: string,
    action: ReturnAction,
    input: { trackingNumber?: string; providerName?: string } = {},
  ): ReturnRecord {
    const { returns } = this.deps;
    switch (action) {
      case 'buyer-ship':
        returns.buyerShip(returnId, input);
        break;
      case 'receive':
        returns.parcelDelivered(returnId);
        break;
      case 'cancel':
        returns.buyerCancel(returnId);
        break;
      case 'accept-partial-refund':
      case 'decline-partial-refund':
        returns.answerPartialRefund(returnId, action === 'accept-partial-refund');
        break;
      case 'escalate':
        returns.escalate(returnId);
        break;
      case 'support-buyer':
      case 'support-seller':
        returns.decideArbitration(returnId, action === 'support-buyer' ? 'SUPPORT_BUYER' : 'SUPPORT_SELLER');
        break;
      case 'complete-refund':
        returns.completeRefund(returnId);
        break;
    }
    return this.getReturn(returnId);
  }

  setInventory(input: SetInventoryInput): InventoryRow {
    const { state } = this.deps;
    if (!Number.isInteger(input.quantity) || input.quantity < 0)
      throw new Error('quantity must be an integer >= 0');
    const found = input.skuId
      ? state.findSku(input.skuId)
      : input.sellerSku
        ? state.findSkuBySellerSku(input.shopId ?? state.firstShop().id, input.sellerSku)
        : undefined;
    if (!found) throw new Error(`Unknown SKU ${input.skuId ?? input.sellerSku ?? '(none given)'}`);
    const warehouseId = input.warehouseId ?? state.defaultWarehouse(found.product.shopId).id;
    const warehouse = state.warehouses.get(warehouseId);
    if (!warehouse || warehouse.shopId !== found.product.shopId) {
      throw new Error(`Warehouse ${warehouseId} does not belong to shop ${found.product.shopId}`);
    }
    found.sku.inventory[warehouseId] = input.quantity;
    return {
      shopId: found.product.shopId,
      productId: found.product.id,
      skuId: found.sku.id,
      sellerSku: found.sku.sellerSku,
      warehouseId,
      quantity: input.quantity,
      committed: committedOf(committedIndex(state), found.sku, warehouseId),
    };
  }

  /** Inventory per SKU and warehouse, optionally filtered. */
  getInventory(filter: { sellerSku?: string; skuId?: string; shopId?: string } = {}): InventoryRow[] {
    const rows: InventoryRow[] = [];
    const committed = committedIndex(this.deps.state);
    for (const product of this.deps.state.products.values()) {
      if (filter.shopId && product.shopId !== filter.shopId) continue;
      for (const sku of product.skus) {
        if (filter.sellerSku && sku.sellerSku !== filter.sellerSku) continue;
        if (filter.skuId && sku.id !== filter.skuId) continue;
        for (const warehouseId of Object.keys(sku.inventory)) {
          const quantity = this.deps.state.stockOf(sku, warehouseId);
          rows.push({
            shopId: product.shopId,
            productId: product.id,
            skuId: sku.id,
            sellerSku: sku.sellerSku,
            warehouseId,
            quantity,
            committed: committedOf(committed, sku, warehouseId),
          });
        }
      }
    }
    return rows;
  }

  /** Warehouses of every shop or of one (Get Warehouse List shows a shop's). */
  listWarehouses(shopId?: string): Warehouse[] {
    return [...this.deps.state.warehouses.values()]
      .filter((w) => !shopId || w.shopId === shopId)
      .map((w) => structuredClone(w));
  }

  /** The seller adds a warehouse in Seller Center (a sales warehouse by default; stock none until assigned). */
  createWarehouse(input: WarehouseInput = {}): Warehouse {
    const { state, ids } = this.deps;
    const shop = input.shopId ? state.requireShop(input.shopId) : state.firstShop();
    const type = input.type ?? 'SALES_WAREHOUSE';
    if (type !== 'SALES_WAREHOUSE' && type !== 'RETURN_WAREHOUSE')
      throw new Error('type must be SALES_WAREHOUSE or RETURN_WAREHOUSE');
    const name = input.name ?? `${shop.region} Warehouse ${state.warehousesOf(shop.id).length + 1}`;
    const warehouse: Warehouse = {
      id: ids.warehouseId(),
      entityId: ids.genericId(),
      shopId: shop.id,
      name,
      effectStatus: 'ENABLED',
      type,
      subType: shop.sellerType === 'CROSS_BORDER' ? 'CB_OVERSEA_WAREHOUSE' : 'DOMESTIC_WAREHOUSE',
      isDefault: false,
      address: warehouseAddress(shop.region, name),
    };
    state.warehouses.set(warehouse.id, warehouse);
    return this.updateWarehouse(warehouse.id, {
      effectStatus: input.effectStatus,
      isDefault: input.isDefault,
    });
  }

  /**
   * The seller changes a warehouse: `effectStatus` (DISABLED: its stock cannot be sold nor updated;
   * RESTRICTED: holiday or order-limit mode, not sold), `isDefault` (one default sales warehouse per
   * shop), `name`.
   */
  updateWarehouse(warehouseId: string, update: Omit<WarehouseInput, 'shopId' | 'type'>): Warehouse {
    const { state } = this.deps;
    const warehouse = state.warehouses.get(warehouseId);
    if (!warehouse) throw new Error(`Unknown warehouse ${warehouseId}`);
    if (update.effectStatus !== undefined) {
      if (!EFFECT_STATUSES.includes(update.effectStatus))
        throw new Error(`effectStatus must be one of ${EFFECT_STATUSES.join(', ')}`);
      warehouse.effectStatus = update.effectStatus;
    }
    if (update.name !== undefined) warehouse.name = update.name;
    if (update.isDefault === true) {
      if (warehouse.type !== 'SALES_WAREHOUSE') throw new Error('Only a sales warehouse can be the default');
      for (const other of state.warehousesOf(warehouse.shopId)) other.isDefault = other.id === warehouse.id;
    } else if (update.isDefault === false && warehouse.isDefault) {
      throw new Error('A shop keeps one default sales warehouse: make another one the default instead');
    }
    return structuredClone(warehouse);
  }

  /**
   * The seller deletes a warehouse: gone from Get Warehouse List and from every SKU's inventory (an
   * update naming it answers 12052097); the default moves to another sales warehouse.
   */
  deleteWarehouse(warehouseId: string): { deleted: string; newDefault?: string } {
    const { state } = this.deps;
    const warehouse = state.warehouses.get(warehouseId);
    if (!warehouse) throw new Error(`Unknown warehouse ${warehouseId}`);
    state.warehouses.delete(warehouseId);
    for (const product of state.productsOf(warehouse.shopId))
      for (const sku of product.skus) delete sku.inventory[warehouseId];
    if (!warehouse.isDefault) return { deleted: warehouseId };
    const next = nextDefault(state, warehouse.shopId);
    if (next) next.isDefault = true;
    return next ? { deleted: warehouseId, newDefault: next.id } : { deleted: warehouseId };
  }

  /**
   * A product's status changes (the seller deactivates or deletes it, TikTok deactivates or freezes it):
   * PRODUCT_STATUS_CHANGE (type 5) with `status` PRODUCT_STATUS_CHANGED. Update Inventory then answers
   * 12052901 unless ACTIVATE; a DELETED product is gone (12019150).
   */
  setProductStatus(productId: string, status: ProductStatus, suspendedReason = ''): ProductStatus {
    const product = this.deps.state.products.get(productId);
    if (!product) throw new Error(`Unknown product ${productId}`);
    if (!PRODUCT_STATUSES.includes(status))
      throw new Error(`status must be one of ${PRODUCT_STATUSES.join(', ')}`);
    product.status = status;
    product.updateTime = Math.max(product.updateTime, Math.floor(this.deps.clock.now() / 1000));
    this.deps.webhooks.emit({
      eventType: 'PRODUCT_STATUS_CHANGE',
      shopId: product.shopId,
      data: {
        product_id: product.id,
        status: 'PRODUCT_STATUS_CHANGED',
        suspended_reason: suspendedReason,
        update_time: product.updateTime,
      },
    });
    return status;
  }

  /**
   * Products the seller lists in Seller Center (not through the API), ACTIVATE at once: each SKU with a
   * seller SKU of at most 50 characters and no spaces (TikTok's rule; the same seller SKU on two
   * products is allowed, as TikTok allows it), priced in the shop's currency, stocked in the default
   * warehouse. Each product emits PRODUCT_CREATION (type 16).
   */
  createProducts(input: {
    shopId?: string;
    products: { title: string; skus: { sellerSku: string; price?: string; quantity?: number }[] }[];
  }): Product[] {
    const { state, ids, clock } = this.deps;
    const shop = state.requireShop(input.shopId ?? state.firstShop().id);
    const warehouse = state.defaultWarehouse(shop.id);
    const now = Math.floor(clock.now() / 1000);
    return input.products.map((spec) => {
      if (spec.title.trim() === '' || spec.title.length > 255)
        throw new Error(`title must have 1 to 255 characters: ${JSON.stringify(spec.title)}`);
      if (spec.skus.length === 0) throw new Error(`product ${spec.title} needs at least one SKU`);
      const productId = ids.productId();
      const skus: Sku[] = spec.skus.map((sku) => {
        if (sku.sellerSku.length > 50 || /\s/.test(sku.sellerSku))
          throw new Error(`seller SKU ${JSON.stringify(sku.sellerSku)}: at most 50 characters, no spaces`);
        const priceMinor = parseMinor(sku.price ?? '10.00', shop.currency);
        if (priceMinor === null || priceMinor <= 0) throw new Error(`price ${sku.price} is not a price`);
        return {
          id: ids.skuId(),
          productId,
          sellerSku: sku.sellerSku,
          name: sku.sellerSku,
          priceMinor,
          currency: shop.currency,
          inventory: { [warehouse.id]: sku.quantity ?? 10 },
          salesAttributes: [],
        };
      });
      const product: Product = {
        id: productId,
        shopId: shop.id,
        title: spec.title,
        description: `<p>${spec.title}</p>`,
        categoryId: '601226',
        status: 'ACTIVATE',
        auditStatus: 'APPROVED',
        mainImages: [{ uri: `tos-maliva-i-o3syd03w52-us/${productId}` }],
        packageWeight: { value: '0.5', unit: shop.region === 'US' ? 'POUND' : 'KILOGRAM' },
        skus,
        createTime: now,
        updateTime: now,
      };
      state.products.set(productId, product);
      this.deps.webhooks.emit({
        eventType: 'PRODUCT_CREATION',
        shopId: shop.id,
        data: { product_id: productId, product_type: ['NORMAL'], update_time: now },
      });
      return product;
    });
  }

  /**
   * The seller edits a product in Seller Center (title, or a SKU's seller SKU): PRODUCT_INFORMATION_CHANGE
   * (type 15) with the changed fields, and a newer `update_time`.
   */
  editProduct(productId: string, edit: { title?: string; sellerSkus?: Record<string, string> }): Product {
    const product = this.deps.state.products.get(productId);
    if (!product || product.status === 'DELETED') throw new Error(`Unknown product ${productId}`);
    const changed: string[] = [];
    if (edit.title !== undefined) {
      if (edit.title.trim() === '' || edit.title.length > 255)
        throw new Error('title must have 1 to 255 characters');
      product.title = edit.title;
      changed.push('title');
    }
    for (const [skuId, sellerSku] of Object.entries(edit.sellerSkus ?? {})) {
      const sku = product.skus.find((s) => s.id === skuId);
      if (!sku) throw new Error(`SKU ${skuId} is not a SKU of product ${productId}`);
      if (sellerSku.length > 50 || /\s/.test(sellerSku))
        throw new Error('seller SKU: at most 50 characters, no spaces');
      sku.sellerSku = sellerSku;
      changed.push('skus');
    }
    product.updateTime = Math.max(product.updateTime + 1, Math.floor(this.deps.clock.now() / 1000));
    this.deps.webhooks.emit({
      eventType: 'PRODUCT_INFORMATION_CHANGE',
      shopId: product.shopId,
      data: {
        product_id: product.id,
        changed_fields: [...new Set(changed)],
        update_time: product.updateTime,
      },
    });
    return product;
  }

  /** The seller removes a SKU from its product (Edit Product without it): Update Inventory answers 12052556. */
  deleteSku(skuId: string): { productId: string; skuId: string } {
    const found = this.deps.state.findSku(skuId);
    if (!found) throw new Error(`Unknown SKU ${skuId}`);
    if (found.product.skus.length === 1)
      throw new Error(
        `SKU ${skuId} is the only SKU of product ${found.product.id}: delete the product instead`,
      );
    found.product.skus = found.product.skus.filter((s) => s.id !== skuId);
    return { productId: found.product.id, skuId };
  }

  /** Packages (every status), optionally of one shop or order. */
  listPackages(filter: { shopId?: string; orderId?: string } | string = {}): PackageRecord[] {
    const { shopId, orderId } = typeof filter === 'string' ? { shopId: filter, orderId: undefined } : filter;
    return [...this.deps.state.packages.values()]
      .filter((p) => (!shopId || p.shopId === shopId) && (!orderId || p.orderId === orderId))
      .map((p) => structuredClone(p));
  }

  getPackage(packageId: string): PackageRecord {
    const pkg = this.deps.packages.get(packageId);
    if (!pkg) throw new InvalidTransitionError(`Unknown package ${packageId}`);
    return structuredClone(pkg);
  }

  /**
   * The seller ships in TikTok Seller Center, not through the API (see `Packages.shipInSellerCenter`):
   * a refusal TikTok's UI would show is an error naming TikTok's code.
   */
  shipInSellerCenter(orderId: string, input: SellerCenterShipment = {}): PackageRecord {
    try {
      return this.getPackage(this.deps.packages.shipInSellerCenter(orderId, input).packageId);
    } catch (caught) {
      if (caught instanceof TikTokApiError)
        throw new Error(
          `TikTok refuses the Seller Center shipment of order ${orderId}: ${caught.code} ${caught.message}`,
        );
      throw caught;
    }
  }

  /** The carrier collected a package (PROCESSING → FULFILLING); the order follows. */
  collectPackage(packageId: string): PackageRecord {
    this.deps.packages.collect(packageId);
    return this.getPackage(packageId);
  }

  /** The carrier delivered a package (FULFILLING → COMPLETED); the order follows. */
  deliverPackage(packageId: string): PackageRecord {
    this.deps.packages.deliver(packageId);
    return this.getPackage(packageId);
  }

  /** Delivery options (the shops' logistics templates), optionally of one shop. */
  listDeliveryOptions(shopId?: string): DeliveryOption[] {
    return this.deps.state.deliveryOptions
      .filter((o) => !shopId || o.shopId === shopId)
      .map((o) => structuredClone(o));
  }

  /**
   * The seller's TikTok Shipping handover settings of a delivery option: whether the carrier collects
   * (`canPickup`) and whether packages may be dropped off (`canDropOff`); at least one stays on.
   */
  updateDeliveryOption(
    optionId: string,
    update: { canPickup?: boolean; canDropOff?: boolean },
  ): DeliveryOption {
    const option = this.deps.state.deliveryOptions.find((o) => o.id === optionId);
    if (!option) throw new Error(`Unknown delivery option ${optionId}`);
    if (option.type === 'SEND_BY_SELLER' || option.fulfilledByTikTok)
      throw new Error(`Delivery option ${optionId} is not TikTok Shipping: it has no handover settings`);
    const canPickup = update.canPickup ?? option.canPickup !== false;
    const canDropOff = update.canDropOff ?? option.canDropOff !== false;
    if (!canPickup && !canDropOff) throw new Error('A TikTok Shipping option keeps pickup or drop-off');
    option.canPickup = canPickup;
    option.canDropOff = canDropOff;
    return structuredClone(option);
  }

  listCancellations(shopId?: string, role?: CancellationRole): Cancellation[] {
    return [...this.deps.state.cancellations.values()]
      .filter((c) => (!shopId || c.shopId === shopId) && (!role || c.role === role))
      .map((c) => ({ ...c }));
  }

  listReturns(shopId?: string): ReturnRecord[] {
    return [...this.deps.state.returns.values()]
      .filter((r) => !shopId || r.shopId === shopId)
      .map((r) => structuredClone(r));
  }

  deliveries(filter?: { shopId?: string; eventType?: string; state?: DeliveryState }): WebhookDelivery[] {
    return this.deps.webhooks.deliveries(filter);
  }

  clearDeliveries(): void {
    this.deps.webhooks.clearLog();
  }

  /**
   * Product audit knobs (issue #20): `failRate` 0..1 (decided per product and audit round by a hash, so
   * runs repeat) and `failSellerSkus` (products with one of these SKUs always fail their audit).
   */
  setProductAudit(update: { failRate?: unknown; failSellerSkus?: unknown }): {
    failRate: number;
    failSellerSkus: string[];
  } {
    const knobs = this.deps.state.productAudit;
    if (update.failRate !== undefined) {
      if (typeof update.failRate !== 'number' || !(update.failRate >= 0 && update.failRate <= 1))
        throw new Error('failRate must be a number 0..1');
      knobs.failRate = update.failRate;
    }
    if (update.failSellerSkus !== undefined) {
      if (!Array.isArray(update.failSellerSkus) || !update.failSellerSkus.every((s) => typeof s === 'string'))
        throw new Error('failSellerSkus must be an array of strings');
      knobs.failSellerSkus = [...(update.failSellerSkus as string[])];
    }
    return { failRate: knobs.failRate, failSellerSkus: [...knobs.failSellerSkus] };
  }

  getFaults(): Faults {
    return { ...this.deps.faults };
  }

  setFaults(update: Partial<Record<keyof Faults, unknown>>): Faults {
    return { ...applyFaults(this.deps.faults, update) };
  }

  /** Buyer-paid fees on generated orders from now on (`{ rate: 0 }` or undefined: none). */
  setOrderFeeMix(mix: OrderFeeMix | undefined): void {
    this.deps.orders.setFeeMix(mix);
  }

  /** Rate limits: a number sets every API without its own rate; `{qps, perApi}` replaces both. */
  setRateLimit(config: number | RateLimitConfig): void {
    this.deps.limiter.configure(config);
  }

  /** Every access token covering the shop becomes expired (next API call → 105002). */
  expireAccessToken(shopId: string): number {
    this.deps.state.requireShop(shopId);
    return this.deps.tokens.expireAccessTokens(shopId);
  }

  /** The seller deauthorizes the app: SELLER_DEAUTHORIZATION (type 6) is sent, then tokens stop working. */
  revokeAuthorization(shopId: string): number {
    this.deps.state.requireShop(shopId);
    this.deps.webhooks.emit({
      eventType: 'SELLER_DEAUTHORIZATION',
      shopId,
      data: { message: 'The seller has deauthorized the app.' },
    });
    return this.deps.tokens.revoke(shopId).length;
  }

  /** Authorizes the seller and returns tokens without the consent/token HTTP flow (not counted as a token call). */
  issueTokens(): TokenResponseData {
    return this.deps.tokens.issueDirect();
  }

  setConsentDenied(deny: boolean): void {
    this.deps.state.app.denyConsent = deny;
  }

  configureApp(update: { redirectUrl?: string; webhookUrl?: string | null; grantedScopes?: string[] }): void {
    const { app } = this.deps.state;
    if (update.redirectUrl !== undefined) {
      new URL(update.redirectUrl);
      app.redirectUrl = update.redirectUrl;
    }
    if (update.webhookUrl !== undefined) app.webhookUrl = update.webhookUrl;
    if (update.grantedScopes !== undefined) app.grantedScopes = [...update.grantedScopes];
  }

  /** Runs every job due on the clock, then waits for webhook deliveries in flight. */
  async tick(): Promise<void> {
    this.deps.scheduler.runDue();
    await this.deps.webhooks.idle();
    this.deps.scheduler.runDue();
    await this.deps.webhooks.idle();
  }

  /** Moves an advanceable (test) clock forward and runs what became due. */
  async advanceClock(ms: number): Promise<void> {
    if (!isAdvanceable(this.deps.clock))
      throw new Error('The simulator clock cannot be advanced (not a TestClock)');
    this.deps.clock.advance(ms);
    await this.tick();
  }
}

/** True when the clock can be moved by hand (a TestClock or a compatible object). */
function isAdvanceable(clock: Clock): clock is Clock & { advance(ms: number): void } {
  return typeof (clock as { advance?: unknown }).advance === 'function';
}
