/**
 * The late-dispatch watch (issue #15): TikTok's ship-by deadline of an order and the list of orders
 * still to ship, nearest deadline first, those past it flagged. Used by the import (the deadline on
 * the sales order, `custbody_tts_ship_by`), the exceptions page (suiteapp/ts/lib/services/exceptions-page.ts)
 * and the bridge's status page and metric (bridge/src/http/status-routes.ts, bridge/src/metrics.ts).
 *
 * The deadline is `rts_sla_time`, "the latest shipping time specified by the platform" (TikTok's
 * Get Order List / Detail), falling back to `tts_sla_time` (the latest collection time) when
 * TikTok gives only that. Orders fulfilled by TikTok have none: TikTok ships them.
 */
import type { TikTokOrder, TikTokOrderStatus } from '../tiktok/tiktok-order';

/** TikTok statuses in which the seller still has something to ship. */
export const TO_SHIP_STATUSES: readonly TikTokOrderStatus[] = ['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'];

/** TikTok's ship-by time of the order (Unix s), or null when it has none (FBT, unpaid, not given). */
export function shipByOf(
  order: Pick<TikTokOrder, 'fulfillment_type' | 'rts_sla_time' | 'tts_sla_time'>,
): number | null {
  if (order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK') return null;
  const value = order.rts_sla_time ?? order.tts_sla_time;
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** True while the order has lines to ship and a deadline to ship them by. */
export function isWatched(
  order: Pick<TikTokOrder, 'status' | 'fulfillment_type' | 'rts_sla_time' | 'tts_sla_time'>,
): boolean {
  return TO_SHIP_STATUSES.includes(order.status) && shipByOf(order) !== null;
}

/** One order still to ship, as the bridge or NetSuite knows it. */
export interface DispatchWatchEntry {
  shopId: string;
  orderId: string;
  shipByUnix: number;
}

export interface LateDispatchRow extends DispatchWatchEntry {
  /** Seconds until the deadline; negative once past it. */
  secondsLeft: number;
  /** Past the deadline. */
  late: boolean;
}

/** The entries sorted by time left (least first; ties by shop and order id), each with its time left. */
export function lateDispatchList(entries: readonly DispatchWatchEntry[], nowUnix: number): LateDispatchRow[] {
  return [...entries]
    .sort(
      (a, b) =>
        a.shipByUnix - b.shipByUnix || a.shopId.localeCompare(b.shopId) || a.orderId.localeCompare(b.orderId),
    )
    .map((entry) => {
      const secondsLeft = entry.shipByUnix - nowUnix;
      return { ...entry, secondsLeft, late: secondsLeft < 0 };
    });
}

/** "2 d 3 h left", "45 min left", "late by 1 h 5 min": the time left as a person reads it. */
export function describeTimeLeft(secondsLeft: number): string {
  const abs = Math.abs(secondsLeft);
  const days = Math.floor(abs / 86_400);
  const hours = Math.floor((abs % 86_400) / 3_600);
  const minutes = Math.floor((abs % 3_600) / 60);
  const parts =
    days > 0
      ? [`${days} d`, `${hours} h`]
      : hours > 0
        ? [`${hours} h`, `${minutes} min`]
        : [`${minutes} min`];
  return secondsLeft < 0 ? `late by ${parts.join(' ')}` : `${parts.join(' ')} left`;
}

/**
 * Unix seconds of a wall-clock time `YYYY-MM-DD HH:MI[:SS]` in `zone` (how SuiteQL's TO_CHAR shows a
 * date/time), or null when the text is not one.
 */
export function unixOfWallClock(text: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
  // The zone's offset at that instant, found by formatting; twice for a change of offset near it.
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(new Date(guess * 1000));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const shown =
      Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) / 1000;
    guess += asUtc - shown;
  }
  return guess;
}
