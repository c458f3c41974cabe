/**
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 * @NModuleScope SameAccount
 */
/**
 * TikTok order inbox → sales orders (`customscript_tts_mr_import_orders`, three deployments: on
 * demand, continuation, every 15 minutes; NetSuite may run them at the same time).
 *
 * map() first claims the inbox record (shared-types/src/inbox/import-claim.ts: load 2 + save 4), so two
 * overlapping runs never work on one order; a record another run finished or holds costs 2 and is
 * left alone. Governance, per order in map (1,000 units per invocation), default-customer mode:
 * claim 6 + sales order record.create 10 + save 20 + tie-out search.lookupFields 1 + the inbox
 * outcome 6 (load 2 + save 4: written only over the payload the run planned from, never over a
 * newer one the RESTlet stored meanwhile; shared-types/src/inbox/import-outcome.ts) = 43 units. An order
 * whose newer payload arrived during the run is left `pending` (map output `superseded`: summarize
 * counts it as left over) or, when it has its sales order, flagged for the order updates (extra
 * output `update pending`: summarize submits them, 20). Extras: a new per-buyer customer +15, a
 * retried map's externalid lookup +10, an order that does not tie out +16 (sales order
 * submitFields 10 + log entry 6), the test order +8 (shop submitFields 2 + review log 6).
 * getInputData resolves shops, items,
 * customers, warehouses, locations, replaced orders and the orders' own sales orders (saved by an
 * earlier attempt) for the whole run in bulk (≈ 120 units for 1,000 orders), so map makes no
 * lookups. summarize costs 10 + 2 per failed order, plus 40 for the leftover check and re-submit.
 */
import type { EntryPoints } from 'N/types';
import { finalFailures } from '../../shared-types/src/import/import-failure';
import type { ImportWorkItem } from '../../shared-types/src/import/import-work';
import { collectImportWork } from './lib/services/order-import-input';
import { claimForImport } from './lib/services/order-import-claim';
import { importWorkItem } from './lib/services/order-import-service';
import { finishImportRun, UPDATE_PENDING } from './lib/services/order-import-summary';

export const config: EntryPoints.MapReduce.config = { retryCount: 1, exitOnError: false };

export function getInputData(): Record<string, ImportWorkItem> {
  return collectImportWork();
}

export function map(context: EntryPoints.MapReduce.mapContext): void {
  const item = JSON.parse(context.value) as ImportWorkItem;
  const claim = claimForImport(item, Math.floor(Date.now() / 1000));
  if (!claim.taken) {
    context.write({ key: `not claimed: ${claim.reason}`, value: context.key });
    return;
  }
  const outcome = importWorkItem(item, context.isRestarted || context.executionNo > 1);
  context.write({ key: outcome.result, value: context.key });
  if (outcome.updatePending) {
    context.write({ key: UPDATE_PENDING, value: context.key });
  }
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
  const superseded = new Set<string>();
  summary.output.iterator().each((key, value) => {
    results[key] = (results[key] ?? 0) + 1;
    if (key === 'superseded') superseded.add(value);
    return true;
  });
  finishImportRun({
    mapErrors: finalFailures(errors, keys),
    processed: new Set(keys.map((k) => k.key)),
    superseded,
    updatesFlagged: results[UPDATE_PENDING] ?? 0,
    results,
    inputError: summary.inputSummary.error || null,
  });
}
