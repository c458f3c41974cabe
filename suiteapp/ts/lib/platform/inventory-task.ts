/**
 * Runs the inventory export (`customscript_tts_ss_inventory_export`) at once on its on-demand
 * deployment (20 units): Push inventory now, Force inventory resync, and a run that left shops over.
 * A deployment already queued or running answers FAILED_TO_SUBMIT_JOB_REQUEST_1 (Oracle help,
 * N/task: a scheduled script deployment runs one instance at a time); that run, or the 15-minute
 * scheduled deployment, picks the shop up, so the refusal is only logged.
 */
import * as log from 'N/log';
import * as task from 'N/task';
import {
  INVENTORY_EXPORT_DEPLOYMENT_ID,
  INVENTORY_EXPORT_SCRIPT_ID,
} from '../../../../shared-types/src/netsuite/netsuite-ids';
import { errorName } from './errors';

export function submitInventoryExport(): boolean {
  try {
    const exportTask = task.create({
      taskType: task.TaskType.SCHEDULED_SCRIPT,
      scriptId: INVENTORY_EXPORT_SCRIPT_ID,
      deploymentId: INVENTORY_EXPORT_DEPLOYMENT_ID,
    });
    const taskId: unknown = exportTask.submit();
    log.audit({
      title: 'Inventory export queued',
      details: String(taskId ?? 'deferred until this run ends'),
    });
    return true;
  } catch (e) {
    if (errorName(e) !== 'FAILED_TO_SUBMIT_JOB_REQUEST_1') throw e;
    log.audit({
      title: 'Inventory export already queued or running',
      details: 'that run, or the 15-minute scheduled one, exports the shop',
    });
    return false;
  }
}
