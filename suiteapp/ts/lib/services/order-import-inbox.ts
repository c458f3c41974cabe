/**
 * The inbox writes of the order import: the outcome of one order, written on the record with
 * `record.load` (2 units) + `save` (4 units), conditional on the payload the run planned from
 * (shared-types/src/inbox/import-outcome.ts): a newer payload the RESTlet stored while the run held the
 * claim is never overwritten. Every outcome clears or sets the automatic retry time, so a record
 * never keeps a stale one, and releases the run's claim (shared-types/src/inbox/import-claim.ts).
 */
import type { ImportWorkItem } from '../../../../shared-types/src/import/import-work';
import type { InboxChanges } from '../../../../shared-types/src/inbox/inbox-upsert';
import type { OutcomeWrite } from '../../../../shared-types/src/inbox/import-outcome';
import { planOutcomeWrite } from '../../../../shared-types/src/inbox/import-outcome';
import type { ImportState } from '../../../../shared-types/src/orders/order-classify';
import { loadInboxClaim, saveInboxChanges } from '../dao/order-inbox-dao';
import { errorName } from '../platform/errors';

export type ImportResult =
  | 'imported'
  | 'linked'
  | 'exception'
  | 'error'
  | 'retry'
  | 'skipped'
  | 'waiting'
  | 'cancelled'
  /** A newer payload arrived during the run and the order has no sales order: left `pending` for the next run. */
  | 'superseded';

/** Why map() left a work item alone: import-claim.ts `ClaimDecision`, or the claim's save lost a race. */
export type NotClaimed = 'done' | 'held' | 'changed' | 'raced';

export interface ImportOutcome {
  result: ImportResult;
  salesOrderId: string | null;
  message: string | null;
  /**
   * A newer payload of an order that has a sales order arrived during the run: the record is
   * flagged for the order updates (`customscript_tts_mr_order_updates`), which summarize queues.
   */
  updatePending: boolean;
}

/** A save that keeps meeting someone else's change is left to NetSuite's re-run of the map. */
const OUTCOME_SAVE_TRIES = 3;

/** Loads the record, decides the write on what it holds now, saves; again when it changed meanwhile. */
function writeOutcome(item: ImportWorkItem, outcome: InboxChanges): OutcomeWrite {
  for (let attempt = 1; ; attempt += 1) {
    const loaded = loadInboxClaim(item.inboxId);
    const write = planOutcomeWrite(
      { updateTime: loaded.state.updateTime, salesOrderId: loaded.state.salesOrderId ?? null },
      item.updateTime ?? null,
      outcome,
    );
    try {
      saveInboxChanges(loaded, write.changes);
      return write;
    } catch (e) {
      if (errorName(e) !== 'RCRD_HAS_BEEN_CHANGED' || attempt >= OUTCOME_SAVE_TRIES) throw e;
    }
  }
}

function written(write: OutcomeWrite, outcome: Omit<ImportOutcome, 'updatePending'>): ImportOutcome {
  if (!write.superseded) return { ...outcome, updatePending: false };
  if (write.updatePending) {
    return {
      ...outcome,
      salesOrderId: write.changes.salesOrderId ?? outcome.salesOrderId,
      updatePending: true,
    };
  }
  return {
    result: 'superseded',
    salesOrderId: null,
    message:
      'A newer TikTok payload arrived while this run worked on the order; it stays pending for the next run.',
    updatePending: false,
  };
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
  const write = writeOutcome(item, {
    state: 'error',
    message,
    attempts: item.attempts + 1,
    retryAt,
    ...(salesOrderId === null ? {} : { salesOrderId }),
  });
  return written(write, { result: retryAt === null ? 'error' : 'retry', salesOrderId, message });
}

/** The sales order exists: `imported`, or `exception` with the tie-out message. */
export function markImported(
  item: ImportWorkItem,
  salesOrderId: string,
  result: 'imported' | 'linked' | 'exception',
  message: string | null = null,
): ImportOutcome {
  const state: ImportState = result === 'exception' ? 'exception' : 'imported';
  const write = writeOutcome(item, {
    state,
    salesOrderId,
    message,
    attempts: item.attempts + 1,
    retryAt: null,
  });
  return written(write, { result, salesOrderId, message });
}

/**
 * Not imported now: `waiting` (UNPAID/ON_HOLD), `skipped` (shop setting) or `cancelled`. A
 * cancelled order whose sales order was saved by an earlier attempt keeps the link and is flagged
 * for the order updates, which close the sales order's open lines.
 */
export function markNotImported(
  item: ImportWorkItem,
  state: 'waiting' | 'skipped' | 'cancelled',
  message: string,
  salesOrderId: string | null = null,
): ImportOutcome {
  const toUpdates = salesOrderId === null ? {} : { salesOrderId, updatePending: true };
  const write = writeOutcome(item, { state, message, retryAt: null, ...toUpdates });
  const outcome = written(write, { result: state, salesOrderId, message });
  return salesOrderId === null ? outcome : { ...outcome, updatePending: true };
}
