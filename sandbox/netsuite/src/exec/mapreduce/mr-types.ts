/**
 * Shapes of a map/reduce job run: what the runner reports to tests and benchmarks.
 */

export type MrStage = 'getInputData' | 'map' | 'reduce' | 'summarize';

/** `task.MapReduceStage` names, reported to the task queue as the job advances. */
export type MrTaskStage = 'GET_INPUT' | 'MAP' | 'SHUFFLE' | 'REDUCE' | 'SUMMARIZE';

export interface KeyValue {
  key: string;
  value: string;
}

/**
 * Kill the `atInvocation`-th (1-based) invocation of `stage` after `afterCharges` usage-charging
 * N-API calls, as an application-server restart would: the next charging call (and every N-API call
 * after it in that invocation) throws SSS_APP_SERVER_RESTART. An invocation that makes no more than
 * `afterCharges` charging calls is killed when its entry point returns, before its writes are kept.
 */
export interface RestartInjection {
  stage: 'map' | 'reduce';
  atInvocation: number;
  afterCharges: number;
}

export interface MrInvocationReport {
  stage: MrStage;
  /** Map/reduce key; null for getInputData and summarize. */
  key: string | null;
  units: number;
  executionNo: number;
  /** Error name when the invocation failed (`SSS_APP_SERVER_RESTART` for an injected restart). */
  error: string | null;
}

export interface MrErrorEntry {
  key: string;
  /** Serialised JSON SuiteScriptError, as the error iterators hand it out. */
  error: string;
  executionNo: number;
}

export type KeyCompletion = 'COMPLETE' | 'FAILED';

export interface MrKeyEntry {
  key: string;
  executionCount: number;
  completionState: KeyCompletion;
}

export interface MapReduceReport {
  taskId: string | null;
  scriptId: string;
  deploymentId: string;
  /** FAILED when summarize threw (or the job could not start), else COMPLETE. */
  status: 'COMPLETE' | 'FAILED';
  startedAt: Date;
  invocations: MrInvocationReport[];
  totals: {
    units: number;
    invocations: number;
    errors: number;
    byStage: Record<MrStage, number>;
  };
  /** Pairs produced by getInputData (after conversion to strings). */
  inputCount: number;
  inputError: string | null;
  mapKeys: MrKeyEntry[];
  reduceKeys: MrKeyEntry[];
  mapErrors: MrErrorEntry[];
  reduceErrors: MrErrorEntry[];
  /** The stage abandoned because of `exitOnError`, if any. */
  exitedStage: 'map' | 'reduce' | null;
  /** What summarize sees as `output`: reduce writes (map writes when there is no reduce). */
  output: KeyValue[];
  summarizeError: string | null;
}
