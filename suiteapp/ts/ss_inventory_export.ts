/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
/**
 * Inventory export (`customscript_tts_ss_inventory_export`; every 15 minutes on
 * `customdeploy_tts_ss_inv_export_sched`, at once on `customdeploy_tts_ss_inv_export` for Push
 * inventory now and Force inventory resync): queues, per shop, the quantities per TikTok SKU and
 * warehouse that changed since the last run (lib/services/inventory-export-service.ts). A shop whose
 * run does not fit in the units left is deferred and the script submits itself again.
 */
import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { exportAllShops } from './lib/services/inventory-export-service';
import { remainingUsage } from './lib/platform/governance';
import { submitInventoryExport } from './lib/platform/inventory-task';

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const summaries = exportAllShops({ remaining: remainingUsage, now: () => Date.now() });
  log.audit({ title: 'Inventory export', details: JSON.stringify(summaries) });
  if (summaries.some((s) => s.outcome === 'deferred')) submitInventoryExport();
}
