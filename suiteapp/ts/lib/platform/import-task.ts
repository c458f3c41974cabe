import * as log from 'N/log';
import * as task from 'N/task';
import { IMPORT_DEPLOYMENT_ID, IMPORT_SCRIPT_ID } from '../../../../shared-types/src/netsuite-ids';
import { errorName } from './errors';

/** Units `task.submit` costs (reference §2.3). */
export const TASK_SUBMIT_UNITS = 20;

/**
 * Starts the order import map/reduce on its on-demand deployment. Returns false when it is already
 * running or queued (MAP_REDUCE_ALREADY_RUNNING): that job, or the 15-minute scheduled deployment,
 * picks the pending records up.
 */
export function submitImport(): boolean {
  try {
    const importTask = task.create({
      taskType: task.TaskType.MAP_REDUCE,
      scriptId: IMPORT_SCRIPT_ID,
      deploymentId: IMPORT_DEPLOYMENT_ID,
    });
    const taskId = importTask.submit();
    log.audit({ title: 'Order import queued', details: taskId });
    return true;
  } catch (e) {
    if (errorName(e) === 'MAP_REDUCE_ALREADY_RUNNING') {
      log.audit({
        title: 'Order import already running',
        details: 'pending orders are picked up by that run or the scheduled one',
      });
      return false;
    }
    throw e;
  }
}
