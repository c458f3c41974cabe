/**
 * `N/task` for map/reduce and scheduled script tasks. `submit()` queues the task (a map/reduce
 * re-submitting its own running deployment is deferred and gets null: task-queue.ts); the emulator
 * runs the queue (`runQueuedTasks()`, or on a timer with `autoRunTasks`).
 */
import { currentInvocation } from '../context';
import { SuiteScriptError } from '../errors';
import type { TaskQueue, TaskType as QueueTaskType } from './task-queue';

export const TaskType = {
  SCHEDULED_SCRIPT: 'SCHEDULED_SCRIPT',
  MAP_REDUCE: 'MAP_REDUCE',
  CSV_IMPORT: 'CSV_IMPORT',
  ENTITY_DEDUPLICATION: 'ENTITY_DEDUPLICATION',
  WORKFLOW_TRIGGER: 'WORKFLOW_TRIGGER',
  SEARCH: 'SEARCH',
  RECORD_ACTION: 'RECORD_ACTION',
  SUITE_QL: 'SUITE_QL',
  QUERY: 'QUERY',
} as const;

export const TaskStatus = {
  PENDING: 'PENDING',
  PROCESSING: 'PROCESSING',
  COMPLETE: 'COMPLETE',
  FAILED: 'FAILED',
} as const;

export const MapReduceStage = {
  GET_INPUT: 'GET_INPUT',
  MAP: 'MAP',
  SHUFFLE: 'SHUFFLE',
  REDUCE: 'REDUCE',
  SUMMARIZE: 'SUMMARIZE',
} as const;

interface CreateOptions {
  taskType: string;
  scriptId?: string;
  deploymentId?: string;
  params?: Record<string, unknown>;
}

function isEmulatedTaskType(t: string): t is QueueTaskType {
  return t === TaskType.MAP_REDUCE || t === TaskType.SCHEDULED_SCRIPT;
}

export function createTaskModule(queue: TaskQueue): Record<string, unknown> {
  return {
    TaskType,
    TaskStatus,
    MapReduceStage,
    create(options: CreateOptions) {
      const taskType = String(options?.taskType ?? '');
      if (!isEmulatedTaskType(taskType)) {
        throw new SuiteScriptError(
          'SSS_INVALID_TASK_TYPE',
          `task.create: taskType ${taskType || '(missing)'} is not supported here; use task.TaskType.MAP_REDUCE or task.TaskType.SCHEDULED_SCRIPT.`,
        );
      }
      const task = {
        taskType,
        scriptId: options.scriptId,
        deploymentId: options.deploymentId,
        params: options.params,
        /** The task id; null for a map/reduce re-submitting its own running deployment (task-queue.ts). */
        submit(): string | null {
          const invocation = currentInvocation();
          invocation.meter.chargeApi('task.submit');
          return queue.submit(
            {
              taskType,
              scriptId: task.scriptId,
              deploymentId: task.deploymentId,
              params: task.params ?? {},
            },
            invocation,
          );
        },
        toString(): string {
          return `${taskType === 'MAP_REDUCE' ? 'MapReduceScriptTask' : 'ScheduledScriptTask'}`;
        },
      };
      return task;
    },
    checkStatus(options: { taskId: string }) {
      currentInvocation().meter.chargeApi('task.checkStatus');
      const entry = queue.get(String(options?.taskId ?? ''));
      if (!entry) {
        throw new SuiteScriptError(
          'SSS_INVALID_TASK_ID',
          `task.checkStatus: no task with id ${options?.taskId}.`,
        );
      }
      return {
        taskId: entry.taskId,
        scriptId: entry.scriptId,
        deploymentId: entry.deploymentId,
        status: entry.status,
        stage: entry.taskType === 'MAP_REDUCE' ? entry.stage : undefined,
        toString: () => `${entry.taskId}: ${entry.status}`,
      };
    },
  };
}
