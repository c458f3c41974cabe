/**
 * summarize of the order import: every map error onto its inbox record (one query 10 for the
 * attempts, then state `error` with the automatic retry time for temporary failures such as a
 * governance limit or an app-server restart, and the run's claim released: one submitFields, 2
 * units each), then, when pending records remain that this run did not take and no other run holds
 * (the cap, or orders stored while it ran, or orders whose newer payload arrived while this run
 * worked on them: shared-types/src/inbox/import-outcome.ts), the import is submitted again (lookups 20 +
 * submit 20; NetSuite defers a submit of the running deployment until it has finished:
 * platform/import-task.ts); when the run flagged orders with a sales order for the order updates,
 * those are submitted (20).
 */
import * as log from 'N/log';
import { failureOutcome, parseSerializedError } from '../../../../shared-types/src/import/import-failure';
import { pendingLeftOver } from '../../../../shared-types/src/import/import-work';
import { listPendingInbox, loadAttempts, updateInbox } from '../dao/order-inbox-dao';
import { accountFeatures } from '../platform/account';
import { loadShopSettings } from '../dao/shop-dao';
import { submitImport } from '../platform/import-task';
import { submitOrderUpdates } from '../platform/update-task';

/** Map output key of an order flagged for the order updates (a newer payload arrived during the run). */
export const UPDATE_PENDING = 'update pending';

export interface ImportRunReport {
  /** Inbox id → the serialised error of its last failed map attempt. */
  mapErrors: ReadonlyMap<string, string>;
  /** Inbox ids the map stage saw. */
  processed: ReadonlySet<string>;
  /** Inbox ids left pending because a newer payload arrived while the run worked on them. */
  superseded: ReadonlySet<string>;
  /** Orders with a sales order flagged for the order updates by this run. */
  updatesFlagged: number;
  /** Result → count, from the map stage's writes. */
  results: Readonly<Record<string, number>>;
  inputError: string | null;
}

export interface ImportRunFinish {
  errorsWritten: number;
  leftOver: number;
  resubmitted: boolean;
  updatesQueued: boolean;
}

export function finishImportRun(report: ImportRunReport): ImportRunFinish {
  if (report.inputError !== null) {
    log.error({ title: 'Order import input failed', details: report.inputError });
  }
  const attempts = report.mapErrors.size > 0 ? loadAttempts([...report.mapErrors.keys()]) : new Map();
  const now = Math.floor(Date.now() / 1000);
  for (const [inboxId, serialized] of report.mapErrors) {
    const known = attempts.get(inboxId);
    const tried = (known?.attempts ?? 0) + 1;
    const failed = failureOutcome(parseSerializedError(serialized), tried, now, {
      orderId: known?.orderId ?? null,
    });
    updateInbox(inboxId, {
      state: 'error',
      message: failed.message,
      attempts: tried,
      retryAt: failed.retryAt,
      claim: null,
      claimUntil: null,
    });
  }
  // Records another run holds are its business: they are not left over from this one. Records this
  // run left to a newer payload are.
  const pending = listPendingInbox(now);
  const shops = loadShopSettings(
    pending.map((row) => row.shopRecordId),
    accountFeatures(),
  );
  const done = new Set([...report.processed].filter((id) => !report.superseded.has(id)));
  const left = pendingLeftOver(pending, shops, done);
  const resubmitted = left.length > 0 ? submitImport() : false;
  const updatesQueued = report.updatesFlagged > 0 ? submitOrderUpdates() : false;
  const finish = { errorsWritten: report.mapErrors.size, leftOver: left.length, resubmitted, updatesQueued };
  log.audit({
    title: 'Order import finished',
    details: JSON.stringify({ processed: report.processed.size, results: report.results, ...finish }),
  });
  return finish;
}
