/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
/**
 * TikTok updates of imported orders → their sales orders (`customscript_tts_mr_order_updates`):
 * cancellations close lines, line cancellations reduce them, a new ship-to address replaces the
 * old one; what cannot be applied after fulfillment becomes an exception for a person.
 *
 * Governance: getInputData one query (10) for at most UPDATE_RUN_CAP flagged records; map 42 units
 * per record, 43 when cancelled units carry tax (see order-update-service.ts); summarize 10 per finally failed record, plus a query
 * (10) and a re-submit (20) when flagged records are left.
 */
import type { EntryPoints } from 'N/types';
import { finalFailures } from '../../shared-types/src/import/import-failure';
import { collectUpdateWork, finishUpdateRun } from './lib/services/order-update-run';
import { applyOrderUpdate } from './lib/services/order-update-service';

export const config: EntryPoints.MapReduce.config = { retryCount: 1, exitOnError: false };

export function getInputData(): Record<string, string> {
  return collectUpdateWork();
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  context.write({ key: applyOrderUpdate(context.key), value: context.key });
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
  const results: Record<string, string[]> = {};
  summary.output.iterator().each((key, value) => {
    (results[key] ??= []).push(value);
    return true;
  });
  finishUpdateRun({
    failures: finalFailures(errors, keys),
    processed: new Set(keys.map((k) => k.key)),
    superseded: new Set(results.superseded ?? []),
    counts: Object.fromEntries(Object.entries(results).map(([key, ids]) => [key, ids.length])),
    inputError: summary.inputSummary.error || null,
  });
}
