/**
 * The fulfillment catch-up (suiteapp/ts/mr_fulfillment_catchup.ts): queues shipped item fulfillments
 * of TikTok orders that have no outbox row — made by CSV import without server scripts, by scripts
 * whose saves run no user event, while "Pull fulfillments from NetSuite" was off, or whose capture
 * failed. Each is planned exactly as the user event plans it (fulfillment-capture-service.ts): the
 * same row key `<fulfillment id>-<tracking>`, so the two never queue one fulfillment twice, and a map
 * invocation run again after a restart finds its row and writes nothing new. Governance:
 * shared-types/src/fulfillments/catch-up.ts.
 */
import * as log from 'N/log';
import type { CatchUpRunFacts } from '../../../../shared-types/src/fulfillments/catch-up';
import {
  CATCH_UP_RUN_CAP,
  catchUpStep,
  planCatchUpFinish,
} from '../../../../shared-types/src/fulfillments/catch-up';
import { parseSerializedError } from '../../../../shared-types/src/import/import-failure';
import { listUncapturedFulfillments } from '../dao/item-fulfillment-dao';
import { writeLogEntry } from '../dao/log-dao';
import { loadRecord, readerOf } from '../dao/netsuite-record';
import { fulfillmentSnapshot, ITEM_FULFILLMENT } from '../mappers/item-fulfillment-mapper';
import { remainingUsage } from '../platform/governance';
import { submitFulfillmentCatchUp } from '../platform/catch-up-task';
import { captureFulfillment } from './fulfillment-capture-service';

/** Fulfillment id → fulfillment id for map (one query, 10 units). */
export function collectCatchUpWork(cap = CATCH_UP_RUN_CAP): Record<string, string> {
  const ids = listUncapturedFulfillments(cap);
  log.audit({ title: 'Fulfillment catch-up input', details: `uncaptured fulfillments taken: ${ids.length}` });
  return Object.fromEntries(ids.map((id) => [id, id]));
}

/** What map did with one fulfillment (the map output key). */
export type CatchUpResult = 'queued' | 'existing' | 'exception' | 'nothing' | 'deferred';

/** Catches one fulfillment up (≤ 65 units): plans and writes what the user event would have. */
export function catchUpFulfillment(fulfillmentId: string): CatchUpResult {
  if (catchUpStep(remainingUsage()) === 'defer') return 'deferred';
  const rec = loadRecord(ITEM_FULFILLMENT.recordType, fulfillmentId);
  const summary = captureFulfillment('catchup', fulfillmentSnapshot(readerOf(rec), fulfillmentId), null);
  if (summary === null) return 'nothing';
  if (summary.written.length > 0) {
    log.audit({ title: 'TikTok fulfillment caught up', details: summary.written.join(', ') });
    return 'queued';
  }
  if (summary.existing.length > 0) return 'existing';
  return summary.exceptions.length > 0 ? 'exception' : 'nothing';
}

export interface CatchUpReport {
  taken: number;
  /** Fulfillment id → serialised error of its last failed map attempt. */
  failures: ReadonlyMap<string, string>;
  counts: Readonly<Record<string, number>>;
  inputError: string | null;
}

export interface CatchUpFinish {
  logged: number;
  summarized: number;
  resubmitted: boolean;
}

function failureMessage(fulfillmentId: string, serialized: string): string {
  const detail = parseSerializedError(serialized);
  return `Item fulfillment ${fulfillmentId} could not be queued for TikTok by the fulfillment catch-up (NetSuite said ${detail.name}: ${detail.message}). TikTok was not told it shipped. Fix the cause; the next catch-up run (every 15 minutes) or the next save of the fulfillment queues it.`;
}

export function finishCatchUp(report: CatchUpReport): CatchUpFinish {
  if (report.inputError !== null) {
    log.error({ title: 'Fulfillment catch-up input failed', details: report.inputError });
  }
  const facts: CatchUpRunFacts = {
    taken: report.taken,
    cap: CATCH_UP_RUN_CAP,
    deferred: report.counts.deferred ?? 0,
    failures: report.failures.size,
    remainingUnits: remainingUsage(),
  };
  const plan = planCatchUpFinish(facts);
  const failures = [...report.failures];
  for (const [fulfillmentId, serialized] of failures.slice(0, plan.logged)) {
    writeLogEntry({
      shopRecordId: null,
      level: 'error',
      flow: 'fulfillments',
      message: failureMessage(fulfillmentId, serialized),
      recordType: ITEM_FULFILLMENT.recordType,
      recordId: fulfillmentId,
      tiktokId: null,
    });
  }
  if (plan.summarized > 0) {
    writeLogEntry({
      shopRecordId: null,
      level: 'error',
      flow: 'fulfillments',
      message: `The fulfillment catch-up could not queue ${plan.summarized} more item fulfillment(s) (${failures
        .slice(plan.logged)
        .map(([id]) => id)
        .join(', ')
        .slice(0, 3000)}); the next run takes them again. See the script's execution log for the errors.`,
      recordType: null,
      recordId: null,
      tiktokId: null,
    });
  }
  const resubmitted = plan.resubmit ? submitFulfillmentCatchUp() : false;
  const finish = { logged: plan.logged, summarized: plan.summarized, resubmitted };
  log.audit({
    title: 'Fulfillment catch-up finished',
    details: JSON.stringify({ taken: report.taken, results: report.counts, ...finish }),
  });
  return finish;
}
