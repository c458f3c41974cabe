/**
 * The TikTok Order Exceptions page (`customscript_tts_sl_exceptions`): inbox records in `error` or
 * `exception` with a Retry link each and a checkbox column for "Retry selected", the sales orders
 * with a buyer cancellation request awaiting an answer (nearest deadline first, each with its
 * deadline and a link to answer it on the sales order), the TikTok sales orders still to ship by
 * TikTok's ship-by deadline (least time left first, late ones flagged), the TikTok returns that need
 * the admin (response deadline first, by time left; a note per shop whose returns flow is off), the
 * TikTok refunds that need the admin (waiting, error, not tying out; a note per shop whose refunds
 * flow is off), a note per shop whose Product Push Blocked holds TikTok's refusal to let it create
 * products (issue #20), and
 * the newest sync log entries (test-order reviews, tie-out and update exceptions). A retry redirects back to
 * the page (so a reload does not retry again), which then says what happened.
 *
 * Safety (issue #8): list cells show text from TikTok (payment method names, shop names, messages
 * quoting the order), and NetSuite's list sublists render cell text as HTML, so every text cell is
 * HTML-escaped here. Only a POST retries: the per-record Retry link opens a confirmation form whose
 * button posts back to this Suitelet, so a link (in an e-mail, on another site) changes nothing.
 *
 * Usage: nine queries (90) to show the page; a retry of up to 100 records 250 more.
 */
import type * as http from 'N/http';
import * as redirect from 'N/redirect';
import * as serverWidget from 'N/ui/serverWidget';
import * as url from 'N/url';
import { isInternalId } from '../../../../shared-types/src/ids/external-ids';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../../../shared-types/src/netsuite/netsuite-ids';
import type { RetrySummary } from '../../../../shared-types/src/inbox/retry-summary';
import {
  describeRetrySummary,
  parseRetrySummary,
  retrySummaryParams,
  summarizeRetry,
} from '../../../../shared-types/src/inbox/retry-summary';
import { MAX_RETRY_IDS } from '../../../../shared-types/src/contract/restlet-contract';
import { listInboxForReview } from '../dao/inbox-review-dao';
import { listRecentLog } from '../dao/log-dao';
import { listPendingCancelRequests, listToShip } from '../dao/sales-order-dao';
import { listOpenReturns, listShopsWithReturnsOff } from '../dao/return-dao';
import { listOpenRefunds, listShopsWithRefundsOff } from '../dao/refund-dao';
import type { OpenRefundRow } from '../mappers/refund-mapper';
import { pushRefundsOffNote } from '../../../../shared-types/src/refunds/refunds-upsert';
import { pushBlockedNote } from '../../../../shared-types/src/catalog/push-plan';
import { listPushBlockedShops } from '../dao/shop-dao';
import type { OpenReturnRow } from '../mappers/return-mapper';
import { byTimeLeft, returnsOffNotes } from '../../../../shared-types/src/returns/return-review';
import type { InboxReviewRow } from '../mappers/order-inbox-mapper';
import type { PendingCancelRequestRow, ToShipRow } from '../mappers/sales-order-mapper';
import { describeTimeLeft, lateDispatchList } from '../../../../shared-types/src/fulfillments/ship-by';
import type { LogRow } from '../mappers/sync-log-mapper';
import { retryInboxRecords, RETRYABLE_STATES } from './retry-service';

const INBOX_SUBLIST = 'custpage_inbox';
const LOG_SUBLIST = 'custpage_log';
const SELECT_FIELD = 'custpage_select';
const ID_FIELD = 'custpage_inbox_id';
/** GET parameter of a per-record Retry link: it opens the confirmation form, never retries. */
export const RETRY_PARAM = 'retry';
/** Hidden body field of the confirmation form: the inbox record its POST retries. */
const CONFIRM_FIELD = 'custpage_retry_id';
const LOG_ROWS = 50;
const CANCEL_SUBLIST = 'custpage_cancel_requests';
const CANCEL_ROWS = 100;
const TO_SHIP_SUBLIST = 'custpage_to_ship';
const TO_SHIP_ROWS = 200;
const RETURNS_SUBLIST = 'custpage_returns';
const RETURN_ROWS = 100;
const REFUNDS_SUBLIST = 'custpage_refunds';
const REFUND_ROWS = 100;

function selfUrl(params: Record<string, string> = {}): string {
  return url.resolveScript({
    scriptId: EXCEPTIONS_SUITELET_ID,
    deploymentId: EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
    params,
  });
}

function backToPage(summary: RetrySummary): void {
  redirect.toSuitelet({
    scriptId: EXCEPTIONS_SUITELET_ID,
    deploymentId: EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
    parameters: retrySummaryParams(summary),
  });
}

function selectedIds(request: http.ServerRequest): string[] {
  const ids: string[] = [];
  const count = request.getLineCount({ group: INBOX_SUBLIST });
  for (let line = 0; line < count; line += 1) {
    if (request.getSublistValue({ group: INBOX_SUBLIST, name: SELECT_FIELD, line }) === 'T') {
      ids.push(request.getSublistValue({ group: INBOX_SUBLIST, name: ID_FIELD, line }));
    }
  }
  return ids;
}

function retry(ids: readonly string[]): void {
  const wanted = ids.filter((id) => isInternalId(id)).slice(0, MAX_RETRY_IDS);
  const result =
    wanted.length > 0
      ? retryInboxRecords(wanted)
      : { ok: true as const, results: [], importQueued: false, updatesQueued: false };
  backToPage(summarizeRetry(result, ids.length - wanted.length));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A list cell's value as HTML: NetSuite renders list sublist text as markup, so the text is escaped
 * (line breaks kept as `<br>`).
 */
function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A list sublist cell must not be empty in NetSuite's UI; a space keeps the column aligned.
  return text === '' ? ' ' : escapeHtml(text).replace(/\r?\n/g, '<br>');
}

function addInboxSublist(form: serverWidget.Form, rows: readonly InboxReviewRow[]): void {
  const sublist = form.addSublist({
    id: INBOX_SUBLIST,
    type: serverWidget.SublistType.LIST,
    label: `Orders to look at (${rows.length})`,
  });
  sublist.addField({ id: SELECT_FIELD, type: serverWidget.FieldType.CHECKBOX, label: 'Select' });
  sublist
    .addField({ id: ID_FIELD, type: serverWidget.FieldType.TEXT, label: 'Inbox ID' })
    .updateDisplayType({ displayType: serverWidget.FieldDisplayType.INLINE });
  const columns: [string, string, serverWidget.FieldType][] = [
    ['custpage_shop', 'Shop', serverWidget.FieldType.TEXT],
    ['custpage_order', 'TikTok Order ID', serverWidget.FieldType.TEXT],
    ['custpage_state', 'State', serverWidget.FieldType.TEXT],
    ['custpage_message', 'Message', serverWidget.FieldType.TEXTAREA],
    ['custpage_attempts', 'Attempts', serverWidget.FieldType.INTEGER],
    ['custpage_updated', 'Last Update', serverWidget.FieldType.TEXT],
  ];
  for (const [id, label, type] of columns) {
    sublist.addField({ id, type, label });
  }
  const link = sublist.addField({ id: 'custpage_retry', type: serverWidget.FieldType.URL, label: 'Retry' });
  link.linkText = 'Retry';
  rows.forEach((row, line) => {
    const set = (id: string, value: string | number | null): void => {
      sublist.setSublistValue({ id, line, value: cell(value) });
    };
    sublist.setSublistValue({ id: ID_FIELD, line, value: row.id });
    set('custpage_shop', row.shopName);
    set('custpage_order', row.orderId);
    set('custpage_state', row.state);
    set('custpage_message', row.message);
    set('custpage_attempts', row.attempts);
    set('custpage_updated', row.lastModified);
    sublist.setSublistValue({ id: 'custpage_retry', line, value: selfUrl({ [RETRY_PARAM]: row.id }) });
  });
}

/** One column of a read-only list sublist: its field, label, type (TEXT unless said) and value per row. */
interface ListColumn<Row> {
  id: string;
  label: string;
  type?: serverWidget.FieldType;
  value: (row: Row) => string | number | null;
}

/** A list sublist whose rows each fill every column (escaped, `cell`) and, if given, one link column. */
function addListSublist<Row>(
  form: serverWidget.Form,
  spec: {
    id: string;
    label: string;
    columns: readonly ListColumn<Row>[];
    link?: { id: string; label: string; text: string; url: (row: Row) => string | null };
  },
  rows: readonly Row[],
): void {
  const sublist = form.addSublist({ id: spec.id, type: serverWidget.SublistType.LIST, label: spec.label });
  for (const column of spec.columns) {
    sublist.addField({
      id: column.id,
      type: column.type ?? serverWidget.FieldType.TEXT,
      label: column.label,
    });
  }
  if (spec.link !== undefined) {
    const field = sublist.addField({
      id: spec.link.id,
      type: serverWidget.FieldType.URL,
      label: spec.link.label,
    });
    field.linkText = spec.link.text;
  }
  rows.forEach((row, line) => {
    for (const column of spec.columns) {
      sublist.setSublistValue({ id: column.id, line, value: cell(column.value(row)) });
    }
    const href = spec.link?.url(row) ?? null;
    if (spec.link !== undefined && href !== null)
      sublist.setSublistValue({ id: spec.link.id, line, value: href });
  });
}

const TEXTAREA = serverWidget.FieldType.TEXTAREA;

function salesOrderUrl(salesOrderId: string, isEditMode: boolean): string {
  return url.resolveRecord({ recordType: 'salesorder', recordId: salesOrderId, isEditMode });
}

/** Buyer cancellation requests awaiting an answer on the sales order (buyer-cancel-request.ts). */
function addCancelRequestSublist(form: serverWidget.Form, rows: readonly PendingCancelRequestRow[]): void {
  addListSublist(
    form,
    {
      id: CANCEL_SUBLIST,
      label: `Buyer cancellation requests to answer (${rows.length})`,
      columns: [
        { id: 'custpage_bc_shop', label: 'Shop', value: (r) => r.shopName },
        { id: 'custpage_bc_tranid', label: 'Sales Order', value: (r) => r.tranId ?? r.salesOrderId },
        { id: 'custpage_bc_order', label: 'TikTok Order ID', value: (r) => r.tiktokOrderId },
        { id: 'custpage_bc_requested', label: 'Requested (your time zone)', value: (r) => r.requested },
        {
          id: 'custpage_bc_deadline',
          label: 'Answer By (your time zone)',
          value: (r) => r.deadline ?? 'none given',
        },
        { id: 'custpage_bc_reason', label: "Buyer's Reason", value: (r) => r.reason },
        {
          id: 'custpage_bc_answer',
          label: 'Answer',
          value: (r) => (r.answered ? 'answered, being sent to TikTok' : 'not answered yet'),
        },
      ],
      link: {
        id: 'custpage_bc_open',
        label: 'Open',
        text: 'Open the sales order',
        url: (r) => salesOrderUrl(r.salesOrderId, true),
      },
    },
    rows,
  );
}

/**
 * The late-dispatch watch: TikTok sales orders not shipped yet, least time left first, those past
 * TikTok's ship-by deadline flagged (shared-types/src/fulfillments/ship-by.ts).
 */
function addToShipSublist(form: serverWidget.Form, rows: readonly ToShipRow[], nowUnix: number): void {
  const bySalesOrder = new Map(rows.map((row) => [row.salesOrderId, row]));
  const listed = lateDispatchList(
    rows.map((row) => ({
      shopId: row.shopName ?? '',
      orderId: row.salesOrderId,
      shipByUnix: row.shipByUnix,
    })),
    nowUnix,
  ).flatMap((entry) => {
    const row = bySalesOrder.get(entry.orderId);
    return row === undefined ? [] : [{ ...entry, row }];
  });
  const late = listed.filter((entry) => entry.late).length;
  addListSublist(
    form,
    {
      id: TO_SHIP_SUBLIST,
      label: `Orders to ship by TikTok's deadline (${rows.length}, ${late} late)`,
      columns: [
        { id: 'custpage_ts_late', label: 'Late', value: (e) => (e.late ? 'LATE' : '') },
        { id: 'custpage_ts_left', label: 'Time Left', value: (e) => describeTimeLeft(e.secondsLeft) },
        { id: 'custpage_ts_shop', label: 'Shop', value: (e) => e.row.shopName },
        { id: 'custpage_ts_tranid', label: 'Sales Order', value: (e) => e.row.tranId ?? e.row.salesOrderId },
        { id: 'custpage_ts_order', label: 'TikTok Order ID', value: (e) => e.row.tiktokOrderId },
        {
          id: 'custpage_ts_ship_by',
          label: 'Ship By (UTC)',
          value: (e) => new Date(e.row.shipByUnix * 1000).toISOString().slice(0, 16).replace('T', ' '),
        },
      ],
      link: {
        id: 'custpage_ts_open',
        label: 'Open',
        text: 'Open the sales order',
        url: (e) => salesOrderUrl(e.row.salesOrderId, false),
      },
    },
    listed,
  );
}

/** TikTok returns that need the admin (waiting, error, a note) or an answer before a deadline. */
function addReturnsSublist(form: serverWidget.Form, rows: readonly OpenReturnRow[]): void {
  addListSublist(
    form,
    {
      id: RETURNS_SUBLIST,
      label: `TikTok returns (${rows.length})`,
      columns: [
        {
          id: 'custpage_rt_deadline',
          label: 'Respond By (your time zone)',
          value: (r) => r.deadline ?? 'none',
        },
        { id: 'custpage_rt_shop', label: 'Shop', value: (r) => r.shopName },
        { id: 'custpage_rt_return', label: 'TikTok Return ID', value: (r) => r.returnId },
        { id: 'custpage_rt_order', label: 'TikTok Order ID', value: (r) => r.orderId },
        { id: 'custpage_rt_status', label: 'TikTok Status', value: (r) => r.status },
        { id: 'custpage_rt_state', label: 'State', value: (r) => r.state },
        { id: 'custpage_rt_message', label: 'Message', type: TEXTAREA, value: (r) => r.message },
      ],
      link: {
        id: 'custpage_rt_open',
        label: 'Open',
        text: 'Open the return authorization',
        url: (r) =>
          r.rmaId === null
            ? null
            : url.resolveRecord({ recordType: 'returnauthorization', recordId: r.rmaId }),
      },
    },
    rows,
  );
}

/** TikTok refunds that need the admin: waiting, in error, or a document that does not tie out (issue #18). */
function addRefundsSublist(form: serverWidget.Form, rows: readonly OpenRefundRow[]): void {
  addListSublist(
    form,
    {
      id: REFUNDS_SUBLIST,
      label: `TikTok refunds (${rows.length})`,
      columns: [
        { id: 'custpage_rf_shop', label: 'Shop', value: (r) => r.shopName },
        { id: 'custpage_rf_refund', label: 'TikTok Refund ID', value: (r) => r.refundId },
        { id: 'custpage_rf_order', label: 'TikTok Order ID', value: (r) => r.orderId },
        { id: 'custpage_rf_total', label: 'Refund Total', value: (r) => r.total },
        { id: 'custpage_rf_state', label: 'State', value: (r) => r.state },
        { id: 'custpage_rf_doc', label: 'Refund Document', value: (r) => r.documentId },
        { id: 'custpage_rf_message', label: 'Message', type: TEXTAREA, value: (r) => r.message },
      ],
    },
    rows,
  );
}

function addLogSublist(form: serverWidget.Form, rows: readonly LogRow[]): void {
  addListSublist(
    form,
    {
      id: LOG_SUBLIST,
      label: 'Recent sync log',
      columns: [
        { id: 'custpage_log_created', label: 'Date', value: (r) => r.created },
        { id: 'custpage_log_shop', label: 'Shop', value: (r) => r.shopName },
        { id: 'custpage_log_level', label: 'Level', value: (r) => r.level },
        { id: 'custpage_log_flow', label: 'Flow', value: (r) => r.flow },
        { id: 'custpage_log_message', label: 'Message', type: TEXTAREA, value: (r) => r.message },
        {
          id: 'custpage_log_record',
          label: 'Record',
          value: (r) => (r.recordType === null ? null : `${r.recordType} ${r.recordId ?? ''}`.trim()),
        },
        { id: 'custpage_log_tiktok', label: 'TikTok ID', value: (r) => r.tiktokId },
      ],
    },
    rows,
  );
}

function renderPage(request: http.ServerRequest, response: http.ServerResponse): void {
  const form = serverWidget.createForm({ title: 'TikTok Order Exceptions' });
  const summary = parseRetrySummary(request.parameters as Record<string, string | undefined>);
  const intro = form.addField({
    id: 'custpage_intro',
    type: serverWidget.FieldType.INLINEHTML,
    label: 'About',
  });
  const done = summary === null ? '' : `<p><b>${escapeHtml(describeRetrySummary(summary))}</b></p>`;
  intro.defaultValue = `${done}<p>TikTok orders that could not be imported (error) or need a decision (exception). Fix what the message says, then Retry: an order without a sales order is imported again; an order with one is compared with its latest TikTok update again.</p><p>Buyer cancellation requests: answer each on its sales order (Buyer Cancellation Answer, and a Reject Reason to reject) before its deadline; after it TikTok approves the request and cancels the order.</p><p>TikTok returns: each return that sends goods back is a return authorization; answer the ones with a deadline before it (in TikTok Seller Center), receive the goods on the return authorization when they arrive.</p>${returnsOffNotes(
    listShopsWithReturnsOff(),
  )
    .map((note) => `<p>${escapeHtml(note)}</p>`)
    .join('')}${listShopsWithRefundsOff()
    .map((name) => `<p>${escapeHtml(pushRefundsOffNote(name))}</p>`)
    .join('')}${listPushBlockedShops()
    .map((shop) => `<p>${escapeHtml(pushBlockedNote(shop.name, shop.block))}</p>`)
    .join('')}`;
  addInboxSublist(form, listInboxForReview(RETRYABLE_STATES, MAX_RETRY_IDS));
  addCancelRequestSublist(form, listPendingCancelRequests(CANCEL_ROWS));
  addToShipSublist(form, listToShip(TO_SHIP_ROWS), Math.floor(Date.now() / 1000));
  addReturnsSublist(form, byTimeLeft(listOpenReturns(RETURN_ROWS)));
  addRefundsSublist(form, listOpenRefunds(REFUND_ROWS));
  addLogSublist(form, listRecentLog(LOG_ROWS));
  form.addSubmitButton({ label: 'Retry selected' });
  response.writePage({ pageObject: form });
}

/** The per-record Retry link's page: says what Retry does; its button posts the record back. */
function renderConfirmation(inboxId: string, response: http.ServerResponse): void {
  const form = serverWidget.createForm({ title: 'Retry a TikTok order' });
  const intro = form.addField({
    id: 'custpage_intro',
    type: serverWidget.FieldType.INLINEHTML,
    label: 'About',
  });
  intro.defaultValue = `<p>Retry order inbox record ${escapeHtml(inboxId)}? An order without a sales order is imported again; an order with one is compared with its latest TikTok update again. <a href="${escapeHtml(selfUrl())}">Back to the list</a></p>`;
  const id = form.addField({ id: CONFIRM_FIELD, type: serverWidget.FieldType.TEXT, label: 'Inbox ID' });
  id.defaultValue = inboxId;
  id.updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN });
  form.addSubmitButton({ label: 'Retry this order' });
  response.writePage({ pageObject: form });
}

export function handleExceptionsRequest(request: http.ServerRequest, response: http.ServerResponse): void {
  const params = request.parameters as Record<string, string | undefined>;
  if (request.method === 'POST') {
    const confirmed = params[CONFIRM_FIELD];
    retry(confirmed !== undefined && confirmed !== '' ? [confirmed] : selectedIds(request));
    return;
  }
  // A GET never retries (a link must not change anything): the Retry link asks first.
  const single = params[RETRY_PARAM];
  if (isInternalId(single)) {
    renderConfirmation(single, response);
    return;
  }
  renderPage(request, response);
}
