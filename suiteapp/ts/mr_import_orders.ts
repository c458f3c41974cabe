/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
import type { EntryPoints } from 'N/types';
import { finalFailures } from '../../shared-types/src/import-failure';
import type { ImportWorkItem } from '../../shared-types/src/import-work';
import { collectImportWork } from './lib/services/order-import-input';
import { importWorkItem } from './lib/services/order-import-service';
import { finishImportRun } from './lib/services/order-import-summary';

/**
 * TikTok order inbox → sales orders (`customscript_tts_mr_import_orders`).
 *
 * Governance, per order in map (1,000 units per invocation): sales order record.create 10 +
 * save 20 + inbox submitFields 2 = 32 units, near the floor of one transaction save; getInputData
 * resolves shops, items and customers for the whole run in bulk (≈ 70 units for 1,000 orders), so
 * map makes no lookups. A retried or restarted map adds one externalid lookup (10) to find a sales
 * order saved by the earlier attempt; summarize costs 2 per failed order plus 40.
 */

export const config: EntryPoints.MapReduce.config = { retryCount: 1, exitOnError: false };

export function getInputData(): Record<string, ImportWorkItem> {
  return collectImportWork();
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  const item = JSON.parse(context.value) as ImportWorkItem;
  const outcome = importWorkItem(item, context.isRestarted || context.executionNo > 1);
  context.write({ key: outcome.result, value: context.key });
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
  const results: Record<string, number> = {};
  summary.output.iterator().each((key) => {
    results[key] = (results[key] ?? 0) + 1;
    return true;
  });
  finishImportRun({
    mapErrors: finalFailures(errors, keys),
    processed: new Set(keys.map((k) => k.key)),
    results,
    inputError: summary.inputSummary.error || null,
  });
}
