/**
 * What a save of a TikTok sales order means for TikTok (the "Pull order updates from NetSuite"
 * flow), decided without touching NetSuite: the user event reads the old and new record into
 * snapshots and writes the rows this returns.
 *
 * - created (or renumbered): `order.external_ref`, the sales order number becomes TikTok's external
 *   order reference;
 * - status changed: `order.status` (informational: TikTok has no API to set a status);
 * - cancelled or closed (the order cancelled, or every line closed): `order.cancel` for the whole
 *   order; some lines newly closed: `order.cancel` for their TikTok line items. Only when the shop's
 *   "Cancel TikTok orders cancelled in NetSuite" is on.
 */
import { isTikTokId } from '../ids/tiktok-id';
import type { CancelAnswerState } from '../cancellations/buyer-cancel-request';
import { cancelAnswerChanged, cancelAnswerOf } from '../cancellations/buyer-cancel-request';
import type {
  CancelAnswerPayload,
  CancelPayload,
  ExternalRefPayload,
  OutboxKind,
  OutboxPayload,
  StatusPayload,
} from './outbox';
import { cancelReasonCodeOf } from '../cancellations/cancel-reason-choice';
import { outboxExternalId } from './outbox';

export interface SalesOrderLineSnapshot {
  /** The NetSuite line id (`line`). */
  line: string;
  closed: boolean;
  /** TikTok line item ids imported into this line (`custcol_tts_line_ids`). */
  tiktokLineIds: string[];
}

export interface SalesOrderSnapshot {
  id: string;
  /** Document number, null while NetSuite has not assigned it. */
  tranId: string | null;
  tiktokOrderId: string | null;
  shopRecordId: string | null;
  /** Status letter (`A`..`H`, see SALES_ORDER_STATUS_LETTERS), null when unknown. */
  status: string | null;
  /** `custbody_tts_cancel_reason` as shown: the chosen list entry's text (`Out of stock (code)`), null for none. */
  cancelReason: string | null;
  lines: SalesOrderLineSnapshot[];
  /** A buyer's cancellation request and its answer (buyer-cancel-request.ts); absent: none. */
  cancelAnswer?: CancelAnswerState;
}

export interface OutboxShopSettings {
  recordId: string;
  shopId: string;
  /** Pull order updates from NetSuite (`custrecord_tts_shop_pull_order_upd`). */
  pullOrderUpdates: boolean;
  /** Cancel TikTok orders cancelled in NetSuite (`custrecord_tts_shop_allow_cancel`). */
  allowCancel: boolean;
}

export interface PlannedOutboxRow {
  kind: OutboxKind;
  externalId: string;
  shopRecordId: string;
  orderId: string;
  salesOrderId: string;
  payload: OutboxPayload;
}

/** Sales order status letters as SuiteQL returns them, with NetSuite's texts and `statusRef`s. */
const STATUS_NAMES: Readonly<Record<string, readonly string[]>> = {
  A: ['pending approval', 'pendingapproval'],
  B: ['pending fulfillment', 'pendingfulfillment'],
  C: ['cancelled', 'canceled'],
  D: ['partially fulfilled', 'partiallyfulfilled'],
  E: ['pending billing/partially fulfilled', 'pendingbillingpartfulfilled'],
  F: ['pending billing', 'pendingbilling'],
  G: ['billed', 'fullybilled'],
  H: ['closed'],
};

/** Letters of statuses that end the order in NetSuite: cancelled, closed. */
const ENDED_STATUSES = ['C', 'H'];

/** Words that NetSuite shows instead of a document number before it assigns one. */
const UNASSIGNED_TRANIDS = ['to be generated', 'to be assigned'];

/** `B`, `Pending Fulfillment`, `pendingFulfillment` → `B`; anything else → null. */
export function normalizeSalesOrderStatus(value: unknown): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim();
  if (/^[A-H]$/.test(text)) {
    return text;
  }
  const lower = text.toLowerCase();
  for (const [letter, names] of Object.entries(STATUS_NAMES)) {
    if (names.includes(lower)) {
      return letter;
    }
  }
  return null;
}

/** A document number NetSuite has really assigned, or null. */
export function assignedTranId(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return null;
  }
  const text = String(value).trim();
  return text === '' || UNASSIGNED_TRANIDS.includes(text.toLowerCase()) ? null : text;
}

/** `custcol_tts_line_ids` (`"1,2, 3"`) → the TikTok line item ids in it. */
export function parseTikTokLineIds(value: unknown): string[] {
  if (typeof value !== 'string') {
    return [];
  }
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => isTikTokId(part));
}

/**
 * The TikTok seller cancel reason code chosen (`Out of stock (seller_cancel_reason_out_of_stock)` →
 * the code), '' when none was: the bridge then sends the market's default for the order's status
 * (cancel-reason-choice.ts). The code is sent as chosen; the user event checked it at save.
 */
export function normalizeCancelReason(value: unknown): string {
  return cancelReasonCodeOf(value);
}

function allLinesClosed(order: SalesOrderSnapshot): boolean {
  return order.lines.length > 0 && order.lines.every((line) => line.closed);
}

function hasEnded(order: SalesOrderSnapshot, eventType: string): boolean {
  return eventType === 'cancel' || ENDED_STATUSES.includes(order.status ?? '') || allLinesClosed(order);
}

function effectiveStatus(order: SalesOrderSnapshot, eventType: string): string | null {
  return eventType === 'cancel' ? 'C' : order.status;
}

function externalRefRow(
  base: Omit<PlannedOutboxRow, 'kind' | 'externalId' | 'payload'>,
  shopId: string,
  after: SalesOrderSnapshot,
  tranId: string,
): PlannedOutboxRow {
  // A virtual bundle's id is on each of its component units (bundle-split.ts): one pair per line.
  const lines = after.lines.flatMap((line) =>
    [...new Set(line.tiktokLineIds)].map((tiktokLineId) => ({ tiktokLineId, netsuiteLine: line.line })),
  );
  const payload: ExternalRefPayload = { salesOrderId: after.id, tranId, lines };
  return {
    ...base,
    kind: 'order.external_ref',
    externalId: outboxExternalId('order.external_ref', shopId, base.orderId, tranId),
    payload,
  };
}

/** TikTok line ids of lines open before and closed now. */
function newlyClosedLineIds(
  before: SalesOrderSnapshot,
  after: SalesOrderSnapshot,
): { lines: string[]; ids: string[] } {
  const openBefore = new Set(before.lines.filter((line) => !line.closed).map((line) => line.line));
  const closed = after.lines.filter((line) => line.closed && openBefore.has(line.line));
  return {
    lines: closed.map((line) => line.line).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)),
    // A virtual bundle's id is on each of its component units' lines (bundle-split.ts): once each.
    ids: [...new Set(closed.flatMap((line) => line.tiktokLineIds))],
  };
}

function cancelRow(
  base: Omit<PlannedOutboxRow, 'kind' | 'externalId' | 'payload'>,
  shopId: string,
  after: SalesOrderSnapshot,
  scope: CancelPayload['scope'],
  lineItemIds: string[],
  version: string,
  status: string | null,
): PlannedOutboxRow {
  const payload: CancelPayload = {
    salesOrderId: after.id,
    reason: normalizeCancelReason(after.cancelReason),
    scope,
    lineItemIds,
    status,
  };
  return {
    ...base,
    kind: 'order.cancel',
    externalId: outboxExternalId('order.cancel', shopId, base.orderId, version),
    payload,
  };
}

function cancelRows(
  base: Omit<PlannedOutboxRow, 'kind' | 'externalId' | 'payload'>,
  shopId: string,
  eventType: string,
  before: SalesOrderSnapshot | null,
  after: SalesOrderSnapshot,
): PlannedOutboxRow[] {
  const status = effectiveStatus(after, eventType);
  if (hasEnded(after, eventType)) {
    const endedBefore = before !== null && hasEnded(before, 'edit');
    if (endedBefore || (before === null && eventType !== 'cancel')) {
      return [];
    }
    return [cancelRow(base, shopId, after, 'order', [], 'order', status)];
  }
  if (before === null) {
    return [];
  }
  const closed = newlyClosedLineIds(before, after);
  if (closed.ids.length === 0) {
    return [];
  }
  return [cancelRow(base, shopId, after, 'lines', closed.ids, `lines-${closed.lines.join('-')}`, status)];
}

function statusRow(
  base: Omit<PlannedOutboxRow, 'kind' | 'externalId' | 'payload'>,
  shopId: string,
  previous: string | null,
  status: string,
  salesOrderId: string,
): PlannedOutboxRow {
  const payload: StatusPayload = {
    salesOrderId,
    previousStatus: previous,
    status,
    impliesCancel: ENDED_STATUSES.includes(status),
  };
  return {
    ...base,
    kind: 'order.status',
    externalId: outboxExternalId('order.status', shopId, base.orderId, `${previous ?? 'none'}-${status}`),
    payload,
  };
}

/**
 * What TikTok itself has already cancelled (read from the order inbox's latest payload). A sales
 * order closed by the connector because TikTok cancelled it must not be sent back to TikTok as a
 * seller cancellation.
 */
export interface TikTokCancellation {
  order: boolean;
  lineIds: readonly string[];
}

/** The cancellations in a TikTok order payload. */
export function tiktokCancellationOf(order: {
  status?: string;
  line_items?: readonly { id: string; display_status?: string }[];
}): TikTokCancellation {
  return {
    order: order.status === 'CANCELLED',
    lineIds: (order.line_items ?? [])
      .filter((line) => line.display_status === 'CANCELLED')
      .map((line) => line.id),
  };
}

/** Drops from cancel rows what TikTok cancelled itself; rows left with nothing to cancel go. */
function withoutTikTokCancellations(
  rows: PlannedOutboxRow[],
  cancelled: TikTokCancellation | null | undefined,
): PlannedOutboxRow[] {
  if (!cancelled) return rows;
  const already = new Set(cancelled.lineIds);
  return rows.flatMap((row) => {
    if (row.kind !== 'order.cancel') return [row];
    if (cancelled.order) return [];
    const payload = row.payload as CancelPayload;
    if (payload.scope === 'order') return [row];
    const lineItemIds = payload.lineItemIds.filter((id) => !already.has(id));
    return lineItemIds.length === 0 ? [] : [{ ...row, payload: { ...payload, lineItemIds } }];
  });
}

export interface SalesOrderChange {
  /** The user event type in lower case: `create`, `edit`, `xedit`, `cancel`, `delete`, ... */
  eventType: string;
  /** The record before the save (null on create). */
  before: SalesOrderSnapshot | null;
  after: SalesOrderSnapshot;
  /** Settings of the shop the order belongs to (null when it has none). */
  shop: OutboxShopSettings | null;
  /** What TikTok already cancelled, when known (see `tiktokCancellationOf`). */
  tiktokCancelled?: TikTokCancellation | null;
}

/** True when the planned rows would ask TikTok to cancel something. */
export function plansCancellation(rows: readonly PlannedOutboxRow[]): boolean {
  return rows.some((row) => row.kind === 'order.cancel');
}

/** The outbox rows a sales order save produces (none for non-TikTok orders or when the flow is off). */
export function planSalesOrderOutbox(change: SalesOrderChange): PlannedOutboxRow[] {
  const { eventType, before, after, shop } = change;
  const orderId = after.tiktokOrderId;
  if (eventType === 'delete' || !isTikTokId(orderId) || shop === null || !shop.pullOrderUpdates) {
    return [];
  }
  if (!isTikTokId(shop.shopId)) {
    return [];
  }
  const base = { shopRecordId: shop.recordId, orderId, salesOrderId: after.id };
  const rows: PlannedOutboxRow[] = [];
  const tranId = assignedTranId(after.tranId);
  if (tranId !== null && (before === null || assignedTranId(before.tranId) !== tranId)) {
    rows.push(externalRefRow(base, shop.shopId, after, tranId));
  }
  const status = effectiveStatus(after, eventType);
  if (before !== null && status !== null && status !== before.status) {
    rows.push(statusRow(base, shop.shopId, before.status, status, after.id));
  }
  if (shop.allowCancel) {
    rows.push(...cancelRows(base, shop.shopId, eventType, before, after));
  }
  rows.push(...cancelAnswerRows(base, shop.shopId, before, after));
  return withoutTikTokCancellations(rows, change.tiktokCancelled);
}

/**
 * The answer to a buyer's cancellation request, once it is given (the user event refused it before
 * the save when TikTok would not take it: buyer-cancel-request.ts). Keyed by the request: one answer
 * per request, however often the order is saved.
 */
function cancelAnswerRows(
  base: Omit<PlannedOutboxRow, 'kind' | 'externalId' | 'payload'>,
  shopId: string,
  before: SalesOrderSnapshot | null,
  after: SalesOrderSnapshot,
): PlannedOutboxRow[] {
  const state = after.cancelAnswer;
  const answer = cancelAnswerOf(state?.answer ?? null);
  if (state === undefined || answer === null || state.cancelId === null || !isTikTokId(state.cancelId)) {
    return [];
  }
  if (!cancelAnswerChanged(before?.cancelAnswer ?? null, state)) return [];
  const payload: CancelAnswerPayload = {
    salesOrderId: after.id,
    cancelId: state.cancelId,
    decision: answer === 'accept' ? 'approve' : 'reject',
    rejectReason: answer === 'reject' ? state.rejectReason : '',
    deadline: state.deadlineUnix,
  };
  return [
    {
      ...base,
      kind: 'order.cancel_answer',
      externalId: outboxExternalId('order.cancel_answer', shopId, base.orderId, state.cancelId),
      payload,
    },
  ];
}

/**
 * True when the save's TikTok Cancel Reason must be checked against TikTok's reasons (the user
 * event's beforeSubmit, cancel-reason-choice.ts): a reason is chosen and either it was just chosen or
 * changed, or this save cancels or closes the order (the reason is then what TikTok will be sent).
 */
export function cancelReasonNeedsCheck(
  eventType: string,
  before: SalesOrderSnapshot | null,
  after: SalesOrderSnapshot,
): boolean {
  if (eventType === 'delete' || !isTikTokId(after.tiktokOrderId)) return false;
  const code = normalizeCancelReason(after.cancelReason);
  if (code === '') return false;
  if (before === null || normalizeCancelReason(before.cancelReason) !== code) return true;
  return hasEnded(after, eventType) && !hasEnded(before, 'edit');
}
