/**
 * Starts the order-updates map/reduce on its on-demand deployment (20 units). Returns false when
 * it is already running or queued (MAP_REDUCE_ALREADY_RUNNING): that job re-submits itself for
 * records flagged while it ran, and the 15-minute scheduled deployment is the safety net. A submit
 * from the running deployment itself is deferred by NetSuite until it has finished, with no task id
 * (platform/import-task.ts): it runs again, so that is a success too.
 */
import * as log from 'N/log';
import * as task from 'N/task';
import {
  ORDER_UPDATES_DEPLOYMENT_ID,
  ORDER_UPDATES_SCRIPT_ID,
} from '../../../../shared-types/src/netsuite/netsuite-ids';
import { errorName } from './errors';

export function submitOrderUpdates(): boolean {
  try {
    const updateTask = task.create({
      taskType: task.TaskType.MAP_REDUCE,
      scriptId: ORDER_UPDATES_SCRIPT_ID,
      deploymentId: ORDER_UPDATES_DEPLOYMENT_ID,
    });
    const taskId: unknown = updateTask.submit();
    log.audit({
      title: typeof taskId === 'string' && taskId !== '' ? 'Order updates queued' : 'Order updates deferred',
      details:
        typeof taskId === 'string' && taskId !== ''
          ? taskId
          : `${ORDER_UPDATES_DEPLOYMENT_ID} runs again once this run has finished`,
    });
    return true;
  } catch (e) {
    if (errorName(e) === 'MAP_REDUCE_ALREADY_RUNNING') {
      log.audit({
        title: 'Order updates already running',
        details: 'flagged orders are picked up by that run or the scheduled one',
      });
      return false;
    }
    throw e;
  }
}
