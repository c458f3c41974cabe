/**
 * Runs a scheduled script's `execute(context)` once, as one invocation (10,000 units).
 */
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { ScriptUser } from '../context';
import { SuiteScriptError } from '../errors';
import { errorName, serializeError } from './error-shape';
import type { InvocationHistory } from './invoke';
import { invoke } from './invoke';
import type { EntryPoints } from './types';

/** `context.type` values (`InvocationType`). */
export type ScheduledInvocationType = 'SCHEDULED' | 'ON_DEMAND' | 'USER_INTERFACE' | 'ABORTED' | 'SKIPPED';

export interface ScheduledRunOptions {
  scriptId: string;
  deploymentId: string;
  entryPoints: EntryPoints;
  type: ScheduledInvocationType;
  clock: Clock;
  parameters?: Record<string, unknown>;
  taskId?: string | null;
  /** Who the script runs as (default: the integration user). */
  user?: ScriptUser;
  history?: InvocationHistory;
}

export interface ScheduledRunReport {
  taskId: string | null;
  scriptId: string;
  deploymentId: string;
  type: ScheduledInvocationType;
  startedAt: Date;
  units: number;
  status: 'COMPLETE' | 'FAILED';
  /** Error name and serialised error when execute threw. */
  error: string | null;
  errorJson: string | null;
}

export function runScheduledScript(options: ScheduledRunOptions): ScheduledRunReport {
  const steps = scheduledScriptSteps(options);
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/** The run as steps (the task runner interleaves tasks by invocation): one yield after `execute`. */
export function* scheduledScriptSteps(
  options: ScheduledRunOptions,
): Generator<void, ScheduledRunReport, void> {
  const execute = options.entryPoints.execute;
  if (typeof execute !== 'function') {
    throw new SuiteScriptError(
      'SSS_MISSING_ENTRY_POINT',
      `Scheduled script ${options.scriptId} has no execute entry point.`,
    );
  }
  const startedAt = new Date(options.clock.now());
  const outcome = invoke(
    {
      kind: 'scheduled',
      ...(options.user ? { user: options.user } : {}),
      scriptId: options.scriptId,
      deploymentId: options.deploymentId,
      scriptType: 'SCHEDULED',
      parameters: options.parameters ?? {},
      startedAt,
      extra: { taskId: options.taskId ?? null },
    },
    () => (execute as (context: unknown) => unknown)({ type: options.type }),
    { history: options.history },
  );
  yield;
  return {
    taskId: options.taskId ?? null,
    scriptId: options.scriptId,
    deploymentId: options.deploymentId,
    type: options.type,
    startedAt,
    units: outcome.invocation.meter.used,
    status: outcome.ok ? 'COMPLETE' : 'FAILED',
    error: outcome.ok ? null : errorName(outcome.error),
    errorJson: outcome.ok ? null : serializeError(outcome.error),
  };
}
