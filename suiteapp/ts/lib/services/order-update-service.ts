/**
 * map() of the order updates: one flagged inbox record → its sales order brought in line with the
 * newer TikTok payload (order-update-plan.ts), or an exception for a person.
 *
 * Usage per record: inbox load 2 + sales order load 10 + save 20 + log entry 6 + inbox save 4 =
 * 42 units of map's 1,000, + 15 when the update takes units off (the shop's settings 10 and tax code
 * 5, for its tax case: order-update-tax.ts), + 1 (lookupFields) to read NetSuite's recomputed tax
 * back when the seller remits (+ 10 to mark Ties Out = F when it is off), + 6 for the warning log
 * entry of an exception. Restart-safe: the plan compares the payload
 * with the sales order as it is, so a re-run after the order was saved plans nothing; the flag is
 * cleared last, and only when no newer payload arrived meanwhile (optimistic locking on the inbox
 * record).
 *
 * After every update that changes lines, the totals are re-checked (order-update-totals.ts, no
 * units): when the open lines no longer add up to what TikTok still charges, the changes are saved
 * with Ties Out = F in the same save and the record becomes an exception, as at import.
 */
import * as log from 'N/log';
import { parseInboxPayload } from '../../../../shared-types/src/import/import-work';
import type { InboxChanges } from '../../../../shared-types/src/inbox/inbox-upsert';
import { TEXTAREA_SAFE_LENGTH } from '../../../../shared-types/src/netsuite/netsuite-ids';
import type { OrderUpdatePlan } from '../../../../shared-types/src/updates/order-update-plan';
import { checkUpdatedTotals } from '../../../../shared-types/src/updates/order-update-totals';
import {
  cancelledTaxMinor,
  cancelsOpenUnits,
  changesSalesOrder,
  formatExceptions,
  isOrderCancelled,
  planOrderUpdate,
} from '../../../../shared-types/src/updates/order-update-plan';
import type {
  UpdateTaxContext,
  UpdateTaxWrites,
} from '../../../../shared-types/src/updates/order-update-tax';
import { planUpdateTax, taxOffMessage } from '../../../../shared-types/src/updates/order-update-tax';
import { formatMinor } from '../../../../shared-types/src/money/money';
import { isSampleOrder } from '../../../../shared-types/src/orders/order-classify';
import { priceModeOf } from '../../../../shared-types/src/orders/order-lines';
import { parseRemitter, taxEngineOf } from '../../../../shared-types/src/orders/order-tax-booking';
import { lookupAmountToMinor } from '../../../../shared-types/src/orders/order-tieout';
import { orderOptionsOf } from '../../../../shared-types/src/settings/shop-settings';
import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { loadTaxCodes } from '../dao/tax-code-dao';
import { accountFeatures, companyCountry, suiteTaxInEffect } from '../platform/account';
import type { InboxForUpdate } from '../dao/inbox-review-dao';
import { loadInboxForUpdate, saveInboxIfUnchanged } from '../dao/inbox-review-dao';
import { writeLogEntry } from '../dao/log-dao';
import type { LoadedSalesOrder } from '../dao/sales-order-dao';
import {
  loadSalesOrderForUpdate,
  markTieOut,
  readBackSalesOrder,
  readTaxState,
  saveSalesOrderUpdate,
} from '../dao/sales-order-dao';
import { loadShopSettings, lookupShopTaxItem } from '../dao/shop-dao';
import { errorMessage, errorName } from '../platform/errors';

export type UpdateResult = 'applied' | 'exception' | 'unchanged' | 'skipped' | 'superseded';

const FLOW = 'orders';

function salesOrderGone(inbox: InboxForUpdate, salesOrderId: string, e: unknown): string {
  return `Sales order ${salesOrderId} of TikTok order ${inbox.orderId} could not be loaded (${errorName(e) || 'error'}: ${errorMessage(e)}), so the TikTok update was not applied. To do: if the sales order was deleted on purpose, nothing else is needed; otherwise link the right sales order in this inbox record's Sales Order field, then use Retry on the TikTok Order Exceptions page.`;
}

function clip(text: string): string {
  return text.length > TEXTAREA_SAFE_LENGTH ? `${text.slice(0, TEXTAREA_SAFE_LENGTH - 3)}...` : text;
}

function finish(inbox: InboxForUpdate, changes: InboxChanges, result: UpdateResult): UpdateResult {
  const saved = saveInboxIfUnchanged(inbox, { ...changes, updatePending: false });
  return saved ? result : 'superseded';
}

function raiseException(inbox: InboxForUpdate, message: string, salesOrderId: string | null): UpdateResult {
  const text = clip(message);
  const repeated = inbox.state === 'exception' && inbox.message === text;
  if (!repeated) {
    writeLogEntry({
      shopRecordId: inbox.shopRecordId,
      level: 'warning',
      flow: FLOW,
      message: text,
      recordType: salesOrderId === null ? 'customrecord_tts_order' : 'salesorder',
      recordId: salesOrderId ?? inbox.id,
      tiktokId: inbox.orderId,
    });
  }
  return finish(inbox, { state: 'exception', message: text }, 'exception');
}

function apply(
  inbox: InboxForUpdate,
  loaded: LoadedSalesOrder,
  plan: OrderUpdatePlan,
  totalsOff: boolean,
): void {
  saveSalesOrderUpdate(loaded, plan, totalsOff ? { tiesOut: false } : {});
  writeLogEntry({
    shopRecordId: inbox.shopRecordId,
    level: 'info',
    flow: FLOW,
    message: clip(
      `TikTok update of order ${inbox.orderId} applied to sales order ${loaded.state.tranId ?? loaded.state.id}: ${plan.applied.join('; ')}.`,
    ),
    recordType: 'salesorder',
    recordId: loaded.state.id,
    tiktokId: inbox.orderId,
  });
}

/**
 * The shop's tax case as the import reads it (shop settings 10 units, tax code 5 units; the tax
 * engine 0), or the problem with the shop's settings.
 */
function readUpdateTaxContext(
  shopRecordId: string,
  order: TikTokOrder,
): UpdateTaxContext | { message: string } {
  const features = accountFeatures();
  const shop = loadShopSettings([shopRecordId], features).get(shopRecordId);
  if (shop === undefined) {
    return {
      message: `The TikTok Shop record ${shopRecordId} of TikTok order ${order.id} could not be read, so its tax could not be booked for the update. To do: check the shop record, then use Retry on the TikTok Order Exceptions page.`,
    };
  }
  const remitter = parseRemitter(shop.taxRemitter, shop);
  if ('code' in remitter) return { message: remitter.message };
  const suiteTax = suiteTaxInEffect();
  const codeId = shop.taxCodeId ?? null;
  const codes = remitter.remitter === 'seller' && codeId !== null ? loadTaxCodes([codeId], suiteTax) : {};
  const taxCode = codeId === null ? null : (codes[codeId] ?? null);
  return {
    engine: taxEngineOf(suiteTax, companyCountry()),
    remitter: remitter.remitter,
    shopName: shop.name,
    taxItemId: shop.taxItemId,
    taxCode,
    unknownTaxCodeId: remitter.remitter === 'seller' && codeId !== null && taxCode === null ? codeId : null,
    priceMode: priceModeOf(orderOptionsOf(shop), isSampleOrder(order)),
  };
}

/** The seller's tax booked again for what is left of the order, on the plan (order-update-tax.ts). */
function bookSellerTax(
  order: TikTokOrder,
  loaded: LoadedSalesOrder,
  plan: OrderUpdatePlan,
  context: UpdateTaxContext,
): void {
  if (plan.lineChanges.length === 0 || plan.exceptions.length > 0 || isOrderCancelled(order)) return;
  const tax = planUpdateTax(order, readTaxState(loaded, context.engine), plan.lineChanges, context);
  if (tax === null) return;
  if ('message' in tax) {
    plan.exceptions.push(tax.message);
    return;
  }
  plan.tax = { ...tax, currency: order.payment.currency };
  plan.applied.push(
    `tax booked again for what TikTok still charges: ${formatMinor(tax.expectedTaxMinor, order.payment.currency)} ${order.payment.currency}`,
  );
}

/** After the save: NetSuite's recomputed tax total against the tax the seller remits (1 unit; 10 more when off). */
function checkSellerTax(order: TikTokOrder, loaded: LoadedSalesOrder, tax: UpdateTaxWrites): string | null {
  const currency = order.payment.currency;
  const netsuiteTaxMinor = lookupAmountToMinor(readBackSalesOrder(loaded.state.id).taxTotal, currency);
  if (netsuiteTaxMinor === tax.expectedTaxMinor) return null;
  markTieOut(loaded.state.id, { tiesOut: false });
  return taxOffMessage(
    order,
    `sales order ${loaded.state.tranId ?? loaded.state.id}`,
    netsuiteTaxMinor,
    tax.expectedTaxMinor,
  );
}

/** Applies the pending TikTok update of one inbox record. */
export function applyOrderUpdate(inboxId: string): UpdateResult {
  const inbox = loadInboxForUpdate(inboxId);
  if (!inbox.updatePending) {
    return 'skipped';
  }
  const salesOrderId = inbox.salesOrderId;
  if (salesOrderId === null) {
    // Not imported (yet): the import reads the newest payload itself.
    return finish(inbox, {}, 'skipped');
  }
  const parsed = parseInboxPayload({
    id: inbox.id,
    shopRecordId: inbox.shopRecordId ?? '',
    orderId: inbox.orderId,
    payload: inbox.payload,
    attempts: inbox.attempts,
  });
  if (parsed.order === null) {
    return raiseException(inbox, parsed.problem, salesOrderId);
  }
  let loaded: LoadedSalesOrder;
  try {
    loaded = loadSalesOrderForUpdate(salesOrderId);
  } catch (e) {
    if (errorName(e) !== 'RCRD_DSNT_EXIST') {
      throw e;
    }
    return raiseException(inbox, salesOrderGone(inbox, salesOrderId, e), null);
  }
  const order = parsed.order;
  // The shop's tax case, read only when the update takes units off (order-update-tax.ts).
  const taxContext =
    inbox.shopRecordId !== null && cancelsOpenUnits(order, loaded.state)
      ? readUpdateTaxContext(inbox.shopRecordId, order)
      : null;
  if (taxContext !== null && 'message' in taxContext) {
    return raiseException(inbox, taxContext.message, salesOrderId);
  }
  const sellerRemits = taxContext?.remitter === 'seller';
  const taxItemId =
    !sellerRemits && cancelledTaxMinor(order, loaded.state) > 0 && inbox.shopRecordId !== null
      ? (taxContext?.taxItemId ?? lookupShopTaxItem(inbox.shopRecordId))
      : null;
  const plan = planOrderUpdate(order, loaded.state, taxItemId, sellerRemits);
  if (sellerRemits && taxContext !== null) bookSellerTax(order, loaded, plan, taxContext);
  const totals = checkUpdatedTotals(order, loaded.state, plan);
  if (totals?.message) {
    plan.exceptions.push(totals.message);
  }
  const changed = changesSalesOrder(plan);
  if (changed) {
    apply(inbox, loaded, plan, totals?.ties === false);
    const taxOff =
      plan.tax === undefined || totals?.ties === false ? null : checkSellerTax(order, loaded, plan.tax);
    if (taxOff !== null) plan.exceptions.push(taxOff);
  }
  log.audit({
    title: `TikTok order ${inbox.orderId} update`,
    details: JSON.stringify({ salesOrderId, applied: plan.applied, exceptions: plan.exceptions.length }),
  });
  if (plan.exceptions.length > 0) {
    return raiseException(inbox, formatExceptions(plan.exceptions), salesOrderId);
  }
  return finish(inbox, {}, changed ? 'applied' : 'unchanged');
}

/** summarize: an update that failed in every map attempt becomes an exception (load 2 + save 4 + log 6). */
export function updateFailed(inboxId: string, failure: string): void {
  const inbox = loadInboxForUpdate(inboxId);
  const message = `Applying the TikTok update of order ${inbox.orderId} to its sales order failed: ${failure} To do: fix what the message names on the sales order, then use Retry on the TikTok Order Exceptions page.`;
  raiseException(inbox, message, inbox.salesOrderId);
}
