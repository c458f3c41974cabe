/**
 * Queues the order import map/reduce (`customscript_tts_mr_import_orders`) with `task.submit` after the
 * RESTlet stored orders; when both on-demand deployments are busy, a queued or the scheduled run picks them up.
 */
import * as log from 'N/log';
import * as task from 'N/task';
import {
  IMPORT_CONTINUATION_DEPLOYMENT_ID,
  IMPORT_DEPLOYMENT_ID,
  IMPORT_SCRIPT_ID,
} from '../../../../shared-types/src/netsuite/netsuite-ids';
import { errorName } from './errors';

/** Units `task.submit` costs (Oracle help, SuiteScript 2.x API Governance). */
export const TASK_SUBMIT_UNITS = 20;

/**
 * Starts the order import map/reduce on an on-demand deployment: the main one, or the continuation
 * one when the main one is running or queued. Each attempt costs 20 units.
 *
 * What NetSuite answers (Oracle help, section_453639770507):
 * - a submit of another deployment that is running or queued fails with MAP_REDUCE_ALREADY_RUNNING;
 * - a map/reduce that submits its own running deployment (summarize re-submitting for what is left
 *   over) is not refused: NetSuite defers it until the running instance has finished and returns
 *   no task id. That is a success: the deployment runs again.
 * Returns false when both deployments are busy: a queued job picks the pending records up at its
 * start, and the 15-minute scheduled deployment is the safety net.
 */
export function submitImport(): boolean {
  for (const deploymentId of [IMPORT_DEPLOYMENT_ID, IMPORT_CONTINUATION_DEPLOYMENT_ID]) {
    try {
      const importTask = task.create({
        taskType: task.TaskType.MAP_REDUCE,
        scriptId: IMPORT_SCRIPT_ID,
        deploymentId,
      });
      const taskId: unknown = importTask.submit();
      if (typeof taskId === 'string' && taskId !== '') {
        log.audit({ title: 'Order import queued', details: `${deploymentId}: ${taskId}` });
      } else {
        log.audit({
          title: 'Order import deferred',
          details: `${deploymentId} is this running deployment; NetSuite runs it again once this run has finished`,
        });
      }
      return true;
    } catch (e) {
      if (errorName(e) !== 'MAP_REDUCE_ALREADY_RUNNING') throw e;
    }
  }
  log.audit({
    title: 'Order import already running',
    details:
      'both on-demand deployments are busy; pending orders are picked up by a queued run or the scheduled one',
  });
  return false;
}
