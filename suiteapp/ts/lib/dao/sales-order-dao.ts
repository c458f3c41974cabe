/**
 * Sales orders (transaction: create/load 10, save 20, submitFields 10, lookupFields 1; SuiteQL 10
 * units). Fields, lines and queries: mappers/sales-order-mapper.ts.
 */
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { SalesOrderPlan } from '../../../../shared-types/src/orders/order-plan';
import type {
  OrderUpdatePlan,
  SalesOrderState,
} from '../../../../shared-types/src/updates/order-update-plan';
import type { TaxEngine } from '../../../../shared-types/src/orders/order-tax-booking';
import type {
  LabelOrderRow,
  PendingCancelRequestRow,
  SalesOrderReadBack,
  ToShipRow,
} from '../mappers/sales-order-mapper';
import {
  LABEL_ORDER_BY_ID,
  labelLinkWrites,
  labelOrderFromRow,
  shipmentOrderOf,
  newSalesOrderWrite,
  pendingCancelRequestFromRow,
  pendingCancelRequestsQuery,
  toShipFromRow,
  toShipQuery,
  READ_BACK_COLUMNS,
  readBackFromLookup,
  SALES_ORDER,
  SALES_ORDER_BY_EXTERNAL_ID,
  TAX_DETAILS_REFERENCE,
  taxDetailLines,
  taxDetailsWrite,
  salesOrderIdsByExternalId,
  salesOrdersByExternalIdQuery,
  salesOrderState,
  salesOrderUpdateWrite,
  withTaxState,
  TRAN_ID_COLUMNS,
  tieOutWrites,
  tranIdFromLookup,
} from '../mappers/sales-order-mapper';
import { idOf } from '../mappers/values';
import type { NetSuiteRecord } from './netsuite-record';
import {
  createRecord,
  loadRecord,
  lookupColumns,
  readerOf,
  saveRecord,
  submitBodyFields,
  writeRecord,
} from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/** Sales orders showing a buyer cancellation request, nearest deadline first (one query, 10 units). */
export function listPendingCancelRequests(limit: number): PendingCancelRequestRow[] {
  return runQuery(pendingCancelRequestsQuery(limit)).flatMap((row) => pendingCancelRequestFromRow(row) ?? []);
}

/** TikTok sales orders still to ship with their ship-by deadline, nearest first (one query, 10 units). */
export function listToShip(limit: number): ToShipRow[] {
  return runQuery(toShipQuery(limit)).flatMap((row) => toShipFromRow(row) ?? []);
}

/** The sales order with this externalid, or null (10 units). */
export function findSalesOrderByExternalId(externalId: string): string | null {
  const [row] = runQuery(SALES_ORDER_BY_EXTERNAL_ID, [externalId]);
  return row === undefined ? null : idOf(row.id);
}

/** externalid → internal id of the sales orders with those externalids (one query per 500). */
export function findSalesOrdersByExternalId(externalIds: readonly string[]): Record<string, string> {
  return salesOrderIdsByExternalId(
    runInChunks([...new Set(externalIds)], LOOKUP_CHUNK_SIZE, salesOrdersByExternalIdQuery),
  );
}

/**
 * Creates the sales order of a plan in standard mode for the given customer (30 units) and returns
 * its id; throws DUP_RCRD when a sales order with the plan's externalid exists.
 */
export function createSalesOrder(plan: SalesOrderPlan, customerId: string): string {
  const so = createRecord(SALES_ORDER.recordType);
  writeRecord(so, newSalesOrderWrite(plan, customerId));
  // SuiteTax: the tax details point to the references NetSuite gave the item lines just written.
  const detailLines = taxDetailLines(plan);
  if (plan.booking.taxDetails.length > 0) {
    const reader = readerOf(so);
    const references = new Map<number, string>();
    for (const line of detailLines) {
      references.set(
        line,
        String(reader.lineValue(TAX_DETAILS_REFERENCE.sublistId, TAX_DETAILS_REFERENCE.fieldId, line) ?? ''),
      );
    }
    writeRecord(so, taxDetailsWrite(plan, references));
  }
  return saveRecord(so, { enableSourcing: true, ignoreMandatoryFields: false });
}

/** Totals and names of a saved sales order in one `search.lookupFields` (1 unit). */
export function readBackSalesOrder(id: string): SalesOrderReadBack {
  return readBackFromLookup(lookupColumns(SALES_ORDER.recordType, id, READ_BACK_COLUMNS));
}

/** The tie-out's corrections in one `submitFields` (10 units). */
export function markTieOut(id: string, update: { taxVariance?: number; tiesOut?: boolean }): void {
  submitBodyFields(SALES_ORDER.recordType, id, tieOutWrites(update));
}

/** The document number of a saved sales order (1 unit), or null while it has none. */
export function lookupTranId(salesOrderId: string): string | null {
  return tranIdFromLookup(lookupColumns(SALES_ORDER.recordType, salesOrderId, TRAN_ID_COLUMNS));
}

export interface LoadedSalesOrder {
  state: SalesOrderState;
  handle: NetSuiteRecord;
}

/** Loads the sales order (10 units) and reads what the update planning compares. */
export function loadSalesOrderForUpdate(id: string): LoadedSalesOrder {
  const so = loadRecord(SALES_ORDER.recordType, id);
  return { state: salesOrderState(id, readerOf(so)), handle: so };
}

/** The loaded order's state with the tax fields of the account's tax engine (no units). */
export function readTaxState(loaded: LoadedSalesOrder, engine: TaxEngine): SalesOrderState {
  return withTaxState(loaded.state, readerOf(loaded.handle), engine);
}

/**
 * Applies the plan's line and address changes to the loaded order and saves it (20 units), with
 * Ties Out = F when the totals re-check found the order off.
 */
export function saveSalesOrderUpdate(
  loaded: LoadedSalesOrder,
  plan: OrderUpdatePlan,
  marks: { tiesOut?: boolean } = {},
): void {
  writeRecord(loaded.handle, salesOrderUpdateWrite(plan, marks));
  saveRecord(loaded.handle, { enableSourcing: true, ignoreMandatoryFields: true });
}

/** A sales order's label flags (one query, 10 units), or null. */
export function findLabelOrder(salesOrderId: string): LabelOrderRow | null {
  const [row] = runQuery(LABEL_ORDER_BY_ID, [salesOrderId]);
  return row === undefined ? null : labelOrderFromRow(row);
}

/** Links the label from the sales order (submitFields, 10 units). */
export function linkLabel(salesOrderId: string, fileId: string, trackingNumbers: readonly string[]): void {
  submitBodyFields(SALES_ORDER.recordType, salesOrderId, labelLinkWrites(fileId, trackingNumbers));
}

/** The sales order as a shipment made outside NetSuite needs it (load, 10 units). */
export function loadShipmentOrder(salesOrderId: string): ReturnType<typeof shipmentOrderOf> {
  return shipmentOrderOf(readerOf(loadRecord(SALES_ORDER.recordType, salesOrderId)), salesOrderId);
}
