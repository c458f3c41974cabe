/**
 * Returns and refunds after shipment, the one place that creates and moves them (
 * TikTok's Return, Refund and Cancel API overview, Search Returns, Approve Return, Reject Return, Get
 * Reject Reasons and Get Return Records pages, webhook 12 "Return status change", the Return reasons and
 * Refund reasons pages in shared-types/src/returns/tiktok-return-reasons.ts):
 *
 * - The buyer opens (admin) a REFUND (refund only), RETURN_AND_REFUND or REPLACEMENT request for lines
 *   of an order in AWAITING_COLLECTION, IN_TRANSIT or DELIVERED, with a reason of the market's list for
 *   that type and order status. REFUND and RETURN_AND_REFUND start RETURN_OR_REFUND_REQUEST_PENDING,
 *   REPLACEMENT starts REPLACEMENT_REQUEST_PENDING; the seller's next action (SELLER_RESPOND_REFUND /
 *   _RETURN / _REPLACEMENT) has a deadline, at which TikTok approves on the seller's behalf.
 * - Approve Return `decision`: APPROVE_REFUND (REFUND) → RETURN_OR_REFUND_REQUEST_SUCCESS → _COMPLETE;
 *   APPROVE_RETURN (RETURN_AND_REFUND) → AWAITING_BUYER_SHIP, or with `buyer_keep_item` a returnless
 *   refund (SUCCESS → COMPLETE); APPROVE_RECEIVED_PACKAGE (BUYER_SHIPPED_ITEM) → SUCCESS → COMPLETE;
 *   APPROVE_REPLACEMENT → REPLACEMENT_REQUEST_COMPLETE and a new order (`is_replacement_order`,
 *   `replaced_order_id`); ISSUE_REPLACEMENT_REFUND → REPLACEMENT_REQUEST_REFUND_SUCCESS;
 *   OFFER_PARTIAL_REFUND (`partial_refund`) → AWAITING_BUYER_RESPONSE with `seller_proposed_return_type`
 *   PARTIAL_REFUND until the buyer accepts (SUCCESS → COMPLETE for that amount) or declines (back to
 *   pending, `buyer_rejected_partial_refund`).
 * - Reject Return `decision`: REJECT_REFUND / REJECT_RETURN → REFUND_OR_RETURN_REQUEST_REJECT,
 *   REJECT_REPLACEMENT → REPLACEMENT_REQUEST_REJECT, REJECT_RECEIVED_PACKAGE → REJECT_RECEIVE_PACKAGE;
 *   `reject_reason` from Get Reject Reasons (the market's list for that decision).
 * - The buyer ships the goods back (AWAITING_BUYER_SHIP → BUYER_SHIPPED_ITEM, return tracking number and
 *   provider) before the ship deadline, else the system closes the request
 *   (RETURN_OR_REFUND_REQUEST_CANCEL); once the carrier delivers the parcel to the seller, the seller's
 *   SELLER_RESPOND_RECEIVE_PACKAGE deadline runs, at which TikTok approves the receipt and refunds.
 * - The buyer cancels a request (…_CANCEL) or escalates a rejection to TikTok (`arbitration_status`
 *   IN_PROGRESS, the seller can no longer act: 25011010); the operator supports the buyer (refunded, or
 *   the replacement made) or the seller (the rejection stands).
 *
 * Every status change sends RETURN_STATUS_CHANGE (type 12; `return_role` = who initiated the return)
 * and sets `update_time`; changes without a new status (arbitration opened, parcel delivered) only set
 * `update_time` — webhook 12 is documented for status changes only, so they are found by polling Search
 * Returns by `update_time`. Choices where TikTok publishes nothing: the deadlines (see
 * `DEFAULT_RETURN_HOURS`), the refund of the shipping fee with the order's last refunded lines, the
 * replacement order's prices (the catalogue's, no discount), the idempotency answer for a key reused
 * with another request (36009004).
 */
import {
  buyerReturnReasons,
  checkSellerRejectReturnReason,
  checkSellerReturnReason,
  sellerReturnReasons,
  returnReasonText,
  sellerRejectReturnReasons,
  type TikTokReturnReason,
} from '../../../../shared-types/src/returns/tiktok-return-reasons';
import { sellerRejectCancelReasons } from '../../../../shared-types/src/cancellations/tiktok-cancel-reasons';
import { unixSeconds, type Clock } from '../../../../shared-types/src/time/clock';
import { Business, Gateway } from '../errors';
import { formatMinor, parseMinor } from '../money';
import type { Random } from '../random';
import type { Scheduler } from '../scheduler';
import type { WebhookSender } from '../webhooks/sender';
import { carriersOf } from './carriers';
import type { IdFactory } from './ids';
import { InvalidTransitionError, type OrderLifecycle } from './order-lifecycle';
import { partialRefundAmounts, refundFor, returnAmounts } from './refunds';
import type { SimulatorState } from './state';
import type {
  OrderRecord,
  RefundAmount,
  ReturnEvent,
  ReturnRecord,
  ReturnShippingFeeAmount,
  ReturnStatus,
  ReturnType,
  SellerReturnAction,
} from './types';

/**
 * Hours of each deadline (divided by the time scale). TikTok publishes none on its API pages; these
 * follow its seller guides: 48 h to answer a request and to inspect a returned parcel, 7 days for the
 * buyer to ship the goods back.
 */
export interface ReturnHours {
  /** Seller answers a request (SELLER_RESPOND_REFUND / _RETURN / _REPLACEMENT) before TikTok approves it. */
  respond: number;
  /** Buyer ships the goods back after approval before the system closes the request. */
  buyerShip: number;
  /** Seller confirms or rejects the parcel once delivered, before TikTok approves the receipt. */
  receive: number;
}

export const DEFAULT_RETURN_HOURS: ReturnHours = { respond: 48, buyerShip: 168, receive: 48 };

export interface ReturnsDeps {
  state: SimulatorState;
  ids: IdFactory;
  clock: Clock;
  scheduler: Scheduler;
  webhooks: WebhookSender;
  orders: OrderLifecycle;
  random: Random;
  timeScale: number;
  hours?: Partial<ReturnHours>;
  /** Seconds between RETURN_OR_REFUND_REQUEST_SUCCESS and _COMPLETE (default 0: at once; divided by the time scale). */
  refundSeconds?: number;
  /** Buyers and carriers act on their own (default off: the admin API moves them). */
  autopilot?: ReturnAutopilot;
}

/**
 * Buyers and carriers acting on their own, for long and chaos runs (hours, divided by the time scale):
 * the buyer ships the goods back `shipAfterHours` after approval and the carrier delivers the parcel to
 * the seller `deliverAfterHours` after that. A value at or past the matching deadline lets the deadline
 * win (the request closes, or TikTok confirms the parcel).
 */
export interface ReturnAutopilot {
  shipAfterHours?: number;
  deliverAfterHours?: number;
}

export const APPROVE_DECISIONS = [
  'APPROVE_REFUND',
  'APPROVE_RETURN',
  'APPROVE_RECEIVED_PACKAGE',
  'APPROVE_REPLACEMENT',
  'ISSUE_REPLACEMENT_REFUND',
  'OFFER_PARTIAL_REFUND',
] as const;
export type ApproveDecision = (typeof APPROVE_DECISIONS)[number];

export const REJECT_DECISIONS = [
  'REJECT_REFUND',
  'REJECT_RETURN',
  'REJECT_RECEIVED_PACKAGE',
  'REJECT_REPLACEMENT',
] as const;
export type RejectDecision = (typeof REJECT_DECISIONS)[number];

export interface ApproveInput {
  decision: string | undefined;
  buyerKeepItem?: boolean;
  partialRefund?: { currency?: string; amount?: string };
}

export interface RejectReturnInput {
  decision: string | undefined;
  reason: string | undefined;
  comment?: string;
}

export interface SellerCreateInput {
  orderId: string | undefined;
  returnType: string | undefined;
  reason: string | undefined;
  lineItemIds?: string[];
  skus?: { skuId: string; quantity: number }[];
  refundTotal?: string;
  currency?: string;
  shipmentType?: 'PLATFORM' | 'BUYER_ARRANGE';
  handoverMethod?: 'DROP_OFF' | 'PICKUP';
}

/** One SKU of Get Aftersale Eligibility. */
export interface EligibilityEntry {
  sku_id: string;
  line_item_eligibility: {
    request_type: 'CANCEL' | 'REFUND' | 'RETURN_AND_REFUND';
    order_line_items_ids: string[];
    eligible: boolean;
    ineligible_code?: number;
    ineligible_reason?: string;
  }[];
}

export interface CalculateInput {
  orderId: string | undefined;
  requestType: string | undefined;
  reasonName: string | undefined;
  lineItemIds?: string[];
  skus?: { skuId: string; quantity: number }[];
}

export interface OpenReturnInput {
  orderId: string;
  returnType: ReturnType;
  reason?: string;
  /** Lines to return (default: every line not cancelled and not in another return). */
  lineItemIds?: string[];
  /** A refund of the order's shipping fee only (REFUND, no lines). */
  shippingOnly?: boolean;
  /** RETURN_AND_REFUND: TikTok's label (default) or the buyer's own carrier. */
  returnMethod?: 'PLATFORM_SHIPPED' | 'BUYER_SHIPPED';
  /** Who pays the return label and how much (default nothing). */
  returnShippingFee?: { payer: 'SELLER' | 'PLATFORM' | 'BUYER'; amount: string };
}

/** Statuses after which the request is over and its lines may be asked for again. */
const CLOSED: readonly ReturnStatus[] = [
  'REFUND_OR_RETURN_REQUEST_REJECT',
  'REJECT_RECEIVE_PACKAGE',
  'RETURN_OR_REFUND_REQUEST_CANCEL',
  'REPLACEMENT_REQUEST_REJECT',
  'REPLACEMENT_REQUEST_CANCEL',
];
/** Statuses in which the buyer got (or is getting) the money back. */
const REFUNDED: readonly ReturnStatus[] = [
  'RETURN_OR_REFUND_REQUEST_SUCCESS',
  'RETURN_OR_REFUND_REQUEST_COMPLETE',
  'REPLACEMENT_REQUEST_REFUND_SUCCESS',
];
const CANCELLED: readonly ReturnStatus[] = ['RETURN_OR_REFUND_REQUEST_CANCEL', 'REPLACEMENT_REQUEST_CANCEL'];
const REJECTED: readonly ReturnStatus[] = [
  'REFUND_OR_RETURN_REQUEST_REJECT',
  'REJECT_RECEIVE_PACKAGE',
  'REPLACEMENT_REQUEST_REJECT',
];
const PENDING: readonly ReturnStatus[] = ['RETURN_OR_REFUND_REQUEST_PENDING', 'REPLACEMENT_REQUEST_PENDING'];
const OPEN_ORDER_STATUSES: readonly string[] = ['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED'];

const RESPOND_ACTION: Readonly<Record<ReturnType, SellerReturnAction>> = {
  REFUND: 'SELLER_RESPOND_REFUND',
  RETURN_AND_REFUND: 'SELLER_RESPOND_RETURN',
  REPLACEMENT: 'SELLER_RESPOND_REPLACEMENT',
};

/** The return type each decision answers. */
const DECISION_TYPE: Readonly<Record<ApproveDecision | RejectDecision, readonly ReturnType[]>> = {
  APPROVE_REFUND: ['REFUND'],
  APPROVE_RETURN: ['RETURN_AND_REFUND'],
  APPROVE_RECEIVED_PACKAGE: ['RETURN_AND_REFUND'],
  APPROVE_REPLACEMENT: ['REPLACEMENT'],
  ISSUE_REPLACEMENT_REFUND: ['REPLACEMENT'],
  OFFER_PARTIAL_REFUND: ['REFUND', 'RETURN_AND_REFUND'],
  REJECT_REFUND: ['REFUND'],
  REJECT_RETURN: ['RETURN_AND_REFUND'],
  REJECT_RECEIVED_PACKAGE: ['RETURN_AND_REFUND'],
  REJECT_REPLACEMENT: ['REPLACEMENT'],
};

export class Returns {
  private readonly jobs = new Map<string, number>();
  /** `idempotency_key` → the request it answered (action, return id, body). */
  private readonly idempotency = new Map<string, string>();
  private readonly hours: ReturnHours;

  private autopilot: ReturnAutopilot;

  constructor(private readonly deps: ReturnsDeps) {
    this.hours = { ...DEFAULT_RETURN_HOURS, ...(deps.hours ?? {}) };
    this.autopilot = { ...(deps.autopilot ?? {}) };
  }

  /** Changes the autopilot (admin); applies to returns that reach the step from now on. */
  setAutopilot(autopilot: ReturnAutopilot): ReturnAutopilot {
    for (const [key, value] of Object.entries(autopilot)) {
      if (key !== 'shipAfterHours' && key !== 'deliverAfterHours')
        throw new Error(`Unknown autopilot knob "${key}"; known: shipAfterHours, deliverAfterHours`);
      if (value !== undefined && !(typeof value === 'number' && value >= 0))
        throw new Error(`${key} must be a number of hours >= 0`);
    }
    this.autopilot = { ...autopilot };
    return { ...this.autopilot };
  }

  private pilot(hours: number | undefined, run: () => void): void {
    if (hours === undefined) return;
    const at = this.deps.clock.now() + (hours * 3_600_000) / this.deps.timeScale;
    this.deps.scheduler.at(at, run);
  }

  private now(): number {
    return unixSeconds(this.deps.clock);
  }

  private seconds(hours: number): number {
    return Math.max(1, Math.round((hours * 3600) / this.deps.timeScale));
  }

  require(returnId: string): ReturnRecord {
    const ret = this.deps.state.returns.get(returnId);
    if (!ret) throw new InvalidTransitionError(`Unknown return ${returnId}`);
    return ret;
  }

  // ---------------------------------------------------------------- buyer (admin)

  /** The buyer opens a request (see the module comment). */
  open(input: OpenReturnInput): ReturnRecord {
    const record = this.deps.orders.require(input.orderId);
    const { order } = record;
    if (!OPEN_ORDER_STATUSES.includes(order.status)) {
      throw new InvalidTransitionError(
        `A buyer can ask for a return or refund of order ${order.id} only once shipped and before it completes (status ${order.status}; allowed: ${OPEN_ORDER_STATUSES.join(', ')})`,
      );
    }
    const region = this.deps.state.requireShop(record.shopId).region;
    const shippingOnly = input.shippingOnly === true;
    if (shippingOnly && input.returnType !== 'REFUND')
      throw new Error('shippingOnly is a refund without return: returnType must be REFUND');
    const lineIds = shippingOnly ? [] : this.chooseLines(record, input.lineItemIds);
    const reasons = buyerReturnReasons(region, input.returnType, order.status);
    const reason = input.reason ?? reasons[0]?.code;
    if (reason === undefined || !reasons.some((r) => r.code === reason)) {
      throw new Error(
        `reason ${input.reason ?? '(none)'} is not a ${input.returnType} reason TikTok offers a buyer in ${region} for an order in ${order.status}; one of: ${reasons.map((r) => r.code).join(', ') || '(none)'}`,
      );
    }
    const shipping = shippingOnly
      ? !this.shippingRefunded(record.order.id)
      : this.isLastRefund(record, lineIds);
    if (shippingOnly && !shipping)
      throw new InvalidTransitionError(`The shipping fee of order ${order.id} is already refunded`);
    const amounts = returnAmounts(order, lineIds, shipping);
    const now = this.now();
    const ret: ReturnRecord = {
      returnId: this.deps.ids.returnId(),
      shopId: record.shopId,
      orderId: order.id,
      returnType: input.returnType,
      returnStatus:
        input.returnType === 'REPLACEMENT'
          ? 'REPLACEMENT_REQUEST_PENDING'
          : 'RETURN_OR_REFUND_REQUEST_PENDING',
      role: 'BUYER',
      returnReason: reason,
      returnReasonText: returnReasonText(region, reason),
      lineItemIds: lineIds,
      refund: amounts.refund,
      lineRefunds: amounts.lineRefunds,
      discount: amounts.discount,
      returnShippingFee: this.returnShippingFee(order.payment.currency, input.returnShippingFee),
      shippingOnly,
      partialAmount: false,
      createTime: now,
      updateTime: now,
      canBuyerKeepItem: input.returnType !== 'RETURN_AND_REFUND',
      records: [],
    };
    if (input.returnType === 'RETURN_AND_REFUND') {
      ret.returnMethod = input.returnMethod ?? 'PLATFORM_SHIPPED';
      if (ret.returnMethod === 'PLATFORM_SHIPPED') ret.handoverMethod = 'DROP_OFF';
    }
    this.deps.state.returns.set(ret.returnId, ret);
    this.log(
      ret,
      'BUYER',
      `Customer submitted a ${this.typeText(ret)} request`,
      ret.returnReasonText,
      '',
      now,
    );
    this.emit(ret);
    this.awaitSeller(ret, RESPOND_ACTION[ret.returnType], now);
    return ret;
  }

  /** The buyer ships the goods back (AWAITING_BUYER_SHIP → BUYER_SHIPPED_ITEM). */
  buyerShip(returnId: string, input: { trackingNumber?: string; providerName?: string } = {}): ReturnRecord {
    const ret = this.require(returnId);
    this.expect(ret, ['AWAITING_BUYER_SHIP'], 'ship back');
    const region = this.deps.state.requireShop(ret.shopId).region;
    const carrier = carriersOf(region).find((c) => c.name === input.providerName) ??
      carriersOf(region)[0] ?? { name: 'Carrier' };
    const digits = (n: number) => this.deps.random.digits(n);
    ret.returnProviderName = input.providerName ?? carrier.name;
    ret.returnProviderId =
      this.deps.state.shippingProviders.find((p) => p.region === region && p.name === ret.returnProviderName)
        ?.id ?? `${region}${digits(12)}`;
    ret.returnTrackingNumber = input.trackingNumber ?? carrier.sample?.(digits) ?? digits(20);
    const now = this.now();
    this.log(ret, 'BUYER', 'Customer shipped the return package', '', ret.returnTrackingNumber, now);
    this.setStatus(ret, 'BUYER_SHIPPED_ITEM', now);
    this.clearJob(ret);
    ret.nextAction = { action: 'SELLER_RESPOND_RECEIVE_PACKAGE' };
    this.pilot(this.autopilot.deliverAfterHours, () => {
      if (ret.returnStatus === 'BUYER_SHIPPED_ITEM' && ret.parcelDeliveredAt === undefined)
        this.parcelDelivered(ret.returnId);
    });
    return ret;
  }

  /** The carrier delivers the returned parcel to the seller: the receive deadline starts. */
  parcelDelivered(returnId: string): ReturnRecord {
    const ret = this.require(returnId);
    this.expect(ret, ['BUYER_SHIPPED_ITEM'], 'deliver the return parcel of');
    if (ret.parcelDeliveredAt !== undefined)
      throw new InvalidTransitionError(`The return parcel of ${returnId} is already delivered`);
    const now = this.now();
    ret.parcelDeliveredAt = now;
    ret.updateTime = Math.max(ret.updateTime, now);
    this.log(ret, 'SYSTEM', 'Return package delivered to the seller', '', '', now);
    this.awaitSeller(ret, 'SELLER_RESPOND_RECEIVE_PACKAGE', now, this.hours.receive);
    return ret;
  }

  /** The buyer cancels the request. */
  buyerCancel(returnId: string): ReturnRecord {
    const ret = this.require(returnId);
    this.expect(
      ret,
      [
        'RETURN_OR_REFUND_REQUEST_PENDING',
        'REPLACEMENT_REQUEST_PENDING',
        'AWAITING_BUYER_SHIP',
        'AWAITING_BUYER_RESPONSE',
      ],
      'cancel',
    );
    this.close(ret, 'BUYER', 'Customer cancelled the request', this.now());
    return ret;
  }

  /** The buyer answers the seller's partial refund offer. */
  answerPartialRefund(returnId: string, accept: boolean): ReturnRecord {
    const ret = this.require(returnId);
    this.expect(ret, ['AWAITING_BUYER_RESPONSE'], 'answer the partial refund of');
    const now = this.now();
    if (!accept) {
      ret.buyerRejectedPartialRefund = true;
      this.log(ret, 'BUYER', 'Customer declined the partial refund', '', '', now);
      this.setStatus(ret, 'RETURN_OR_REFUND_REQUEST_PENDING', now);
      this.awaitSeller(ret, RESPOND_ACTION[ret.returnType], now);
      return ret;
    }
    ret.buyerRejectedPartialRefund = false;
    const offer = ret.partialRefund;
    const amountMinor = offer ? (parseMinor(offer.amount, offer.currency) ?? 0) : 0;
    const partial = partialRefundAmounts(ret, amountMinor);
    ret.refund = partial.refund;
    ret.lineRefunds = partial.lineRefunds;
    ret.discount = partial.discount;
    ret.canBuyerKeepItem = true;
    ret.partialAmount = true;
    this.log(ret, 'BUYER', 'Customer accepted the partial refund', '', '', now);
    this.refund(ret, now);
    return ret;
  }

  /** The buyer asks TikTok to review a rejection (arbitration IN_PROGRESS). */
  escalate(returnId: string): ReturnRecord {
    const ret = this.require(returnId);
    this.expect(ret, REJECTED, 'escalate');
    if (ret.arbitrationStatus !== undefined)
      throw new InvalidTransitionError(`Return ${returnId} was already escalated (${ret.arbitrationStatus})`);
    const now = this.now();
    ret.arbitrationStatus = 'IN_PROGRESS';
    ret.updateTime = Math.max(ret.updateTime, now);
    this.log(ret, 'BUYER', 'Customer escalated the request to TikTok Shop', '', '', now);
    return ret;
  }

  /** TikTok's operator decides an arbitration: for the buyer (refund or replacement) or the seller. */
  decideArbitration(returnId: string, decision: 'SUPPORT_BUYER' | 'SUPPORT_SELLER'): ReturnRecord {
    const ret = this.require(returnId);
    if (ret.arbitrationStatus !== 'IN_PROGRESS')
      throw new InvalidTransitionError(`Return ${returnId} has no arbitration in progress`);
    const now = this.now();
    ret.arbitrationStatus = decision;
    ret.updateTime = Math.max(ret.updateTime, now);
    this.log(
      ret,
      'OPERATOR',
      `TikTok Shop decided for the ${decision === 'SUPPORT_BUYER' ? 'customer' : 'seller'}`,
      '',
      '',
      now,
    );
    if (decision === 'SUPPORT_BUYER') {
      if (ret.returnType === 'REPLACEMENT') this.replace(ret, now);
      else this.refund(ret, now);
    }
    return ret;
  }

  /** The refund reaches the buyer now (RETURN_OR_REFUND_REQUEST_SUCCESS → _COMPLETE). */
  completeRefund(returnId: string): ReturnRecord {
    const ret = this.require(returnId);
    this.expect(ret, ['RETURN_OR_REFUND_REQUEST_SUCCESS'], 'complete the refund of');
    this.complete(ret, this.now());
    return ret;
  }

  // ---------------------------------------------------------------- seller (API)

  /** Approve Return. */
  approve(shopId: string, returnId: string, input: ApproveInput, idempotencyKey?: string): void {
    const ret = this.owned(shopId, returnId);
    const fingerprint = this.fingerprint('approve', returnId, input);
    if (this.repeated(idempotencyKey, fingerprint)) return;
    const decision = input.decision;
    if (!decision || !(APPROVE_DECISIONS as readonly string[]).includes(decision))
      throw Business.cancelInvalidParam();
    const approve = decision as ApproveDecision;
    if (input.buyerKeepItem !== undefined && approve !== 'APPROVE_RETURN')
      throw Business.cancelInvalidParam();
    if (input.partialRefund !== undefined && approve !== 'OFFER_PARTIAL_REFUND')
      throw Business.cancelInvalidParam();
    this.checkActionable(ret, approve);
    const now = this.now();
    const status = ret.returnStatus;
    switch (approve) {
      case 'APPROVE_REFUND':
        if (status !== 'RETURN_OR_REFUND_REQUEST_PENDING') throw this.cannotApprove(ret);
        this.log(ret, 'SELLER', 'Seller approved the refund', '', '', now);
        this.refund(ret, now);
        break;
      case 'APPROVE_RETURN':
        if (status !== 'RETURN_OR_REFUND_REQUEST_PENDING') throw this.cannotApprove(ret);
        this.log(ret, 'SELLER', 'Seller approved the return', '', '', now);
        if (input.buyerKeepItem === true) {
          ret.canBuyerKeepItem = true;
          this.refund(ret, now);
        } else this.awaitBuyerShipment(ret, now);
        break;
      case 'APPROVE_RECEIVED_PACKAGE':
        if (this.isFbt(ret)) throw Business.returnFbtReceive();
        if (status !== 'BUYER_SHIPPED_ITEM') throw Business.returnCannotApproveReceive();
        this.log(ret, 'SELLER', 'Seller confirmed the return package', '', '', now);
        this.refund(ret, now);
        break;
      case 'APPROVE_REPLACEMENT':
      case 'ISSUE_REPLACEMENT_REFUND':
        if (status !== 'REPLACEMENT_REQUEST_PENDING') throw this.cannotApprove(ret);
        if (approve === 'APPROVE_REPLACEMENT') {
          this.log(ret, 'SELLER', 'Seller approved the replacement', '', '', now);
          this.replace(ret, now);
        } else {
          this.log(ret, 'SELLER', 'Seller refunded instead of replacing', '', '', now);
          this.refund(ret, now);
        }
        break;
      case 'OFFER_PARTIAL_REFUND':
        this.offerPartialRefund(ret, input.partialRefund, now);
        break;
    }
    this.remember(idempotencyKey, fingerprint);
  }

  /** Reject Return with one of the market's reject reasons for the decision. */
  reject(shopId: string, returnId: string, input: RejectReturnInput, idempotencyKey?: string): void {
    const ret = this.owned(shopId, returnId);
    const fingerprint = this.fingerprint('reject', returnId, input);
    if (this.repeated(idempotencyKey, fingerprint)) return;
    const decision = input.decision;
    if (!decision || !(REJECT_DECISIONS as readonly string[]).includes(decision))
      throw Business.cancelInvalidParam();
    const reject = decision as RejectDecision;
    this.checkActionable(ret, reject);
    const status = ret.returnStatus;
    const pkg = reject === 'REJECT_RECEIVED_PACKAGE';
    if (pkg) {
      if (this.isFbt(ret)) throw Business.returnFbtReceive();
      if (REFUNDED.includes(status)) throw Business.returnAlreadyReceived();
      if (status !== 'BUYER_SHIPPED_ITEM') throw Business.returnCannotRejectReceive();
    } else if (!PENDING.includes(status)) {
      if (
        REFUNDED.includes(status) ||
        ['AWAITING_BUYER_SHIP', 'BUYER_SHIPPED_ITEM', 'REPLACEMENT_REQUEST_COMPLETE'].includes(status)
      )
        throw Business.aftersaleAlreadyApproved();
      throw Business.returnInvalidStatus();
    }
    if (!input.reason) throw Business.cancelInvalidParam();
    const region = this.deps.state.requireShop(shopId).region;
    const check = checkSellerRejectReturnReason(
      region,
      ret.returnType,
      pkg ? 'PACKAGE' : 'REQUEST',
      input.reason,
    );
    if (check === 'wrong_action') throw Business.returnReasonNotMatchAction();
    if (check === 'retired') throw Business.cancelReasonOffline();
    if (check === 'unknown') throw Business.cancelUnknownReason();
    const now = this.now();
    ret.rejectReason = input.reason;
    if (input.comment !== undefined) ret.rejectComment = input.comment;
    this.log(
      ret,
      'SELLER',
      pkg ? 'Seller rejected the return package' : `Seller rejected the ${this.typeText(ret)} request`,
      returnReasonText(region, input.reason),
      input.comment ?? '',
      now,
    );
    this.clearJob(ret);
    delete ret.nextAction;
    this.setStatus(
      ret,
      pkg
        ? 'REJECT_RECEIVE_PACKAGE'
        : ret.returnType === 'REPLACEMENT'
          ? 'REPLACEMENT_REQUEST_REJECT'
          : 'REFUND_OR_RETURN_REQUEST_REJECT',
      now,
    );
    this.remember(idempotencyKey, fingerprint);
  }

  /**
   * Create Return: the seller opens a REFUND or RETURN_AND_REFUND on the buyer's behalf with a seller
   * reason of the market for the order's status, for `order_line_item_ids`, `skus` or every line, and
   * optionally a `refund_total` below the refundable amount. It starts pending like a buyer's request
   * (the Create Return page's response sample), `role` SELLER, for the seller to approve.
   */
  sellerCreate(shopId: string, input: SellerCreateInput): ReturnRecord {
    const { orderId, returnType, reason } = input;
    if (!orderId || !reason || (returnType !== 'REFUND' && returnType !== 'RETURN_AND_REFUND'))
      throw Business.cancelInvalidParam();
    const record = this.deps.state.orders.get(orderId);
    if (!record || record.shopId !== shopId) throw Business.cancelNoPermission();
    const { order } = record;
    if (order.status === 'COMPLETED' || order.status === 'CANCELLED') throw Business.cancelOrderClosed();
    if (!OPEN_ORDER_STATUSES.includes(order.status)) throw Business.returnInvalidStatus();
    const region = this.deps.state.requireShop(shopId).region;
    const check = checkSellerReturnReason(region, returnType, order.status, reason);
    if (check === 'status_mismatch') throw Business.cancelReasonNotMatchStatus();
    if (check === 'not_seller') throw Business.returnReasonNotForSeller();
    if (check === 'unknown') throw Business.cancelUnknownReason();
    const lineIds = this.sellerLines(record, input.lineItemIds, input.skus);
    const amounts = returnAmounts(order, lineIds, this.isLastRefund(record, lineIds));
    let { refund, lineRefunds, discount } = amounts;
    let partial = false;
    if (input.refundTotal !== undefined) {
      const currency = order.payment.currency;
      if (input.currency !== undefined && input.currency !== currency) throw Business.cancelInvalidParam();
      const wanted = parseMinor(input.refundTotal, currency);
      if (wanted === null || wanted <= 0) throw Business.cancelInvalidParam();
      const refundable = parseMinor(refund.refund_total, currency) ?? 0;
      if (wanted > refundable) throw Business.refundAboveRefundable();
      if (wanted < refundable) {
        ({ refund, lineRefunds, discount } = partialRefundAmounts(amounts, wanted));
        partial = true;
      }
    }
    const now = this.now();
    const ret: ReturnRecord = {
      returnId: this.deps.ids.returnId(),
      shopId,
      orderId,
      returnType,
      returnStatus: 'RETURN_OR_REFUND_REQUEST_PENDING',
      role: 'SELLER',
      returnReason: reason,
      returnReasonText: returnReasonText(region, reason),
      lineItemIds: lineIds,
      refund,
      lineRefunds,
      discount,
      returnShippingFee: this.returnShippingFee(order.payment.currency, undefined),
      shippingOnly: false,
      partialAmount: partial,
      createTime: now,
      updateTime: now,
      canBuyerKeepItem: returnType === 'REFUND',
      records: [],
    };
    if (returnType === 'RETURN_AND_REFUND') {
      ret.returnMethod = input.shipmentType === 'BUYER_ARRANGE' ? 'BUYER_SHIPPED' : 'PLATFORM_SHIPPED';
      if (ret.returnMethod === 'PLATFORM_SHIPPED') ret.handoverMethod = input.handoverMethod ?? 'DROP_OFF';
    }
    this.deps.state.returns.set(ret.returnId, ret);
    this.log(
      ret,
      'SELLER',
      `Seller submitted a ${this.typeText(ret)} request for the customer`,
      ret.returnReasonText,
      '',
      now,
    );
    this.emit(ret);
    this.awaitSeller(ret, RESPOND_ACTION[returnType], now);
    return ret;
  }

  /**
   * Calculate Refund: what a CANCEL, REFUND or RETURN_AND_REFUND of the lines would refund
   * (`order_refund_amount`), as the cancellation and return flows compute it.
   */
  calculate(shopId: string, input: CalculateInput): RefundAmount {
    if (
      !input.orderId ||
      !input.reasonName ||
      !['CANCEL', 'REFUND', 'RETURN_AND_REFUND'].includes(input.requestType ?? '')
    )
      throw Business.cancelInvalidParam();
    const record = this.deps.state.orders.get(input.orderId);
    if (!record || record.shopId !== shopId) throw Business.reverseOrderNotFound();
    const lineIds = this.sellerLines(record, input.lineItemIds, input.skus);
    if (input.requestType === 'CANCEL')
      return refundFor(record.order, lineIds, record.order.status !== 'UNPAID');
    return returnAmounts(record.order, lineIds, this.isLastRefund(record, lineIds)).refund;
  }

  /**
   * Get Aftersale Eligibility: per SKU of the order, whether its open lines (not cancelled, in no
   * request) may be cancelled, refunded or returned by `user` now — a cancel before shipment (a seller
   * also while AWAITING_COLLECTION in the US), a refund or return when the market offers that user a
   * reason for the order's status. Ineligible: `25001001 invalid order status` (the page's sample), or
   * `25001011` when every line of the SKU is already in a request.
   */
  eligibility(shopId: string, orderId: string, user: 'BUYER' | 'SELLER'): EligibilityEntry[] {
    const record = this.deps.state.orders.get(orderId);
    if (!record || record.shopId !== shopId) throw Business.reverseOrderNotFound();
    const { order } = record;
    const region = this.deps.state.requireShop(shopId).region;
    const taken = this.linesTaken(orderId);
    const cancelStatuses = ['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT'];
    if (user === 'SELLER' && region === 'US') cancelStatuses.push('AWAITING_COLLECTION');
    const allowed = (type: 'CANCEL' | 'REFUND' | 'RETURN_AND_REFUND') => {
      if (type === 'CANCEL') return cancelStatuses.includes(order.status);
      const reasons =
        user === 'BUYER'
          ? buyerReturnReasons(region, type, order.status)
          : sellerReturnReasons(region, type, order.status);
      return reasons.length > 0;
    };
    const skuIds = [...new Set(order.line_items.map((l) => l.sku_id))];
    return skuIds.map((skuId) => {
      const lines = order.line_items.filter((l) => l.sku_id === skuId && l.display_status !== 'CANCELLED');
      const open = lines.filter((l) => !taken.has(l.id)).map((l) => l.id);
      return {
        sku_id: skuId,
        line_item_eligibility: (['CANCEL', 'REFUND', 'RETURN_AND_REFUND'] as const).map((type) => {
          const ids = open.length > 0 ? open : lines.map((l) => l.id);
          if (open.length === 0 && lines.length > 0)
            return {
              request_type: type,
              order_line_items_ids: ids,
              eligible: false,
              ineligible_code: 25001011,
              ineligible_reason:
                'A return request is already in process, or the order has already been cancelled.',
            };
          if (!allowed(type) || ids.length === 0)
            return {
              request_type: type,
              order_line_items_ids: ids,
              eligible: false,
              ineligible_code: 25001001,
              ineligible_reason: 'invalid order status',
            };
          return { request_type: type, order_line_items_ids: ids, eligible: true };
        }),
      };
    });
  }

  /** Lines named by id or by SKU and quantity (Create Return, Calculate Refund), else every open line. */
  private sellerLines(
    record: OrderRecord,
    lineItemIds: string[] | undefined,
    skus: { skuId: string; quantity: number }[] | undefined,
  ): string[] {
    const { order } = record;
    const taken = this.linesTaken(order.id);
    const open = order.line_items.filter((l) => l.display_status !== 'CANCELLED' && !taken.has(l.id));
    let ids = [...(lineItemIds ?? [])];
    for (const id of ids) {
      if (!order.line_items.some((l) => l.id === id)) throw Business.cancelInvalidParam();
      if (!open.some((l) => l.id === id)) throw Business.cancelAlreadyInProcess();
    }
    for (const { skuId, quantity } of skus ?? []) {
      if (!skuId || !Number.isInteger(quantity) || quantity < 1) throw Business.cancelInvalidParam();
      const free = open.filter((l) => l.sku_id === skuId && !ids.includes(l.id));
      if (free.length < quantity) throw Business.returnLinesOverLimit();
      ids = [...ids, ...free.slice(0, quantity).map((l) => l.id)];
    }
    if (ids.length === 0) {
      if (open.length === 0) throw Business.cancelAlreadyInProcess();
      return open.map((l) => l.id);
    }
    return [...new Set(ids)];
  }

  /**
   * Get Reject Reasons for a return (the reasons of its current decision: the returned package once the
   * buyer shipped it, else the request) or a cancellation (the market's cancel reject reasons).
   */
  rejectReasons(shopId: string, id: string): readonly TikTokReturnReason[] {
    const region = this.deps.state.requireShop(shopId).region;
    const ret = this.deps.state.returns.get(id);
    if (ret) {
      if (ret.shopId !== shopId) throw Business.cancelNoPermission();
      const stage = ret.returnStatus === 'BUYER_SHIPPED_ITEM' ? 'PACKAGE' : 'REQUEST';
      return sellerRejectReturnReasons(region, ret.returnType, stage);
    }
    const cancellation = this.deps.state.cancellations.get(id);
    if (cancellation) {
      if (cancellation.shopId !== shopId) throw Business.cancelNoPermission();
      return sellerRejectCancelReasons(region);
    }
    throw Business.reverseOrderNotFound();
  }

  /** Get Return Records. */
  records(shopId: string, returnId: string): ReturnEvent[] {
    return this.owned(shopId, returnId).records;
  }

  // ---------------------------------------------------------------- internals

  private owned(shopId: string, returnId: string): ReturnRecord {
    const ret = this.deps.state.returns.get(returnId);
    if (!ret) throw Business.reverseOrderNotFound();
    if (ret.shopId !== shopId) throw Business.cancelNoPermission();
    return ret;
  }

  private checkActionable(ret: ReturnRecord, decision: ApproveDecision | RejectDecision): void {
    if (!DECISION_TYPE[decision].includes(ret.returnType)) throw Business.returnDecisionNotMatchType();
    if (ret.arbitrationStatus === 'IN_PROGRESS') throw Business.returnWithOperator();
    if (CANCELLED.includes(ret.returnStatus)) throw Business.reverseAlreadyCancelled();
  }

  private cannotApprove(ret: ReturnRecord) {
    return ret.returnStatus === 'AWAITING_BUYER_RESPONSE'
      ? Business.returnPartialRefundStatus()
      : Business.reverseCannotApprove();
  }

  private offerPartialRefund(ret: ReturnRecord, offer: ApproveInput['partialRefund'], now: number): void {
    if (ret.returnStatus !== 'RETURN_OR_REFUND_REQUEST_PENDING') throw Business.returnPartialRefundStatus();
    const currency = ret.refund.currency;
    if (
      !offer ||
      typeof offer.amount !== 'string' ||
      (offer.currency !== undefined && offer.currency !== currency)
    )
      throw Business.cancelInvalidParam();
    const amountMinor = parseMinor(offer.amount, currency);
    const full = parseMinor(ret.refund.refund_total, currency) ?? 0;
    if (amountMinor === null || amountMinor <= 0 || amountMinor >= full) throw Business.cancelInvalidParam();
    ret.sellerProposedReturnType = 'PARTIAL_REFUND';
    ret.partialRefund = { currency, amount: formatMinor(amountMinor, currency) };
    ret.buyerRejectedPartialRefund = false;
    this.log(ret, 'SELLER', 'Seller offered a partial refund', '', ret.partialRefund.amount, now);
    this.clearJob(ret);
    delete ret.nextAction;
    this.setStatus(ret, 'AWAITING_BUYER_RESPONSE', now);
  }

  private chooseLines(record: OrderRecord, asked: string[] | undefined): string[] {
    const { order } = record;
    const taken = this.linesTaken(order.id);
    const open = order.line_items
      .filter((l) => l.display_status !== 'CANCELLED' && !taken.has(l.id))
      .map((l) => l.id);
    if (!asked || asked.length === 0) {
      if (open.length === 0) throw new InvalidTransitionError(`Order ${order.id} has no line left to return`);
      return open;
    }
    for (const id of asked) {
      if (!order.line_items.some((l) => l.id === id))
        throw new Error(`lineItemIds: ${id} is not a line of order ${order.id}`);
      if (!open.includes(id))
        throw new InvalidTransitionError(
          `Line ${id} of order ${order.id} is cancelled or already in a return`,
        );
    }
    return [...new Set(asked)];
  }

  /** Lines in a request that is not over, or refunded. */
  private linesTaken(orderId: string): Set<string> {
    const taken = new Set<string>();
    for (const r of this.deps.state.returns.values()) {
      if (r.orderId !== orderId) continue;
      if (CLOSED.includes(r.returnStatus) && r.arbitrationStatus !== 'IN_PROGRESS') continue;
      for (const id of r.lineItemIds) taken.add(id);
    }
    return taken;
  }

  private shippingRefunded(orderId: string): boolean {
    for (const r of this.deps.state.returns.values()) {
      if (r.orderId !== orderId) continue;
      if (CLOSED.includes(r.returnStatus) && r.arbitrationStatus !== 'IN_PROGRESS') continue;
      if (r.refund.refund_shipping_fee !== formatMinor(0, r.refund.currency)) return true;
    }
    return false;
  }

  /** The return covers the order's last lines not yet returned: the shipping fee goes back with it. */
  private isLastRefund(record: OrderRecord, lineIds: readonly string[]): boolean {
    if (this.shippingRefunded(record.order.id)) return false;
    const taken = this.linesTaken(record.order.id);
    return record.order.line_items
      .filter((l) => l.display_status !== 'CANCELLED' && !taken.has(l.id))
      .every((l) => lineIds.includes(l.id));
  }

  private returnShippingFee(
    currency: string,
    fee: OpenReturnInput['returnShippingFee'],
  ): ReturnShippingFeeAmount {
    const zero = formatMinor(0, currency);
    const result: ReturnShippingFeeAmount = {
      currency,
      seller_paid_return_shipping_fee: zero,
      platform_paid_return_shipping_fee: zero,
      buyer_paid_return_shipping_fee: zero,
    };
    if (!fee) return result;
    const minor = parseMinor(fee.amount, currency);
    if (minor === null || minor < 0)
      throw new Error(`returnShippingFee.amount ${fee.amount} is not an amount in ${currency}`);
    const key = ({ SELLER: 'seller', PLATFORM: 'platform', BUYER: 'buyer' } as const)[fee.payer];
    if (!key) throw new Error('returnShippingFee.payer must be SELLER, PLATFORM or BUYER');
    result[`${key}_paid_return_shipping_fee`] = formatMinor(minor, currency);
    return result;
  }

  private isFbt(ret: ReturnRecord): boolean {
    return this.deps.state.orders.get(ret.orderId)?.order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK';
  }

  private typeText(ret: ReturnRecord): string {
    if (ret.returnType === 'REPLACEMENT') return 'replacement';
    return ret.returnType === 'REFUND' ? 'refund' : 'return';
  }

  private expect(ret: ReturnRecord, allowed: readonly ReturnStatus[], action: string): void {
    if (!allowed.includes(ret.returnStatus)) {
      throw new InvalidTransitionError(
        `Cannot ${action} return ${ret.returnId} in status ${ret.returnStatus} (allowed: ${allowed.join(', ')})`,
      );
    }
  }

  /** The seller's next action and its deadline, at which TikTok decides for the seller. */
  private awaitSeller(
    ret: ReturnRecord,
    action: SellerReturnAction,
    now: number,
    hours = this.hours.respond,
  ): void {
    this.clearJob(ret);
    const deadline = now + this.seconds(hours);
    ret.nextAction = { action, deadline };
    this.schedule(ret, deadline, (at) => {
      if (action === 'SELLER_RESPOND_RECEIVE_PACKAGE') {
        if (ret.returnStatus !== 'BUYER_SHIPPED_ITEM') return;
        this.log(ret, 'SYSTEM', 'TikTok Shop confirmed the return package for the seller', '', '', at);
        this.refund(ret, at);
        return;
      }
      if (!PENDING.includes(ret.returnStatus)) return;
      this.log(
        ret,
        'SYSTEM',
        `TikTok Shop approved the ${this.typeText(ret)} request for the seller`,
        '',
        '',
        at,
      );
      if (ret.returnType === 'REFUND') this.refund(ret, at);
      else if (ret.returnType === 'REPLACEMENT') this.replace(ret, at);
      else this.awaitBuyerShipment(ret, at);
    });
  }

  private awaitBuyerShipment(ret: ReturnRecord, now: number): void {
    this.clearJob(ret);
    delete ret.nextAction;
    this.setStatus(ret, 'AWAITING_BUYER_SHIP', now);
    this.schedule(ret, now + this.seconds(this.hours.buyerShip), (at) => {
      if (ret.returnStatus !== 'AWAITING_BUYER_SHIP') return;
      this.close(ret, 'SYSTEM', 'Closed: the customer did not ship the return package in time', at);
    });
    this.pilot(this.autopilot.shipAfterHours, () => {
      if (ret.returnStatus === 'AWAITING_BUYER_SHIP') this.buyerShip(ret.returnId);
    });
  }

  private schedule(ret: ReturnRecord, deadline: number, run: (at: number) => void): void {
    const job = this.deps.scheduler.at(deadline * 1000, (due) => {
      this.jobs.delete(ret.returnId);
      run(Math.floor(due / 1000));
    });
    this.jobs.set(ret.returnId, job);
  }

  private clearJob(ret: ReturnRecord): void {
    const job = this.jobs.get(ret.returnId);
    if (job !== undefined) {
      this.deps.scheduler.cancel(job);
      this.jobs.delete(ret.returnId);
    }
  }

  private close(ret: ReturnRecord, role: ReturnEvent['role'], description: string, now: number): void {
    this.clearJob(ret);
    delete ret.nextAction;
    this.log(ret, role, description, '', '', now);
    this.setStatus(
      ret,
      ret.returnType === 'REPLACEMENT' ? 'REPLACEMENT_REQUEST_CANCEL' : 'RETURN_OR_REFUND_REQUEST_CANCEL',
      now,
    );
  }

  /** The buyer is refunded: SUCCESS (a replacement: REFUND_SUCCESS), then COMPLETE after `refundSeconds`. */
  private refund(ret: ReturnRecord, now: number): void {
    this.clearJob(ret);
    delete ret.nextAction;
    if (ret.returnType === 'REPLACEMENT') {
      this.setStatus(ret, 'REPLACEMENT_REQUEST_REFUND_SUCCESS', now);
      this.afterRefund(ret);
      return;
    }
    this.setStatus(ret, 'RETURN_OR_REFUND_REQUEST_SUCCESS', now);
    const delay = this.deps.refundSeconds ?? 0;
    if (delay <= 0) this.complete(ret, now);
    else
      this.schedule(ret, now + Math.max(1, Math.round(delay / this.deps.timeScale)), (at) => {
        if (ret.returnStatus === 'RETURN_OR_REFUND_REQUEST_SUCCESS') this.complete(ret, at);
      });
  }

  private complete(ret: ReturnRecord, now: number): void {
    this.clearJob(ret);
    this.log(ret, 'SYSTEM', 'Refund completed', '', ret.refund.refund_total, now);
    this.setStatus(ret, 'RETURN_OR_REFUND_REQUEST_COMPLETE', now);
    this.afterRefund(ret);
  }

  /** A delivered order whose every line is refunded in full completes (TikTok's order status: a full refund). */
  private afterRefund(ret: ReturnRecord): void {
    const record = this.deps.orders.require(ret.orderId);
    if (record.order.status !== 'DELIVERED') return;
    const refunded = new Set<string>();
    for (const r of this.deps.state.returns.values()) {
      if (r.orderId !== ret.orderId || r.partialAmount) continue;
      if (
        r.returnStatus === 'RETURN_OR_REFUND_REQUEST_COMPLETE' ||
        r.returnStatus === 'REPLACEMENT_REQUEST_REFUND_SUCCESS'
      )
        for (const id of r.lineItemIds) refunded.add(id);
    }
    const open = record.order.line_items.filter((l) => l.display_status !== 'CANCELLED');
    if (open.length > 0 && open.every((l) => refunded.has(l.id))) this.deps.orders.complete(record.order.id);
  }

  /** APPROVE_REPLACEMENT: TikTok makes a new paid order of the same SKUs for the seller to ship. */
  private replace(ret: ReturnRecord, now: number): void {
    this.clearJob(ret);
    delete ret.nextAction;
    const original = this.deps.orders.require(ret.orderId);
    const counts = new Map<string, number>();
    for (const line of original.order.line_items) {
      if (ret.lineItemIds.includes(line.id) && line.seller_sku)
        counts.set(line.seller_sku, (counts.get(line.seller_sku) ?? 0) + 1);
    }
    const created = this.deps.orders.create({
      shopId: original.shopId,
      skus: [...counts].map(([sellerSku, quantity]) => ({ sellerSku, quantity })),
      buyerUserId: original.order.user_id,
      // The buyer's payment method of the order it replaces (a seeded pick could be one the seller's
      // Payment Method Map leaves out, which the original order, being imported, was not).
      paymentMethodName: original.order.payment_method_name,
      shippingType: original.order.shipping_type === 'TIKTOK' ? 'TIKTOK' : 'SELLER',
      fbt: original.order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK',
      sellerDiscountPercent: 0,
      platformDiscountPerUnit: '0',
      fees: {},
    });
    created.order.is_replacement_order = true;
    created.order.replaced_order_id = original.order.id;
    created.order.recipient_address = structuredClone(original.order.recipient_address);
    this.deps.orders.pay(created.order.id);
    if (created.order.status === 'ON_HOLD') this.deps.orders.releaseHold(created.order.id);
    ret.replacementOrderId = created.order.id;
    this.log(ret, 'SYSTEM', `Replacement order ${created.order.id} created`, '', '', now);
    this.setStatus(ret, 'REPLACEMENT_REQUEST_COMPLETE', now);
  }

  private fingerprint(action: string, returnId: string, input: object): string {
    return JSON.stringify([action, returnId, input]);
  }

  private repeated(key: string | undefined, fingerprint: string): boolean {
    if (key === undefined || key === '') return false;
    if (key.length > 255) throw Gateway.invalidParam('idempotency_key can be up to 255 characters long');
    const seen = this.idempotency.get(key);
    if (seen === undefined) return false;
    if (seen !== fingerprint)
      throw Gateway.invalidParam('idempotency_key was already used for a different request');
    return true;
  }

  private remember(key: string | undefined, fingerprint: string): void {
    if (key !== undefined && key !== '') this.idempotency.set(key, fingerprint);
  }

  private log(
    ret: ReturnRecord,
    role: ReturnEvent['role'],
    description: string,
    reasonText: string,
    note: string,
    at: number,
  ): void {
    ret.records.push({ role, description, reasonText, note, createTime: at });
  }

  private setStatus(ret: ReturnRecord, status: ReturnStatus, now: number): void {
    ret.returnStatus = status;
    ret.updateTime = Math.max(ret.updateTime, now);
    this.emit(ret);
  }

  private emit(ret: ReturnRecord): void {
    this.deps.webhooks.emit({
      eventType: 'RETURN_STATUS_CHANGE',
      shopId: ret.shopId,
      data: {
        order_id: ret.orderId,
        return_role: ret.role,
        return_type: ret.returnType,
        return_status: ret.returnStatus,
        return_id: ret.returnId,
        create_time: ret.createTime,
        update_time: ret.updateTime,
      },
    });
  }
}
