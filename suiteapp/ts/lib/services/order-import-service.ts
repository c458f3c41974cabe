import { salesOrderExternalId } from '../../../../shared-types/src/ids';
import type { ImportWorkItem } from '../../../../shared-types/src/import-work';
import { INBOX_FIELDS } from '../../../../shared-types/src/netsuite-ids';
import { classifyForImport, notImportedNote } from '../../../../shared-types/src/order-classify';
import type { CustomerChoice, SalesOrderPlan } from '../../../../shared-types/src/order-plan';
import { formatOrderProblems, planSalesOrder } from '../../../../shared-types/src/order-plan';
import { createBuyerCustomer, findCustomerByExternalId } from '../dao/customer-dao';
import { updateInbox } from '../dao/inbox-dao';
import { createSalesOrder, findSalesOrderByExternalId } from '../dao/sales-order-dao';
import { isDuplicateRecord } from '../platform/errors';

/**
 * map() of the order import: one inbox record → one sales order, with no lookups in the usual path.
 *
 * Usage per imported order: sales order create 10 + save 20 + inbox submitFields 2 = 32 units
 * (a new per-buyer customer adds create 5 + save 10; a retry adds the externalid lookup 10). An
 * order that cannot be planned costs one submitFields (2). The sales order's externalid
 * `tts_<shopId>_<orderId>` makes a second create fail with DUP_RCRD, which links the existing one,
 * so a TikTok order never becomes two sales orders.
 */

export type ImportResult = 'imported' | 'linked' | 'error' | 'skipped' | 'cancelled';

export interface ImportOutcome {
  result: ImportResult;
  salesOrderId: string | null;
  message: string | null;
}

function markError(item: ImportWorkItem, message: string): ImportOutcome {
  updateInbox(item.inboxId, {
    [INBOX_FIELDS.state]: 'error',
    [INBOX_FIELDS.error]: message,
    [INBOX_FIELDS.attempts]: item.attempts + 1,
  });
  return { result: 'error', salesOrderId: null, message };
}

function markImported(
  item: ImportWorkItem,
  salesOrderId: string,
  result: 'imported' | 'linked',
): ImportOutcome {
  updateInbox(item.inboxId, {
    [INBOX_FIELDS.state]: 'imported',
    [INBOX_FIELDS.salesOrder]: salesOrderId,
    [INBOX_FIELDS.error]: '',
    [INBOX_FIELDS.attempts]: item.attempts + 1,
  });
  return { result, salesOrderId, message: null };
}

function markNotImported(
  item: ImportWorkItem,
  state: 'skipped' | 'cancelled',
  message: string,
): ImportOutcome {
  updateInbox(item.inboxId, { [INBOX_FIELDS.state]: state, [INBOX_FIELDS.error]: message });
  return { result: state, salesOrderId: null, message };
}

function customerFor(choice: CustomerChoice): string {
  if (choice.kind === 'existing') {
    return choice.id;
  }
  try {
    return createBuyerCustomer(choice.customer);
  } catch (e) {
    const existing = isDuplicateRecord(e) ? findCustomerByExternalId(choice.customer.externalId) : null;
    if (existing === null) {
      throw e;
    }
    return existing;
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

/**
 * Imports one work item. `retrying` (a restarted or repeated map invocation) checks for a sales
 * order saved by the earlier attempt before creating one. NetSuite rejections of the save are
 * thrown, so map/reduce retries them and summarize writes the last one onto the inbox record.
 */
export function importWorkItem(item: ImportWorkItem, retrying: boolean): ImportOutcome {
  if (item.blocked !== null || item.order === null) {
    return markError(item, item.blocked ?? `Inbox record ${item.inboxId} has no readable order.`);
  }
  const order = item.order;
  const importClass = classifyForImport(order);
  if (importClass !== 'import') {
    return markNotImported(item, importClass === 'wait' ? 'skipped' : 'cancelled', notImportedNote(order));
  }
  if (retrying) {
    const existing = findSalesOrderByExternalId(salesOrderExternalId(item.shop.shopId, order.id));
    if (existing !== null) {
      return markImported(item, existing, 'linked');
    }
  }
  const planned = planSalesOrder(order, {
    shop: item.shop,
    items: item.items,
    ambiguousSkus: item.ambiguousSkus,
    buyerCustomerId: item.buyerCustomerId,
  });
  if (!planned.ok) {
    return markError(item, formatOrderProblems(planned.problems));
  }
  const salesOrder = createOrFind(planned.plan, customerFor(planned.plan.customer));
  return markImported(item, salesOrder.id, salesOrder.created ? 'imported' : 'linked');
}
