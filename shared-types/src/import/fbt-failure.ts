/**
 * The inbox message when a Fulfilled-by-TikTok order's item fulfillment cannot be saved because
 * nothing is committed at the FBT location: with Setup > Accounting > Accounting Preferences >
 * Order Management > Fulfill Based on Commitment = "Limit to Committed", only committed quantities
 * can be fulfilled, and NetSuite refuses a fulfillment without lines (VALID_LINE_ITEM_REQD). The
 * sales order exists; the import retries the fulfillment by itself with the usual backoff (stock
 * may arrive), then leaves it to a person.
 */
import { MAX_IMPORT_ATTEMPTS, retryDelaySeconds } from './import-failure';
import { TEXTAREA_SAFE_LENGTH } from '../netsuite/netsuite-ids';

export interface FbtNotCommitted {
  orderId: string;
  salesOrderId: string;
  location: { id: string | null; name: string | null };
  /** The order's item lines as NetSuite would fulfil them. */
  lines: readonly { sku: string; quantity: number }[];
  /** NetSuite's error, e.g. VALID_LINE_ITEM_REQD: You must enter at least one line item. */
  netsuite: { name: string; message: string };
}

function locationText(location: FbtNotCommitted['location']): string {
  if (location.id === null) return 'the FBT location';
  return location.name === null
    ? `the FBT location ${location.id}`
    : `the FBT location "${location.name}" (${location.id})`;
}

function itemsText(lines: FbtNotCommitted['lines']): string {
  const bySku = new Map<string, number>();
  for (const line of lines) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
  return [...bySku].map(([sku, quantity]) => `${sku} × ${quantity}`).join(', ');
}

/** The message and the automatic retry time (null after the last attempt: a person). */
export function fbtNotCommittedOutcome(
  failure: FbtNotCommitted,
  attempts: number,
  nowUnix: number,
): { message: string; retryAt: number | null } {
  const where = locationText(failure.location);
  const head = `TikTok shipped order ${failure.orderId} itself (Fulfilled by TikTok) and sales order ${failure.salesOrderId} is saved, but its item fulfillment could not be: nothing is committed at ${where} for ${itemsText(failure.lines)} (NetSuite: ${failure.netsuite.name}: ${failure.netsuite.message}). Fix: receive or transfer stock of these items to ${where} so NetSuite commits it to the order, or set Fulfill Based on Commitment to Ignore Commitment (Setup > Accounting > Accounting Preferences > Order Management).`;
  const retrying = attempts < MAX_IMPORT_ATTEMPTS;
  const tail = retrying
    ? ` The import tries the fulfillment again by itself in ${Math.round(retryDelaySeconds(attempts) / 60)} minutes (attempt ${attempts} of ${MAX_IMPORT_ATTEMPTS}).`
    : ` Automatic retries have stopped after ${attempts} attempts: after the fix, retry the order (set the inbox record State to pending); the sales order is linked, not created again.`;
  const text = head + tail;
  return {
    message: text.length > TEXTAREA_SAFE_LENGTH ? `${text.slice(0, TEXTAREA_SAFE_LENGTH - 3)}...` : text,
    retryAt: retrying ? nowUnix + retryDelaySeconds(attempts) : null,
  };
}
