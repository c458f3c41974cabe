/**
 * map() of the order import, after the claim (order-import-claim.ts): one inbox record → one sales
 * order, with no lookups in the usual path.
 *
 * Usage per imported order (default customer): sales order create 10 + save 20 + tie-out
 * lookupFields 1 + the inbox outcome (load 2 + save 4, conditional on the payload the run planned
 * from: order-import-inbox.ts) = 37 units (43 with the claim). A new per-buyer customer adds
 * create 5 + save 10; a restarted map adds the externalid lookup 10; an order that does not tie
 * out adds the sales order submitFields 10 + a log entry 6; the test order adds the shop
 * submitFields 2 + a log entry 6; a Fulfilled-by-TikTok order adds its item fulfillment
 * (transform 10 + save 20). An order that cannot be planned costs the outcome write (6).
 *
 * A TikTok order never becomes two sales orders: a sales order an earlier attempt saved (found by
 * externalid in getInputData, or looked up by a restarted map) is linked without a create at all,
 * then FBT-fulfilled, tied out and marked imported; and when a run that read the order before
 * another run saved its sales order creates it (the other run lost its claim to time before it
 * could write the inbox), the externalid `tts_<shopId>_<orderId>` makes that create fail with
 * DUP_RCRD, which links the existing one (test/integration/import-exactly-once.test.ts). When
 * something after the save fails (the read-back, the fulfillment, the inbox write), the inbox
 * record is linked to the sales order with the error, so the next attempt finishes it instead of
 * meeting DUP_RCRD for ever.
 *
 * NetSuite's rejections are caught and written onto the inbox record: temporary ones
 * (RCRD_HAS_BEEN_CHANGED, request limit, UNEXPECTED_ERROR...) with an automatic retry time and
 * backoff, nothing committed at the FBT location (VALID_LINE_ITEM_REQD) with the location, items
 * and fix and the same backoff, the rest translated into what to fix (a closed accounting period
 * names the date and where to reopen it). Governance limits are not caught: summarize handles those.
 */
import type { FbtNotCommitted } from '../../../../shared-types/src/import/fbt-failure';
import { fbtNotCommittedOutcome } from '../../../../shared-types/src/import/fbt-failure';
import {
  fbtFulfillmentExternalId,
  salesOrderExternalId,
} from '../../../../shared-types/src/ids/external-ids';
import {
  customerFailureMessage,
  failureOutcome,
  isTransientFailure,
} from '../../../../shared-types/src/import/import-failure';
import type { ImportWorkItem } from '../../../../shared-types/src/import/import-work';
import { decideImport } from '../../../../shared-types/src/orders/order-classify';
import type { CustomerChoice, SalesOrderPlan } from '../../../../shared-types/src/orders/order-plan';
import { formatOrderProblems, planSalesOrder } from '../../../../shared-types/src/orders/order-plan';
import { addCustomerCurrency, createBuyerCustomer, findCustomerByExternalId } from '../dao/customer-dao';
import { fulfilFbtOrder } from '../dao/item-fulfillment-dao';
import { createSalesOrder, findSalesOrderByExternalId } from '../dao/sales-order-dao';
import { errorMessage, errorName, isDuplicateRecord } from '../platform/errors';
import type { ImportOutcome } from './order-import-inbox';
import { markError, markImported, markNotImported } from './order-import-inbox';
import type { TestOrderImport } from './order-import-test-mode';
import { finishTestOrder } from './order-import-test-mode';
import { checkTieOut } from './order-import-tieout';

export type { ImportOutcome, ImportResult } from './order-import-inbox';

/** A cancelled order whose sales order an earlier attempt saved (shared-types/src/inbox/inbox-upsert.ts). */
function cancelledAfterSaveNote(orderId: string, salesOrderId: string): string {
  return `TikTok order ${orderId} was cancelled in TikTok Shop after its sales order ${salesOrderId} was saved; the order updates close the sales order's open lines (or raise an exception if it was fulfilled).`;
}

function nowUnix(): number {
  return Math.floor(Date.now() / 1000);
}

function failureDetail(e: unknown): { name: string; message: string } {
  return { name: errorName(e) || 'UNEXPECTED_ERROR', message: errorMessage(e) };
}

/** Governance limits end the invocation; writing the inbox would fail too, so they are rethrown. */
function isGovernanceLimit(e: unknown): boolean {
  const name = errorName(e);
  return name === 'SSS_USAGE_LIMIT_EXCEEDED' || name === 'SSS_TIME_LIMIT_EXCEEDED';
}

class CustomerFailure extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

function customerFor(choice: CustomerChoice, orderId: string, buyerId: string): string {
  try {
    if (choice.kind === 'existing') {
      // A buyer's customer made in another currency trades in the order's too (order-plan.ts).
      if (choice.addCurrencyId !== undefined) addCustomerCurrency(choice.id, choice.addCurrencyId);
      return choice.id;
    }
    return createBuyerCustomer(choice.customer);
  } catch (e) {
    const existing =
      choice.kind === 'new' && isDuplicateRecord(e)
        ? findCustomerByExternalId(choice.customer.externalId)
        : null;
    if (existing !== null) {
      return existing;
    }
    if (isGovernanceLimit(e) || isTransientFailure(errorName(e))) {
      throw e;
    }
    throw new CustomerFailure(customerFailureMessage(failureDetail(e), orderId, buyerId));
  }
}

/** Creates the sales order, or on DUP_RCRD returns the one that already has the externalid. */
function createOrFind(plan: SalesOrderPlan, customerId: string): { id: string; created: boolean } {
  try {
    return { id: createSalesOrder(plan, customerId), created: true };
  } catch (e) {
    const existing = isDuplicateRecord(e) ? findSalesOrderByExternalId(plan.externalId) : null;
    if (existing === null) {
      throw e;
    }
    return { id: existing, created: false };
  }
}

function finishImported(
  item: ImportWorkItem,
  plan: SalesOrderPlan,
  salesOrderId: string,
  customerId: string,
  created: boolean,
): { outcome: ImportOutcome; imported: TestOrderImport } {
  const tieOut = checkTieOut(plan, salesOrderId);
  const outcome =
    tieOut.exception === null
      ? markImported(item, salesOrderId, created ? 'imported' : 'linked')
      : markImported(item, salesOrderId, 'exception', tieOut.exception);
  return { outcome, imported: { plan, customerId, tieOut } };
}

/** Thrown when a Fulfilled-by-TikTok order's fulfillment finds nothing committed at the FBT location. */
class FbtFailure extends Error {
  constructor(readonly failure: FbtNotCommitted) {
    super(`${failure.netsuite.name}: ${failure.netsuite.message}`);
  }
}

/**
 * A Fulfilled-by-TikTok order is recorded as shipped (item fulfillment, 30 units; idempotent: an
 * order with nothing left to fulfil was fulfilled by an earlier attempt).
 */
function fulfilIfFbt(item: ImportWorkItem, plan: SalesOrderPlan, salesOrderId: string): void {
  if (!plan.fbt) return;
  const result = fulfilFbtOrder(
    salesOrderId,
    fbtFulfillmentExternalId(item.shop.shopId, plan.tiktokOrderId),
    `Fulfilled by TikTok (FBT): TikTok order ${plan.tiktokOrderId}`,
  );
  if (result.kind === 'not_committed') {
    const locationId = plan.locationId;
    const state = locationId === null ? undefined : item.locations?.[locationId];
    throw new FbtFailure({
      orderId: plan.tiktokOrderId,
      salesOrderId,
      location: { id: locationId, name: state?.name ?? null },
      lines: plan.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      netsuite: { name: result.name, message: result.message },
    });
  }
}

/**
 * The order's sales order when it already exists: found by externalid in getInputData (an
 * earlier run saved it), or — in a map restarted within this run — looked up now (10 units).
 */
function existingSalesOrder(item: ImportWorkItem, plan: SalesOrderPlan, retrying: boolean): string | null {
  if (item.salesOrderId !== undefined && item.salesOrderId !== null) return item.salesOrderId;
  return retrying
    ? findSalesOrderByExternalId(salesOrderExternalId(item.shop.shopId, plan.tiktokOrderId))
    : null;
}

function importPlanned(
  item: ImportWorkItem,
  plan: SalesOrderPlan,
  retrying: boolean,
): { outcome: ImportOutcome; imported: TestOrderImport | null } {
  const customerChoice = plan.customer;
  const order = item.order;
  const orderId = plan.tiktokOrderId;
  // Set as soon as the sales order exists, so a failure after the save links it on the inbox.
  let salesOrderId: string | null = null;
  try {
    salesOrderId = existingSalesOrder(item, plan, retrying);
    if (salesOrderId !== null) {
      const customerId = customerChoice.kind === 'existing' ? customerChoice.id : '';
      fulfilIfFbt(item, plan, salesOrderId);
      return finishImported(item, plan, salesOrderId, customerId, false);
    }
    const customerId = customerFor(customerChoice, orderId, order?.user_id ?? '');
    const salesOrder = createOrFind(plan, customerId);
    salesOrderId = salesOrder.id;
    fulfilIfFbt(item, plan, salesOrder.id);
    return finishImported(item, plan, salesOrder.id, customerId, salesOrder.created);
  } catch (e) {
    if (e instanceof CustomerFailure) {
      return { outcome: markError(item, e.text), imported: null };
    }
    if (isGovernanceLimit(e)) {
      throw e;
    }
    if (e instanceof FbtFailure) {
      const failed = fbtNotCommittedOutcome(e.failure, item.attempts + 1, nowUnix());
      return { outcome: markError(item, failed.message, failed.retryAt, salesOrderId), imported: null };
    }
    const failed = failureOutcome(failureDetail(e), item.attempts + 1, nowUnix(), {
      orderId,
      tranDate: plan.tranDate,
      salesOrderId,
    });
    return { outcome: markError(item, failed.message, failed.retryAt, salesOrderId), imported: null };
  }
}

/**
 * Imports one work item. `retrying` (a restarted or repeated map invocation) checks for a sales
 * order saved by the earlier attempt before creating one.
 */
export function importWorkItem(item: ImportWorkItem, retrying: boolean): ImportOutcome {
  if (item.blocked !== null || item.order === null) {
    return markError(item, item.blocked ?? `Inbox record ${item.inboxId} has no readable order.`);
  }
  const order = item.order;
  const decision = decideImport(order, item.shop);
  if (decision.kind === 'wait') {
    return markNotImported(item, 'waiting', decision.note);
  }
  const savedSalesOrder = item.salesOrderId ?? null;
  if (decision.kind === 'cancelled' && savedSalesOrder !== null) {
    return markNotImported(
      item,
      'cancelled',
      cancelledAfterSaveNote(order.id, savedSalesOrder),
      savedSalesOrder,
    );
  }
  if (decision.kind !== 'import') {
    return markNotImported(item, decision.kind === 'skip' ? 'skipped' : 'cancelled', decision.note);
  }
  const planned = planSalesOrder(order, {
    shop: item.shop,
    items: item.items,
    ambiguousSkus: item.ambiguousSkus,
    buyerCustomerId: item.buyerCustomerId,
    warehouse: item.warehouse ?? null,
    locations: item.locations,
    replacedSalesOrderId: item.replacedSalesOrderId ?? null,
    account: item.account,
    buyerCustomerCurrencyId: item.buyerCustomerCurrencyId ?? null,
  });
  const result = planned.ok
    ? importPlanned(item, planned.plan, retrying)
    : { outcome: markError(item, formatOrderProblems(planned.problems)), imported: null };
  // A test order retried automatically, or left to the next run for a newer payload, is tested then.
  if (
    item.testOrder === true &&
    result.outcome.result !== 'retry' &&
    result.outcome.result !== 'superseded'
  ) {
    finishTestOrder(item, result.outcome, result.imported);
  }
  return result.outcome;
}
