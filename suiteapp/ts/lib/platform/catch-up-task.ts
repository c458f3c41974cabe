/**
 * Re-submits the fulfillment catch-up map/reduce on its on-demand deployment (20 units) when a run
 * left fulfillments over (shared-types/src/fulfillments/catch-up.ts). A submit from the running
 * deployment itself is deferred by NetSuite until it has finished (platform/import-task.ts); a busy
 * deployment (MAP_REDUCE_ALREADY_RUNNING) picks the fulfillments up itself, and the 15-minute
 * scheduled deployment is the safety net.
 */
import * as log from 'N/log';
import * as task from 'N/task';
import {
  FULFILLMENT_CATCH_UP_DEPLOYMENT_ID,
  FULFILLMENT_CATCH_UP_SCRIPT_ID,
} from '../../../../shared-types/src/netsuite/netsuite-ids';
import { errorName } from './errors';

export function submitFulfillmentCatchUp(): boolean {
  try {
    const catchUp = task.create({
      taskType: task.TaskType.MAP_REDUCE,
      scriptId: FULFILLMENT_CATCH_UP_SCRIPT_ID,
      deploymentId: FULFILLMENT_CATCH_UP_DEPLOYMENT_ID,
    });
    const taskId: unknown = catchUp.submit();
    log.audit({ title: 'Fulfillment catch-up queued again', details: String(taskId ?? '') });
    return true;
  } catch (e) {
    if (errorName(e) === 'MAP_REDUCE_ALREADY_RUNNING') return false;
    throw e;
  }
}
