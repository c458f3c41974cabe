import type { ImportWorkItem } from '../../../../shared-types/src/import-work';
import type { ImportState } from '../../../../shared-types/src/order-classify';
import { updateInbox } from '../dao/order-inbox-dao';

/**
 * The inbox writes of the order import, each one `submitFields` (2 units). Every outcome clears
 * or sets the automatic retry time, so a record never keeps a stale one, and releases the run's
 * claim (shared-types/src/import-claim.ts).
 */

const RELEASE = { claim: null, claimUntil: null } as const;

export type ImportResult =
  'imported' | 'linked' | 'exception' | 'error' | 'retry' | 'skipped' | 'waiting' | 'cancelled';

/** Why map() left a work item alone: import-claim.ts `ClaimDecision`, or the claim's save lost a race. */
export type NotClaimed = 'done' | 'held' | 'changed' | 'raced';

export interface ImportOutcome {
  result: ImportResult;
  salesOrderId: string | null;
  message: string | null;
}

/**
 * An import that failed: for a person (retryAt null) or retried automatically at retryAt (Unix s).
 * When the sales order was saved before the failure, the record is linked to it, so people see it
 * and the next run finishes it instead of creating it again.
 */
export function markError(
  item: ImportWorkItem,
  message: string,
  retryAt: number | null = null,
  salesOrderId: string | null = null,
): ImportOutcome {
  updateInbox(item.inboxId, {
    state: 'error',
    message,
    attempts: item.attempts + 1,
    retryAt,
    ...(salesOrderId === null ? {} : { salesOrderId }),
    ...RELEASE,
  });
  return { result: retryAt === null ? 'error' : 'retry', salesOrderId, message };
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
    ...RELEASE,
  });
  return { result, salesOrderId, message };
}

/** Not imported now: `waiting` (UNPAID/ON_HOLD), `skipped` (shop setting) or `cancelled`. */
export function markNotImported(
  item: ImportWorkItem,
  state: 'waiting' | 'skipped' | 'cancelled',
  message: string,
): ImportOutcome {
  updateInbox(item.inboxId, { state, message, retryAt: null, ...RELEASE });
  return { result: state, salesOrderId: null, message };
}
