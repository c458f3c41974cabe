/**
 * What the order import writes on the inbox record when it is done with an order (issue #23, race
 * 4a). The run planned from the payload it read in getInputData (its `update_time`); while it held
 * the claim, the RESTlet may have stored a newer payload — it does not wait for claims, and it set
 * the record back to `pending` for the newer payload. The run's outcome must not overwrite that:
 *
 * - same `update_time` as planned: the outcome, and the claim released;
 * - a newer payload and no sales order: only the claim is released; the record stays `pending` with
 *   the newer payload for the next run (an order found UNPAID and paid meanwhile is imported, not
 *   left `waiting` for ever);
 * - a newer payload and a sales order (the run created or linked one from the older payload): the
 *   outcome with the sales order linked and the record flagged for the order updates
 *   (`updatePending`), which bring the sales order in line with the newer payload — as the RESTlet
 *   does for a newer payload of an order that already is a sales order (inbox-upsert.ts).
 *
 * The write is a load + save of the inbox record (optimistic locking: a payload stored between the
 * load and the save makes the save fail with RCRD_HAS_BEEN_CHANGED, and the write is decided again).
 * Pure: the decision on what was loaded.
 */
import type { InboxChanges } from './inbox-upsert';

export const RELEASE_CLAIM: Pick<InboxChanges, 'claim' | 'claimUntil'> = { claim: null, claimUntil: null };

/** The inbox record as loaded for the outcome write. */
export interface InboxAtOutcome {
  updateTime: number | null;
  /** The sales order the record is linked to, if any. */
  salesOrderId: string | null;
}

export type OutcomeWrite =
  | { superseded: false; changes: InboxChanges }
  /** A newer payload arrived: `updatePending` when the order has a sales order (the order updates apply it). */
  | { superseded: true; changes: InboxChanges; updatePending: boolean };

/**
 * The write for an `outcome` the run decided from the payload with `plannedUpdateTime`, on the
 * record as loaded now.
 */
export function planOutcomeWrite(
  loaded: InboxAtOutcome,
  plannedUpdateTime: number | null,
  outcome: InboxChanges,
): OutcomeWrite {
  if (loaded.updateTime === plannedUpdateTime) {
    return { superseded: false, changes: { ...outcome, ...RELEASE_CLAIM } };
  }
  const salesOrderId = outcome.salesOrderId ?? loaded.salesOrderId;
  if (salesOrderId === null) {
    return { superseded: true, changes: { ...RELEASE_CLAIM }, updatePending: false };
  }
  return {
    superseded: true,
    changes: { ...outcome, salesOrderId, updatePending: true, ...RELEASE_CLAIM },
    updatePending: true,
  };
}
