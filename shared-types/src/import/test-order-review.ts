/**
 * "Test with one order" (seed: Best practices): after a shop in test mode imported its one order,
 * the flow pauses (Push orders to NetSuite off) and a review log entry (flow `test-order`) lists
 * what landed in NetSuite: customer, items, location, payment method and totals NetSuite vs TikTok.
 */
import { formatMinor } from '../money/money';
import { TEXTAREA_SAFE_LENGTH } from '../netsuite/netsuite-ids';
import type { SalesOrderPlan } from '../orders/order-plan';
import type { TieOutResult } from '../orders/order-tieout';
import { describeFigures } from '../orders/order-tieout';
import { SHOP_RECORD_LOCATION } from '../settings/shop-settings';

export const TEST_ORDER_FLOW = 'test-order';

/** Names NetSuite shows for the sales order's selects (`search.lookupFields` texts). */
export interface SalesOrderNames {
  tranId: string | null;
  customer: string | null;
  location: string | null;
  paymentMethod: string | null;
}

function named(text: string | null, id: string | null): string {
  if (id === null) {
    return '(none)';
  }
  return text === null || text === '' ? `internal id ${id}` : `${text} (${id})`;
}

export function pausedReason(shopName: string, orderId: string, salesOrderId: string | null): string {
  const so = salesOrderId === null ? 'no sales order was created' : `sales order ${salesOrderId}`;
  return `Paused after the test order: TikTok order ${orderId} was imported in test mode (${so}). Review the "test-order" entry in the TikTok Sync Log, then for shop ${shopName} untick Test with one order and tick Push orders to NetSuite to import the rest.`;
}

export function testOrderReview(
  plan: SalesOrderPlan,
  salesOrderId: string,
  customerId: string,
  names: SalesOrderNames,
  result: TieOutResult,
): string {
  const money = (minor: number): string => `${formatMinor(minor, plan.currency)} ${plan.currency}`;
  const items = plan.lines
    .map((line) => `${line.quantity} × ${line.sku} (item ${line.itemId}) at ${money(line.rateMinor)}`)
    .join('; ');
  const discounts = plan.discounts.map(
    (d) => `${d.kind} discount ${money(d.amountMinor)} (item ${d.itemId})`,
  );
  const markers = [
    plan.sample ? 'sample order at zero price' : null,
    plan.fbt ? 'fulfilled by TikTok' : null,
    plan.replacement !== null ? `replaces TikTok order ${plan.replacement.originalOrderId}` : null,
    plan.shipDate !== null ? `ship date ${plan.shipDate}` : null,
  ].filter((m): m is string => m !== null);
  const text = [
    `Test order review: TikTok order ${plan.tiktokOrderId} → sales order ${names.tranId ?? ''} (internal id ${salesOrderId}). ${result.ties ? 'It ties out with TikTok.' : 'It does NOT tie out with TikTok (see the inbox record).'}`,
    `Customer: ${named(names.customer, customerId)}.`,
    `Items: ${items}${discounts.length > 0 ? `; ${discounts.join('; ')}` : ''}.`,
    `Location: ${named(names.location, plan.locationId)}.`,
    `Payment method: ${named(names.paymentMethod, plan.paymentMethodId)}.`,
    `Totals (${plan.currency}): ${describeFigures(result, plan.currency)}.`,
    markers.length > 0 ? `Notes: ${markers.join('; ')}.` : null,
    `The order flow is paused (Push orders to NetSuite is off). If this is right, ${SHOP_RECORD_LOCATION}, untick Test with one order and tick Push orders to NetSuite.`,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
  return text.length > TEXTAREA_SAFE_LENGTH ? `${text.slice(0, TEXTAREA_SAFE_LENGTH - 3)}...` : text;
}
