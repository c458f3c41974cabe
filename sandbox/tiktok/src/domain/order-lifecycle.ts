/**
 * An order's statuses over its life (UNPAID → ON_HOLD → AWAITING_SHIPMENT → … → COMPLETED or
 * CANCELLED), line statuses that follow their packages, and the webhooks each change sends.
 */
import type {
  TikTokOrderStatus,
  TikTokRecipientAddress,
} from '../../../../shared-types/src/tiktok/tiktok-order';
import { unixSeconds, type Clock } from '../../../../shared-types/src/time/clock';
import type { Random } from '../random';
import type { Scheduler } from '../scheduler';
import type { WebhookSender } from '../webhooks/sender';
import { movedRecipient, sampleRecipient } from './addresses';
import { cancelReasonText } from './cancel-reason-texts';
import type { IdFactory } from './ids';
import { buildOrder, type CreateOrderOptions, type OrderFeeMix } from './order-factory';
import type { SimulatorState } from './state';
import type { CancellationRole, OrderRecord, PackageRecord } from './types';

export interface OrderLifecycleDeps {
  state: SimulatorState;
  ids: IdFactory;
  random: Random;
  clock: Clock;
  scheduler: Scheduler;
  webhooks: WebhookSender;
  /** Simulated ON_HOLD window in clock milliseconds (already divided by the time scale). */
  holdMs: number;
  /** Buyer-paid fees on generated orders (none by default). */
  feeMix?: OrderFeeMix;
}

/** Raised for an admin action the order's current status does not allow. */
export class InvalidTransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTransitionError';
  }
}

/**
 * Line `display_status`, from the values Get Order List / Detail document (UNPAID, AWAITING_SHIPMENT,
 * AWAITING_COLLECTION, IN_TRANSIT, DELIVERED, COMPLETED, CANCELLED): a line follows its package (shipment
 * arranged → AWAITING_COLLECTION, collected → IN_TRANSIT, delivered → DELIVERED); an unshipped line of a
 * paid order shows AWAITING_SHIPMENT, also while the order is ON_HOLD (there is no ON_HOLD or SHIPPED
 * line value; inferred). Get Order Detail's sample shows `TO_SHIP`, which is on neither list.
 */
const SHIPPED_LINE_DISPLAY: Readonly<Record<string, string>> = {
  PROCESSING: 'AWAITING_COLLECTION',
  FULFILLING: 'IN_TRANSIT',
  COMPLETED: 'DELIVERED',
};

/** Order statuses that follow the packages (TikTok's Get Order Detail transitions). */
const SHIPPING_STATUSES: readonly TikTokOrderStatus[] = [
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
];

/** Statuses an order can be cancelled in (a SYSTEM cancel covers a package lost in transit). */
const CANCELLABLE_STATUSES: TikTokOrderStatus[] = [
  'UNPAID',
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
];

/** What the package module (domain/packages.ts) learns from the order flow. */
export interface PackageHooks {
  /** The buyer paid (outside the US the order's package is made now). */
  paid?: (record: OrderRecord) => void;
  /** Lines were cancelled (their packages are cancelled or split). */
  linesCancelled?: (record: OrderRecord, lineIds: string[], role: CancellationRole) => void;
  /** The order reached AWAITING_SHIPMENT for the first time (`at`: Unix s). */
  awaitingShipment?: (record: OrderRecord, at: number) => void;
}

export interface ShipmentHooks {
  /** Runs before any shipment of the order is recorded; throws to refuse it. */
  before?: (record: OrderRecord) => void;
  /** Runs after a shipment was recorded. */
  after?: (record: OrderRecord) => void;
}

/**
 * The order state machine (TikTok's Get Order Detail transitions). Every status change sets `update_time`
 * and emits ORDER_STATUS_CHANGE (type 1); cancellations and returns also emit types 11 and 12.
 */
export class OrderLifecycle {
  private readonly holdJobs = new Map<string, number>();
  private shipmentHooks: ShipmentHooks = {};
  private packageHooks: PackageHooks = {};
  private readonly paidListeners: ((record: OrderRecord) => void)[] = [];

  constructor(private readonly deps: OrderLifecycleDeps) {}

  private now(): number {
    return unixSeconds(this.deps.clock);
  }

  /** Changes the generator's fee mix (admin). */
  setFeeMix(mix: OrderFeeMix | undefined): void {
    if (mix !== undefined && !(mix.rate >= 0 && mix.rate <= 1))
      throw new Error('orderFees.rate must be between 0 and 1');
    this.deps.feeMix = mix;
  }

  require(orderId: string): OrderRecord {
    const record = this.deps.state.orders.get(orderId);
    if (!record) throw new InvalidTransitionError(`Unknown order ${orderId}`);
    return record;
  }

  create(options: CreateOrderOptions): OrderRecord {
    const { state, ids, random } = this.deps;
    const record = buildOrder(state, ids, random, this.now(), options, this.deps.feeMix);
    state.orders.set(record.order.id, record);
    this.emitStatus(record);
    return record;
  }

  /**
   * Buyer pays: UNPAID → ON_HOLD, released automatically after the window; in a shop without
   * ON_HOLD, UNPAID → AWAITING_SHIPMENT at once.
   */
  pay(orderId: string): OrderRecord {
    const record = this.require(orderId);
    this.expect(record, ['UNPAID'], 'pay');
    const now = this.now();
    record.order.paid_time = now;
    this.packageHooks.paid?.(record);
    for (const listener of this.paidListeners) listener(record);
    if (!this.deps.state.requireShop(record.shopId).onHold) {
      this.setStatus(record, 'AWAITING_SHIPMENT', now);
      return record;
    }
    this.setStatus(record, 'ON_HOLD', now);
    const dueAt = this.deps.clock.now() + this.deps.holdMs;
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

  complete(orderId: string): OrderRecord {
    const record = this.require(orderId);
    this.expect(record, ['DELIVERED'], 'complete');
    this.setStatus(record, 'COMPLETED', this.now());
    return record;
  }

  /**
   * Cancels lines (all by default) for a cancellation (domain/cancellations.ts owns the cancellation
   * record and its webhooks). The order becomes CANCELLED only when every line is; inventory of
   * cancelled lines is released; a full cancel emits ORDER_STATUS_CHANGE.
   */
  cancelLines(args: { orderId: string; role: CancellationRole; reason: string; lineItemIds?: string[] }): {
    record: OrderRecord;
    lineIds: string[];
    /** The order was paid when cancelled (shipping and fees are refunded with a whole order). */
    paid: boolean;
  } {
    const record = this.require(args.orderId);
    const { order } = record;
    this.expect(record, CANCELLABLE_STATUSES, 'cancel');
    const now = this.now();
    const paid = order.status !== 'UNPAID';
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
      // A line that left the warehouse (a lost package) does not come back to the stock.
      const shipped = SHIPPED_LINE_DISPLAY[this.packageOf(line.package_id)?.status ?? ''] !== undefined;
      line.display_status = 'CANCELLED';
      line.package_status = 'CANCELLED';
      line.cancel_user = args.role;
      line.cancel_reason = reasonText;
      const found = this.deps.state.findSku(line.sku_id);
      if (found && order.warehouse_id && !shipped)
        this.deps.state.adjustStock(found.sku, order.warehouse_id, 1);
    }
    const cancelledIds = lines.map((l) => l.id);
    this.packageHooks.linesCancelled?.(record, cancelledIds, args.role);
    const allCancelled = order.line_items.every((l) => l.display_status === 'CANCELLED');
    if (allCancelled) {
      this.clearHoldJob(order.id);
      order.cancel_reason = reasonText;
      order.cancellation_initiator = args.role;
      order.cancel_time = now;
      this.setStatus(record, 'CANCELLED', now);
    } else {
      this.refreshShipping(record, now);
    }
    return { record, lineIds: cancelledIds, paid };
  }

  /**
   * The buyer changes the delivery address before shipment is arranged: `recipient_address` replaced,
   * `has_updated_recipient_address` true, RECIPIENT_ADDRESS_UPDATE (webhook type 3: `order_id`,
   * `update_time`). No status change, so no ORDER_STATUS_CHANGE.
   */
  updateRecipientAddress(orderId: string, address?: TikTokRecipientAddress): OrderRecord {
    const record = this.require(orderId);
    this.expect(record, ['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT'], 'change the address of');
    const region = this.deps.state.requireShop(record.shopId).region;
    const now = this.now();
    const { order } = record;
    order.recipient_address = address ?? movedRecipient(sampleRecipient(region, this.deps.random));
    order.has_updated_recipient_address = true;
    order.update_time = Math.max(order.update_time, now);
    this.deps.webhooks.emit({
      eventType: 'RECIPIENT_ADDRESS_UPDATE',
      shopId: record.shopId,
      data: { order_id: order.id, update_time: order.update_time },
    });
    return record;
  }

  /** Lets the cancellation flow refuse a shipment, and learn of one (pending buyer requests). */
  setShipmentHooks(hooks: ShipmentHooks): void {
    this.shipmentHooks = hooks;
  }

  /** Marks the order changed (`update_time`) without a status change, e.g. a buyer cancel request. */
  touch(record: OrderRecord): void {
    record.order.update_time = Math.max(record.order.update_time, this.now());
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
    const firstAwaiting = status === 'AWAITING_SHIPMENT' && record.awaitingShipmentAt === undefined;
    if (firstAwaiting) record.awaitingShipmentAt = at;
    order.status = status;
    order.update_time = Math.max(order.update_time, at);
    this.syncLines(record);
    this.emitStatus(record);
    if (firstAwaiting) this.packageHooks.awaitingShipment?.(record, at);
  }

  private packageOf(packageId: string | undefined): PackageRecord | undefined {
    return packageId ? this.deps.state.packages.get(packageId) : undefined;
  }

  /**
   * Lines and the order's shipping fields as Get Order Detail shows them: each line's `package_status`,
   * `display_status`, tracking number and provider from its package; the order's
   * `tracking_number` / `shipping_provider(_id)` / `rts_time` from the package shipped last.
   */
  private syncLines(record: OrderRecord): void {
    const { order } = record;
    let latest: PackageRecord | undefined;
    for (const line of order.line_items) {
      if (line.display_status === 'CANCELLED') continue;
      const pkg = this.packageOf(line.package_id);
      const display = pkg ? SHIPPED_LINE_DISPLAY[pkg.status] : undefined;
      line.package_status = pkg ? pkg.status : 'TO_FULFILL';
      if (pkg && display) {
        line.tracking_number = pkg.trackingNumber;
        line.shipping_provider_id = pkg.shippingProviderId;
        line.shipping_provider_name = pkg.shippingProviderName;
        if (!latest || (pkg.shippedAt ?? 0) >= (latest.shippedAt ?? 0)) latest = pkg;
      }
      if (order.status === 'UNPAID') line.display_status = 'UNPAID';
      else if (order.status === 'COMPLETED') line.display_status = 'COMPLETED';
      else line.display_status = display ?? 'AWAITING_SHIPMENT';
    }
    if (latest) {
      order.tracking_number = latest.trackingNumber;
      order.shipping_provider_id = latest.shippingProviderId;
      order.shipping_provider = latest.shippingProviderName;
      order.rts_time = latest.shippedAt;
    }
  }

  /**
   * The order follows its packages (called by domain/packages.ts after every package change, and after
   * a partial cancel): PARTIALLY_SHIPPING while some open lines are unshipped, AWAITING_COLLECTION once
   * all are shipped, IN_TRANSIT once every package is collected, DELIVERED once every package is
   * delivered. Without a status change only the lines and `update_time` move (no webhook).
   */
  refreshShipping(record: OrderRecord, at: number = this.now()): void {
    const { order } = record;
    const open = order.line_items.filter((l) => l.display_status !== 'CANCELLED');
    if (!SHIPPING_STATUSES.includes(order.status) || open.length === 0) {
      order.update_time = Math.max(order.update_time, at);
      this.syncLines(record);
      return;
    }
    const packages = open.map((l) => this.packageOf(l.package_id));
    const shipped = packages.filter((p) => p !== undefined && SHIPPED_LINE_DISPLAY[p.status] !== undefined);
    let target: TikTokOrderStatus;
    if (shipped.length === 0) target = order.status === 'DELIVERED' ? 'DELIVERED' : 'AWAITING_SHIPMENT';
    else if (shipped.length < open.length) target = 'PARTIALLY_SHIPPING';
    else if (shipped.every((p) => p?.status === 'COMPLETED')) target = 'DELIVERED';
    else if (shipped.every((p) => p?.status !== 'PROCESSING')) target = 'IN_TRANSIT';
    else target = 'AWAITING_COLLECTION';
    if (target === 'IN_TRANSIT' && order.collection_time === undefined) order.collection_time = at;
    if (target === 'DELIVERED' && order.delivery_time === undefined) order.delivery_time = at;
    if (target !== order.status) {
      this.setStatus(record, target, at);
      return;
    }
    order.update_time = Math.max(order.update_time, at);
    this.syncLines(record);
  }

  /** Runs `listener` when a buyer pays an order (domain/ship-by.ts sets the deadlines then). */
  onPaid(listener: (record: OrderRecord) => void): void {
    this.paidListeners.push(listener);
  }

  /** Lets domain/packages.ts learn of payments and cancelled lines. */
  setPackageHooks(hooks: PackageHooks): void {
    this.packageHooks = hooks;
  }

  /** Runs the cancellation flow's check before a shipment is recorded (throws to refuse it). */
  beforeShipment(record: OrderRecord): void {
    this.shipmentHooks.before?.(record);
  }

  /** Tells the cancellation flow a shipment was recorded. */
  afterShipment(record: OrderRecord): void {
    this.shipmentHooks.after?.(record);
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
