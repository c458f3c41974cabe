/**
 * The end state of the chaos run, read from NetSuite's records and TikTok's orders:
 * sales orders per TikTok order (by externalid and by PO #), orders without a visible outcome, and
 * every sales order's money against TikTok's `payment` block in integer cents.
 *
 * Money per tax set-up (issue #10). Tax on top of the prices (US; TikTok remits, legacy tax or
 * SuiteTax): merchandise = the item and discount lines, tax = NetSuite's tax + the TikTok tax line,
 * each equal to TikTok's. VAT-inclusive prices the seller's VAT code books (UK): NetSuite shows net
 * amounts and the VAT it takes out of TikTok's prices, so TikTok's side is worked out here from
 * TikTok's own prices by NetSuite's rules, independently of the SuiteApp: each line's net is its
 * VAT-inclusive price (the sale prices of the TikTok units the line carries, `custcol_tts_line_ids`;
 * a discount line the discount of the units) ÷ (1 + rate), rounded; shipping's net is the amount whose
 * VAT brings it to TikTok's fee (or, when none does, fee ÷ (1 + rate) rounded); the tax is the VAT
 * left in the prices plus TikTok's tax on top.
 */
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { ApiOrder } from '../../sandbox/tiktok/src';
import { toMinor } from '../../shared-types/src/money/money';
import { buyerFeesMinor } from '../../shared-types/src/orders/order-fees';
import { IMPORTABLE_KINDS, type OrderKind } from './chaos-plan';

export interface NetSuiteView {
  salesOrders: readonly StoredRecord[];
  inbox: readonly StoredRecord[];
  /** Internal ids of the items TikTok SKUs map to (discount and other lines carry no TikTok units). */
  skuItemIds: ReadonlySet<string>;
  /** The shop's Tax Item: its line carries TikTok's tax (no line is taxable in NetSuite). */
  taxItemId: string;
  /** The shop's Buyer Fee Item: one line per buyer-paid fee (order-fees.ts). */
  feeItemId: string;
  /** VAT-inclusive prices booked at the seller's VAT code: its rate (percent) and the discount items. */
  vatInclusive?: { ratePercent: number; sellerDiscountItemId: string; platformDiscountItemId: string } | null;
}

export interface OrderIssue {
  orderId: string;
  kind: OrderKind;
  problem: string;
}

export type MoneyFigure = 'merchandise' | 'shipping' | 'tax' | 'fees' | 'total' | 'units';

export interface FigureGap {
  orders: number;
  /** Σ (NetSuite − TikTok) in cents (units for `units`). */
  netDifference: number;
}

export interface TieOut {
  salesOrders: number;
  /** Importable orders with exactly one sales order. */
  importedOnce: number;
  /** Orders with more than one sales order, by any count below. */
  duplicates: OrderIssue[];
  /** Orders with more than one sales order by externalid `tts_<shopId>_<orderId>`. */
  duplicatesByExternalId: number;
  /** Orders with more than one sales order by PO # (`otherrefnum`): catches one made under another externalid. */
  duplicatesByPoNumber: number;
  missing: OrderIssue[];
  /** Sales orders for orders that must not have one. */
  unexpected: OrderIssue[];
  /** Orders with their one sales order whose inbox record is not `imported` (linked to it). */
  notMarkedImported: OrderIssue[];
  /** Not-importable orders: visible exceptions by inbox state. */
  exceptionsByState: Record<string, number>;
  invisible: OrderIssue[];
  /** Sales orders whose every figure equals TikTok's (an order TikTok cancelled: every line closed). */
  tiedOut: number;
  /** Of those: orders with buyer-paid fees, with a virtual bundle, and cancelled by TikTok after import (lines closed). */
  tiedOutWithFees: number;
  tiedOutWithBundles: number;
  tiedOutCancelled: number;
  /** Figures that differ, by figure. */
  gaps: Record<MoneyFigure, FigureGap>;
  /** Up to 5 examples of orders whose figures differ. */
  examples: string[];
}

const cents = (value: unknown): number => (typeof value === 'number' ? Math.round(value * 100) : 0);

function externalIdOf(shopId: string, orderId: string): string {
  return `tts_${shopId}_${orderId}`;
}

interface Figures {
  merchandise: number;
  shipping: number;
  tax: number;
  fees: number;
  total: number;
  /** Units still open: NetSuite's open item lines; TikTok's line items not cancelled, a bundle as its components. */
  units: number;
}

/** `amount × percent / 100`, in cents, half away from zero (NetSuite's tax rounding). */
function percentOf(amount: number, percent: number): number {
  const raw = (amount * percent) / 100;
  return Math.sign(raw) * Math.round(Math.abs(raw) + 1e-9);
}

/** The net of a VAT-inclusive amount, rounded half away from zero. */
function netOf(gross: number, percent: number): number {
  return Math.sign(gross) * Math.round((Math.abs(gross) * 100) / (100 + percent) + 1e-9);
}

/** NetSuite's net shipping for a VAT-inclusive fee: the net whose VAT brings it to the fee, else the fee's net. */
function shippingNetOf(fee: number, percent: number): number {
  const near = netOf(fee, percent);
  const exact = [near, near - 1, near + 1].find((n) => n + percentOf(n, percent) === fee);
  return exact ?? near;
}

/** TikTok's figures of a VAT-inclusive order as NetSuite's rules book them on the sales order's lines. */
function vatInclusiveTikTokFigures(
  order: ApiOrder,
  so: StoredRecord,
  ns: NetSuiteView,
  vat: NonNullable<NetSuiteView['vatInclusive']>,
): Figures {
  const currency = order.payment.currency;
  const money = (value: string | undefined): number => (value ? toMinor(value, currency) : 0);
  const active = order.line_items.filter((l) => l.display_status !== 'CANCELLED');
  const units = new Map(active.map((l) => [l.id, l]));
  let merchandiseNet = 0;
  let merchandiseGross = 0;
  for (const line of so.sublists.item ?? []) {
    const item = String(line.fields.item);
    let gross: number | null = null;
    if (ns.skuItemIds.has(item)) {
      const ids = String(line.fields.custcol_tts_line_ids ?? '').split(',');
      gross = ids.reduce((sum, id) => {
        const unit = units.get(id);
        return unit ? sum + money(unit.sale_price) + money(unit.platform_discount) : sum;
      }, 0);
    } else if (item === vat.platformDiscountItemId) {
      gross = -active.reduce((sum, l) => sum + money(l.platform_discount), 0);
    } else if (item === vat.sellerDiscountItemId) {
      gross = -active.reduce((sum, l) => sum + money(l.seller_discount), 0);
    }
    if (gross === null) continue;
    merchandiseGross += gross;
    merchandiseNet += netOf(gross, vat.ratePercent);
  }
  const fee = toMinor(order.payment.shipping_fee, currency);
  const shippingNet = fee === 0 ? 0 : shippingNetOf(fee, vat.ratePercent);
  const tax = toMinor(order.payment.tax, currency);
  return {
    merchandise: merchandiseNet,
    shipping: shippingNet,
    tax: tax + (merchandiseGross - merchandiseNet) + (fee - shippingNet),
    // The chaos plans of VAT-inclusive shops carry no buyer-paid fees nor bundles (chaos-plan.ts).
    fees: buyerFeesMinor(order.payment),
    total: toMinor(order.payment.total_amount, currency),
    units: active.length,
  };
}

function netSuiteFigures(so: StoredRecord, ns: NetSuiteView): Figures {
  const all = so.sublists.item ?? [];
  const lines = all.filter(
    (line) => ns.skuItemIds.has(String(line.fields.item)) && line.fields.isclosed !== true,
  );
  const sumOf = (itemId: string): number =>
    all
      .filter((line) => String(line.fields.item) === itemId)
      .reduce((sum, line) => sum + cents(line.fields.amount), 0);
  const taxLine = sumOf(ns.taxItemId);
  const feeLines = sumOf(ns.feeItemId);
  return {
    merchandise: cents(so.fields.subtotal) + cents(so.fields.discounttotal) - taxLine - feeLines,
    shipping: cents(so.fields.shippingcost),
    tax: cents(so.fields.taxtotal) + taxLine,
    fees: feeLines,
    total: cents(so.fields.total),
    units: lines.reduce((n, line) => n + Number(line.fields.quantity ?? 0), 0),
  };
}

function tikTokFigures(order: ApiOrder): Figures {
  const currency = order.payment.currency;
  return {
    merchandise: toMinor(order.payment.sub_total, currency),
    shipping: toMinor(order.payment.shipping_fee, currency),
    tax: toMinor(order.payment.tax, currency),
    fees: buyerFeesMinor(order.payment),
    total: toMinor(order.payment.total_amount, currency),
    units: order.line_items
      .filter((l) => l.display_status !== 'CANCELLED')
      .reduce(
        (n, l) =>
          n +
          (l.combined_listing_skus?.length
            ? l.combined_listing_skus.reduce((m, c) => m + c.sku_count, 0)
            : 1),
        0,
      ),
  };
}

const FIGURES: readonly MoneyFigure[] = ['merchandise', 'shipping', 'tax', 'fees', 'total', 'units'];
/** An order TikTok cancelled after the import: refunded whole, so only its open units are compared (none). */
const CANCELLED_FIGURES: readonly MoneyFigure[] = ['units'];

export function tieOut(
  shopId: string,
  created: ReadonlyMap<string, { kind: OrderKind }>,
  tiktok: ReadonlyMap<string, ApiOrder>,
  ns: NetSuiteView,
): TieOut {
  const byExternalId = new Map<string, StoredRecord[]>();
  const byPoNumber = new Map<string, number>();
  for (const so of ns.salesOrders) {
    if (so.externalId) byExternalId.set(so.externalId, [...(byExternalId.get(so.externalId) ?? []), so]);
    const po = String(so.fields.otherrefnum ?? '');
    byPoNumber.set(po, (byPoNumber.get(po) ?? 0) + 1);
  }
  const inboxByOrder = new Map<string, StoredRecord>();
  for (const rec of ns.inbox) inboxByOrder.set(String(rec.fields.custrecord_tts_ord_order_id), rec);

  const out: TieOut = {
    salesOrders: ns.salesOrders.length,
    importedOnce: 0,
    duplicates: [],
    duplicatesByExternalId: 0,
    duplicatesByPoNumber: 0,
    missing: [],
    unexpected: [],
    notMarkedImported: [],
    exceptionsByState: {},
    invisible: [],
    tiedOut: 0,
    tiedOutWithFees: 0,
    tiedOutWithBundles: 0,
    tiedOutCancelled: 0,
    gaps: {
      merchandise: { orders: 0, netDifference: 0 },
      shipping: { orders: 0, netDifference: 0 },
      tax: { orders: 0, netDifference: 0 },
      fees: { orders: 0, netDifference: 0 },
      total: { orders: 0, netDifference: 0 },
      units: { orders: 0, netDifference: 0 },
    },
    examples: [],
  };

  for (const [orderId, { kind }] of created) {
    const matches = byExternalId.get(externalIdOf(shopId, orderId)) ?? [];
    const poCount = byPoNumber.get(orderId) ?? 0;
    if (matches.length > 1) out.duplicatesByExternalId += 1;
    if (poCount > 1) out.duplicatesByPoNumber += 1;
    if (!IMPORTABLE_KINDS.includes(kind)) {
      if (matches.length > 0 || poCount > 0)
        out.unexpected.push({ orderId, kind, problem: `${poCount} sales order(s)` });
      const inbox = inboxByOrder.get(orderId);
      const state = String(inbox?.fields.custrecord_tts_ord_state ?? '');
      const message = String(inbox?.fields.custrecord_tts_ord_error ?? '').trim();
      if (!inbox || state === 'pending' || state === 'imported' || state === '' || message === '') {
        out.invisible.push({
          orderId,
          kind,
          problem: inbox ? `inbox state "${state}", message "${message.slice(0, 80)}"` : 'no inbox record',
        });
      } else {
        out.exceptionsByState[state] = (out.exceptionsByState[state] ?? 0) + 1;
      }
      continue;
    }
    if (matches.length === 0) {
      const inbox = inboxByOrder.get(orderId);
      out.missing.push({
        orderId,
        kind,
        problem: inbox
          ? `inbox state ${String(inbox.fields.custrecord_tts_ord_state)}: ${String(inbox.fields.custrecord_tts_ord_error ?? '').slice(0, 160)}`
          : 'not in NetSuite',
      });
      continue;
    }
    if (matches.length > 1 || poCount > 1) {
      out.duplicates.push({ orderId, kind, problem: `${Math.max(matches.length, poCount)} sales orders` });
      continue;
    }
    out.importedOnce += 1;
    const inbox = inboxByOrder.get(orderId);
    const so = matches[0] as StoredRecord;
    // An order TikTok cancelled while its sales order was being saved ends `cancelled`, linked to it.
    const state = inbox?.fields.custrecord_tts_ord_state;
    const cancelledInTikTok = tiktok.get(orderId)?.status === 'CANCELLED';
    if (
      (state !== 'imported' && !(state === 'cancelled' && cancelledInTikTok)) ||
      String(inbox?.fields.custrecord_tts_ord_sales_order ?? '') !== String(so.id)
    ) {
      out.notMarkedImported.push({
        orderId,
        kind,
        problem: inbox
          ? `inbox state ${String(inbox.fields.custrecord_tts_ord_state)}, sales order ${String(inbox.fields.custrecord_tts_ord_sales_order ?? '')} (has ${so.id}): ${String(inbox.fields.custrecord_tts_ord_error ?? '').slice(0, 120)}`
          : 'no inbox record',
      });
    }
    const order = tiktok.get(orderId);
    if (!order) continue;
    const mine = netSuiteFigures(so, ns);
    const theirs = ns.vatInclusive
      ? vatInclusiveTikTokFigures(order, so, ns, ns.vatInclusive)
      : tikTokFigures(order);
    const cancelled = order.status === 'CANCELLED';
    const differing = (cancelled ? CANCELLED_FIGURES : FIGURES).filter((f) => mine[f] !== theirs[f]);
    if (differing.length === 0) {
      out.tiedOut += 1;
      if (theirs.fees > 0) out.tiedOutWithFees += 1;
      if (order.line_items.some((l) => (l.combined_listing_skus?.length ?? 0) > 0))
        out.tiedOutWithBundles += 1;
      if (cancelled) out.tiedOutCancelled += 1;
    } else {
      for (const f of differing) {
        out.gaps[f].orders += 1;
        out.gaps[f].netDifference += mine[f] - theirs[f];
      }
      if (out.examples.length < 5) {
        out.examples.push(
          `${orderId}: ${differing.map((f) => `${f} NetSuite ${mine[f]} vs TikTok ${theirs[f]}`).join(', ')}`,
        );
      }
    }
  }
  return out;
}
