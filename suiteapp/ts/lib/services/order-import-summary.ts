import * as log from 'N/log';
import { describeImportFailure, parseSerializedError } from '../../../../shared-types/src/import-failure';
import { pendingLeftOver } from '../../../../shared-types/src/import-work';
import { INBOX_FIELDS } from '../../../../shared-types/src/netsuite-ids';
import { listPendingInbox, updateInbox } from '../dao/inbox-dao';
import { loadShopSettings } from '../dao/shop-dao';
import { submitImport } from '../platform/import-task';

/**
 * summarize of the order import: every map error onto its inbox record (state `error`, one
 * submitFields, 2 units each), then, when pending records remain that this run did not take (the
 * cap, or orders stored while it ran), the import is submitted again (lookups 20 + submit 20).
 */

export interface ImportRunReport {
  /** Inbox id → the serialised error of its last failed map attempt. */
  mapErrors: ReadonlyMap<string, string>;
  /** Inbox ids the map stage saw. */
  processed: ReadonlySet<string>;
  /** Result → count, from the map stage's writes. */
  results: Readonly<Record<string, number>>;
  inputError: string | null;
}

export interface ImportRunFinish {
  errorsWritten: number;
  leftOver: number;
  resubmitted: boolean;
}

export function finishImportRun(report: ImportRunReport): ImportRunFinish {
  if (report.inputError !== null) {
    log.error({ title: 'Order import input failed', details: report.inputError });
  }
  for (const [inboxId, serialized] of report.mapErrors) {
    const message = describeImportFailure(parseSerializedError(serialized), null);
    updateInbox(inboxId, { [INBOX_FIELDS.state]: 'error', [INBOX_FIELDS.error]: message });
  }
  const pending = listPendingInbox();
  const shops = loadShopSettings(pending.map((row) => row.shopRecordId));
  const left = pendingLeftOver(pending, shops, report.processed);
  const resubmitted = left.length > 0 ? submitImport() : false;
  const finish = { errorsWritten: report.mapErrors.size, leftOver: left.length, resubmitted };
  log.audit({
    title: 'Order import finished',
    details: JSON.stringify({ processed: report.processed.size, results: report.results, ...finish }),
  });
  return finish;
}
