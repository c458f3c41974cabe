/**
 * The tie-out of a saved sales order: one `search.lookupFields` (1 unit) reads NetSuite's total,
 * shipping and tax total (transaction search columns `total`, `shippingamount`, `taxtotal`) and the
 * names the test-order review shows; order-tieout.ts compares them with TikTok's figures. When
 * NetSuite's tax differs from the variance written at create, the variance is corrected
 * (submitFields 10); when the figures do not tie, the sales order gets Ties Out = F (same
 * submitFields) and a log entry (6 units).
 */
import { toNetSuiteAmount } from '../../../../shared-types/src/money/money';
import type { SalesOrderPlan } from '../../../../shared-types/src/orders/order-plan';
import type { NetSuiteTotals, TieOutResult } from '../../../../shared-types/src/orders/order-tieout';
import { lookupAmountToMinor, tieOut, tieOutMessage } from '../../../../shared-types/src/orders/order-tieout';
import { writeLogEntry } from '../dao/log-dao';
import { markTieOut, readBackSalesOrder } from '../dao/sales-order-dao';
import type { SalesOrderReadBack } from '../mappers/sales-order-mapper';

export interface TieOutCheck {
  result: TieOutResult;
  readBack: SalesOrderReadBack;
  /** The inbox message when the order does not tie out, else null. */
  exception: string | null;
}

function totalsOf(readBack: SalesOrderReadBack, currency: string): NetSuiteTotals {
  return {
    totalMinor: lookupAmountToMinor(readBack.total, currency),
    shippingMinor: lookupAmountToMinor(readBack.shipping, currency),
    taxTotalMinor: lookupAmountToMinor(readBack.taxTotal, currency),
  };
}

export function checkTieOut(plan: SalesOrderPlan, salesOrderId: string): TieOutCheck {
  const readBack = readBackSalesOrder(salesOrderId);
  const result = tieOut(plan, totalsOf(readBack, plan.currency));
  const update: { taxVariance?: number; tiesOut?: boolean } = {};
  if (result.taxVarianceMinor !== plan.expectedTaxVarianceMinor) {
    update.taxVariance = toNetSuiteAmount(result.taxVarianceMinor, plan.currency);
  }
  if (!result.ties) {
    update.tiesOut = false;
  }
  if (update.taxVariance !== undefined || update.tiesOut !== undefined) {
    markTieOut(salesOrderId, update);
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
