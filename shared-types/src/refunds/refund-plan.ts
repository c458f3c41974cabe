/**
 * The NetSuite document(s) of one completed TikTok refund, decided before any record is touched
 * (README "Refunds": design, journal entries, troubleshooting).
 *
 * By how the TikTok sales order stands (its billing state, read by the SuiteApp):
 * - **billed by invoice** → a credit memo: transformed from the return authorization when the refund is
 *   a return that has one (records.json lists returnauthorization → creditmemo), else created for the
 *   customer and applied to the invoice (creditmemo `apply` sublist). It is applied to the invoice up to
 *   what is still open on it; what the invoice no longer owes (it was paid) is paid out by a customer
 *   refund of the credit memo, so AR nets to zero either way;
 * - **billed by cash sale** → a cash refund: transformed from the return authorization when there is
 *   one, else from the cash sale (both transforms listed in records.json);
 * - **not billed, a cancellation** → nothing: the order updates close the cancelled lines already;
 * - **not billed** → design (a) of issue #18: the sales order is reduced by refund lines (a negative
 *   line of the shop's Seller Discount Item for products and fees, the shipping cost lowered, a negative
 *   Tax Item line for tax TikTok remits), so the invoice or cash sale the admin makes later bills only
 *   what TikTok kept. The import records no payment, so there is nothing to pay back in NetSuite.
 *
 * Amounts split as TikTok splits them (tiktok-refund.ts): each refunded unit's `refund_subtotal` on its
 * sales order line (the discounts the refund gives back added on the line and taken off on the
 * discount lines, seller- and platform-funded apart, as the order's Discount Lines setting booked them:
 * orders/order-lines.ts), shipping as the shipping cost, buyer-paid fees on the Buyer Fee Item, tax on
 * the Tax Item when TikTok remits it or computed by NetSuite on taxable lines when the seller does.
 * The tax of a credit memo or cash refund is booked as the order import books a sales order's
 * (orders/order-tax-booking.ts#planTaxBooking, on the document's lines): US legacy tax at the rate
 * that makes NetSuite's tax TikTok's `refund_tax`; VAT-inclusive prices (UK, EU) through `grossamt`,
 * so NetSuite takes the VAT out of exactly TikTok's refund; SuiteTax under Tax Details Override with
 * TikTok's tax per line. The planned document's total is `refund_total` to the cent; when TikTok's
 * parts do not add up to its own total the document carries the parts and the plan a `variance` (the
 * refund record shows it, as orders show a tie-out difference).
 *
 * TikTok's shipping-fee discounts (`shipping_fee_seller_discount`, `shipping_fee_platform_discount`)
 * are named in the memo only: the order import books shipping at what the buyer paid
 * (`payment.shipping_fee`, orders/order-plan.ts) with no shipping-discount line, so the refund books
 * the shipping the buyer gets back (`refund_shipping_fee`) the same way, and each account nets to zero
 * against the order.
 */
import { refundExternalId, refundPaymentExternalId } from '../ids/external-ids';
import { formatMinor, sumMinor } from '../money/money';
import type { PriceMode } from '../orders/order-lines';
import type {
  LineTax,
  TaxBookingInput,
  TaxCodeInfo,
  TaxDetailPlan,
  TaxDetailTarget,
  TaxEngine,
  TaxRemitter,
} from '../orders/order-tax-booking';
import { planTaxBooking } from '../orders/order-tax-booking';
import type { RefundFigures, TikTokRefund } from './tiktok-refund';
import { refundFigures } from './tiktok-refund';

export type BillingState =
  | { kind: 'invoice'; invoiceId: string; customerId: string; amountRemainingMinor: number }
  | { kind: 'cash_sale'; cashSaleId: string }
  | { kind: 'not_billed' };

/** A sales order line as the plan reads it. */
export interface RefundOrderLine {
  /** NetSuite line id (`line`). */
  line: string;
  itemId: string;
  /** `custcol_tts_line_ids`, parsed: one id per unit (a bundle's id repeats per component unit). */
  tiktokLineIds: readonly string[];
}

export interface RefundItems {
  shippingItemId: string | null;
  sellerDiscountItemId: string | null;
  platformDiscountItemId: string | null;
  taxItemId: string | null;
  buyerFeeItemId: string | null;
}

export interface RefundPlanContext {
  shopId: string;
  shopName: string;
  salesOrderId: string;
  billing: BillingState;
  /** The return authorization of this return (returns flow), when there is one. */
  rmaId: string | null;
  orderLines: readonly RefundOrderLine[];
  /** How the order's lines were priced (orders/order-lines.ts#priceModeOf). */
  priceMode: PriceMode;
  remitter: TaxRemitter;
  /** The account's tax engine (orders/order-tax-booking.ts#taxEngineOf). */
  engine: TaxEngine;
  /** The shop's Tax Code as the account has it, or null when none is set. */
  taxCode: TaxCodeInfo | null;
  /** The shop's Tax Code id when set but not found among the account's tax codes. */
  unknownTaxCodeId?: string | null;
  items: RefundItems;
}

export type RefundLineKind =
  'item' | 'seller_discount' | 'platform_discount' | 'fee' | 'tax' | 'refund_adjustment';

export interface RefundLinePlan {
  kind: RefundLineKind;
  itemId: string;
  /** Units (item lines); null: an amount-only line. */
  quantity: number | null;
  /** Amount in minor units; positive on a credit memo or cash refund (what goes back), negative on a sales order. */
  amountMinor: number;
  /** The sales order line it refunds (item lines). */
  orderLine: string | null;
  /** The refunded TikTok unit ids on this line (its `custcol_tts_line_ids`). */
  tiktokLineIds: string[];
  /** NetSuite computes tax on it (seller remits). */
  taxable: boolean;
  /** TikTok's refund_tax of the units on this line (item lines; 0 when TikTok gives none). */
  tiktokTaxMinor: number;
  description: string;
}

/**
 * How a credit memo's or cash refund's tax is written, as the order import writes a sales order's
 * (orders/order-tax-booking.ts): body fields each only where the account's tax engine has them.
 */
export interface RefundTaxPlan {
  /** Body `istaxable` (US legacy), or null to leave it. */
  taxable: boolean | null;
  /** Body `taxitem` (US legacy, seller remits), or null. */
  taxItemId: string | null;
  /** Body `taxrate` in percent (US legacy, seller remits), or null. */
  taxRate: number | null;
  /** Body `taxdetailsoverride` (SuiteTax). */
  taxDetailsOverride: boolean;
  /** Body `shippingtaxcode` (VAT, with shipping), or null. */
  shippingTaxCodeId: string | null;
  /** Per document line (same index as the plan's lines): its amount and tax as written. */
  lines: LineTax[];
  /** SuiteTax tax details under the override: each on a document line (its index) or on shipping (null). */
  details: { lineIndex: number | null; detail: TaxDetailPlan }[];
}

export type RefundDocumentPlan =
  | {
      kind: 'credit_memo';
      from: { type: 'returnauthorization'; id: string } | { type: 'create'; customerId: string };
      invoiceId: string;
      /** Applied to the invoice: at most what is still open on it. */
      applyMinor: number;
      /** Paid out by a customer refund of the credit memo (the invoice was paid); 0: none. */
      customerRefundMinor: number;
      customerRefundExternalId: string | null;
    }
  | { kind: 'cash_refund'; from: { type: 'returnauthorization' | 'cashsale'; id: string } }
  | { kind: 'sales_order_reduction'; salesOrderId: string }
  /**
   * A cancellation of an order not billed yet: the order updates already close the cancelled units'
   * lines and take their tax off the sales order (shared-types/src/updates/order-update-plan.ts), so
   * reducing it again would count the refund twice. Nothing is written; the refund record says so.
   */
  | { kind: 'closed_by_order_update'; salesOrderId: string }
  /**
   * TikTok completed a refund of nothing (refund_total 0: a shipping-only refund of an order that paid
   * no shipping): NetSuite saves no credit memo or cash refund without a line, and there is nothing to
   * book. The refund record says so and points at the sales order.
   */
  | { kind: 'nothing_refunded'; salesOrderId: string };

export interface RefundPlan {
  externalId: string;
  refundId: string;
  orderId: string;
  currency: string;
  document: RefundDocumentPlan;
  lines: RefundLinePlan[];
  /**
   * The credit memo's / cash refund's shipping cost (VAT-inclusive shipping: its net, NetSuite adds
   * the VAT), or what the sales order's is lowered by.
   */
  shippingMinor: number;
  shippingItemId: string | null;
  /** Tax NetSuite must compute on the taxable lines (seller remits); 0 when TikTok remits. */
  expectedTaxMinor: number;
  /** What the document totals: Σ lines + shipping + expected tax (positive). */
  totalMinor: number;
  /** refund_total − (subtotal + shipping + tax + fees); 0 when TikTok's parts add up. */
  varianceMinor: number;
  /** The document's tax booking (credit memo, cash refund); null when no document is made. */
  tax: RefundTaxPlan | null;
  figures: RefundFigures;
  memo: string;
}

export type RefundProblemCode =
  'unknown_line' | 'no_discount_item' | 'no_tax_item' | 'no_fee_item' | 'no_shipping_item' | 'tax_setting';

export interface RefundProblem {
  code: RefundProblemCode;
  message: string;
}

export type RefundPlanResult = { ok: true; plan: RefundPlan } | { ok: false; problems: RefundProblem[] };

const SHOP_FIX = 'Customization > Lists, Records, & Fields > Record Types > TikTok Shop, open the shop';

/** `total` split over `weights` by largest remainder (ties to the first); equal shares when every weight is 0. */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = sumMinor(weights);
  const w = sum === 0 ? weights.map(() => 1) : weights;
  const base = sum === 0 ? weights.length : sum;
  const exact = w.map((x) => (total * x) / base);
  const shares = exact.map((x) => Math.floor(x));
  let left = total - sumMinor(shares);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) shares[order[k]!.i]! += 1;
  return shares;
}

interface UnitSlot {
  orderLine: RefundOrderLine;
  unitId: string;
}

/** Each refunded unit's place(s) on the sales order lines (a bundle unit: one per component unit). */
function slotsOf(
  unitIds: readonly string[],
  lines: readonly RefundOrderLine[],
): { slots: UnitSlot[][]; unknown: string[] } {
  const slots: UnitSlot[][] = [];
  const unknown: string[] = [];
  for (const unitId of unitIds) {
    const here = lines.flatMap((orderLine) =>
      orderLine.tiktokLineIds.filter((id) => id === unitId).map(() => ({ orderLine, unitId })),
    );
    if (here.length === 0) unknown.push(unitId);
    slots.push(here);
  }
  return { slots, unknown };
}

/** Each unit's subtotal: TikTok's per-line figures when they add up to `refund_subtotal`, else the subtotal shared equally. */
function unitSubtotals(figures: RefundFigures, unitIds: readonly string[]): number[] {
  const given = unitIds.map((id) => figures.lineSubtotals.get(id) ?? null);
  if (given.every((x): x is number => x !== null) && sumMinor(given) === figures.subtotal) return given;
  return splitByWeights(
    figures.subtotal,
    unitIds.map(() => 1),
  );
}

/** Each unit's tax as TikTok gives it per line (0 where it gives none; the rest of `refund_tax` is shipping's). */
function unitTaxes(figures: RefundFigures, unitIds: readonly string[]): number[] {
  const given = unitIds.map((id) => figures.lineTaxes.get(id) ?? 0);
  return sumMinor(given) <= figures.tax ? given : unitIds.map(() => 0);
}

function itemLines(
  refund: TikTokRefund,
  figures: RefundFigures,
  context: RefundPlanContext,
  mode: PriceMode,
): RefundLinePlan[] {
  const unitIds = refund.lines.map((l) => l.order_line_item_id);
  if (unitIds.length === 0) return [];
  const { slots } = slotsOf(unitIds, context.orderLines);
  const subtotals = unitSubtotals(figures, unitIds);
  const taxes = unitTaxes(figures, unitIds);
  const platform =
    mode === 'zero' ? unitIds.map(() => 0) : splitByWeights(figures.productPlatformDiscount, subtotals);
  const seller =
    mode === 'original' ? splitByWeights(figures.productSellerDiscount, subtotals) : unitIds.map(() => 0);
  const byLine = new Map<string, RefundLinePlan>();
  unitIds.forEach((unitId, u) => {
    const places = slots[u] ?? [];
    const unitAmount = (subtotals[u] ?? 0) + (platform[u] ?? 0) + (seller[u] ?? 0);
    const even = places.map(() => 1);
    const shares = splitByWeights(unitAmount, even);
    const taxShares = splitByWeights(taxes[u] ?? 0, even);
    places.forEach((slot, p) => {
      const key = slot.orderLine.line;
      const current =
        byLine.get(key) ??
        ({
          kind: 'item',
          itemId: slot.orderLine.itemId,
          quantity: 0,
          amountMinor: 0,
          orderLine: key,
          tiktokLineIds: [],
          taxable: context.remitter === 'seller',
          tiktokTaxMinor: 0,
          description: '',
        } satisfies RefundLinePlan);
      current.quantity = (current.quantity ?? 0) + 1;
      current.amountMinor += shares[p] ?? 0;
      current.tiktokTaxMinor += taxShares[p] ?? 0;
      current.tiktokLineIds.push(unitId);
      byLine.set(key, current);
    });
  });
  return [...byLine.values()].map((l) => ({
    ...l,
    description: `TikTok refund ${refund.refund_id}: ${l.quantity} unit(s) of order ${refund.order_id}`,
  }));
}

function problem(code: RefundProblemCode, message: string): RefundProblem {
  return { code, message };
}

/** An amount-only line of one of the shop's items (discount, fee, tax, adjustment). */
interface AmountLineSpec {
  kind: Exclude<RefundLineKind, 'item'>;
  /** The shop's item for it, or null when the shop has none (a problem naming `label`). */
  itemId: string | null;
  code: RefundProblemCode;
  /** The shop setting's label, e.g. "Seller Discount Item". */
  label: string;
  /** What the refund has that needs the item, for the problem's message. */
  what: string;
  amountMinor: number;
  taxable: boolean;
  description: string;
  tiktokLineIds?: string[];
}

/** The problem of a refund part that goes on a shop item the shop lacks: the setting and the fix. */
function missingItem(
  code: RefundProblemCode,
  label: string,
  what: string,
  context: RefundPlanContext,
): RefundProblem {
  return problem(
    code,
    `The TikTok refund has ${what}, which goes on the shop's ${label}, but shop ${context.shopName} has none. Fix: ${SHOP_FIX}, set ${label}, save, then retry the refund.`,
  );
}

/**
 * The one shape every amount-only line has; when the shop lacks the item the line needs, the problem
 * naming the setting and the fix is added instead and null returned.
 */
function amountLine(
  spec: AmountLineSpec,
  context: RefundPlanContext,
  problems: RefundProblem[],
): RefundLinePlan | null {
  if (spec.itemId === null) {
    problems.push(missingItem(spec.code, spec.label, spec.what, context));
    return null;
  }
  return {
    kind: spec.kind,
    itemId: spec.itemId,
    quantity: null,
    amountMinor: spec.amountMinor,
    orderLine: null,
    tiktokLineIds: spec.tiktokLineIds ?? [],
    taxable: spec.taxable,
    tiktokTaxMinor: 0,
    description: spec.description,
  };
}

/** The credit memo / cash refund lines (positive), or the problems that stop them. */
function documentLines(
  refund: TikTokRefund,
  figures: RefundFigures,
  context: RefundPlanContext,
  problems: RefundProblem[],
): RefundLinePlan[] {
  const mode = context.priceMode;
  const c = figures.currency;
  const money = (minor: number): string => `${formatMinor(minor, c)} ${c}`;
  const id = refund.refund_id;
  const items = context.items;
  const seller = context.remitter === 'seller';
  const lines = itemLines(refund, figures, context, mode);
  const hasUnits = lines.length > 0;
  const sellerBack = mode === 'original' ? figures.productSellerDiscount : 0;
  const platformBack = mode === 'zero' ? 0 : figures.productPlatformDiscount;
  const specs: AmountLineSpec[] = [];
  if (hasUnits && sellerBack > 0) {
    specs.push({
      kind: 'seller_discount',
      itemId: items.sellerDiscountItemId,
      code: 'no_discount_item',
      label: 'Seller Discount Item',
      what: `a seller-funded discount of ${money(sellerBack)} given back`,
      amountMinor: -sellerBack,
      taxable: seller,
      description: `Seller-funded discount given back (TikTok refund ${id})`,
    });
  }
  if (hasUnits && platformBack > 0) {
    specs.push({
      kind: 'platform_discount',
      itemId: items.platformDiscountItemId,
      code: 'no_discount_item',
      label: 'Platform Discount Item',
      what: `a TikTok-funded discount of ${money(platformBack)} given back`,
      amountMinor: -platformBack,
      taxable: seller,
      description: `TikTok-funded discount given back (TikTok refund ${id})`,
    });
  }
  if (figures.fees > 0) {
    specs.push({
      kind: 'fee',
      itemId: items.buyerFeeItemId,
      code: 'no_fee_item',
      label: 'Buyer Fee Item',
      what: `buyer-paid fees of ${money(figures.fees)}`,
      amountMinor: figures.fees,
      taxable: false,
      description: `Buyer-paid fees refunded (TikTok refund ${id})`,
    });
  }
  if (!hasUnits && figures.subtotal > 0) {
    // Amount of products with no unit named (TikTok gave no line): one amount on the seller discount item.
    specs.push({
      kind: 'refund_adjustment',
      itemId: items.sellerDiscountItemId,
      code: 'no_discount_item',
      label: 'Seller Discount Item',
      what: `a product refund of ${money(figures.subtotal)} that names no unit`,
      amountMinor: figures.subtotal,
      taxable: seller,
      description: `Products refunded (TikTok refund ${id})`,
    });
  }
  if (!seller && figures.tax > 0) {
    specs.push({
      kind: 'tax',
      itemId: items.taxItemId,
      code: 'no_tax_item',
      label: 'Tax Item',
      what: `tax of ${money(figures.tax)} that TikTok collected and remits`,
      amountMinor: figures.tax,
      taxable: false,
      description: `Tax collected and remitted by TikTok Shop, refunded (TikTok refund ${id})`,
    });
  }
  for (const spec of specs) {
    const line = amountLine(spec, context, problems);
    if (line !== null) lines.push(line);
  }
  return lines;
}

/** Where each document line goes in the order import's tax booking input (orders/order-tax-booking.ts). */
function bookingSlots(lines: readonly RefundLinePlan[]): {
  items: number[];
  discounts: number[];
  fees: number[];
  tax: number | null;
} {
  const slots = {
    items: [] as number[],
    discounts: [] as number[],
    fees: [] as number[],
    tax: null as number | null,
  };
  lines.forEach((line, i) => {
    if (line.kind === 'item' || line.kind === 'refund_adjustment') slots.items.push(i);
    else if (line.kind === 'seller_discount' || line.kind === 'platform_discount') slots.discounts.push(i);
    else if (line.kind === 'fee') slots.fees.push(i);
    else slots.tax = i;
  });
  return slots;
}

/**
 * The document's tax booked as the order import books a sales order's (orders/order-tax-booking.ts):
 * the item lines (and a products or shipping line of the Seller Discount Item) as its item lines with
 * TikTok's tax of their units, the discounts given back as its discount lines, fees as fee lines,
 * TikTok's tax as its Tax Item line, the shipping refunded as its shipping. Each line gets the tax
 * fields the booking gives the matching sales order line; a problem of the shop's tax settings (no or
 * a wrong Tax Code) stops the refund with the fix.
 */
function documentTax(
  refund: TikTokRefund,
  figures: RefundFigures,
  context: RefundPlanContext,
  lines: readonly RefundLinePlan[],
  shippingMinor: number,
): { tax: RefundTaxPlan; shippingMinor: number } | RefundProblem {
  const slots = bookingSlots(lines);
  const c = figures.currency;
  const amount = (i: number): number => lines[i]?.amountMinor ?? 0;
  const input: TaxBookingInput = {
    orderId: refund.order_id,
    currency: c,
    shopName: context.shopName,
    engine: context.engine,
    remitter: context.remitter,
    lines: slots.items.map((i) => ({
      amountMinor: amount(i),
      units: [
        {
          item_tax: [
            { tax_type: 'refund', tax_amount: formatMinor(lines[i]?.tiktokTaxMinor ?? 0, c), tax_rate: '' },
          ],
        },
      ],
    })),
    discountsMinor: slots.discounts.map(amount),
    feesMinor: slots.fees.map(amount),
    subTotalMinor: sumMinor([...slots.items, ...slots.discounts].map(amount)),
    shippingMinor,
    shippingTaxMinor: 0,
    taxMinor: figures.tax,
    taxItemId: slots.tax === null ? null : (lines[slots.tax]?.itemId ?? null),
    taxCode: context.taxCode,
    unknownTaxCodeId: context.unknownTaxCodeId ?? null,
  };
  const booking = planTaxBooking(input);
  if ('code' in booking) {
    return problem(
      'tax_setting',
      `TikTok refund ${refund.refund_id}: ${booking.message.replace(/retry the order\.?$/, 'retry the refund.')}`,
    );
  }
  const lineTax: LineTax[] = lines.map(() => ({}));
  slots.items.forEach((i, k) => (lineTax[i] = booking.itemLines[k] ?? {}));
  slots.discounts.forEach((i, k) => (lineTax[i] = booking.discountLines[k] ?? {}));
  slots.fees.forEach((i, k) => (lineTax[i] = booking.feeLines[k] ?? {}));
  if (slots.tax !== null && booking.taxLine !== null) {
    // The booking's Tax Item line is the plan's tax line: only its tax fields are taken.
    const { itemId: _item, amountMinor: _amount, description: _description, ...tax } = booking.taxLine;
    lineTax[slots.tax] = tax;
  }
  const lineOf = (target: TaxDetailTarget): number | null => {
    switch (target.kind) {
      case 'item':
        return slots.items[target.index] ?? null;
      case 'discount':
        return slots.discounts[target.index] ?? null;
      case 'fee':
        return slots.fees[target.index] ?? null;
      case 'tax':
        return slots.tax;
      case 'shipping':
        return null;
    }
  };
  return {
    tax: {
      taxable: booking.taxable,
      taxItemId: booking.taxItemId,
      taxRate: booking.taxRate,
      taxDetailsOverride: booking.taxDetailsOverride,
      shippingTaxCodeId: booking.shippingTaxCodeId,
      lines: lineTax,
      details: booking.taxDetails.map((detail) => ({ lineIndex: lineOf(detail.target), detail })),
    },
    shippingMinor: booking.shippingCostMinor,
  };
}

function documentOf(
  refund: TikTokRefund,
  context: RefundPlanContext,
  totalMinor: number,
): RefundDocumentPlan {
  const fromRma = refund.source === 'return' && context.rmaId !== null;
  const billing = context.billing;
  if (billing.kind === 'invoice') {
    const applyMinor = Math.max(0, Math.min(billing.amountRemainingMinor, totalMinor));
    const customerRefundMinor = totalMinor - applyMinor;
    return {
      kind: 'credit_memo',
      from: fromRma
        ? { type: 'returnauthorization', id: context.rmaId! }
        : { type: 'create', customerId: billing.customerId },
      invoiceId: billing.invoiceId,
      applyMinor,
      customerRefundMinor,
      customerRefundExternalId:
        customerRefundMinor > 0 ? refundPaymentExternalId(context.shopId, refund.refund_id) : null,
    };
  }
  if (billing.kind === 'cash_sale') {
    return {
      kind: 'cash_refund',
      from: fromRma
        ? { type: 'returnauthorization', id: context.rmaId! }
        : { type: 'cashsale', id: billing.cashSaleId },
    };
  }
  if (refund.source === 'cancellation')
    return { kind: 'closed_by_order_update', salesOrderId: context.salesOrderId };
  return { kind: 'sales_order_reduction', salesOrderId: context.salesOrderId };
}

function memoOf(refund: TikTokRefund, figures: RefundFigures, varianceMinor: number): string {
  const c = figures.currency;
  const m = (x: number): string => `${formatMinor(x, c)}`;
  const parts = [
    `TikTok ${refund.source} ${refund.refund_id} of order ${refund.order_id}: refund_total ${m(figures.total)} ${c}`,
    `subtotal ${m(figures.subtotal)}, shipping ${m(figures.shipping)}, tax ${m(figures.tax)}, fees ${m(figures.fees)}`,
    `discounts given back: seller ${m(figures.productSellerDiscount)} + shipping ${m(figures.shippingSellerDiscount)}, TikTok ${m(figures.productPlatformDiscount)} + shipping ${m(figures.shippingPlatformDiscount)}`,
  ];
  if (varianceMinor !== 0)
    parts.push(`VARIANCE ${m(varianceMinor)} ${c}: TikTok's parts do not add up to refund_total`);
  return parts.join('; ');
}

/** Negates a document's lines for the sales order reduction (design (a)): the refund comes off the order. */
function asReduction(
  lines: RefundLinePlan[],
  refund: TikTokRefund,
  context: RefundPlanContext,
  problems: RefundProblem[],
  figures: RefundFigures,
): RefundLinePlan[] {
  // Item units stay on the order (they were sold and may be shipped or returned); what the buyer got
  // back comes off as one negative Seller Discount Item line per kind, so revenue nets at billing.
  const c = figures.currency;
  const productsMinor = sumMinor(
    lines.filter((l) => l.kind !== 'tax' && l.kind !== 'fee').map((l) => l.amountMinor),
  );
  const out: RefundLinePlan[] = [];
  const tiktokLineIds = refund.lines.map((l) => l.order_line_item_id);
  if (productsMinor !== 0) {
    const line = amountLine(
      {
        kind: 'refund_adjustment',
        itemId: context.items.sellerDiscountItemId,
        code: 'no_discount_item',
        label: 'Seller Discount Item',
        what: `a product refund of ${formatMinor(productsMinor, c)} ${c} on an order not yet billed`,
        amountMinor: -productsMinor,
        taxable: context.remitter === 'seller',
        description: `TikTok refund ${refund.refund_id}: products refunded before billing`,
        tiktokLineIds,
      },
      context,
      problems,
    );
    if (line !== null) out.push(line);
  }
  for (const l of lines.filter((x) => x.kind === 'fee' || x.kind === 'tax')) {
    out.push({
      ...l,
      tiktokLineIds,
      amountMinor: -l.amountMinor,
      description: `TikTok refund ${refund.refund_id}: ${l.kind === 'tax' ? 'tax' : 'buyer-paid fees'} refunded before billing`,
    });
  }
  return out;
}

/** The refund's plan, or every problem that stops it (each with the fix). */
export function planRefund(refund: TikTokRefund, context: RefundPlanContext): RefundPlanResult {
  const figures = refundFigures(refund);
  const c = figures.currency;
  const problems: RefundProblem[] = [];
  const { unknown } = slotsOf(
    refund.lines.map((l) => l.order_line_item_id),
    context.orderLines,
  );
  if (unknown.length > 0) {
    problems.push(
      problem(
        'unknown_line',
        `TikTok refund ${refund.refund_id} refunds order line item(s) ${unknown.join(', ')}, which no line of sales order ${context.salesOrderId} holds in TikTok Line Item IDs (custcol_tts_line_ids). Fix: check the sales order's lines against TikTok order ${refund.order_id} in Seller Center, then retry the refund.`,
      ),
    );
  }
  let lines = documentLines(refund, figures, context, problems);
  const document = documentOf(refund, context, 0);
  if (document.kind === 'sales_order_reduction')
    lines = asReduction(lines, refund, context, problems, figures);
  if (document.kind === 'closed_by_order_update') lines = [];
  let shippingMinor = figures.shipping;
  const isDocument = document.kind === 'credit_memo' || document.kind === 'cash_refund';
  if (isDocument && lines.length === 0 && shippingMinor > 0) {
    // NetSuite saves no credit memo or cash refund without an item line (USER_ERROR "You must enter
    // at least one line item"): a refund of shipping alone is one line of the Seller Discount Item.
    const line = amountLine(
      {
        kind: 'refund_adjustment',
        itemId: context.items.sellerDiscountItemId,
        code: 'no_discount_item',
        label: 'Seller Discount Item',
        what: `a refund of shipping alone (${formatMinor(shippingMinor, c)} ${c}), which a credit memo or cash refund books on a line`,
        amountMinor: shippingMinor,
        taxable: context.remitter === 'seller',
        description: `Shipping refunded (TikTok refund ${refund.refund_id})`,
      },
      context,
      problems,
    );
    if (line !== null) {
      lines.push(line);
      shippingMinor = 0;
    }
  }
  if (shippingMinor > 0 && context.billing.kind !== 'not_billed' && context.items.shippingItemId === null) {
    problems.push(
      missingItem(
        'no_shipping_item',
        'Shipping Item',
        `shipping of ${formatMinor(shippingMinor, c)} ${c}`,
        context,
      ),
    );
  }
  const nothing = isDocument && lines.length === 0 && shippingMinor === 0 && figures.total === 0;
  let tax: RefundTaxPlan | null = null;
  // What the document's lines, shipping and tax total: TikTok's shipping (the booking may enter its net).
  const documentShippingMinor = shippingMinor;
  if (isDocument && !nothing && problems.length === 0) {
    const booked = documentTax(refund, figures, context, lines, shippingMinor);
    if ('code' in booked) problems.push(booked);
    else {
      tax = booked.tax;
      shippingMinor = booked.shippingMinor;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const expectedTaxMinor = context.remitter === 'seller' ? figures.tax : 0;
  const sign = document.kind === 'sales_order_reduction' ? -1 : 1;
  const totalMinor =
    document.kind === 'closed_by_order_update'
      ? figures.total
      : sign * sumMinor(lines.map((l) => l.amountMinor)) + documentShippingMinor + expectedTaxMinor;
  const varianceMinor = figures.total - (figures.subtotal + figures.shipping + figures.tax + figures.fees);
  return {
    ok: true,
    plan: {
      externalId: refundExternalId(context.shopId, refund.refund_id),
      refundId: refund.refund_id,
      orderId: refund.order_id,
      currency: c,
      document: nothing
        ? { kind: 'nothing_refunded', salesOrderId: context.salesOrderId }
        : documentOf(refund, context, totalMinor),
      lines,
      shippingMinor,
      shippingItemId: context.items.shippingItemId,
      expectedTaxMinor,
      totalMinor,
      varianceMinor,
      tax,
      figures,
      memo: memoOf(refund, figures, varianceMinor),
    },
  };
}
