/**
 * The tie-out after an import: the figures NetSuite computed for the saved sales order (its total,
 * shipping and tax total, read back as transaction search columns `total`, `shippingamount` and
 * `taxtotal` with one `search.lookupFields`) against TikTok's `payment` block.
 *
 * NetSuite's tax is the order's TikTok tax line (when TikTok remits) plus the tax NetSuite computed
 * (taxtotal: 0 when TikTok remits; the booked tax when the seller does). The buyer-paid fees are the
 * order's fee lines (order-fees.ts). NetSuite's subtotal is not a search column of a sales order, so
 * the merchandise figure (item and discount lines) is what the read-back figures leave:
 * total − shipping − tax − fees. Merchandise and shipping must equal what the tax case books to the
 * cent (TikTok's figures, or their net amounts where NetSuite takes VAT out of VAT-inclusive prices:
 * order-tax-booking.ts `expected`); tax beyond the booked tax is recorded as the tax variance
 * (`custbody_tts_tax_variance`), never silently, and the total must be TikTok's total plus that
 * variance. Any other difference, even one cent, is an exception on the order.
 */
import { addMinor, formatMinor, parseMoney, subtractMinor, sumMinor } from '../money/money';
import { TEXTAREA_SAFE_LENGTH } from '../netsuite/netsuite-ids';
import type { SalesOrderPlan } from './order-plan';
import type { TaxBooking } from './order-tax-booking';

export interface NetSuiteTotals {
  /** `total`. */
  totalMinor: number;
  /** `shippingamount` (the order's shipping cost). */
  shippingMinor: number;
  /** `taxtotal`: tax NetSuite computed itself. */
  taxTotalMinor: number;
}

export interface TieOutFigure {
  label: 'merchandise' | 'shipping' | 'tax' | 'fees' | 'total';
  netsuiteMinor: number;
  tiktokMinor: number;
  /** False when the figures disagree beyond what the tax variance explains. */
  ties: boolean;
}

export interface TieOutResult {
  ties: boolean;
  /** NetSuite's tax (tax line + taxtotal) − TikTok's tax, in minor units. */
  taxVarianceMinor: number;
  figures: TieOutFigure[];
}

export type TieOutPlan = Pick<SalesOrderPlan, 'totals' | 'currency' | 'taxLine' | 'feeLines'> & {
  /** The tax case's split of the total (order-tax-booking.ts); absent: TikTok's own figures. */
  booking?: Pick<TaxBooking, 'expected'>;
};

/**
 * The figures NetSuite should show: TikTok's, or — where the tax case books VAT-inclusive prices —
 * their net amounts and the VAT NetSuite takes out of them (order-tax-booking.ts).
 */
function expectedFigures(plan: TieOutPlan): { merchandise: number; shipping: number; tax: number } {
  const expected = plan.booking?.expected;
  return expected === undefined
    ? {
        merchandise: plan.totals.subTotalMinor,
        shipping: plan.totals.shippingMinor,
        tax: plan.totals.taxMinor,
      }
    : { merchandise: expected.merchandiseMinor, shipping: expected.shippingMinor, tax: expected.taxMinor };
}

export function tieOut(plan: TieOutPlan, netsuite: NetSuiteTotals): TieOutResult {
  const t = plan.totals;
  const expected = expectedFigures(plan);
  const taxMinor = addMinor(netsuite.taxTotalMinor, plan.taxLine?.amountMinor ?? 0);
  const feesMinor = sumMinor(plan.feeLines.map((fee) => fee.amountMinor));
  const merchandiseMinor = subtractMinor(
    subtractMinor(subtractMinor(netsuite.totalMinor, netsuite.shippingMinor), taxMinor),
    feesMinor,
  );
  const taxVarianceMinor = subtractMinor(taxMinor, expected.tax);
  const totalWithoutVariance = subtractMinor(netsuite.totalMinor, taxVarianceMinor);
  const figures: TieOutFigure[] = [
    {
      label: 'merchandise',
      netsuiteMinor: merchandiseMinor,
      tiktokMinor: expected.merchandise,
      ties: merchandiseMinor === expected.merchandise,
    },
    {
      label: 'shipping',
      netsuiteMinor: netsuite.shippingMinor,
      tiktokMinor: expected.shipping,
      ties: netsuite.shippingMinor === expected.shipping,
    },
    { label: 'tax', netsuiteMinor: taxMinor, tiktokMinor: expected.tax, ties: true },
    // Only for an order with buyer-paid fees.
    ...(feesMinor === 0 && t.feesMinor === 0
      ? []
      : [
          {
            label: 'fees' as const,
            netsuiteMinor: feesMinor,
            tiktokMinor: t.feesMinor,
            ties: feesMinor === t.feesMinor,
          },
        ]),
    {
      label: 'total',
      netsuiteMinor: netsuite.totalMinor,
      tiktokMinor: t.totalMinor,
      ties: totalWithoutVariance === t.totalMinor,
    },
  ];
  return { ties: figures.every((f) => f.ties), taxVarianceMinor, figures };
}

/** "merchandise NetSuite 25.00 vs TikTok 25.00; ..." with the tax variance and what does not tie. */
export function describeFigures(result: TieOutResult, currency: string): string {
  const money = (minor: number): string => formatMinor(minor, currency);
  return result.figures
    .map((f) => {
      const base = `${f.label} NetSuite ${money(f.netsuiteMinor)} vs TikTok ${money(f.tiktokMinor)}`;
      if (f.label === 'tax') {
        return result.taxVarianceMinor === 0
          ? base
          : `${base} (tax variance ${money(result.taxVarianceMinor)} recorded: NetSuite's own tax on top of TikTok's)`;
      }
      if (f.ties) {
        return base;
      }
      const expected = f.label === 'total' ? addMinor(f.tiktokMinor, result.taxVarianceMinor) : f.tiktokMinor;
      return `${base} — DOES NOT TIE (expected ${money(expected)}, off by ${money(subtractMinor(f.netsuiteMinor, expected))})`;
    })
    .join('; ');
}

/** The inbox error text of an order that was imported but does not tie out. */
export function tieOutMessage(
  result: TieOutResult,
  plan: TieOutPlan & Pick<SalesOrderPlan, 'tiktokOrderId'>,
  salesOrderId: string,
): string {
  const text = `Sales order ${salesOrderId} for TikTok order ${plan.tiktokOrderId} does not tie out with TikTok (${plan.currency}): ${describeFigures(result, plan.currency)}. The sales order is marked Ties Out = F (custbody_tts_tieout). Fix: compare it with the order in TikTok Seller Center (Orders > ${plan.tiktokOrderId}); correct the sales order lines or shipping so the figures agree, tick Ties Out, then set this inbox record's State to imported.`;
  return text.length > TEXTAREA_SAFE_LENGTH ? `${text.slice(0, TEXTAREA_SAFE_LENGTH - 3)}...` : text;
}

/**
 * A currency field as `search.lookupFields` returns it (`"30.99"`, `"-2"`, `""`) in minor units;
 * empty is 0. Throws on anything else, so a misread never passes for a tie.
 */
export function lookupAmountToMinor(value: unknown, currency: string): number {
  if (value === null || value === undefined || value === '') {
    return 0;
  }
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const parsed = parseMoney(text.startsWith('.') ? `0${text}` : text.replace(/^-\./, '-0.'), currency);
  if (!parsed.ok) {
    throw new Error(`NetSuite returned ${JSON.stringify(value)} for an amount: ${parsed.problem}`);
  }
  return parsed.minor;
}
