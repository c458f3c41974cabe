/**
 * Ship-by deadlines of orders fulfilled by the seller, and TikTok's auto-cancellation of orders left
 * unshipped past them, driven by the simulator clock.
 *
 * Fields (Get Order List / Get Order Detail 202309 and 202507 both list them): `rts_sla_time` "The
 * latest shipping time specified by the platform", `tts_sla_time` "The latest collection time",
 * `shipping_due_time` "If the order hasn't updated its status to AWAITING_COLLECTION before this time,
 * the order will be automatically canceled", `collection_due_time` (the same for IN_TRANSIT),
 * `cancel_order_sla_time` "The automatic cancellation time for orders", `delivery_sla_time` "Order should
 * arrive by this date". The pages give no rule for the values; the rules below come from TikTok's seller
 * policies:
 * - US (Seller University "What is the fulfillment requirement (SLA) for shipping orders?"): dispatch
 *   "within 2 business days from the order date. Cut-off: 11:59 PM PST" — the shop's handling time, 1–2
 *   business days (Fulfillment Policy: "sellers can choose a handling time between 1-2 business days",
 *   custom handling 3–7) — so `rts_sla_time` = `tts_sla_time` = 23:59:59 Pacific of the handling time's
 *   last business day (dispatch counts at the carrier's first scan, so both fields carry it); auto-cancel
 *   when not AWAITING_COLLECTION "after 7 business days from the order date" (custom handling: "after 4
 *   business days from the Dispatch SLA"; both are max(7, handling + 4)) → `shipping_due_time` =
 *   `cancel_order_sla_time`; deliver "within 6 business days" (custom: handling + 5) → `delivery_sla_time`.
 *   No collection deadline is published: no `collection_due_time`.
 * - SEA (TikTok Shop Vietnam "Order Fulfillment Timelines", Thailand "Auto-cancellation"): hand over by
 *   23:59 the same working day when placed before 14:00, else the next working day → `rts_sla_time` =
 *   `tts_sla_time`; cancelled when not AWAITING_COLLECTION by 23:59 two working days after the order
 *   (`shipping_due_time`) or not collected by 23:59 three working days after (`collection_due_time`).
 *   Those pages speak of orders shipped by TikTok; the simulator applies them to every seller-fulfilled
 *   order of the market (a choice).
 * - Other markets: no published timeline was found; the US rules apply (a choice).
 * Business days are Monday to Friday in the shop's zone (no public holidays); the "order date" is read
 * as the payment time (an UNPAID order has no deadline). FBT orders have none (TikTok ships them).
 *
 * Auto-cancel: at `shipping_due_time` an order still AWAITING_SHIPMENT or PARTIALLY_SHIPPING is
 * cancelled by SYSTEM (its unshipped lines; the order when none shipped), at `collection_due_time` the
 * lines whose package is still uncollected, with reason `system_cancel_order_reason_shipping_timeout`
 * ("Automatically cancelled due to collection time out"; `_uk` in GB), the code TikTok's reason list
 * has for it: CANCELLATION_STATUS_CHANGE (COMPLETE, SYSTEM) and ORDER_STATUS_CHANGE as any cancel. An
 * order with a pending buyer request is left to that request (TikTok answers it at its own deadline).
 */
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { Scheduler } from '../scheduler';
import type { Cancellations } from './cancellations';
import { InvalidTransitionError, type OrderLifecycle } from './order-lifecycle';
import { businessDayCutOff, isBusinessDay, localTime, unixAtLocal, zoneOfRegion } from './shop-time';
import type { SimulatorState } from './state';
import type { OrderRecord } from './types';

/** Markets of TikTok's SEA fulfilment timelines. */
export const SEA_TIMELINE_REGIONS: readonly string[] = ['ID', 'MY', 'PH', 'SG', 'TH', 'VN'];

/** Default shop handling time in business days (the US default range is 1–2). */
export const DEFAULT_HANDLING_DAYS = 2;

export interface ShipByTimes {
  rts_sla_time: number;
  tts_sla_time: number;
  shipping_due_time: number;
  cancel_order_sla_time: number;
  collection_due_time?: number;
  delivery_sla_time?: number;
}

/** The deadlines of an order paid at `paidAt` (Unix s) in a shop of `region` (see the module comment). */
export function shipByTimes(paidAt: number, region: string, handlingDays: number): ShipByTimes {
  const zone = zoneOfRegion(region);
  if (SEA_TIMELINE_REGIONS.includes(region)) {
    const local = localTime(paidAt, zone);
    const sameDay = isBusinessDay(local.weekday) && local.hour < 14;
    const handover = sameDay ? unixAtLocal(zone, local, 23, 59, 59) : businessDayCutOff(paidAt, zone, 1);
    const shippingDue = businessDayCutOff(paidAt, zone, 2);
    return {
      rts_sla_time: handover,
      tts_sla_time: handover,
      shipping_due_time: shippingDue,
      cancel_order_sla_time: shippingDue,
      collection_due_time: businessDayCutOff(paidAt, zone, 3),
    };
  }
  const dispatch = businessDayCutOff(paidAt, zone, handlingDays);
  const shippingDue = businessDayCutOff(paidAt, zone, Math.max(7, handlingDays + 4));
  return {
    rts_sla_time: dispatch,
    tts_sla_time: dispatch,
    shipping_due_time: shippingDue,
    cancel_order_sla_time: shippingDue,
    delivery_sla_time: businessDayCutOff(paidAt, zone, handlingDays <= 2 ? 6 : handlingDays + 5),
  };
}

export interface ShipByDeps {
  state: SimulatorState;
  clock: Clock;
  scheduler: Scheduler;
  orders: OrderLifecycle;
  cancellations: Cancellations;
  /** Cancel orders left unshipped past their deadline (default true). */
  autoCancel: boolean;
}

export class ShipByDeadlines {
  constructor(private readonly deps: ShipByDeps) {
    deps.orders.onPaid((record) => this.paid(record));
  }

  private paid(record: OrderRecord): void {
    const { order } = record;
    if (order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK' || order.paid_time === undefined) return;
    const shop = this.deps.state.requireShop(record.shopId);
    const times = shipByTimes(order.paid_time, shop.region, shop.handlingDays);
    Object.assign(order, times);
    if (!this.deps.autoCancel) return;
    this.deps.scheduler.at(times.shipping_due_time * 1000, () => this.shippingDue(record));
    const collectionDue = times.collection_due_time;
    if (collectionDue !== undefined)
      this.deps.scheduler.at(collectionDue * 1000, () => this.collectionDue(record));
  }

  private reason(record: OrderRecord): string {
    const region = this.deps.state.requireShop(record.shopId).region;
    return `system_cancel_order_reason_shipping_timeout${region === 'GB' ? '_uk' : ''}`;
  }

  /** Not AWAITING_COLLECTION by `shipping_due_time`: the unshipped lines are cancelled. */
  private shippingDue(record: OrderRecord): void {
    const { order } = record;
    if (order.status !== 'AWAITING_SHIPMENT' && order.status !== 'PARTIALLY_SHIPPING') return;
    const unshipped = order.line_items
      .filter((l) => l.display_status === 'AWAITING_SHIPMENT')
      .map((l) => l.id);
    this.cancel(record, order.status === 'AWAITING_SHIPMENT' ? undefined : unshipped);
  }

  /** Not IN_TRANSIT by `collection_due_time`: the lines still awaiting collection are cancelled. */
  private collectionDue(record: OrderRecord): void {
    const { order } = record;
    if (order.status !== 'AWAITING_COLLECTION') return;
    const waiting = order.line_items
      .filter((l) => l.display_status === 'AWAITING_COLLECTION')
      .map((l) => l.id);
    const all = waiting.length === order.line_items.filter((l) => l.display_status !== 'CANCELLED').length;
    this.cancel(record, all ? undefined : waiting);
  }

  private cancel(record: OrderRecord, lineItemIds: string[] | undefined): void {
    if (this.deps.cancellations.pendingFor(record.order.id)) return;
    try {
      this.deps.cancellations.cancel({
        orderId: record.order.id,
        role: 'SYSTEM',
        reason: this.reason(record),
        lineItemIds,
      });
    } catch (caught) {
      if (!(caught instanceof InvalidTransitionError)) throw caught;
    }
  }
}
