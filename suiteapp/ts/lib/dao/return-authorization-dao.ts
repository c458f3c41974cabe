/**
 * Return authorizations made from TikTok returns (transaction: transform 10, load 10, save 20;
 * SuiteQL 10 units). Fields and lines: mappers/return-authorization-mapper.ts.
 *
 * What NetSuite answers, and what it means here:
 * - the transform fails with INVALID_INITIALIZE_REF when the sales order cannot be returned now
 *   (pending approval or closed) → `refused`, with NetSuite's message;
 * - the save fails with DUP_RCRD when an RMA with our externalid `tts_ret_<shopId>_<returnId>`
 *   exists (an earlier call saved it and stopped before recording it) → `exists`, the one saved.
 */
import type { RmaPlan } from '../../../../shared-types/src/returns/rma-plan';
import type { RmaState } from '../../../../shared-types/src/returns/return-status';
import type { RmaStatusChange } from '../../../../shared-types/src/returns/return-status';
import type { BodyWrite } from '../mappers/record-declaration';
import {
  approveWrites,
  closeLineWrites,
  newRmaBodyWrites,
  RETURN_AUTHORIZATION,
  RMA_BY_EXTERNAL_ID,
  RMA_ITEM_SUBLIST,
  rmaLineChanges,
  rmaState,
  rmaTikTokWrites,
} from '../mappers/return-authorization-mapper';
import type { ReturnableOrderLine } from '../../../../shared-types/src/returns/rma-plan';
import { REPLACEMENT_SALES_ORDER, returnableOrder, SALES_ORDER } from '../mappers/sales-order-mapper';
import { idOf } from '../mappers/values';
import { errorMessage, errorName, isDuplicateRecord } from '../platform/errors';
import type { NetSuiteRecord } from './netsuite-record';
import {
  loadRecord,
  readerOf,
  removeLines,
  saveRecord,
  setBodyFields,
  transformRecord,
  writeRecord,
} from './netsuite-record';
import { runQuery } from './suiteql';

/** The RMA with this externalid, or null (10 units). */
export function findRmaByExternalId(externalId: string): string | null {
  const [row] = runQuery(RMA_BY_EXTERNAL_ID, [externalId]);
  return row === undefined ? null : idOf(row.id);
}

/** The sales order of the replacement order TikTok issued for `orderId`, or null (10 units). */
export function findReplacementSalesOrder(orderId: string): string | null {
  const [row] = runQuery(REPLACEMENT_SALES_ORDER, [orderId]);
  return row === undefined ? null : idOf(row.id);
}

/** The sales order's lines and location, for the plan (load, 10 units). */
export function readReturnableOrder(salesOrderId: string): {
  lines: ReturnableOrderLine[];
  locationId: string | null;
} {
  return returnableOrder(readerOf(loadRecord(SALES_ORDER.recordType, salesOrderId)));
}

export type RmaCreation =
  | { kind: 'created'; id: string }
  | { kind: 'exists'; id: string }
  | { kind: 'refused'; name: string; message: string };

/** Transforms the sales order into the planned RMA and saves it (30 units). */
export function createRma(plan: RmaPlan): RmaCreation {
  let rma: NetSuiteRecord;
  try {
    rma = transformRecord(
      SALES_ORDER.recordType,
      plan.salesOrderId,
      SALES_ORDER.transforms.returnAuthorization,
    );
  } catch (e) {
    if (errorName(e) === 'INVALID_INITIALIZE_REF')
      return { kind: 'refused', name: errorName(e), message: errorMessage(e) };
    throw e;
  }
  setBodyFields(rma, newRmaBodyWrites(plan));
  const changes = rmaLineChanges(readerOf(rma), plan);
  writeRecord(rma, {
    body: [],
    sublists: [{ sublistId: RMA_ITEM_SUBLIST, lines: changes.set }],
    subrecords: [],
  });
  removeLines(rma, RMA_ITEM_SUBLIST, changes.remove);
  try {
    return { kind: 'created', id: saveRecord(rma) };
  } catch (e) {
    if (!isDuplicateRecord(e)) throw e;
    const id = findRmaByExternalId(plan.externalId);
    if (id === null) throw e;
    return { kind: 'exists', id };
  }
}

export interface LoadedRma {
  state: RmaState;
  handle: NetSuiteRecord;
}

/** Loads the RMA (10 units) and reads what the status planning compares. */
export function loadRma(id: string): LoadedRma {
  const handle = loadRecord(RETURN_AUTHORIZATION.recordType, id);
  return { state: rmaState(readerOf(handle)), handle };
}

/** Applies the status change and the TikTok fields to the loaded RMA and saves it (20 units). */
export function saveRmaChange(
  loaded: LoadedRma,
  change: RmaStatusChange,
  tiktok: Parameters<typeof rmaTikTokWrites>[0],
): void {
  const body: BodyWrite[] = [...rmaTikTokWrites(tiktok), ...(change.approve ? approveWrites() : [])];
  const lines = change.close ? closeLineWrites(readerOf(loaded.handle)) : [];
  writeRecord(loaded.handle, { body, sublists: [{ sublistId: RMA_ITEM_SUBLIST, lines }], subrecords: [] });
  saveRecord(loaded.handle);
}
