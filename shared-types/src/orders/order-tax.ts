/**
 * TikTok's tax on units and the TikTok tax line. When TikTok computed, collects and remits the tax
 * (marketplace facilitator), the whole of it (product and shipping tax) is one line of the shop's
 * Tax Item (an other-charge item, `custrecord_tts_shop_tax_item`) and no line is taxable in
 * NetSuite, so the sales order's total is what the buyer paid and the tax stays visible on its own
 * line, whose item posts to the account the admin chose (a clearing account, not the seller's sales
 * tax payable). Who remits, and how each tax engine books each case: order-tax-booking.ts.
 */
import { parseMoney, sumMinor } from '../money/money';
import type { TikTokLineItem, TikTokOrder } from '../tiktok/tiktok-order';

/** The tax line: the shop's Tax Item at TikTok's tax (order-tax-booking.ts, when TikTok remits). */
export interface TaxLinePlan {
  itemId: string;
  amountMinor: number;
  /** The line's description on the sales order. */
  description: string;
}

/** The line's description: what the amount is, so nobody mistakes it for the seller's tax. */
export const TAX_LINE_DESCRIPTION = 'Tax collected and remitted by TikTok Shop (marketplace facilitator)';

/**
 * TikTok's tax on one unit (the sum of its `item_tax` amounts), in minor units: what TikTok refunds
 * with the unit when it is cancelled. 0 when the unit carries none.
 */
export function unitTaxMinor(line: Pick<TikTokLineItem, 'item_tax'>, currency: string): number {
  return sumMinor(
    (line.item_tax ?? []).map((tax) => {
      const parsed = parseMoney(tax.tax_amount, currency);
      return parsed.ok ? parsed.minor : 0;
    }),
  );
}

/** True when TikTok cancelled this unit. */
export function isUnitCancelled(line: Pick<TikTokLineItem, 'display_status'>): boolean {
  return line.display_status === 'CANCELLED';
}

/** TikTok's tax on the order's cancelled units: what it refunds of `payment.tax`. */
export function cancelledUnitsTaxMinor(order: Pick<TikTokOrder, 'payment' | 'line_items'>): number {
  const currency = order.payment.currency;
  return sumMinor(order.line_items.filter(isUnitCancelled).map((line) => unitTaxMinor(line, currency)));
}
