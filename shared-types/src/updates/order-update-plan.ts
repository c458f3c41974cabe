/**
 * A newer TikTok payload of an order that already is a sales order → what to change on the sales
 * order, decided without touching NetSuite (the order-updates map/reduce does the I/O).
 *
 * - Whole-order cancellation (status CANCELLED, or every line item cancelled): before anything is
 *   fulfilled, every open line is closed (`isclosed` = T); once any unit is fulfilled nothing is
 *   changed and a person decides (exception).
 * - Line cancellations (line items with `display_status` CANCELLED): the sales order line that
 *   carries those TikTok line ids (`custcol_tts_line_ids`) loses that many units and those ids; a
 *   line left without units is closed instead. A line with fulfilled units is not touched
 *   (exception). TikTok refunds the cancelled units' tax (their `item_tax`), so the order's TikTok
 *   tax line (the shop's Tax Item, order-tax.ts) goes down by as much.
 * - Ship-to address (webhook type 3 → the bridge re-fetches and re-upserts): when TikTok's address
 *   differs from the sales order's, it is replaced while nothing is fulfilled, else an exception.
 * - A buyer's cancellation request TikTok has pending (buyer-cancel-request.ts) is shown on the sales
 *   order, and cleared once TikTok no longer has it pending.
 *
 * The plan only describes differences between the payload and the sales order as it is now, so
 * running it again after it was applied changes nothing (map/reduce restarts re-run keys).
 */
import type { CancelRequestChange, CancelRequestFields } from '../cancellations/buyer-cancel-request';
import { NO_CANCEL_REQUEST, planCancelRequestChange } from '../cancellations/buyer-cancel-request';
import { currencyExponent, formatMinor, multiplyMinor, sumMinor, toNetSuiteAmount } from '../money/money';
import { TEXTAREA_SAFE_LENGTH } from '../netsuite/netsuite-ids';
import { unitTaxMinor } from '../orders/order-tax';
import type { NetSuiteShipAddress } from '../orders/ship-address';
import {
  describeShipAddressLimitProblems,
  mapShipAddress,
  shipAddressLimitProblems,
} from '../orders/ship-address';
import type { TikTokLineItem, TikTokOrder } from '../tiktok/tiktok-order';
import type { TaxDetailState, UpdateTaxWrites } from './order-update-tax';

/** One item line of the sales order as loaded. */
export interface SalesOrderLineState {
  /** 0-based position in the `item` sublist. */
  index: number;
  itemId: string;
  /** Item name for messages (`item` display text), or null. */
  itemName: string | null;
  quantity: number;
  quantityFulfilled: number;
  isClosed: boolean;
  /** Unit rate in major units, as NetSuite holds it. */
  rate: number | null;
  /** Line amount in major units, or null when empty. */
  amount: number | null;
  /** TikTok line item ids on this line (`custcol_tts_line_ids`). */
  lineIds: string[];
  /** Gross amount (`grossamt`, VAT accounts) in major units; absent or null when none. */
  grossAmount?: number | null;
  /** SuiteTax: the line's `taxdetailsreference`; absent or null when none. */
  taxDetailsReference?: string | null;
}

export interface SalesOrderState {
  id: string;
  /** Order # (`tranid`), for messages; null when not numbered. */
  tranId: string | null;
  lines: SalesOrderLineState[];
  /** The ship-to address subrecord's fields, or null when the order has none. */
  shipAddress: NetSuiteShipAddress | null;
  /** The buyer cancellation request it shows (buyer-cancel-request.ts); absent: none. */
  cancelRequest?: CancelRequestFields;
  /** SuiteTax: the tax details lines, read only when the update books the seller's tax again. */
  taxDetails?: TaxDetailState[];
}

export type SalesOrderLineChange =
  | { kind: 'close'; index: number; reason: string }
  | {
      kind: 'reduce';
      index: number;
      quantity: number;
      /** New amount (rate × quantity) in major units, or null when the line has no rate. */
      amount: number | null;
      /** The TikTok line ids that stay on the line. */
      lineIds: string[];
      reason: string;
    }
  | {
      /** The TikTok tax line's new amount (rate = amount), in major units. */
      kind: 'amount';
      index: number;
      amount: number;
      reason: string;
    };

export interface OrderUpdatePlan {
  lineChanges: SalesOrderLineChange[];
  /** The new ship-to address, or null to leave it. */
  shipAddress: NetSuiteShipAddress | null;
  /** What a person has to decide: each says what happened and what to do. */
  exceptions: string[];
  /** One line per applied change, for the log. */
  applied: string[];
  /** The buyer cancellation request fields to write (shown, moved or cleared); absent: unchanged. */
  cancelRequest?: CancelRequestChange;
  /** The seller-remitted tax booked again for what is left (order-update-tax.ts); absent: unchanged. */
  tax?: UpdateTaxWrites & { currency: string };
}

export const SHIP_ADDRESS_FIELDS: readonly (keyof NetSuiteShipAddress)[] = [
  'country',
  'addressee',
  'addr1',
  'addr2',
  'addr3',
  'city',
  'state',
  'zip',
  'addrphone',
];

/** True when TikTok cancelled this unit. */
export function isLineCancelled(line: Pick<TikTokLineItem, 'display_status'>): boolean {
  return line.display_status === 'CANCELLED';
}

/** True when the whole order is cancelled: its status, or every one of its line items. */
export function isOrderCancelled(order: Pick<TikTokOrder, 'status' | 'line_items'>): boolean {
  return (
    order.status === 'CANCELLED' || (order.line_items.length > 0 && order.line_items.every(isLineCancelled))
  );
}

function norm(value: string | null | undefined): string {
  // Stryker disable next-line MethodExpression: equivalent — both sides of every comparison go through norm, so upper or lower case compares the same
  return (value ?? '').trim().replace(/\s+/g, ' ').toUpperCase();
}

const ADDRESS_LINES = ['addr1', 'addr2', 'addr3'] as const;

/**
 * The address lines as one text: orders imported before `address_line3`/`4` went to `addr3` hold
 * them joined in `addr2` ("Apt 2, Floor 3"), which is the same address as addr2 "Apt 2" + addr3
 * "Floor 3".
 */
function lines(address: NetSuiteShipAddress | null): string {
  return ADDRESS_LINES.map((field) => norm(address?.[field]))
    .filter((line) => line !== '')
    .join(', ');
}

/** The phone's digits (and `+`): a phone reduced to fit NetSuite is the same phone. */
function phoneDigits(address: NetSuiteShipAddress | null): string {
  // Stryker disable next-line StringLiteral: equivalent — any fallback text without digits reduces to '' like an empty one
  const digits = (address?.addrphone ?? '').replace(/[^0-9+]/g, '');
  return digits === '' ? norm(address?.addrphone) : digits;
}

/**
 * Field by field, ignoring case, surrounding spaces and empty-vs-missing; the address lines as a
 * whole (how they are spread over addr1-addr3 does not matter) and the phone by its digits.
 */
export function sameShipAddress(a: NetSuiteShipAddress | null, b: NetSuiteShipAddress | null): boolean {
  return (
    lines(a) === lines(b) &&
    phoneDigits(a) === phoneDigits(b) &&
    SHIP_ADDRESS_FIELDS.filter(
      (field) => field !== 'addrphone' && !(ADDRESS_LINES as readonly string[]).includes(field),
    ).every((field) => norm(a?.[field]) === norm(b?.[field]))
  );
}

export function formatShipAddress(address: NetSuiteShipAddress): string {
  return SHIP_ADDRESS_FIELDS.map((field) => address[field])
    .filter((value): value is string => value !== null && value.trim() !== '')
    .join(', ');
}

function orderName(state: SalesOrderState): string {
  return state.tranId === null ? `sales order ${state.id}` : `sales order ${state.tranId}`;
}

function whoCancelled(order: TikTokOrder): string {
  const by = order.cancellation_initiator ?? order.line_items.find((l) => l.cancel_user)?.cancel_user;
  const reason = order.cancel_reason?.trim() || order.line_items.find((l) => l.cancel_reason)?.cancel_reason;
  const parts = [by ? `by ${by.toLowerCase()}` : null, reason ? `reason: ${reason}` : null].filter(
    (p): p is string => p !== null,
  );
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

function lineName(line: SalesOrderLineState): string {
  return `line ${line.index + 1} (${line.itemName ?? `item ${line.itemId}`})`;
}

/** rate × quantity in minor units (the rate rounded to the currency's minor unit); null without a rate. */
export function lineAmountMinor(rate: number | null, quantity: number, currency: string): number | null {
  if (rate === null) {
    return null;
  }
  const rateMinor = Math.round(rate * 10 ** currencyExponent(currency));
  return multiplyMinor(rateMinor, quantity);
}

function planWholeCancellation(order: TikTokOrder, state: SalesOrderState, plan: OrderUpdatePlan): void {
  const open = state.lines.filter((line) => !line.isClosed);
  const fulfilled = state.lines.filter((line) => line.quantityFulfilled > 0);
  if (fulfilled.length > 0) {
    const shipped = fulfilled
      .map((l) => `${lineName(l)}: ${l.quantityFulfilled} of ${l.quantity}`)
      .join('; ');
    plan.exceptions.push(
      `TikTok order ${order.id} was cancelled in TikTok Shop${whoCancelled(order)} after ${orderName(state)} was fulfilled (${shipped}). The connector changed nothing on the sales order. To do: check the order in TikTok Shop Seller Center; if the goods went out, create a Return Authorization from ${orderName(state)} for the fulfilled units (or a refund / credit memo if the buyer keeps them), and close the lines that are still open.`,
    );
    return;
  }
  for (const line of open) {
    plan.lineChanges.push({ kind: 'close', index: line.index, reason: 'order cancelled' });
    plan.applied.push(`${lineName(line)} closed: TikTok cancelled the order${whoCancelled(order)}`);
  }
}

/** Open sales order lines that carry units TikTok cancelled, with those units' ids. */
function cancelledOnLines(
  order: TikTokOrder,
  state: SalesOrderState,
): { line: SalesOrderLineState; gone: string[] }[] {
  const cancelled = new Set(order.line_items.filter(isLineCancelled).map((l) => l.id));
  // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent — a shortcut; with nothing cancelled the filter below finds no line either
  if (cancelled.size === 0) {
    return [];
  }
  return state.lines
    .filter((line) => !line.isClosed)
    .map((line) => ({ line, gone: line.lineIds.filter((id) => cancelled.has(id)) }))
    .filter((entry) => entry.gone.length > 0);
}

/**
 * TikTok's tax on the cancelled units the update takes off the sales order (minor units): what the
 * TikTok tax line goes down by. 0 when nothing is taken off (a re-run after the update was saved).
 */
export function cancelledTaxMinor(order: TikTokOrder, state: SalesOrderState): number {
  const byId = new Map(order.line_items.map((l) => [l.id, l]));
  const currency = order.payment.currency;
  // A virtual bundle's id is on each of its component units (bundle-split.ts): its tax counts once.
  const ids = new Set(
    cancelledOnLines(order, state)
      .filter(({ line }) => line.quantityFulfilled === 0)
      .flatMap(({ gone }) => gone),
  );
  return sumMinor([...ids].map((id) => unitTaxMinor(byId.get(id) ?? {}, currency)));
}

function planLineCancellations(order: TikTokOrder, state: SalesOrderState, plan: OrderUpdatePlan): void {
  const currency = order.payment.currency;
  for (const { line, gone } of cancelledOnLines(order, state)) {
    if (line.quantityFulfilled > 0) {
      plan.exceptions.push(
        `TikTok cancelled ${gone.length} unit(s) of ${lineName(line)} of ${orderName(state)} (TikTok line item ${gone.join(', ')})${whoCancelled(order)}, but ${line.quantityFulfilled} of its ${line.quantity} units are already fulfilled, so the connector did not change the line. To do: if a cancelled unit was shipped, create a Return Authorization (or a refund) for it; otherwise reduce the line's quantity by ${gone.length} on ${orderName(state)}.`,
      );
      continue;
    }
    const remaining = line.lineIds.filter((id) => !gone.includes(id));
    const quantity = line.quantity - gone.length;
    const reason = `TikTok cancelled line item ${gone.join(', ')}${whoCancelled(order)}`;
    if (remaining.length === 0 || quantity <= 0) {
      plan.lineChanges.push({ kind: 'close', index: line.index, reason });
      plan.applied.push(`${lineName(line)} closed: ${reason}`);
    } else {
      const amountMinor = lineAmountMinor(line.rate, quantity, currency);
      const amount = amountMinor === null ? null : toNetSuiteAmount(amountMinor, currency);
      plan.lineChanges.push({
        kind: 'reduce',
        index: line.index,
        quantity,
        amount,
        lineIds: remaining,
        reason,
      });
      const shownAmount =
        amountMinor === null ? '' : `, amount ${formatMinor(amountMinor, currency)} ${currency}`;
      plan.applied.push(`${lineName(line)} quantity ${line.quantity} → ${quantity}${shownAmount}: ${reason}`);
    }
  }
}

/** Takes TikTok's refunded tax off the tax line (the open line of the shop's Tax Item). */
function planTaxRefund(
  order: TikTokOrder,
  state: SalesOrderState,
  taxItemId: string | null,
  plan: OrderUpdatePlan,
): void {
  const refundMinor = cancelledTaxMinor(order, state);
  if (refundMinor === 0) {
    return;
  }
  const currency = order.payment.currency;
  const refund = `${formatMinor(refundMinor, currency)} ${currency}`;
  // Without a Tax Item (null) no line matches: line item ids are strings.
  const taxLine = state.lines.find(
    (line) => !line.isClosed && line.lineIds.length === 0 && line.itemId === taxItemId,
  );
  if (taxLine === undefined) {
    plan.exceptions.push(
      `TikTok refunds ${refund} tax with the units it cancelled on TikTok order ${order.id}, but ${orderName(state)} has no open line of the shop's Tax Item${taxItemId === null ? ' (the shop has none set)' : ` (item ${taxItemId})`} to take it off. To do: reduce the TikTok tax line of ${orderName(state)} by ${refund}.`,
    );
    return;
  }
  const currentMinor = lineAmountMinor(taxLine.amount ?? 0, 1, currency) ?? 0;
  const leftMinor = Math.max(0, currentMinor - refundMinor);
  const reason = `TikTok refunds ${refund} tax with the cancelled units`;
  if (leftMinor === 0) {
    plan.lineChanges.push({ kind: 'close', index: taxLine.index, reason });
    plan.applied.push(`TikTok tax ${lineName(taxLine)} closed: ${reason}`);
    return;
  }
  plan.lineChanges.push({
    kind: 'amount',
    index: taxLine.index,
    amount: toNetSuiteAmount(leftMinor, currency),
    reason,
  });
  plan.applied.push(
    `TikTok tax ${lineName(taxLine)} ${formatMinor(currentMinor, currency)} → ${formatMinor(leftMinor, currency)} ${currency}: ${reason}`,
  );
}

function planShipAddress(order: TikTokOrder, state: SalesOrderState, plan: OrderUpdatePlan): void {
  const wanted = mapShipAddress(order.recipient_address);
  if (wanted === null || sameShipAddress(wanted, state.shipAddress)) {
    return;
  }
  const tooLong = shipAddressLimitProblems(wanted);
  if (tooLong.length > 0) {
    plan.exceptions.push(
      `${describeShipAddressLimitProblems(order.id, tooLong)} Until then ${orderName(state)} keeps its current ship-to address.`,
    );
    return;
  }
  const fulfilled = state.lines.some((line) => line.quantityFulfilled > 0);
  if (fulfilled) {
    plan.exceptions.push(
      `The buyer changed the ship-to address of TikTok order ${order.id} to "${formatShipAddress(wanted)}" after ${orderName(state)} was (partly) fulfilled, so the connector did not change the sales order's address. To do: if units are still to ship, set Ship To on ${orderName(state)} to the new address; for a shipment already on its way, ask the carrier to redirect it.`,
    );
    return;
  }
  plan.shipAddress = wanted;
  plan.applied.push(`ship-to address updated to "${formatShipAddress(wanted)}"`);
}

/** True when the payload cancels units still open on the sales order (the update changes lines). */
export function cancelsOpenUnits(order: TikTokOrder, state: SalesOrderState): boolean {
  return isOrderCancelled(order) || cancelledOnLines(order, state).length > 0;
}

/**
 * Plans the changes a newer TikTok payload makes to the sales order it was imported as.
 * `taxItemId` is the shop's Tax Item, needed only when cancelled units carry tax
 * (`cancelledTaxMinor` > 0) that TikTok remits; when the seller remits (`sellerRemits`) there is no
 * Tax Item line: the tax is booked again for what is left (order-update-tax.ts).
 */
export function planOrderUpdate(
  order: TikTokOrder,
  state: SalesOrderState,
  taxItemId: string | null = null,
  sellerRemits = false,
): OrderUpdatePlan {
  const plan: OrderUpdatePlan = { lineChanges: [], shipAddress: null, exceptions: [], applied: [] };
  // A buyer's cancellation request shown while TikTok has it pending, cleared once it is not.
  const request = planCancelRequestChange(order, state.cancelRequest ?? NO_CANCEL_REQUEST);
  if (request !== null) {
    plan.cancelRequest = request;
    plan.applied.push(request.applied);
  }
  if (isOrderCancelled(order)) {
    planWholeCancellation(order, state, plan);
    return plan;
  }
  if (!sellerRemits) planTaxRefund(order, state, taxItemId, plan);
  planLineCancellations(order, state, plan);
  planShipAddress(order, state, plan);
  return plan;
}

/** True when the plan changes the sales order. */
export function changesSalesOrder(plan: OrderUpdatePlan): boolean {
  return (
    plan.lineChanges.length > 0 ||
    plan.shipAddress !== null ||
    plan.cancelRequest !== undefined ||
    plan.tax !== undefined
  );
}

/** The exceptions as one text for the inbox record's error field (TEXTAREA, 4,000 characters). */
export function formatExceptions(exceptions: readonly string[], maxLength = TEXTAREA_SAFE_LENGTH): string {
  const text = exceptions.join('\n');
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}
