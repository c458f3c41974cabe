/**
 * The tax of an order update when the seller remits it (order-tax-booking.ts): once TikTok cancels
 * units, the sales order's tax is booked again for what is left of the order, by the same rules as
 * at import (`planTaxBooking`, no second copy), and written to the lines that stay open:
 *
 * - US legacy: the lines stay taxable at the shop's tax item; `taxrate` becomes the rate at which
 *   NetSuite's recomputed tax on the open lines is TikTok's remaining tax to the cent. A closed line
 *   is made non-taxable, so NetSuite taxes only what is still sold.
 * - VAT (non-US legacy): each open line is written again as the booking writes it — VAT-inclusive
 *   prices through `grossamt` (the remaining units at TikTok's prices), else the net `amount` with
 *   its VAT (`tax1amt`, where the cent that net shipping cannot reach moves to the first line still
 *   open); a closed line carries no VAT.
 * - SuiteTax: the tax details lines (Tax Details Override) are rewritten in place, each open line's
 *   with TikTok's tax of its remaining units and its new basis, a closed line's at zero.
 *
 * When TikTok remits, nothing here applies: its tax is on the Tax Item line, which the update lowers
 * by the tax TikTok refunds (order-update-plan.ts). After the save the service reads NetSuite's tax
 * total back and compares it with `expectedTaxMinor` (order-update-service.ts).
 */
import { formatMinor, sumMinor, toMinor } from '../money/money';
import { unitRate } from '../orders/order-lines';
import type { PriceMode } from '../orders/order-lines';
import { tiktokRemaining } from '../orders/order-remaining';
import type {
  LineTax,
  TaxBookingProblem,
  TaxCodeInfo,
  TaxEngine,
  TaxRemitter,
} from '../orders/order-tax-booking';
import { planTaxBooking } from '../orders/order-tax-booking';
import type { TikTokLineItem, TikTokOrder } from '../tiktok/tiktok-order';
import type { SalesOrderLineChange, SalesOrderLineState, SalesOrderState } from './order-update-plan';
import { lineAmountMinor } from './order-update-plan';

/** The shop's tax case as the update reads it (shop record and account, as at import). */
export interface UpdateTaxContext {
  engine: TaxEngine;
  remitter: TaxRemitter;
  shopName: string;
  taxItemId: string | null;
  taxCode: TaxCodeInfo | null;
  unknownTaxCodeId: string | null;
  /** How the import priced the item lines (order-lines.ts). */
  priceMode: PriceMode;
}

/** A SuiteTax tax details line of the sales order as loaded. */
export interface TaxDetailState {
  /** 0-based position in the `taxdetails` sublist. */
  index: number;
  /** The item line's `taxdetailsreference`, or SHIPPING. */
  reference: string;
}

/** A tax details line rewritten in place. */
export interface TaxDetailWrite {
  index: number;
  basisMinor: number;
  ratePercent: number;
  amountMinor: number;
}

export interface UpdateTaxWrites {
  /** Body `taxrate` (US legacy), or null to leave it. */
  taxRate: number | null;
  /** Per sales order line index, its tax as the booking writes it (rate/amount left to the change). */
  lines: { index: number; quantity: number | null; rateMinor: number; amountMinor: number; tax: LineTax }[];
  taxDetails: TaxDetailWrite[];
  /** NetSuite's tax total once saved: TikTok's remaining tax (VAT-inclusive: the VAT in its prices). */
  expectedTaxMinor: number;
  /** Σ the open lines at TikTok's prices (gross where prices include VAT): the re-check's figure. */
  openLinesMinor: number;
}

/** NetSuite's reference of the shipping charge in tax details (SuiteTax). */
export const SHIPPING_TAX_REFERENCE = 'SHIPPING';

function isProblem(value: object): value is TaxBookingProblem {
  return 'code' in value && 'message' in value;
}

/** The line's amount as the import entered it: gross where VAT is in the price, else the amount. */
function enteredMinor(line: SalesOrderLineState, currency: string, inclusive: boolean): number {
  const value =
    inclusive && line.grossAmount !== undefined && line.grossAmount !== null
      ? line.grossAmount
      : (line.amount ?? 0);
  return lineAmountMinor(value, 1, currency) ?? 0;
}

/**
 * The seller-remitted tax of the sales order once the planned line changes are applied, or the
 * problem that stops it. Only for the seller's tax: null when TikTok remits.
 */
export function planUpdateTax(
  order: TikTokOrder,
  state: SalesOrderState,
  changes: readonly SalesOrderLineChange[],
  context: UpdateTaxContext,
): UpdateTaxWrites | TaxBookingProblem | null {
  if (context.remitter !== 'seller') return null;
  const currency = order.payment.currency;
  const remaining = tiktokRemaining(order);
  // TikTok's prices include VAT when it charges no tax on top (UK, EU): as at import.
  const inclusive = context.engine === 'non-us-legacy' && remaining.taxMinor === 0;
  const byId = new Map(order.line_items.map((l) => [l.id, l]));
  const byIndex = new Map(changes.map((change) => [change.index, change]));
  const items: {
    line: SalesOrderLineState;
    quantity: number;
    units: TikTokLineItem[];
    amountMinor: number;
  }[] = [];
  const discounts: { line: SalesOrderLineState; amountMinor: number }[] = [];
  const fees: { line: SalesOrderLineState; amountMinor: number }[] = [];
  const closed: SalesOrderLineState[] = [];
  for (const line of state.lines) {
    const change = byIndex.get(line.index);
    if (line.isClosed || change?.kind === 'close') {
      closed.push(line);
      continue;
    }
    if (line.lineIds.length > 0) {
      const ids = change?.kind === 'reduce' ? change.lineIds : line.lineIds;
      const quantity = change?.kind === 'reduce' ? change.quantity : line.quantity;
      const units = ids.flatMap((id) => byId.get(id) ?? []);
      // VAT-inclusive: the remaining units at TikTok's prices; otherwise rate × quantity as planned.
      const amountMinor = inclusive
        ? sumMinor(units.map((unit) => unitRate(unit, context.priceMode, currency)))
        : change?.kind === 'reduce' && change.amount !== null
          ? (lineAmountMinor(change.amount, 1, currency) ?? 0)
          : enteredMinor(line, currency, false);
      items.push({ line, quantity, units, amountMinor });
      continue;
    }
    const amountMinor = enteredMinor(line, currency, inclusive);
    if (amountMinor < 0) discounts.push({ line, amountMinor });
    else fees.push({ line, amountMinor });
  }
  const shippingTax = order.payment.shipping_fee_tax;
  const booking = planTaxBooking({
    orderId: order.id,
    currency,
    shopName: context.shopName,
    engine: context.engine,
    remitter: context.remitter,
    lines: items.map((i) => ({ amountMinor: i.amountMinor, units: i.units })),
    discountsMinor: discounts.map((d) => d.amountMinor),
    feesMinor: fees.map((f) => f.amountMinor),
    subTotalMinor: remaining.merchandiseMinor,
    shippingMinor: toMinor(order.payment.shipping_fee, currency),
    shippingTaxMinor: shippingTax === undefined || shippingTax === '' ? 0 : toMinor(shippingTax, currency),
    taxMinor: remaining.taxMinor,
    taxItemId: context.taxItemId,
    taxCode: context.taxCode,
    unknownTaxCodeId: context.unknownTaxCodeId,
  });
  if (isProblem(booking)) {
    return {
      ...booking,
      message: `${booking.message} Until then the sales order's tax was not booked again for the cancelled units.`,
    };
  }
  const lineWrites: UpdateTaxWrites['lines'] = [
    ...items.map((i, n) => ({
      index: i.line.index,
      quantity: i.quantity,
      rateMinor: i.quantity === 0 ? 0 : Math.round(i.amountMinor / i.quantity),
      amountMinor: i.amountMinor,
      tax: booking.itemLines[n] ?? {},
    })),
    ...discounts.map((d, n) => ({
      index: d.line.index,
      quantity: null,
      rateMinor: d.amountMinor,
      amountMinor: d.amountMinor,
      tax: booking.discountLines[n] ?? {},
    })),
    ...fees.map((f, n) => ({
      index: f.line.index,
      quantity: null,
      rateMinor: f.amountMinor,
      amountMinor: f.amountMinor,
      tax: booking.feeLines[n] ?? {},
    })),
  ];
  // A closed line is no longer sold: NetSuite must not tax it.
  const closedTax = (): LineTax | null => {
    if (context.engine === 'us-legacy') return { taxable: false };
    if (context.engine === 'non-us-legacy') return { tax1Minor: 0 };
    return null;
  };
  const closedWrites = closed.flatMap((line) => {
    const tax = closedTax();
    return tax === null ? [] : [{ index: line.index, quantity: null, rateMinor: 0, amountMinor: 0, tax }];
  });
  // SuiteTax: the details rewritten in place, by the reference of the line they point to.
  const detailByReference = new Map<
    string,
    { basisMinor: number; ratePercent: number; amountMinor: number }
  >();
  for (const detail of booking.taxDetails) {
    const target = detail.target;
    const line =
      target.kind === 'item'
        ? items[target.index]?.line
        : target.kind === 'discount'
          ? discounts[target.index]?.line
          : target.kind === 'fee'
            ? fees[target.index]?.line
            : undefined;
    const reference = target.kind === 'shipping' ? SHIPPING_TAX_REFERENCE : line?.taxDetailsReference;
    if (reference === undefined || reference === null) continue;
    detailByReference.set(reference, {
      basisMinor: detail.basisMinor,
      ratePercent: detail.ratePercent,
      amountMinor: detail.amountMinor,
    });
  }
  const taxDetails: TaxDetailWrite[] =
    context.engine !== 'suitetax'
      ? []
      : (state.taxDetails ?? []).map((detail) => ({
          index: detail.index,
          ...(detailByReference.get(detail.reference) ?? {
            basisMinor: 0,
            ratePercent: context.taxCode?.rate ?? 0,
            amountMinor: 0,
          }),
        }));
  return {
    taxRate: booking.taxRate,
    // Only VAT lines carry their own tax; US legacy and SuiteTax lines keep theirs (rate, details).
    lines: [...(context.engine === 'non-us-legacy' ? lineWrites : []), ...closedWrites],
    taxDetails,
    expectedTaxMinor: booking.expected.taxMinor,
    openLinesMinor: sumMinor(lineWrites.map((w) => w.amountMinor)),
  };
}

/** The exception when NetSuite's recomputed tax is not TikTok's remaining tax. */
export function taxOffMessage(
  order: TikTokOrder,
  salesOrderName: string,
  netsuiteTaxMinor: number,
  expectedTaxMinor: number,
): string {
  const currency = order.payment.currency;
  const money = (minor: number): string => `${formatMinor(minor, currency)} ${currency}`;
  return `After the TikTok update of order ${order.id}, NetSuite computes ${money(netsuiteTaxMinor)} tax on ${salesOrderName}, but the tax the seller remits on what TikTok still charges is ${money(expectedTaxMinor)}, off by ${money(netsuiteTaxMinor - expectedTaxMinor)}. The cancelled units were taken off and ${salesOrderName} is marked Ties Out = F (custbody_tts_tieout). To do: compare the tax of ${salesOrderName} with the order in TikTok Seller Center; correct the tax (the tax rate, or the tax codes or tax details of its lines), tick Ties Out, then set this inbox record's State to imported.`;
}
