/**
 * One map or reduce stage: every key runs as its own governed invocation, with NetSuite's retry
 * rules (Oracle help, SuiteScript 2.x Map/Reduce Script Type): an uncaught error is retried up to `retryCount` times (with `isRestarted`
 * and `executionNo` set); after the last failure the key is FAILED and, with `exitOnError`, the
 * stage is abandoned. A failed or restarted invocation's writes are discarded; records it saved
 * stay saved. A restart re-runs the key without using up a retry.
 *
 * `stageSteps` yields after every invocation, so the task runner can interleave the invocations of
 * jobs of different deployments as NetSuite's processors do (account.ts); `runStage` runs it through.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import type { InvocationInit } from '../../context';
import { NS } from '../../errors';
import { USAGE_LIMITS } from '../../governance';
import { errorName, serializeError } from '../error-shape';
import type { InvocationHistory } from '../invoke';
import { invoke } from '../invoke';
import type { StageInvocationState } from './mr-contexts';
import { createMapContext, createReduceContext } from './mr-contexts';
import type { KeyValue, MrErrorEntry, MrInvocationReport, MrKeyEntry, RestartInjection } from './mr-types';
import { RestartingMeter, restartError } from './restart-meter';
import { serverDate } from '../../time/zoned-date';

export interface StageItem {
  key: string;
  values: string[];
}

export interface StageConfig {
  retryCount: number;
  exitOnError: boolean;
}

export interface StageRunOptions {
  stage: 'map' | 'reduce';
  items: readonly StageItem[];
  entryPoint: (context: unknown) => unknown;
  config: StageConfig;
  injectRestart?: RestartInjection;
  invocation: Omit<InvocationInit, 'kind' | 'startedAt'>;
  clock: Clock;
  history?: InvocationHistory;
  onInvocation(report: MrInvocationReport): void;
}

export interface StageResult {
  writes: KeyValue[];
  errors: MrErrorEntry[];
  keys: MrKeyEntry[];
  usage: number;
  abandoned: boolean;
  dateCreated: Date;
  seconds: number;
}

/** Runs the stage to its end. */
export function runStage(options: StageRunOptions): StageResult {
  const steps = stageSteps(options);
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/** The stage as steps: one yield after each invocation; returns the stage's result. */
export function* stageSteps(options: StageRunOptions): Generator<void, StageResult, void> {
  const kind = options.stage === 'map' ? 'mapreduce.map' : 'mapreduce.reduce';
  const makeContext = options.stage === 'map' ? createMapContext : createReduceContext;
  // Handed to the summarize script: a Date of the server class (Pacific local time).
  const dateCreated = serverDate(options.clock.now());
  const result: StageResult = {
    writes: [],
    errors: [],
    keys: [],
    usage: 0,
    abandoned: false,
    dateCreated,
    seconds: 0,
  };
  let invocationCount = 0;

  for (const item of options.items) {
    const keyErrors: MrErrorEntry[] = [];
    let executionNo = 1;
    let failures = 0;
    let state: MrKeyEntry['completionState'] | null = null;
    while (state === null) {
      invocationCount += 1;
      const inject = options.injectRestart;
      const meter =
        inject && inject.stage === options.stage && inject.atInvocation === invocationCount
          ? new RestartingMeter(USAGE_LIMITS[kind], inject.afterCharges)
          : undefined;
      const sink: KeyValue[] = [];
      const ctxState: StageInvocationState = {
        key: item.key,
        values: item.values,
        isRestarted: executionNo > 1,
        executionNo,
        errors: [...keyErrors],
      };
      const outcome = invoke(
        { ...options.invocation, kind, startedAt: new Date(options.clock.now()) },
        () => {
          options.entryPoint(makeContext(ctxState, sink));
          if (meter) throw restartError();
        },
        { meter, history: options.history },
      );
      const units = outcome.invocation.meter.used;
      result.usage += units;
      const restarted = meter !== undefined;
      const error = restarted ? restartError() : outcome.ok ? null : outcome.error;
      options.onInvocation({
        stage: options.stage,
        key: item.key,
        units,
        executionNo,
        error: error === null ? null : restarted ? NS.SSS_APP_SERVER_RESTART : errorName(error),
      });
      yield;
      if (error === null) {
        result.writes.push(...sink);
        state = 'COMPLETE';
        break;
      }
      const entry = { key: item.key, error: serializeError(error), executionNo };
      keyErrors.push(entry);
      result.errors.push(entry);
      if (!restarted) failures += 1;
      if (restarted || failures <= options.config.retryCount) {
        executionNo += 1;
        continue;
      }
      state = 'FAILED';
    }
    result.keys.push({ key: item.key, executionCount: executionNo, completionState: state });
    if (state === 'FAILED' && options.config.exitOnError) {
      result.abandoned = true;
      break;
    }
  }
  result.seconds = (options.clock.now() - dateCreated.getTime()) / 1000;
  return result;
}
