import type { ImportWorkItem } from '../../../../shared-types/src/import-work';
import type { ImportState } from '../../../../shared-types/src/order-classify';
import { updateInbox } from '../dao/order-inbox-dao';

/**
 * The inbox writes of the order import, each one `submitFields` (2 units). Every outcome clears
 * or sets the automatic retry time, so a record never keeps a stale one.
 */

export type ImportResult =
  'imported' | 'linked' | 'exception' | 'error' | 'retry' | 'skipped' | 'waiting' | 'cancelled';

export interface ImportOutcome {
  result: ImportResult;
  salesOrderId: string | null;
  message: string | null;
}

/** An import that failed: for a person (retryAt null) or retried automatically at retryAt (Unix s). */
export function markError(
  item: ImportWorkItem,
  message: string,
  retryAt: number | null = null,
): ImportOutcome {
  updateInbox(item.inboxId, { state: 'error', message, attempts: item.attempts + 1, retryAt });
  return { result: retryAt === null ? 'error' : 'retry', salesOrderId: null, message };
}

/** The sales order exists: `imported`, or `exception` with the tie-out message. */
export function markImported(
  item: ImportWorkItem,
  salesOrderId: string,
  result: 'imported' | 'linked' | 'exception',
  message: string | null = null,
): ImportOutcome {
  const state: ImportState = result === 'exception' ? 'exception' : 'imported';
  updateInbox(item.inboxId, {
    state,
    salesOrderId,
    message,
    attempts: item.attempts + 1,
    retryAt: null,
  });
  return { result, salesOrderId, message };
}

/** Not imported now: `waiting` (UNPAID/ON_HOLD), `skipped` (shop setting) or `cancelled`. */
export function markNotImported(
  item: ImportWorkItem,
  state: 'waiting' | 'skipped' | 'cancelled',
  message: string,
): ImportOutcome {
  updateInbox(item.inboxId, { state, message, retryAt: null });
  return { result: state, salesOrderId: null, message };
}
