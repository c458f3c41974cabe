/**
 * `refunds.upsert` (shared-types/src/refunds/refunds-upsert.ts): each completed TikTok refund becomes
 * the one NetSuite document its order's billing state calls for (shared-types/src/refunds/refund-plan.ts):
 * a credit memo (from the RMA, else the invoice), a cash refund (from the RMA, else the cash sale), or —
 * not billed yet — refund lines on the sales order (design (a), README "Refunds").
 *
 * Per refund: done at TikTok? → stored with its document already? → the TikTok sales order by its
 * externalid → the document by its externalid (an earlier call may have saved it and stopped) → the
 * bills of the order and, for a return, its RMA → plan → make it → read its total back and tie it out
 * to TikTok's refund_total → the refund record, with its state, document and what needs attention.
 * The document's externalid `tts_rf_<shopId>_<refundId>` makes NetSuite refuse a second one; a sales
 * order already naming the refund on a line is not reduced again.
 *
 * Governance (RESTlet budget 5,000): shop 10 + settings 10 + stored refunds 10 once, the shop's Tax
 * Code 5 once (before the first refund that makes a document), then per refund at
 * most 210 (sales order, document, RMA and bills lookups 40, invoice and sales order loads 20, transform
 * 10 + save 20 + total 1, on DUP_RCRD a lookup 10 + total 1, refund record 6 and on DUP_RCRD 16; a paid
 * invoice's customer refund: credit memo load 10, find 10, payment method lookups 2, create 10 +
 * save 20, on DUP_RCRD a lookup 10; with room); a call of 20 refunds stays under 4,300. Before each
 * refund the remaining usage must cover its worst case; when it does not, the call fails with TTS_USAGE_LIMIT naming the first refund not handled.
 */
import type { SuiteScriptError } from 'N/error';
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import {
  refundExternalId,
  refundPaymentExternalId,
  returnExternalId,
  salesOrderExternalId,
} from '../../../../shared-types/src/ids/external-ids';
import { currencyExponent, formatMinor } from '../../../../shared-types/src/money/money';
import { priceModeOf } from '../../../../shared-types/src/orders/order-lines';
import type { TaxCodeInfo, TaxEngine } from '../../../../shared-types/src/orders/order-tax-booking';
import { parseRemitter, taxEngineOf } from '../../../../shared-types/src/orders/order-tax-booking';
import type { BillingState, RefundPlan } from '../../../../shared-types/src/refunds/refund-plan';
import { planRefund } from '../../../../shared-types/src/refunds/refund-plan';
import type {
  RefundDocumentType,
  RefundsUpsertRequest,
  RefundsUpsertResponse,
  RefundUpsertResult,
  StoredRefund,
} from '../../../../shared-types/src/refunds/refunds-upsert';
import { pushRefundsOffNote, refundNeedsWork } from '../../../../shared-types/src/refunds/refunds-upsert';
import type { TikTokRefund } from '../../../../shared-types/src/refunds/tiktok-refund';
import { isRefundDone } from '../../../../shared-types/src/refunds/tiktok-refund';
import type { ShopSettings } from '../../../../shared-types/src/settings/shop-settings';
import { orderOptionsOf } from '../../../../shared-types/src/settings/shop-settings';
import { findRefundsByExternalId, findRefundShop, writeRefundRecord } from '../dao/refund-dao';
import {
  createRefundDocument,
  findBills,
  findRefundDocument,
  payOutCredit,
  readInvoiceBalance,
  reduceSalesOrder,
} from '../dao/refund-document-dao';
import { findRmaByExternalId, readReturnableOrder } from '../dao/return-authorization-dao';
import { findSalesOrderByExternalId } from '../dao/sales-order-dao';
import { loadShopSettings } from '../dao/shop-dao';
import { loadTaxCodes } from '../dao/tax-code-dao';
import type { RefundState } from '../mappers/refund-mapper';
import { refundOutcomeWrites, refundPayloadWrites } from '../mappers/refund-mapper';
import { accountFeatures, companyCountry, suiteTaxInEffect } from '../platform/account';
import { connectorError, errorMessage, errorName } from '../platform/errors';
import { remainingUsage } from '../platform/governance';

/** The worst case of one refund (module note). */
export const UNITS_PER_REFUND_WORST = 210;

interface Work {
  state: RefundState;
  outcome: RefundUpsertResult['outcome'];
  documentId: string | null;
  documentType: RefundDocumentType | null;
  tiesOut: boolean | null;
  message: string | null;
}

const NO_DOCUMENT = { documentId: null, documentType: null, tiesOut: null } as const;

function shopNotFound(shopId: string): SuiteScriptError {
  return connectorError(
    RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
    `shopId: no TikTok Shop record for shop ${shopId} (externalid tts_shop_${shopId}). Fix: send {"action": "shop.upsert", "shop": {...}} for this shop first, then resend the refunds.`,
  );
}

function usageLow(done: number, total: number, refund: TikTokRefund): SuiteScriptError {
  return connectorError(
    RESTLET_ERROR_CODES.USAGE_LIMIT,
    `The RESTlet usage budget ran low after ${done} of ${total} refunds; refund ${refund.refund_id} and those after it were not handled. Fix: send those refunds again in a smaller batch.`,
  );
}

/** The order's billing state: its first invoice (with what it owes) or cash sale, else not billed. */
function billingOf(salesOrderId: string, currency: string): BillingState {
  const [first] = findBills(salesOrderId);
  if (first === undefined) return { kind: 'not_billed' };
  if (first.kind === 'cash_sale') return { kind: 'cash_sale', cashSaleId: first.id };
  const balance = readInvoiceBalance(first.id, currency);
  return { kind: 'invoice', invoiceId: first.id, ...balance };
}

/** The tie-out of a document's total against TikTok's refund_total, and the message when it is off. */
function tieOut(plan: RefundPlan, totalMinor: number): { tiesOut: boolean; message: string | null } {
  const c = plan.currency;
  const target = plan.figures.total;
  if (totalMinor === target && plan.varianceMinor === 0) return { tiesOut: true, message: null };
  return {
    tiesOut: false,
    message: `The refund document totals ${formatMinor(totalMinor, c)} ${c}; TikTok refunded ${formatMinor(target, c)} ${c} (variance ${formatMinor(target - totalMinor, c)} ${c}${plan.varianceMinor === 0 ? '' : `; TikTok's parts add up to ${formatMinor(target - plan.varianceMinor, c)}`}). Fix: compare the document with the refund in Seller Center (tax set-up, discount items), correct the document by hand; the refund is not booked again.`,
  };
}

function made(plan: RefundPlan, salesOrderId: string, shopId: string): Work {
  if (plan.document.kind === 'closed_by_order_update') {
    return {
      state: 'created',
      outcome: 'created',
      documentId: salesOrderId,
      documentType: 'salesorder',
      tiesOut: plan.varianceMinor === 0,
      // Nothing needs the admin: the order updates booked the cancellation (README "Refunds").
      message: null,
    };
  }
  if (plan.document.kind === 'nothing_refunded') {
    return {
      state: 'created',
      outcome: 'created',
      documentId: salesOrderId,
      documentType: 'salesorder',
      tiesOut: plan.varianceMinor === 0,
      message: `TikTok refunded ${formatMinor(0, plan.currency)} ${plan.currency}: no credit memo or cash refund to make (NetSuite saves none without a line).`,
    };
  }
  if (plan.document.kind === 'sales_order_reduction') {
    const reduced = reduceSalesOrder(plan);
    const check = tieOut(plan, plan.totalMinor);
    return {
      state: 'created',
      outcome: reduced.kind === 'created' ? 'created' : 'unchanged',
      documentId: salesOrderId,
      documentType: 'salesorder',
      tiesOut: check.tiesOut,
      message: check.message,
    };
  }
  const exponent = currencyExponent(plan.currency);
  const created = createRefundDocument(plan, exponent);
  if (created.kind === 'refused') {
    return {
      state: 'error',
      outcome: 'error',
      ...NO_DOCUMENT,
      message: `NetSuite refused to make the refund document of TikTok refund ${plan.refundId}: ${created.name}: ${created.message}. Fix: a return authorization pending approval or closed cannot be credited; approve or reopen it, then the bridge's next send retries.`,
    };
  }
  const check = tieOut(plan, created.totalMinor);
  if (created.type !== 'creditmemo') {
    return {
      state: 'created',
      outcome: created.kind === 'created' ? 'created' : 'unchanged',
      documentId: created.id,
      documentType: created.type,
      tiesOut: check.tiesOut,
      message: check.message,
    };
  }
  return withPayOut(
    {
      state: 'created',
      outcome: created.kind === 'created' ? 'created' : 'unchanged',
      documentId: created.id,
      documentType: created.type,
      tiesOut: check.tiesOut,
      message: check.message,
    },
    shopId,
    plan.refundId,
    salesOrderId,
    plan.currency,
  );
}

/**
 * A credit memo whose invoice was paid keeps credit the invoice no longer owes: a customer refund pays
 * it out (dao/refund-document-dao.ts#payOutCredit), once. When NetSuite refuses it (no account on the
 * payment method) the refund record is in `error` with the fix and the credit memo stays; the next send
 * finds the credit memo by its externalid and makes only the customer refund.
 */
function withPayOut(
  done: Work,
  shopId: string,
  refundId: string,
  salesOrderId: string,
  currency: string,
): Work {
  if (done.documentId === null) return done;
  const paid = payOutCredit(
    done.documentId,
    salesOrderId,
    refundPaymentExternalId(shopId, refundId),
    `TikTok refund ${refundId}: the credit of credit memo ${done.documentId} paid back (the invoice was paid)`,
    currencyExponent(currency),
  );
  if (paid.kind === 'refused') {
    return {
      ...done,
      state: 'error',
      outcome: 'error',
      message: [
        done.message,
        `${paid.message} The credit memo is made; the next send makes only the customer refund.`,
      ]
        .filter((m): m is string => m !== null)
        .join(' '),
    };
  }
  if (paid.kind === 'created') {
    const note = `The invoice was paid, so customer refund ${paid.id} pays out ${formatMinor(paid.amountMinor, currency)} ${currency} of the credit memo.`;
    return {
      ...done,
      outcome: 'created',
      message: [done.message, note].filter((m): m is string => m !== null).join(' '),
    };
  }
  return done;
}

/** The account's tax engine and the shop's Tax Code as the import reads them (once per call). */
interface RefundTaxContext {
  engine: TaxEngine;
  taxCode: TaxCodeInfo | null;
  unknownTaxCodeId: string | null;
}

/** The tax engine (no units) and the shop's Tax Code (a load, 5 units, when the shop sets one). */
function readTaxContext(shop: ShopSettings): RefundTaxContext {
  const suiteTax = suiteTaxInEffect();
  const codeId = shop.taxCodeId ?? null;
  const taxCode = codeId === null ? null : (loadTaxCodes([codeId], suiteTax)[codeId] ?? null);
  return {
    engine: taxEngineOf(suiteTax, companyCountry()),
    taxCode,
    unknownTaxCodeId: codeId !== null && taxCode === null ? codeId : null,
  };
}

function work(refund: TikTokRefund, shop: ShopSettings, shopId: string, tax: RefundTaxContext): Work {
  const salesOrderId = findSalesOrderByExternalId(salesOrderExternalId(shopId, refund.order_id));
  if (salesOrderId === null) {
    return {
      state: 'waiting',
      outcome: 'waiting',
      ...NO_DOCUMENT,
      message: `TikTok order ${refund.order_id} is not a sales order in NetSuite yet (see it in the order inbox): the refund waits and the bridge sends it again; if the order is in error, fix its import first.`,
    };
  }
  const externalId = refundExternalId(shopId, refund.refund_id);
  const existing = findRefundDocument(externalId);
  if (existing !== null) {
    const found: Work = {
      state: 'created',
      outcome: 'unchanged',
      documentId: existing.id,
      documentType: existing.type,
      tiesOut: null,
      message: null,
    };
    return existing.type === 'creditmemo'
      ? withPayOut(found, shopId, refund.refund_id, salesOrderId, refund.refund_amount.currency)
      : found;
  }
  const currency = refund.refund_amount.currency;
  const remitter = parseRemitter(shop.taxRemitter, shop);
  if ('code' in remitter)
    return { state: 'error', outcome: 'error', ...NO_DOCUMENT, message: remitter.message };
  const rmaId =
    refund.source === 'return' ? findRmaByExternalId(returnExternalId(shopId, refund.refund_id)) : null;
  const order = readReturnableOrder(salesOrderId);
  const options = orderOptionsOf(shop);
  const planned = planRefund(refund, {
    shopId,
    shopName: shop.name,
    salesOrderId,
    billing: billingOf(salesOrderId, currency),
    rmaId,
    orderLines: order.lines.map((l) => ({ line: l.line, itemId: l.itemId, tiktokLineIds: l.tiktokLineIds })),
    priceMode: priceModeOf(options, false),
    remitter: remitter.remitter,
    ...tax,
    items: {
      shippingItemId: shop.shippingItemId,
      sellerDiscountItemId: options.sellerDiscountItemId,
      platformDiscountItemId: options.platformDiscountItemId,
      taxItemId: shop.taxItemId,
      buyerFeeItemId: options.buyerFeeItemId,
    },
  });
  if (!planned.ok) {
    return {
      state: 'error',
      outcome: 'error',
      ...NO_DOCUMENT,
      message: planned.problems.map((p) => p.message).join(' '),
    };
  }
  return made(planned.plan, salesOrderId, shopId);
}

/** Any NetSuite error of one refund is stored on its record, so the others still go through. */
function safeWork(refund: TikTokRefund, shop: ShopSettings, shopId: string, tax: RefundTaxContext): Work {
  try {
    return work(refund, shop, shopId, tax);
  } catch (e) {
    if (errorName(e) === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
    return {
      state: 'error',
      outcome: 'error',
      ...NO_DOCUMENT,
      message: `NetSuite refused the refund document of TikTok refund ${refund.refund_id}: ${errorName(e)}: ${errorMessage(e)}. The bridge sends the refund again; if it keeps failing, fix what the message names.`,
    };
  }
}

function handle(
  refund: TikTokRefund,
  shop: ShopSettings,
  shopId: string,
  stored: Map<string, StoredRefund>,
  tax: () => RefundTaxContext,
): RefundUpsertResult {
  const externalId = refundExternalId(shopId, refund.refund_id);
  const existing = stored.get(externalId) ?? null;
  if (refundNeedsWork(existing) === 'none') {
    return {
      refundId: refund.refund_id,
      outcome: 'unchanged',
      documentId: existing?.documentId ?? null,
      documentType: null,
      tiesOut: null,
      message: null,
    };
  }
  const done = safeWork(refund, shop, shopId, tax());
  writeRefundRecord(existing?.recordId ?? null, externalId, [
    ...refundPayloadWrites(shop.recordId, externalId, refund),
    ...refundOutcomeWrites(done),
  ]);
  return {
    refundId: refund.refund_id,
    outcome: done.outcome,
    documentId: done.documentId,
    documentType: done.documentType,
    tiesOut: done.tiesOut,
    message: done.message,
  };
}

export function upsertRefunds(request: RefundsUpsertRequest): RefundsUpsertResponse {
  const found = findRefundShop(request.shopId);
  if (found === null) throw shopNotFound(request.shopId);
  if (!found.pushRefunds) {
    const note = pushRefundsOffNote(found.name);
    return {
      ok: true,
      results: request.refunds.map((refund) => ({
        refundId: refund.refund_id,
        outcome: 'flow_off',
        ...NO_DOCUMENT,
        message: note,
      })),
    };
  }
  const shop = loadShopSettings([found.id], accountFeatures()).get(found.id);
  if (shop === undefined) throw shopNotFound(request.shopId);
  const done = request.refunds.filter(isRefundDone);
  const stored =
    done.length === 0
      ? new Map<string, StoredRefund>()
      : findRefundsByExternalId(done.map((r) => refundExternalId(request.shopId, r.refund_id)));
  const results: RefundUpsertResult[] = [];
  let taxContext: RefundTaxContext | null = null;
  const tax = (): RefundTaxContext => (taxContext ??= readTaxContext(shop));
  request.refunds.forEach((refund, i) => {
    if (!isRefundDone(refund)) {
      results.push({ refundId: refund.refund_id, outcome: 'not_done', ...NO_DOCUMENT, message: null });
      return;
    }
    if (remainingUsage() < UNITS_PER_REFUND_WORST) throw usageLow(i, request.refunds.length, refund);
    results.push(handle(refund, shop, request.shopId, stored, tax));
  });
  return { ok: true, results };
}
