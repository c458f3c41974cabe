/**
 * getInputData and summarize of the order updates: which flagged inbox records a run takes, and
 * what happens to those that failed or were left over.
 */
import * as log from 'N/log';
import { parseSerializedError } from '../../../../shared-types/src/import/import-failure';
import { listUpdatePendingInbox } from '../dao/inbox-review-dao';
import { submitOrderUpdates } from '../platform/update-task';
import { updateFailed } from './order-update-service';

/** Flagged records per run; a capped run re-submits itself from summarize. */
export const UPDATE_RUN_CAP = 1000;

/** Inbox id → inbox id for map (one query, 10 units). */
export function collectUpdateWork(cap = UPDATE_RUN_CAP): Record<string, string> {
  const ids = listUpdatePendingInbox(cap);
  log.audit({ title: 'Order updates input', details: `flagged inbox records taken: ${ids.length}` });
  return Object.fromEntries(ids.map((id) => [id, id]));
}

export interface UpdateRunReport {
  /** Inbox id → serialised error of its last failed map attempt. */
  failures: ReadonlyMap<string, string>;
  processed: ReadonlySet<string>;
  /** Inbox ids whose flag stayed because a newer payload arrived while they were applied. */
  superseded: ReadonlySet<string>;
  counts: Readonly<Record<string, number>>;
  inputError: string | null;
}

export interface UpdateRunFinish {
  exceptionsWritten: number;
  leftOver: number;
  resubmitted: boolean;
}

export function finishUpdateRun(report: UpdateRunReport): UpdateRunFinish {
  if (report.inputError !== null) {
    log.error({ title: 'Order updates input failed', details: report.inputError });
  }
  for (const [inboxId, serialized] of report.failures) {
    const detail = parseSerializedError(serialized);
    updateFailed(inboxId, `NetSuite said ${detail.name}: ${detail.message}.`);
  }
  const left = listUpdatePendingInbox(UPDATE_RUN_CAP).filter(
    (id) => !report.processed.has(id) || report.superseded.has(id),
  );
  const resubmitted = left.length > 0 ? submitOrderUpdates() : false;
  const finish = { exceptionsWritten: report.failures.size, leftOver: left.length, resubmitted };
  log.audit({
    title: 'Order updates finished',
    details: JSON.stringify({ processed: report.processed.size, results: report.counts, ...finish }),
  });
  return finish;
}
