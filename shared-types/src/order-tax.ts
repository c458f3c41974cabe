import { formatMinor, parseMoney, subtractMinor, sumMinor, toMinor } from './money';
import type { ShopSettings } from './shop-settings';
import { SHOP_RECORD_LOCATION } from './shop-settings';
import type { TikTokLineItem, TikTokOrder } from './tiktok-order';

/**
 * TikTok's tax on the sales order, as TikTok computed, collected and remits it (marketplace
 * facilitator), using only fields a US legacy-tax sales order has (NetSuite's Records Browser:
 * `suiteapp/reference/netsuite-records/`): every line and the order are not taxable
 * (`istaxable` = F), so NetSuite computes no tax of its own, and TikTok's whole tax (product and
 * shipping tax) is one line of the shop's Tax Item (an other-charge item, `custrecord_tts_shop_tax_item`).
 * The sales order's total is then what the buyer paid, to the cent, and the tax stays visible on
 * its own line, whose item posts to the account the admin chose (a clearing or liability account,
 * not the seller's sales tax payable). Who remits in other markets, and the account's own tax
 * set-ups, are issue #10.
 */

/** The tax line: the shop's Tax Item at TikTok's tax. */
export interface TaxLinePlan {
  itemId: string;
  amountMinor: number;
  /** The line's description on the sales order. */
  description: string;
}

export interface TaxLineProblem {
  code: 'no_tax_item';
  message: string;
}

/** The line's description: what the amount is, so nobody mistakes it for the seller's tax. */
export const TAX_LINE_DESCRIPTION = 'Tax collected and remitted by TikTok Shop (marketplace facilitator)';

/**
 * The tax line of an order: TikTok's tax less what it refunded with the units it cancelled before
 * the import (those units are not on the sales order); none without tax; a problem when tax is due
 * and the shop has no Tax Item.
 */
export function planTaxLine(
  order: Pick<TikTokOrder, 'id' | 'payment' | 'line_items'>,
  shop: Pick<ShopSettings, 'name' | 'taxItemId'>,
): TaxLinePlan | null | TaxLineProblem {
  const currency = order.payment.currency;
  const amountMinor = subtractMinor(toMinor(order.payment.tax, currency), cancelledUnitsTaxMinor(order));
  if (amountMinor === 0) {
    return null;
  }
  if (shop.taxItemId === null) {
    return {
      code: 'no_tax_item',
      message: `TikTok order ${order.id} carries ${formatMinor(amountMinor, currency)} ${currency} tax that TikTok collected, but shop ${shop.name} has no Tax Item to book it on. Fix: ${SHOP_RECORD_LOCATION}, set Tax Item to an other-charge item for TikTok-collected tax (not taxable, posting to a clearing or liability account, not your sales tax payable), save, then retry the order.`,
    };
  }
  return { itemId: shop.taxItemId, amountMinor, description: TAX_LINE_DESCRIPTION };
}

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
