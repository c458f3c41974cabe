import type { SalesOrderPlan } from '../../../../shared-types/src/order-plan';
import { SALES_ORDER_ORDER_FIELDS } from '../../../../shared-types/src/order-ids';
import type { NetSuiteTotals, TieOutResult } from '../../../../shared-types/src/order-tieout';
import { lookupAmountToMinor, tieOut, tieOutMessage } from '../../../../shared-types/src/order-tieout';
import { toNetSuiteAmount } from '../../../../shared-types/src/money';
import { writeLogEntry } from '../dao/log-dao';
import type { SalesOrderReadBack } from '../dao/sales-order-dao';
import { readBackSalesOrder, updateSalesOrderFields } from '../dao/sales-order-dao';

/**
 * The tie-out of a saved sales order: one `search.lookupFields` (1 unit) reads NetSuite's subtotal,
 * shipping, tax and total (and the names the test-order review shows). When NetSuite's tax differs
 * from the variance written at create, the variance is corrected (submitFields 10); when the figures
 * do not tie, the sales order gets Ties Out = F (same submitFields) and a log entry (6 units).
 */

export interface TieOutCheck {
  result: TieOutResult;
  readBack: SalesOrderReadBack;
  /** The inbox message when the order does not tie out, else null. */
  exception: string | null;
}

function totalsOf(readBack: SalesOrderReadBack, currency: string): NetSuiteTotals {
  return {
    subtotalMinor: lookupAmountToMinor(readBack.subtotal, currency),
    shippingMinor: lookupAmountToMinor(readBack.shipping, currency),
    taxMinor: lookupAmountToMinor(readBack.tax, currency),
    totalMinor: lookupAmountToMinor(readBack.total, currency),
  };
}

export function checkTieOut(plan: SalesOrderPlan, salesOrderId: string): TieOutCheck {
  const readBack = readBackSalesOrder(salesOrderId);
  const result = tieOut(plan, totalsOf(readBack, plan.currency));
  const f = SALES_ORDER_ORDER_FIELDS;
  const updates: Record<string, number | boolean> = {};
  if (result.taxVarianceMinor !== plan.expectedTaxVarianceMinor) {
    updates[f.taxVariance] = toNetSuiteAmount(result.taxVarianceMinor, plan.currency);
  }
  if (!result.ties) {
    updates[f.tieOut] = false;
  }
  if (Object.keys(updates).length > 0) {
    updateSalesOrderFields(salesOrderId, updates);
  }
  if (result.ties) {
    return { result, readBack, exception: null };
  }
  const message = tieOutMessage(result, plan, salesOrderId);
  writeLogEntry({
    shopRecordId: plan.shopRecordId,
    level: 'error',
    flow: 'orders',
    message,
    recordType: 'salesorder',
    recordId: salesOrderId,
    tiktokId: plan.tiktokOrderId,
  });
  return { result, readBack, exception: message };
}
