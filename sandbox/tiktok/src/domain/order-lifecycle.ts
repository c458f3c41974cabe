import type { TikTokOrderStatus } from '../../../../shared-types/src/tiktok-order';
import { unixSeconds, type Clock } from '../clock';
import { Business } from '../errors';
import { formatMinor, parseMinor } from '../money';
import type { Random } from '../random';
import type { Scheduler } from '../scheduler';
import type { WebhookSender } from '../webhooks/sender';
import { cancelReasonText } from './cancel-reason-texts';
import type { IdFactory } from './ids';
import { buildOrder, type CreateOrderOptions } from './order-factory';
import type { SimulatorState } from './state';
import type {
  Cancellation,
  CancellationRole,
  OrderRecord,
  RefundAmount,
  ReturnRecord,
  ReturnType,
  ShippedPackage,
} from './types';

export interface OrderLifecycleDeps {
  state: SimulatorState;
  ids: IdFactory;
  random: Random;
  clock: Clock;
  scheduler: Scheduler;
  webhooks: WebhookSender;
  /** Simulated ON_HOLD window in clock milliseconds (already divided by the time scale). */
  holdMs: number;
}

/** Raised for an admin action the order's current status does not allow. */
export class InvalidTransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTransitionError';
  }
}

const DISPLAY_STATUS: Partial<Record<TikTokOrderStatus, string>> = {
  UNPAID: 'UNPAID',
  ON_HOLD: 'TO_SHIP',
  AWAITING_SHIPMENT: 'TO_SHIP',
  AWAITING_COLLECTION: 'SHIPPED',
  IN_TRANSIT: 'SHIPPED',
  DELIVERED: 'DELIVERED',
  COMPLETED: 'COMPLETED',
};

/** Regions where Mark Package As Shipped may be used (reference §6.6). */
export const MARK_SHIPPED_REGIONS: readonly string[] = ['US', 'GB', 'ES', 'IE', 'IT', 'DE', 'FR', 'JP'];

export interface MarkShippedInput {
  trackingNumber: string;
  shippingProviderId: string;
  orderLineItemIds?: string[];
}

/**
 * The order state machine (reference §6.1 transitions). Every status change sets `update_time`
 * and emits ORDER_STATUS_CHANGE (type 1); cancellations and returns also emit types 11 and 12.
 */
export class OrderLifecycle {
  private readonly holdJobs = new Map<string, number>();

  constructor(private readonly deps: OrderLifecycleDeps) {}

  private now(): number {
    return unixSeconds(this.deps.clock);
  }

  require(orderId: string): OrderRecord {
    const record = this.deps.state.orders.get(orderId);
    if (!record) throw new InvalidTransitionError(`Unknown order ${orderId}`);
    return record;
  }

  create(options: CreateOrderOptions): OrderRecord {
    const { state, ids, random } = this.deps;
    const record = buildOrder(state, ids, random, this.now(), options);
    state.orders.set(record.order.id, record);
    this.emitStatus(record);
    return record;
  }

  /** Buyer pays: UNPAID → ON_HOLD; the hold is released automatically after the window. */
  pay(orderId: string): OrderRecord {
    const record = this.require(orderId);
    this.expect(record, ['UNPAID'], 'pay');
    const now = this.now();
    record.order.paid_time = now;
    this.setStatus(record, 'ON_HOLD', now);
    const dueAt = this.deps.clock.now().getTime() + this.deps.holdMs;
    const job = this.deps.scheduler.at(dueAt, (due) => {
      this.holdJobs.delete(orderId);
      if (record.order.status === 'ON_HOLD')
        this.setStatus(record, 'AWAITING_SHIPMENT', Math.floor(due / 1000));
    });
    this.holdJobs.set(orderId, job);
    return record;
  }

  /** Ends the remorse window now: ON_HOLD → AWAITING_SHIPMENT. */
  releaseHold(orderId: string): OrderRecord {
    const record = this.require(orderId);
    this.expect(record, ['ON_HOLD'], 'release the hold of');
    this.clearHoldJob(orderId);
    this.setStatus(record, 'AWAITING_SHIPMENT', this.now());
    return record;
  }

  /** Ships every unshipped line through TikTok shipping (admin): → AWAITING_COLLECTION. */
  shipAll(orderId: string, trackingNumber?: string): ShippedPackage {
    const record = this.require(orderId);
    this.expect(record, ['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'], 'ship');
    const provider = this.deps.state.shippingProviders[0];
    if (!provider) throw new InvalidTransitionError('No shipping provider seeded');
    const lines = record.order.line_items.filter(
      (l) => !l.tracking_number && l.display_status !== 'CANCELLED',
    );
    return this.recordShipment(record, {
      lineIds: lines.map((l) => l.id),
      trackingNumber: trackingNumber ?? `TT${this.deps.random.digits(12)}`,
      providerId: provider.id,
      providerName: provider.name,
      method: 'SHIP_PACKAGE',
      packageId: lines[0]?.package_id ?? this.deps.ids.packageId(),
    });
  }

  /** Mark Package As Shipped (seller's own carrier), validated like the API. */
  markShipped(record: OrderRecord, input: MarkShippedInput): ShippedPackage {
    const { state } = this.deps;
    const shop = state.requireShop(record.shopId);
    if (!MARK_SHIPPED_REGIONS.includes(shop.region)) throw Business.interfaceNotInRegion();
    if (record.order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK') throw Business.platformFulfilled();
    const status = record.order.status;
    if (['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'].includes(status)) {
      throw Business.ordersAlreadyShipped();
    }
    if (status !== 'AWAITING_SHIPMENT' && status !== 'PARTIALLY_SHIPPING')
      throw Business.fulfillActionNotAllowed();
    const provider = state.shippingProviders.find((p) => p.id === input.shippingProviderId);
    if (!provider) throw Business.trackingProviderInvalid();
    const duplicate = [...state.packages.values()].some(
      (p) =>
        p.shopId === record.shopId &&
        p.trackingNumber === input.trackingNumber &&
        p.orderId !== record.order.id,
    );
    if (duplicate) throw Business.duplicateTrackingNumber();
    const open = record.order.line_items.filter(
      (l) => !l.tracking_number && l.display_status !== 'CANCELLED',
    );
    let lineIds: string[];
    if (input.orderLineItemIds && input.orderLineItemIds.length > 0) {
      for (const id of input.orderLineItemIds) {
        const line = record.order.line_items.find((l) => l.id === id);
        if (!line) throw Business.orderLineNotInOrder();
        if (line.tracking_number) throw Business.ordersAlreadyShipped();
        if (line.display_status === 'CANCELLED') throw Business.fulfillActionNotAllowed();
      }
      lineIds = [...new Set(input.orderLineItemIds)];
    } else {
      lineIds = open.map((l) => l.id);
    }
    if (lineIds.length === 0) throw Business.ordersAlreadyShipped();
    const partial = lineIds.length < open.length;
    const packageId = partial
      ? this.deps.ids.packageId()
      : (open[0]?.package_id ?? this.deps.ids.packageId());
    return this.recordShipment(record, {
      lineIds,
      trackingNumber: input.trackingNumber,
      providerId: provider.id,
      providerName: provider.name,
      method: 'MARK_AS_SHIPPED',
      packageId,
    });
  }

  /** Ship Package (`POST /fulfillment/202309/packages/{id}/ship`) with self_shipment details. */
  shipPackage(
    record: OrderRecord,
    packageId: string,
    handoverMethod: string,
    tracking?: MarkShippedInput,
  ): ShippedPackage {
    const { state } = this.deps;
    if (state.packages.has(packageId)) throw Business.packageAlreadyShipped();
    if (record.order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK') throw Business.platformFulfilled();
    if (record.order.status !== 'AWAITING_SHIPMENT' && record.order.status !== 'PARTIALLY_SHIPPING') {
      if (['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'].includes(record.order.status)) {
        throw Business.packageAlreadyShipped();
      }
      throw Business.fulfillActionNotAllowed();
    }
    const lines = record.order.line_items.filter(
      (l) => l.package_id === packageId && l.display_status !== 'CANCELLED',
    );
    let providerId = '';
    let providerName = '';
    if (tracking) {
      const provider = state.shippingProviders.find((p) => p.id === tracking.shippingProviderId);
      if (!provider) throw Business.trackingProviderInvalid();
      providerId = provider.id;
      providerName = provider.name;
    } else {
      const provider = state.shippingProviders[0];
      providerId = provider?.id ?? '';
      providerName = provider?.name ?? '';
    }
    return this.recordShipment(record, {
      lineIds: lines.map((l) => l.id),
      trackingNumber: tracking?.trackingNumber ?? `TT${this.deps.random.digits(12)}`,
      providerId,
      providerName,
      method: 'SHIP_PACKAGE',
      packageId,
      handoverMethod,
    });
  }

  /** Carrier picked up every package: → IN_TRANSIT. */
  inTransit(orderId: string): OrderRecord {
    const record = this.require(orderId);
    this.expect(record, ['AWAITING_COLLECTION'], 'move to IN_TRANSIT');
    record.order.collection_time = this.now();
    this.setStatus(record, 'IN_TRANSIT', this.now());
    return record;
  }

  deliver(orderId: string): OrderRecord {
    const record = this.require(orderId);
    this.expect(record, ['IN_TRANSIT'], 'deliver');
    record.order.delivery_time = this.now();
    this.setStatus(record, 'DELIVERED', this.now());
    return record;
  }

  complete(orderId: string): OrderRecord {
    const record = this.require(orderId);
    this.expect(record, ['DELIVERED'], 'complete');
    this.setStatus(record, 'COMPLETED', this.now());
    return record;
  }

  /**
   * Cancels lines (all by default). The order becomes CANCELLED only when every line is;
   * inventory of cancelled lines is released. Emits CANCELLATION_STATUS_CHANGE and, on a full
   * cancel, ORDER_STATUS_CHANGE.
   */
  cancel(args: {
    orderId: string;
    role: CancellationRole;
    reason: string;
    lineItemIds?: string[];
  }): Cancellation {
    const record = this.require(args.orderId);
    const { order } = record;
    const allowed: TikTokOrderStatus[] = [
      'UNPAID',
      'ON_HOLD',
      'AWAITING_SHIPMENT',
      'PARTIALLY_SHIPPING',
      'AWAITING_COLLECTION',
      'IN_TRANSIT',
    ];
    this.expect(record, allowed, 'cancel');
    const now = this.now();
    const targetIds =
      args.lineItemIds && args.lineItemIds.length > 0 ? args.lineItemIds : order.line_items.map((l) => l.id);
    const lines = order.line_items.filter(
      (l) => targetIds.includes(l.id) && l.display_status !== 'CANCELLED',
    );
    if (lines.length === 0) throw new InvalidTransitionError(`Order ${order.id} has no open line to cancel`);
    // The order's and the lines' `cancel_reason` carry the reason's text ("Pricing error" in Get Order
    // Detail's sample); the code is on the cancellation (Search Cancellations `cancel_reason`).
    const reasonText = cancelReasonText(args.reason);
    for (const line of lines) {
      line.display_status = 'CANCELLED';
      line.package_status = 'CANCELLED';
      line.cancel_user = args.role;
      line.cancel_reason = reasonText;
      const found = this.deps.state.findSku(line.sku_id);
      if (found && order.warehouse_id) {
        found.sku.inventory[order.warehouse_id] = (found.sku.inventory[order.warehouse_id] ?? 0) + 1;
      }
    }
    const cancellation: Cancellation = {
      cancelId: this.deps.ids.cancelId(),
      shopId: record.shopId,
      orderId: order.id,
      cancelType: args.role === 'BUYER' ? 'BUYER_CANCEL' : 'CANCEL',
      cancelStatus: 'CANCELLATION_REQUEST_COMPLETE',
      role: args.role,
      cancelReason: args.reason,
      cancelReasonText: reasonText,
      lineItemIds: lines.map((l) => l.id),
      refund: this.refundFor(
        record,
        lines.map((l) => l.id),
        order.status !== 'UNPAID',
      ),
      createTime: now,
      updateTime: now,
    };
    this.deps.state.cancellations.set(cancellation.cancelId, cancellation);
    const allCancelled = order.line_items.every((l) => l.display_status === 'CANCELLED');
    if (allCancelled) {
      this.clearHoldJob(order.id);
      order.cancel_reason = reasonText;
      order.cancellation_initiator = args.role;
      order.cancel_time = now;
      this.setStatus(record, 'CANCELLED', now);
    } else {
      order.update_time = Math.max(order.update_time, now);
    }
    this.deps.webhooks.emit({
      eventType: 'CANCELLATION_STATUS_CHANGE',
      shopId: record.shopId,
      data: {
        order_id: order.id,
        cancellations_role: args.role,
        cancel_status: 'CANCELLATION_REQUEST_COMPLETE',
        cancel_id: cancellation.cancelId,
        create_time: now,
      },
    });
    return cancellation;
  }

  /** Buyer opens a return/refund on a shipped order (admin). */
  createReturn(args: {
    orderId: string;
    returnType: ReturnType;
    reason?: string;
    lineItemIds?: string[];
  }): ReturnRecord {
    const record = this.require(args.orderId);
    this.expect(record, ['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'], 'open a return on');
    const now = this.now();
    const ids =
      args.lineItemIds && args.lineItemIds.length > 0
        ? args.lineItemIds
        : record.order.line_items.map((l) => l.id);
    const reason = args.reason ?? 'ecom_order_delivered_refund_and_return_reason_wrong_product';
    const ret: ReturnRecord = {
      returnId: this.deps.ids.returnId(),
      shopId: record.shopId,
      orderId: record.order.id,
      returnType: args.returnType,
      returnStatus: 'RETURN_OR_REFUND_REQUEST_PENDING',
      role: 'BUYER',
      returnReason: reason,
      returnReasonText: reason.replace(/_/g, ' '),
      lineItemIds: ids,
      refund: this.refundFor(record, ids, false),
      createTime: now,
      updateTime: now,
    };
    this.deps.state.returns.set(ret.returnId, ret);
    this.deps.webhooks.emit({
      eventType: 'RETURN_STATUS_CHANGE',
      shopId: record.shopId,
      data: {
        order_id: record.order.id,
        return_role: 'BUYER',
        return_type: args.returnType,
        return_status: ret.returnStatus,
        return_id: ret.returnId,
        create_time: now,
        update_time: now,
      },
    });
    return ret;
  }

  private recordShipment(
    record: OrderRecord,
    args: {
      lineIds: string[];
      trackingNumber: string;
      providerId: string;
      providerName: string;
      method: ShippedPackage['method'];
      packageId: string;
      handoverMethod?: string;
    },
  ): ShippedPackage {
    const now = this.now();
    const { order } = record;
    for (const line of order.line_items) {
      if (!args.lineIds.includes(line.id)) continue;
      line.package_id = args.packageId;
      line.package_status = 'PROCESSING';
      line.tracking_number = args.trackingNumber;
      line.shipping_provider_id = args.providerId;
      line.shipping_provider_name = args.providerName;
      line.display_status = 'SHIPPED';
    }
    if (!(order.packages ?? []).some((p) => p.id === args.packageId)) {
      order.packages = [...(order.packages ?? []), { id: args.packageId }];
    }
    const shipped: ShippedPackage = {
      packageId: args.packageId,
      shopId: record.shopId,
      orderId: order.id,
      lineItemIds: [...args.lineIds],
      trackingNumber: args.trackingNumber,
      shippingProviderId: args.providerId,
      shippingProviderName: args.providerName,
      method: args.method,
      handoverMethod: args.handoverMethod,
      shippedAt: now,
    };
    this.deps.state.packages.set(args.packageId, shipped);
    order.tracking_number = args.trackingNumber;
    order.shipping_provider_id = args.providerId;
    order.shipping_provider = args.providerName;
    order.rts_time = now;
    const open = order.line_items.some((l) => !l.tracking_number && l.display_status !== 'CANCELLED');
    this.setStatus(record, open ? 'PARTIALLY_SHIPPING' : 'AWAITING_COLLECTION', now);
    return shipped;
  }

  private refundFor(record: OrderRecord, lineIds: string[], includeShipping: boolean): RefundAmount {
    const { payment, line_items: lines } = record.order;
    const currency = payment.currency;
    const chosen = lines.filter((l) => lineIds.includes(l.id));
    const subtotal = chosen.reduce((sum, l) => sum + (parseMinor(l.sale_price, currency) ?? 0), 0);
    const tax = chosen.reduce(
      (sum, l) => sum + (parseMinor(l.item_tax?.[0]?.tax_amount ?? '0', currency) ?? 0),
      0,
    );
    const whole = chosen.length === lines.length;
    const shipping = includeShipping && whole ? (parseMinor(payment.shipping_fee, currency) ?? 0) : 0;
    const shippingTax =
      includeShipping && whole ? (parseMinor(payment.shipping_fee_tax ?? '0', currency) ?? 0) : 0;
    return {
      currency,
      refund_total: formatMinor(subtotal + tax + shipping + shippingTax, currency),
      refund_subtotal: formatMinor(subtotal, currency),
      refund_shipping_fee: formatMinor(shipping, currency),
      refund_tax: formatMinor(tax + shippingTax, currency),
    };
  }

  private expect(record: OrderRecord, allowed: TikTokOrderStatus[], action: string): void {
    if (!allowed.includes(record.order.status)) {
      throw new InvalidTransitionError(
        `Cannot ${action} order ${record.order.id} in status ${record.order.status} (allowed: ${allowed.join(', ')})`,
      );
    }
  }

  private clearHoldJob(orderId: string): void {
    const job = this.holdJobs.get(orderId);
    if (job !== undefined) {
      this.deps.scheduler.cancel(job);
      this.holdJobs.delete(orderId);
    }
  }

  private setStatus(record: OrderRecord, status: TikTokOrderStatus, at: number): void {
    const { order } = record;
    order.status = status;
    order.update_time = Math.max(order.update_time, at);
    const display = DISPLAY_STATUS[status];
    if (display) {
      for (const line of order.line_items) {
        if (line.display_status === 'CANCELLED') continue;
        if ((status === 'ON_HOLD' || status === 'AWAITING_SHIPMENT') && line.tracking_number) continue;
        line.display_status = display;
      }
    }
    this.emitStatus(record);
  }

  private emitStatus(record: OrderRecord): void {
    const { order } = record;
    this.deps.webhooks.emit({
      eventType: 'ORDER_STATUS_CHANGE',
      shopId: record.shopId,
      data: {
        order_id: order.id,
        order_status: order.status,
        is_on_hold_order: order.is_on_hold_order === true,
        update_time: order.update_time,
      },
    });
  }
}
