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
 * run does not fit in the units left is deferred: the script asks for another run (NetSuite refuses
 * it while the deployment asked for is the one running; the 15-minute schedule then picks the shop
 * up) and says so in the sync log (Flow `governance`, read by the doctor's `governance` check),
 * within the units the run keeps back for that (RUN_RESERVE_UNITS: the entry 6, the submit 20).
 */
import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { exportAllShops } from './lib/services/inventory-export-service';
import { GOVERNANCE_LOG_FLOW } from '../../shared-types/src/doctor/governance-log';
import { writeLogEntry } from './lib/dao/log-dao';
import { errorMessage } from './lib/platform/errors';
import { remainingUsage } from './lib/platform/governance';
import { submitInventoryExport } from './lib/platform/inventory-task';

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const summaries = exportAllShops({ remaining: remainingUsage, now: () => Date.now() });
  log.audit({ title: 'Inventory export', details: JSON.stringify(summaries) });
  const deferred = summaries.filter((s) => s.outcome === 'deferred').map((s) => s.shopId);
  if (deferred.length === 0) return;
  const resubmitted = submitInventoryExport();
  try {
    writeLogEntry({
      shopRecordId: null,
      level: 'warning',
      flow: GOVERNANCE_LOG_FLOW,
      message: `Inventory export ran low on usage units: shop(s) ${deferred.join(', ')} left for the next run (${
        resubmitted ? 'submitted now' : 'already queued, or the 15-minute schedule'
      }).`,
      recordType: null,
      recordId: null,
      tiktokId: null,
    });
  } catch (e) {
    log.error({ title: 'Governance stop not logged', details: errorMessage(e) });
  }
}
