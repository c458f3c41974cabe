/**
 * Runs one map/reduce job: getInputData → map → shuffle → reduce → summarize, each invocation
 * governed by its stage's limit (10,000 / 1,000 / 5,000 / 10,000 units). `mapReduceJobSteps` is the
 * same job as steps, one yield after each invocation, for the task runner to interleave jobs of
 * different deployments (account.ts); `runMapReduceJob` runs it through.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import type { ScriptUser } from '../../context';
import { createInvocation, runInvocation } from '../../context';
import { SuiteScriptError } from '../../errors';
import { UsageMeter } from '../../governance';
import { errorName, serializeError } from '../error-shape';
import type { InvocationHistory } from '../invoke';
import { invoke } from '../invoke';
import type { EntryPoints, ModuleMap } from '../types';
import { errorIterator, keyIterator, outputIterator } from './mr-iterators';
import { inputPairs } from './mr-input';
import type { StageConfig, StageItem, StageResult } from './mr-stage';
import { stageSteps } from './mr-stage';
import { serverDate } from '../../time/zoned-date';
import type {
  KeyValue,
  MapReduceReport,
  MrInvocationReport,
  MrStage,
  MrTaskStage,
  RestartInjection,
} from './mr-types';

export interface MapReduceRunOptions {
  scriptId: string;
  deploymentId: string;
  entryPoints: EntryPoints;
  /** `N/search` and `N/query` run the searches and queries getInputData returns. */
  modules: ModuleMap;
  clock: Clock;
  /** Resolved script parameters (N/runtime getParameter). */
  parameters?: Record<string, unknown>;
  /** Deployment concurrency limit, reported in the summary. */
  concurrency?: number;
  taskId?: string | null;
  /** Who the job runs as (default: the integration user). */
  user?: ScriptUser;
  history?: InvocationHistory;
  injectRestart?: RestartInjection;
  onStage?: (stage: MrTaskStage) => void;
}

type EntryFn = (context: unknown) => unknown;

function entry(entryPoints: EntryPoints, name: string): EntryFn | null {
  const fn = entryPoints[name];
  return typeof fn === 'function' ? (fn as EntryFn) : null;
}

/** The script's `config` export (Oracle help, SuiteScript 2.x Map/Reduce Script Type); refuses values NetSuite would refuse. */
export function readConfig(entryPoints: EntryPoints, scriptId: string): StageConfig {
  const config = entryPoints.config;
  if (config === undefined || config === null) return { retryCount: 0, exitOnError: false };
  if (typeof config !== 'object') {
    throw new SuiteScriptError('SSS_INVALID_SCRIPT_CONFIG', `Script ${scriptId}: config must be an object.`);
  }
  const { retryCount = 0, exitOnError = false } = config as { retryCount?: unknown; exitOnError?: unknown };
  if (typeof retryCount !== 'number' || !Number.isInteger(retryCount) || retryCount < 0 || retryCount > 3) {
    throw new SuiteScriptError(
      'SSS_INVALID_SCRIPT_CONFIG',
      `Script ${scriptId}: config.retryCount must be 0, 1, 2 or 3; it is ${JSON.stringify(retryCount)}.`,
    );
  }
  if (typeof exitOnError !== 'boolean') {
    throw new SuiteScriptError(
      'SSS_INVALID_SCRIPT_CONFIG',
      `Script ${scriptId}: config.exitOnError must be true or false.`,
    );
  }
  return { retryCount, exitOnError };
}

/** Shuffle: values grouped by key, keys in order of first appearance. */
export function shuffle(pairs: readonly KeyValue[]): StageItem[] {
  const groups = new Map<string, string[]>();
  for (const { key, value } of pairs) {
    const list = groups.get(key);
    if (list) list.push(value);
    else groups.set(key, [value]);
  }
  return [...groups].map(([key, values]) => ({ key, values }));
}

function emptyStage(clock: Clock): StageResult {
  return {
    writes: [],
    errors: [],
    keys: [],
    usage: 0,
    abandoned: false,
    dateCreated: serverDate(clock.now()),
    seconds: 0,
  };
}

/** Runs the whole job at once. */
export function runMapReduceJob(options: MapReduceRunOptions): MapReduceReport {
  const steps = mapReduceJobSteps(options);
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/**
 * The job as steps: one yield after each invocation (getInputData, every map and reduce invocation,
 * summarize); returns the report. Checks the entry points and config before the first step.
 */
export function mapReduceJobSteps(options: MapReduceRunOptions): Generator<void, MapReduceReport, void> {
  const { entryPoints, scriptId } = options;
  const getInputData = entry(entryPoints, 'getInputData');
  const map = entry(entryPoints, 'map');
  const reduce = entry(entryPoints, 'reduce');
  const summarize = entry(entryPoints, 'summarize');
  if (!getInputData || (!map && !reduce)) {
    throw new SuiteScriptError(
      'SSS_MISSING_ENTRY_POINT',
      `Map/reduce script ${scriptId} must define getInputData and at least one of map and reduce.`,
    );
  }
  const config = readConfig(entryPoints, scriptId);
  return jobSteps(options, { getInputData, map, reduce, summarize, config });
}

interface JobEntries {
  getInputData: EntryFn;
  map: EntryFn | null;
  reduce: EntryFn | null;
  summarize: EntryFn | null;
  config: StageConfig;
}

function* jobSteps(
  options: MapReduceRunOptions,
  entries: JobEntries,
): Generator<void, MapReduceReport, void> {
  const { clock, scriptId, deploymentId } = options;
  const { getInputData, map, reduce, summarize, config } = entries;
  const base = {
    ...(options.user ? { user: options.user } : {}),
    scriptId,
    deploymentId,
    scriptType: 'MAPREDUCE',
    parameters: options.parameters ?? {},
    extra: { taskId: options.taskId ?? null },
  };
  const invocations: MrInvocationReport[] = [];
  const startedAt = new Date(clock.now());
  const stageAt = (stage: MrTaskStage): void => options.onStage?.(stage);

  stageAt('GET_INPUT');
  const inputDate = new Date(clock.now());
  const input = invoke(
    { ...base, kind: 'mapreduce.getInputData', startedAt: inputDate },
    () => {
      const returned = getInputData({ isRestarted: false, ObjectRef: { id: '', type: '' } });
      const uncharged = {
        ...createInvocation({ ...base, kind: 'mapreduce.getInputData', startedAt: inputDate }),
        meter: new UsageMeter(Number.POSITIVE_INFINITY),
      };
      return runInvocation(uncharged, () => inputPairs(returned, options.modules));
    },
    { history: options.history },
  );
  const inputUsage = input.invocation.meter.used;
  invocations.push({
    stage: 'getInputData',
    key: null,
    units: inputUsage,
    executionNo: 1,
    error: input.ok ? null : errorName(input.error),
  });
  yield;
  const inputError = input.ok ? null : serializeError(input.error);
  const pairs = input.ok ? input.value : [];
  const inputSeconds = (clock.now() - inputDate.getTime()) / 1000;

  const common = {
    config,
    injectRestart: options.injectRestart,
    invocation: base,
    clock,
    history: options.history,
    onInvocation: (r: MrInvocationReport) => invocations.push(r),
  };
  let mapResult = emptyStage(clock);
  let reduceResult = emptyStage(clock);
  let exitedStage: 'map' | 'reduce' | null = null;
  if (input.ok && map) {
    stageAt('MAP');
    mapResult = yield* stageSteps({
      ...common,
      stage: 'map',
      items: pairs.map((p) => ({ key: p.key, values: [p.value] })),
      entryPoint: map,
    });
    if (mapResult.abandoned) exitedStage = 'map';
  }
  if (input.ok && reduce && exitedStage === null) {
    stageAt('SHUFFLE');
    const items = shuffle(map ? mapResult.writes : pairs);
    stageAt('REDUCE');
    reduceResult = yield* stageSteps({ ...common, stage: 'reduce', items, entryPoint: reduce });
    if (reduceResult.abandoned) exitedStage = 'reduce';
  }
  const output = reduce ? reduceResult.writes : mapResult.writes;

  let summarizeError: string | null = null;
  if (summarize) {
    stageAt('SUMMARIZE');
    const concurrency = options.concurrency ?? 1;
    const usage = inputUsage + mapResult.usage + reduceResult.usage;
    const summary = {
      isRestarted: false,
      dateCreated: serverDate(startedAt.getTime()),
      seconds: (clock.now() - startedAt.getTime()) / 1000,
      usage,
      concurrency,
      yields: 0,
      inputSummary: {
        dateCreated: serverDate(inputDate.getTime()),
        error: inputError,
        seconds: inputSeconds,
        usage: inputUsage,
      },
      mapSummary: stageSummary(mapResult, concurrency),
      reduceSummary: stageSummary(reduceResult, concurrency),
      output: outputIterator(output),
    };
    const outcome = invoke(
      { ...base, kind: 'mapreduce.summarize', startedAt: new Date(clock.now()) },
      () => summarize(summary),
      { history: options.history },
    );
    summarizeError = outcome.ok ? null : serializeError(outcome.error);
    invocations.push({
      stage: 'summarize',
      key: null,
      units: outcome.invocation.meter.used,
      executionNo: 1,
      error: outcome.ok ? null : errorName(outcome.error),
    });
    yield;
  }

  return {
    taskId: options.taskId ?? null,
    scriptId,
    deploymentId,
    status: summarizeError === null ? 'COMPLETE' : 'FAILED',
    startedAt,
    invocations,
    totals: totals(invocations),
    inputCount: pairs.length,
    inputError,
    mapKeys: mapResult.keys,
    reduceKeys: reduceResult.keys,
    mapErrors: mapResult.errors,
    reduceErrors: reduceResult.errors,
    exitedStage,
    output,
    summarizeError,
  };
}

function stageSummary(result: StageResult, concurrency: number): Record<string, unknown> {
  return {
    dateCreated: result.dateCreated,
    seconds: result.seconds,
    usage: result.usage,
    concurrency,
    yields: 0,
    keys: keyIterator(result.keys),
    errors: errorIterator(result.errors),
  };
}

function totals(invocations: readonly MrInvocationReport[]): MapReduceReport['totals'] {
  const byStage: Record<MrStage, number> = { getInputData: 0, map: 0, reduce: 0, summarize: 0 };
  let units = 0;
  let errors = 0;
  for (const inv of invocations) {
    byStage[inv.stage] += inv.units;
    units += inv.units;
    if (inv.error !== null) errors += 1;
  }
  return { units, invocations: invocations.length, errors, byStage };
}
