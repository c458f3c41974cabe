import { order, shop } from '../../../../../test/support/tiktok-order-builder';
import { addDays, calendarDateIn } from '../../../../../shared-types/src/time/order-dates';
import { planSalesOrder } from '../../../../../shared-types/src/orders/order-plan';
import { plannedShipDay } from '../../../../../shared-types/src/orders/order-timing';
import { dayValue } from '../sales-order-mapper';

/**
 * What the order dates come to (shared-types order-dates.ts and order-plan.ts, the sales order
 * mapper's Date), for order-dates.test.ts to compare in this process and in child processes with
 * other host zones.
 */

/** 2026-01-15 00:30 in London (GMT in January): 16:30 on the 14th in California. */
export const LONDON_0030 = Date.UTC(2026, 0, 15, 0, 30) / 1000;
/** 2026-07-01 00:30 in London (BST, UTC+1): 23:30 UTC on June 30. */
export const LONDON_SUMMER_0030 = Date.UTC(2026, 5, 30, 23, 30) / 1000;

export function probe(): Record<string, unknown> {
  const ukOrder = order({ create_time: LONDON_0030, order_type: 'PRE_ORDER' });
  const uk = planSalesOrder(
    { ...ukOrder, payment: { ...ukOrder.payment, currency: 'GBP' } },
    {
      shop: shop({
        region: 'GB',
        currency: 'GBP',
        taxRemitter: 'TikTok',
        orderOptions: { handlingDays: 3, platformDiscountItemId: '61' },
      }),
      items: { 'MUG-RED': '501' },
    },
  );
  const noon = dayValue('2026-01-15');
  return {
    calendar: [
      calendarDateIn(LONDON_0030, 'Europe/London'),
      calendarDateIn(LONDON_0030, 'America/Los_Angeles'),
      calendarDateIn(LONDON_0030, 'Asia/Tokyo'),
      calendarDateIn(LONDON_SUMMER_0030, 'Europe/London'),
      calendarDateIn(LONDON_SUMMER_0030, 'UTC'),
      calendarDateIn(Date.UTC(2026, 0, 14, 10) / 1000, 'Pacific/Kiritimati'),
    ],
    addDays: [
      addDays('2026-01-30', 3),
      addDays('2025-12-31', 1),
      addDays('2026-03-28', 3),
      addDays('2026-03-07', 3),
    ],
    ukPlan: uk.ok ? [uk.plan.timeZone, uk.plan.tranDate, uk.plan.shipDate] : uk.problems,
    shipByDeadline: plannedShipDay(
      { order_type: 'PRE_ORDER', create_time: 1, shipping_due_time: LONDON_0030 } as never,
      3,
      'Asia/Tokyo',
    ),
    dayValue: [noon.getFullYear(), noon.getMonth(), noon.getDate(), noon.getHours()],
  };
}
