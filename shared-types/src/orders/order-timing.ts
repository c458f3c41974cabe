/**
 * Ship dates of pre-orders. TikTok's US order types PRE_ORDER, BACK_ORDER and MADE_TO_ORDER ship
 * later than the usual handling time; their sales order gets `shipdate` from TikTok's
 * `shipping_due_time` (when the seller must ship), else `rts_sla_time` (ready-to-ship deadline),
 * else the order's create time plus the shop's handling days.
 */
import type { CalendarDate } from '../time/order-dates';
import { addDays, calendarDateIn } from '../time/order-dates';
import type { TikTokOrder } from '../tiktok/tiktok-order';

export const PRE_ORDER_TYPES: readonly string[] = ['PRE_ORDER', 'BACK_ORDER', 'MADE_TO_ORDER'];

const DAY_SECONDS = 86400;

/** TikTok's shipping deadlines: sent with the order, not required by the connector's validation. */
interface OrderDeadlines {
  shipping_due_time?: unknown;
  rts_sla_time?: unknown;
}

function unixTime(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

export function isPreOrder(order: Pick<TikTokOrder, 'order_type'>): boolean {
  return order.order_type !== undefined && PRE_ORDER_TYPES.includes(order.order_type);
}

function validDays(handlingDays: number): number {
  return Number.isSafeInteger(handlingDays) && handlingDays >= 0 ? handlingDays : 0;
}

/** The ship date (Unix s) of a pre-order, or null for an order that ships as usual. */
export function plannedShipDate(
  order: Pick<TikTokOrder, 'order_type' | 'create_time'> & OrderDeadlines,
  handlingDays: number,
): number | null {
  if (!isPreOrder(order)) {
    return null;
  }
  const due = unixTime(order.shipping_due_time) ?? unixTime(order.rts_sla_time);
  if (due !== null) {
    return due;
  }
  return order.create_time + validDays(handlingDays) * DAY_SECONDS;
}

/**
 * The ship date of a pre-order as a calendar date of `zone` (order-dates.ts): TikTok's deadline's
 * date there, else the order date plus the handling days; null for an order that ships as usual.
 */
export function plannedShipDay(
  order: Pick<TikTokOrder, 'order_type' | 'create_time'> & OrderDeadlines,
  handlingDays: number,
  zone: string,
): CalendarDate | null {
  if (!isPreOrder(order)) {
    return null;
  }
  const due = unixTime(order.shipping_due_time) ?? unixTime(order.rts_sla_time);
  return due !== null
    ? calendarDateIn(due, zone)
    : addDays(calendarDateIn(order.create_time, zone), validDays(handlingDays));
}
