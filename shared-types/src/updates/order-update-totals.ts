/**
 * The totals re-check of an order update (the update's counterpart of the import's tie-out,
 * order-tieout.ts): once the planned line changes are applied, the sales order's open lines (item
 * lines, discount lines, the TikTok tax line and the buyer-fee lines) must add up, to the cent, to
 * what TikTok still charges for the order's products, tax and buyer-paid fees: TikTok's `sub_total`
 * + `tax` less what it refunds with the cancelled units (order-remaining.ts), + the fees
 * (order-fees.ts: not refunded with a unit). Shipping is outside both figures: a partial
 * cancellation does not refund it, and a whole cancellation closes every line instead (no
 * re-check).
 *
 * When the seller remits the tax (order-update-tax.ts) the tax is NetSuite's, not a line: the open
 * lines at TikTok's prices (gross where they include VAT) are compared with the merchandise and fees,
 * and NetSuite's recomputed tax total is read back after the save (order-update-service.ts).
 *
 * An update that leaves the figures apart — a rate rounded the wrong way, a discount line that
 * still carries a cancelled unit's discount, a line a person changed — becomes an exception for a
 * person, and the sales order is marked Ties Out = F, as the import does.
 */
import { addMinor, formatMinor, subtractMinor, sumMinor } from '../money/money';
import { buyerFeesMinor } from '../orders/order-fees';
import { tiktokRemaining } from '../orders/order-remaining';
import type { OrderUpdatePlan, SalesOrderLineChange, SalesOrderState } from './order-update-plan';
import { isOrderCancelled, lineAmountMinor } from './order-update-plan';
import type { TikTokOrder } from '../tiktok/tiktok-order';

export interface UpdatedTotals {
  /** Σ the open lines' amounts once the plan is applied. */
  netsuiteMinor: number;
  /** TikTok's remaining merchandise + tax. */
  tiktokMinor: number;
  ties: boolean;
  /** The exception text when the figures do not tie, else null. */
  message: string | null;
}

/**
 * Σ the amounts of the lines left open once the plan's changes are applied (minor units), or null
 * when an open line's amount is unknown (a line without a rate, whose amount NetSuite computes).
 */
export function openAmountAfter(
  state: SalesOrderState,
  changes: readonly SalesOrderLineChange[],
  currency: string,
): number | null {
  const byIndex = new Map(changes.map((change) => [change.index, change]));
  const amounts: number[] = [];
  for (const line of state.lines) {
    const change = byIndex.get(line.index);
    if (line.isClosed || change?.kind === 'close') {
      continue;
    }
    const amount = change === undefined ? line.amount : change.amount;
    if (amount === null) {
      return null;
    }
    amounts.push(lineAmountMinor(amount, 1, currency) ?? 0);
  }
  return sumMinor(amounts);
}

function orderName(state: SalesOrderState): string {
  return `sales order ${state.tranId ?? state.id}`;
}

/**
 * The re-check of an update that changes line amounts, or null when there is nothing to re-check:
 * no line changes, a whole-order cancellation (every line closes), an update that already raised
 * an exception about what it could not change, or an open line without an amount.
 */
export function checkUpdatedTotals(
  order: TikTokOrder,
  state: SalesOrderState,
  plan: Pick<OrderUpdatePlan, 'lineChanges' | 'exceptions' | 'tax'>,
): UpdatedTotals | null {
  if (plan.lineChanges.length === 0 || plan.exceptions.length > 0 || isOrderCancelled(order)) {
    return null;
  }
  const currency = order.payment.currency;
  // The seller's tax is NetSuite's (checked after the save), not a line: the lines at TikTok's prices.
  const sellerTax = plan.tax !== undefined;
  const netsuiteMinor =
    plan.tax === undefined ? openAmountAfter(state, plan.lineChanges, currency) : plan.tax.openLinesMinor;
  if (netsuiteMinor === null) {
    return null;
  }
  const remaining = tiktokRemaining(order);
  const feesMinor = buyerFeesMinor(order.payment);
  const tiktokMinor = addMinor(
    addMinor(remaining.merchandiseMinor, sellerTax ? 0 : remaining.taxMinor),
    feesMinor,
  );
  if (netsuiteMinor === tiktokMinor) {
    return { netsuiteMinor, tiktokMinor, ties: true, message: null };
  }
  const money = (minor: number): string => `${formatMinor(minor, currency)} ${currency}`;
  const name = orderName(state);
  const message = `After the TikTok update of order ${order.id}, the open lines of ${name} add up to ${money(netsuiteMinor)}, but TikTok still charges ${money(tiktokMinor)} for the order's products${sellerTax ? '' : ' and tax'} (merchandise ${money(remaining.merchandiseMinor)}${sellerTax ? '' : ` + tax ${money(remaining.taxMinor)}`}${feesMinor === 0 ? '' : ` + buyer-paid fees ${money(feesMinor)}`}, without shipping), off by ${money(subtractMinor(netsuiteMinor, tiktokMinor))}. The cancelled units were taken off and ${name} is marked Ties Out = F (custbody_tts_tieout). To do: compare ${name} with the order in TikTok Seller Center; correct the line amounts (a discount line still carries the discount of a cancelled unit, for example), tick Ties Out, then set this inbox record's State to imported.`;
  return { netsuiteMinor, tiktokMinor, ties: false, message };
}
