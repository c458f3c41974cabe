/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
/**
 * Fulfillment catch-up (`customscript_tts_mr_fulfill_catchup`, every 15 minutes): queues shipped item
 * fulfillments of TikTok orders the user event did not capture, with the same outbox key, so each
 * fulfillment and tracking number is queued once (lib/services/fulfillment-catchup-service.ts).
 *
 * Governance (shared-types/src/fulfillments/catch-up.ts): getInputData one query (10) for at most
 * CATCH_UP_RUN_CAP fulfillments; map ≤ 65 units per fulfillment, deferred when fewer are left;
 * summarize 6 per finally failed fulfillment while units last, and a re-submit (20) when the run was
 * capped or deferred some.
 */
import type { EntryPoints } from 'N/types';
import { finalFailures } from '../../shared-types/src/import/import-failure';
import {
  catchUpFulfillment,
  collectCatchUpWork,
  finishCatchUp,
} from './lib/services/fulfillment-catchup-service';

export const config: EntryPoints.MapReduce.config = { retryCount: 1, exitOnError: false };

export function getInputData(): Record<string, string> {
  return collectCatchUpWork();
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  context.write({ key: catchUpFulfillment(context.key), value: context.key });
}

export function summarize(summary: EntryPoints.MapReduce.summarizeContext): void {
  const errors: { key: string; error: string }[] = [];
  summary.mapSummary.errors.iterator().each((key, error) => {
    errors.push({ key, error });
    return true;
  });
  const keys: { key: string; completionState: string }[] = [];
  summary.mapSummary.keys.iterator().each((key, _executionCount, completionState) => {
    keys.push({ key, completionState });
    return true;
  });
  const counts: Record<string, number> = {};
  summary.output.iterator().each((key) => {
    counts[key] = (counts[key] ?? 0) + 1;
    return true;
  });
  finishCatchUp({
    taken: keys.length,
    failures: finalFailures(errors, keys),
    counts,
    inputError: summary.inputSummary.error || null,
  });
}
