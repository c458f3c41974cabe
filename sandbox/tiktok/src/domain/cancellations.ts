/**
 * Order cancellations, the one place that creates and moves them (TikTok's Search Cancellations; TikTok's Return,
 * Refund and Cancel API overview, Cancel Order / Approve / Reject Cancellation pages and webhook 11):
 *
 * - Direct cancellations (`cancel_type` CANCEL): by the seller (Cancel Order API), by the system, or by
 *   the buyer before the order reaches AWAITING_SHIPMENT (UNPAID, or ON_HOLD where "TikTok Shop will
 *   accept the cancellation request on behalf of the seller automatically"). Completed at once.
 * - Buyer requests (`cancel_type` BUYER_CANCEL) on AWAITING_SHIPMENT orders: approved at once when
 *   TikTok would not ask the seller (fulfilled by TikTok; within the buyer's remorse hour in a shop
 *   without ON_HOLD; within the shop's cancellation auto-approval window, US Seller Center setting of
 *   1, 3 or 5 hours after AWAITING_SHIPMENT); otherwise pending (`is_buyer_request_cancel`, order still
 *   AWAITING_SHIPMENT) until the seller approves or rejects with a reason, the response window passes
 *   (TikTok then approves: 24 h in SEA markets per TikTok Thailand's "Auto-cancellation" article, 48 h
 *   elsewhere per third-party seller guides; configurable), the buyer withdraws, or the package ships.
 *   Shipping rejects the request in the US (TikTok's "US only: order cancellation workflow updates");
 *   elsewhere shipping is refused with 21011007 "Package item has after-sale request", the behaviour that
 *   changelog says the US had before. That changelog also asks US developers to stop using Reject
 *   Cancellation, while the Reject Cancellation page and the US reject reasons are still published: the
 *   simulator accepts both ways in the US.
 *
 * Status moves (webhook type 11 for each, `cancellations_role` = who initiated): PENDING → SUCCESS →
 * COMPLETE (approved, refunded) or PENDING → CANCELLED (closed); direct cancellations → COMPLETE.
 * Returns and refunds (later flows) reuse this module's pattern: a record, a deadline job, webhooks.
 */
import { sellerRejectCancelReasons } from '../../../../shared-types/src/cancellations/tiktok-cancel-reasons';
import { unixSeconds, type Clock } from '../../../../shared-types/src/time/clock';
import { Business } from '../errors';
import type { Scheduler } from '../scheduler';
import type { WebhookSender } from '../webhooks/sender';
import { cancelReasonText } from './cancel-reason-texts';
import type { IdFactory } from './ids';
import { InvalidTransitionError, type OrderLifecycle } from './order-lifecycle';
import { refundFor } from './refunds';
import type { SimulatorState } from './state';
import type { Cancellation, CancellationRole, CancellationStatus, OrderRecord, Shop } from './types';

/** Hours a seller has to answer a buyer's cancellation request before TikTok approves it. */
export const DEFAULT_RESPONSE_HOURS = 48;
export const SEA_RESPONSE_HOURS = 24;
const SEA_REGIONS: readonly string[] = ['ID', 'MY', 'PH', 'SG', 'TH', 'VN'];

/** Markets where shipping a package rejects a pending buyer request instead of being refused. */
export const SHIP_REJECTS_REQUEST_REGIONS: readonly string[] = ['US'];

export interface CancellationsDeps {
  state: SimulatorState;
  ids: IdFactory;
  clock: Clock;
  scheduler: Scheduler;
  webhooks: WebhookSender;
  orders: OrderLifecycle;
  /** The buyer's remorse window in clock ms (the ON_HOLD window, already divided by the time scale). */
  remorseMs: number;
  /** Divides the response window (like the other simulated delays). */
  timeScale: number;
  /** Response window per region in hours (default 24 in ID, MY, PH, SG, TH, VN; 48 elsewhere). */
  responseHours?: Readonly<Record<string, number>>;
}

export interface RejectInput {
  reason: string | undefined;
  comment?: string;
}

export class Cancellations {
  private readonly deadlineJobs = new Map<string, number>();
  /** `idempotency_key` → the approve/reject it already did. */
  private readonly idempotency = new Map<string, string>();

  constructor(private readonly deps: CancellationsDeps) {
    deps.orders.setShipmentHooks({
      before: (record) => this.beforeShipment(record),
      after: (record) => this.afterShipment(record),
    });
  }

  private now(): number {
    return unixSeconds(this.deps.clock);
  }

  /** Response window of a shop's market, in seconds of simulated time. */
  responseSeconds(shop: Shop): number {
    const hours =
      this.deps.responseHours?.[shop.region] ??
      (SEA_REGIONS.includes(shop.region) ? SEA_RESPONSE_HOURS : DEFAULT_RESPONSE_HOURS);
    return Math.max(1, Math.round((hours * 3600) / this.deps.timeScale));
  }

  /** The order's pending buyer request, if any. */
  pendingFor(orderId: string): Cancellation | undefined {
    for (const c of this.deps.state.cancellations.values()) {
      if (c.orderId === orderId && c.cancelStatus === 'CANCELLATION_REQUEST_PENDING') return c;
    }
    return undefined;
  }

  /**
   * A direct cancellation (CANCEL), completed at once: lines cancelled, inventory back, webhook
   * COMPLETE. The seller cannot cancel over a pending buyer request (25001011: answer it instead).
   */
  cancel(args: {
    orderId: string;
    role: CancellationRole;
    reason: string;
    lineItemIds?: string[];
  }): Cancellation {
    const pending = this.pendingFor(args.orderId);
    if (pending) {
      if (args.role === 'SELLER') throw Business.cancelAlreadyInProcess();
      throw new InvalidTransitionError(
        `Order ${args.orderId} has a pending buyer cancellation request ${pending.cancelId}; approve, reject or withdraw it first`,
      );
    }
    const { record, lineIds, paid } = this.deps.orders.cancelLines(args);
    const now = this.now();
    const cancellation: Cancellation = {
      cancelId: this.deps.ids.cancelId(),
      shopId: record.shopId,
      orderId: record.order.id,
      cancelType: 'CANCEL',
      cancelStatus: 'CANCELLATION_REQUEST_COMPLETE',
      role: args.role,
      cancelReason: args.reason,
      cancelReasonText: cancelReasonText(args.reason),
      lineItemIds: lineIds,
      refund: refundFor(record.order, lineIds, paid),
      createTime: now,
      updateTime: now,
    };
    this.deps.state.cancellations.set(cancellation.cancelId, cancellation);
    this.emit(cancellation);
    return cancellation;
  }

  /**
   * The buyer asks to cancel: before AWAITING_SHIPMENT a direct cancel; in AWAITING_SHIPMENT a
   * BUYER_CANCEL request, approved at once or pending with a deadline (see the module comment).
   */
  buyerRequest(orderId: string, reason: string): Cancellation {
    const record = this.deps.orders.require(orderId);
    const status = record.order.status;
    if (status === 'UNPAID' || status === 'ON_HOLD') return this.cancel({ orderId, role: 'BUYER', reason });
    if (status !== 'AWAITING_SHIPMENT') {
      throw new InvalidTransitionError(
        `A buyer can ask to cancel order ${orderId} only before shipment is arranged (status ${status}); open a return instead`,
      );
    }
    const existing = this.pendingFor(orderId);
    if (existing) {
      throw new InvalidTransitionError(
        `Order ${orderId} already has a pending cancellation request ${existing.cancelId}`,
      );
    }
    const now = this.now();
    const lineIds = record.order.line_items.filter((l) => l.display_status !== 'CANCELLED').map((l) => l.id);
    const cancellation: Cancellation = {
      cancelId: this.deps.ids.cancelId(),
      shopId: record.shopId,
      orderId,
      cancelType: 'BUYER_CANCEL',
      cancelStatus: 'CANCELLATION_REQUEST_PENDING',
      role: 'BUYER',
      cancelReason: reason,
      cancelReasonText: cancelReasonText(reason),
      lineItemIds: lineIds,
      refund: refundFor(record.order, lineIds, true),
      createTime: now,
      updateTime: now,
    };
    this.deps.state.cancellations.set(cancellation.cancelId, cancellation);
    this.emit(cancellation);
    if (this.approvedAtOnce(record, now)) {
      this.accept(cancellation, now, 'AUTO_APPROVED');
      return cancellation;
    }
    const shop = this.deps.state.requireShop(record.shopId);
    cancellation.deadline = now + this.responseSeconds(shop);
    record.order.is_buyer_request_cancel = true;
    record.order.request_cancel_time = now;
    this.deps.orders.touch(record);
    const job = this.deps.scheduler.at(cancellation.deadline * 1000, (due) => {
      this.deadlineJobs.delete(cancellation.cancelId);
      if (cancellation.cancelStatus === 'CANCELLATION_REQUEST_PENDING') {
        this.accept(cancellation, Math.floor(due / 1000), 'AUTO_APPROVED');
      }
    });
    this.deadlineJobs.set(cancellation.cancelId, job);
    return cancellation;
  }

  /** Approve Cancellation (seller). */
  approve(shopId: string, cancelId: string, idempotencyKey?: string): void {
    const cancellation = this.owned(shopId, cancelId);
    if (this.repeated(idempotencyKey, `approve:${cancelId}`)) return;
    if (cancellation.cancelStatus === 'CANCELLATION_REQUEST_CANCELLED')
      throw Business.reverseAlreadyCancelled();
    if (cancellation.cancelStatus !== 'CANCELLATION_REQUEST_PENDING') throw Business.reverseCannotApprove();
    this.accept(cancellation, this.now(), 'SELLER_APPROVED');
    this.remember(idempotencyKey, `approve:${cancelId}`);
  }

  /** Reject Cancellation (seller) with one of the market's reject reasons. */
  reject(shopId: string, cancelId: string, input: RejectInput, idempotencyKey?: string): void {
    const cancellation = this.owned(shopId, cancelId);
    if (this.repeated(idempotencyKey, `reject:${cancelId}`)) return;
    if (cancellation.cancelStatus === 'CANCELLATION_REQUEST_CANCELLED')
      throw Business.reverseAlreadyCancelled();
    if (cancellation.cancelStatus !== 'CANCELLATION_REQUEST_PENDING')
      throw Business.aftersaleAlreadyApproved();
    if (!input.reason) throw Business.cancelInvalidParam();
    const region = this.deps.state.requireShop(shopId).region;
    if (!sellerRejectCancelReasons(region).some((r) => r.code === input.reason))
      throw Business.cancelUnknownReason();
    cancellation.rejectReason = input.reason;
    if (input.comment !== undefined) cancellation.rejectComment = input.comment;
    this.close(cancellation, this.now(), 'SELLER_REJECTED');
    this.remember(idempotencyKey, `reject:${cancelId}`);
  }

  /** The buyer withdraws a pending request (admin). */
  withdraw(cancelId: string): Cancellation {
    const cancellation = this.deps.state.cancellations.get(cancelId);
    if (!cancellation) throw new InvalidTransitionError(`Unknown cancellation ${cancelId}`);
    if (cancellation.cancelStatus !== 'CANCELLATION_REQUEST_PENDING') {
      throw new InvalidTransitionError(
        `Cancellation ${cancelId} is ${cancellation.cancelStatus}, not pending`,
      );
    }
    this.close(cancellation, this.now(), 'BUYER_WITHDREW');
    return cancellation;
  }

  private approvedAtOnce(record: OrderRecord, now: number): boolean {
    const { order } = record;
    if (order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK') return true;
    const shop = this.deps.state.requireShop(record.shopId);
    const paidAt = order.paid_time ?? now;
    if (!shop.onHold && (now - paidAt) * 1000 < this.deps.remorseMs) return true;
    const since = record.awaitingShipmentAt ?? now;
    return (now - since) * 1000 < (shop.cancelAutoApproveHours * 3_600_000) / this.deps.timeScale;
  }

  private owned(shopId: string, cancelId: string): Cancellation {
    const cancellation = this.deps.state.cancellations.get(cancelId);
    if (!cancellation) throw Business.reverseOrderNotFound();
    if (cancellation.shopId !== shopId) throw Business.cancelNoPermission();
    return cancellation;
  }

  private repeated(key: string | undefined, action: string): boolean {
    return key !== undefined && key !== '' && this.idempotency.get(key) === action;
  }

  private remember(key: string | undefined, action: string): void {
    if (key !== undefined && key !== '') this.idempotency.set(key, action);
  }

  /** Approved (by the seller, or by TikTok): SUCCESS, the order is cancelled and refunded, COMPLETE. */
  private accept(
    cancellation: Cancellation,
    now: number,
    outcome: 'SELLER_APPROVED' | 'AUTO_APPROVED',
  ): void {
    this.clearDeadline(cancellation);
    this.setStatus(cancellation, 'CANCELLATION_REQUEST_SUCCESS', now);
    cancellation.outcome = outcome;
    const record = this.deps.orders.require(cancellation.orderId);
    record.order.is_buyer_request_cancel = false;
    const { lineIds, paid } = this.deps.orders.cancelLines({
      orderId: cancellation.orderId,
      role: 'BUYER',
      reason: cancellation.cancelReason,
    });
    cancellation.lineItemIds = lineIds;
    cancellation.refund = refundFor(record.order, lineIds, paid);
    this.setStatus(cancellation, 'CANCELLATION_REQUEST_COMPLETE', now);
  }

  /** Closed without cancelling the order (rejected, shipped, withdrawn): CANCELLED. */
  private close(
    cancellation: Cancellation,
    now: number,
    outcome: NonNullable<Cancellation['outcome']>,
  ): void {
    this.clearDeadline(cancellation);
    cancellation.outcome = outcome;
    const record = this.deps.orders.require(cancellation.orderId);
    record.order.is_buyer_request_cancel = false;
    this.deps.orders.touch(record);
    this.setStatus(cancellation, 'CANCELLATION_REQUEST_CANCELLED', now);
  }

  private clearDeadline(cancellation: Cancellation): void {
    delete cancellation.deadline;
    const job = this.deadlineJobs.get(cancellation.cancelId);
    if (job !== undefined) {
      this.deps.scheduler.cancel(job);
      this.deadlineJobs.delete(cancellation.cancelId);
    }
  }

  private setStatus(cancellation: Cancellation, status: CancellationStatus, now: number): void {
    cancellation.cancelStatus = status;
    cancellation.updateTime = Math.max(cancellation.updateTime, now);
    this.emit(cancellation);
  }

  private emit(cancellation: Cancellation): void {
    this.deps.webhooks.emit({
      eventType: 'CANCELLATION_STATUS_CHANGE',
      shopId: cancellation.shopId,
      data: {
        order_id: cancellation.orderId,
        cancellations_role: cancellation.role,
        cancel_status: cancellation.cancelStatus,
        cancel_id: cancellation.cancelId,
        create_time: cancellation.createTime,
      },
    });
  }

  private beforeShipment(record: OrderRecord): void {
    const region = this.deps.state.requireShop(record.shopId).region;
    if (this.pendingFor(record.order.id) && !SHIP_REJECTS_REQUEST_REGIONS.includes(region)) {
      throw Business.packageHasAfterSaleRequest();
    }
  }

  private afterShipment(record: OrderRecord): void {
    const pending = this.pendingFor(record.order.id);
    if (pending) this.close(pending, this.now(), 'REJECTED_BY_SHIPMENT');
  }
}
