/**
 * Retry of inbox records in `error` or `exception` (the exceptions Suitelet and the RESTlet's
 * `orders.retry`). A record in `error` goes back to `pending` (attempts reset, error and retry time
 * cleared) and the import is submitted — also when it is linked to a sales order an earlier attempt
 * saved (its read-back or FBT fulfillment failed): the import links that sales order and finishes
 * it. A record in `exception` with a sales order (an update exception, or a tie-out exception
 * someone has corrected) goes back to `imported`, flagged for the order updates, which compare its
 * payload with the sales order again.
 *
 * Usage: one query (10) per 500 ids + submitFields 2 per record + at most two task submits (40):
 * 100 records cost 250 units.
 */
import * as log from 'N/log';
import type { InboxChanges } from '../../../../shared-types/src/inbox/inbox-upsert';
import type { OrdersRetryResponse } from '../../../../shared-types/src/contract/restlet-contract';
import { loadInboxRetryRows } from '../dao/inbox-review-dao';
import { updateInbox } from '../dao/order-inbox-dao';
import { submitImport } from '../platform/import-task';
import { submitOrderUpdates } from '../platform/update-task';

export const RETRYABLE_STATES: readonly string[] = ['error', 'exception'];

/**
 * A person's retry starts the automatic-retry budget again (attempts back to 0): the cause was
 * fixed, so a later temporary NetSuite error must still be retried by itself.
 */
const TO_IMPORT: InboxChanges = { state: 'pending', message: null, attempts: 0, retryAt: null };

const TO_UPDATE: InboxChanges = { state: 'imported', message: null, updatePending: true };

export function retryInboxRecords(ids: readonly string[]): OrdersRetryResponse {
  const rows = loadInboxRetryRows(ids);
  const results: OrdersRetryResponse['results'] = [];
  let importNeeded = false;
  let updatesNeeded = false;
  const seen = new Set<string>();
  for (const inboxId of ids) {
    if (seen.has(inboxId)) {
      continue;
    }
    seen.add(inboxId);
    const row = rows.get(inboxId);
    if (row === undefined) {
      results.push({ inboxId, outcome: 'not_found', state: null });
      continue;
    }
    if (row.state === null || !RETRYABLE_STATES.includes(row.state)) {
      results.push({ inboxId, outcome: 'not_retryable', state: row.state });
      continue;
    }
    if (row.salesOrderId === null || row.state === 'error') {
      updateInbox(inboxId, TO_IMPORT);
      importNeeded = true;
      results.push({ inboxId, outcome: 'retried', state: 'pending' });
    } else {
      updateInbox(inboxId, TO_UPDATE);
      updatesNeeded = true;
      results.push({ inboxId, outcome: 'retried', state: 'imported' });
    }
  }
  const importQueued = importNeeded ? submitImport() : false;
  const updatesQueued = updatesNeeded ? submitOrderUpdates() : false;
  log.audit({
    title: 'Inbox retry',
    details: `${results.map((r) => `${r.inboxId}=${r.outcome}`).join(', ')}; import queued: ${importQueued}; updates queued: ${updatesQueued}`,
  });
  return { ok: true, results, importQueued, updatesQueued };
}
