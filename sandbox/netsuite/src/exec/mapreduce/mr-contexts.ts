/**
 * The `context` objects map and reduce entry points receive.
 */
import { SuiteScriptError } from '../../errors';
import { errorIterator } from './mr-iterators';
import { checkPairSize, toMrString } from './mr-input';
import type { KeyValue, MrErrorEntry } from './mr-types';

export interface StageInvocationState {
  key: string;
  values: readonly string[];
  isRestarted: boolean;
  executionNo: number;
  /** Earlier failures of this key in this stage. */
  errors: readonly MrErrorEntry[];
}

/** `context.write({key, value})` or `context.write(key, value)`; keys and values become strings. */
function writer(sink: KeyValue[]): (a: unknown, b?: unknown) => void {
  return (a: unknown, b?: unknown): void => {
    const pair =
      b === undefined && typeof a === 'object' && a !== null && 'key' in a
        ? (a as { key: unknown; value: unknown })
        : { key: a, value: b };
    if (pair.key === undefined || pair.key === null) {
      throw new SuiteScriptError(
        'SSS_MISSING_REQD_ARGUMENT',
        'context.write: missing a required argument: key.',
      );
    }
    const key = toMrString(pair.key);
    const value = toMrString(pair.value);
    checkPairSize(key, value, 'context.write');
    sink.push({ key, value });
  };
}

export function createMapContext(state: StageInvocationState, sink: KeyValue[]): Record<string, unknown> {
  return {
    key: state.key,
    value: state.values[0] ?? '',
    isRestarted: state.isRestarted,
    executionNo: state.executionNo,
    errors: errorIterator(state.errors),
    write: writer(sink),
  };
}

export function createReduceContext(state: StageInvocationState, sink: KeyValue[]): Record<string, unknown> {
  return {
    key: state.key,
    values: [...state.values],
    isRestarted: state.isRestarted,
    executionNo: state.executionNo,
    errors: errorIterator(state.errors),
    write: writer(sink),
  };
}
