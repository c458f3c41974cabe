/**
 * TikTok's money identities of one order ("Get Order Detail",
 * documented identities; the line identity as in `order-lines.ts`):
 * - each line: `sale_price = original_price − seller_discount − platform_discount`;
 * - the lines add up to the payment: Σ `original_price` = `original_total_product_price` and
 *   Σ `sale_price` = `sub_total` (every line counts, cancelled ones included: TikTok keeps a
 *   cancelled unit in `line_items` and in the payment);
 * - `sub_total = original_total_product_price − seller_discount − platform_discount`;
 * - `total_amount = sub_total + shipping_fee + tax + retail_delivery_fee`, read as every buyer-paid
 *   fee (retail delivery, handling, item insurance, small order, buyer service, shipping insurance:
 *   order-fees.ts, where the sources' difference is noted).
 * An order that breaks one would become a sales order that fails the tie-out, so the RESTlet
 * refuses it before anything is saved, naming the figures. Only called on an order whose amounts
 * all parsed in its currency (`restlet-validation.ts`).
 */
import { addMinor, formatMinor, subtractMinor, sumMinor, toMinor } from './money';
import { buyerFees } from '../orders/order-fees';
import type { TikTokOrder } from '../tiktok/tiktok-order';

export interface MoneyIdentityProblem {
  /** Path of the figure that does not add up, below the order (`payment.sub_total`). */
  path: string;
  message: string;
}

const FIX =
  'send the order exactly as TikTok’s order detail (GET /order/202309/orders) returns it; if it is, report the order to the connector maintainers';

export function orderMoneyProblems(order: TikTokOrder): MoneyIdentityProblem[] {
  const currency = order.payment.currency;
  const money = (minor: number): string => `${formatMinor(minor, currency)} ${currency}`;
  const minor = (amount: string | undefined): number =>
    amount === undefined ? 0 : toMinor(amount, currency);
  const problems: MoneyIdentityProblem[] = [];

  order.line_items.forEach((line, index) => {
    const expected = subtractMinor(
      subtractMinor(minor(line.original_price), minor(line.seller_discount)),
      minor(line.platform_discount),
    );
    if (minor(line.sale_price) !== expected) {
      problems.push({
        path: `line_items[${index}].sale_price`,
        message: `${money(minor(line.sale_price))} is not original_price ${money(minor(line.original_price))} − seller_discount ${money(minor(line.seller_discount))} − platform_discount ${money(minor(line.platform_discount))} = ${money(expected)}; ${FIX}`,
      });
    }
  });

  const p = order.payment;
  const originals = sumMinor(order.line_items.map((line) => minor(line.original_price)));
  if (originals !== minor(p.original_total_product_price)) {
    problems.push({
      path: 'payment.original_total_product_price',
      message: `${money(minor(p.original_total_product_price))}, but the ${order.line_items.length} line(s) add up to original_price ${money(originals)}; ${FIX}`,
    });
  }
  const sales = sumMinor(order.line_items.map((line) => minor(line.sale_price)));
  if (sales !== minor(p.sub_total)) {
    problems.push({
      path: 'payment.sub_total',
      message: `${money(minor(p.sub_total))}, but the ${order.line_items.length} line(s) add up to sale_price ${money(sales)}; ${FIX}`,
    });
  }
  const subTotal = subtractMinor(
    subtractMinor(minor(p.original_total_product_price), minor(p.seller_discount)),
    minor(p.platform_discount),
  );
  if (subTotal !== minor(p.sub_total)) {
    problems.push({
      path: 'payment.sub_total',
      message: `${money(minor(p.sub_total))} is not original_total_product_price ${money(minor(p.original_total_product_price))} − seller_discount ${money(minor(p.seller_discount))} − platform_discount ${money(minor(p.platform_discount))} = ${money(subTotal)}; ${FIX}`,
    });
  }
  const fees = buyerFees(p, currency);
  const total = addMinor(
    addMinor(addMinor(minor(p.sub_total), minor(p.shipping_fee)), minor(p.tax)),
    sumMinor(fees.map((f) => f.amountMinor)),
  );
  if (total !== minor(p.total_amount)) {
    const fee = fees.map((f) => ` + ${f.field} ${money(f.amountMinor)}`).join('');
    problems.push({
      path: 'payment.total_amount',
      message: `${money(minor(p.total_amount))} is not sub_total ${money(minor(p.sub_total))} + shipping_fee ${money(minor(p.shipping_fee))} + tax ${money(minor(p.tax))}${fee} = ${money(total)}; ${FIX}`,
    });
  }
  return problems;
}
