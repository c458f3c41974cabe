/**
 * The `iterator().each(cb)` containers of map/reduce contexts and summaries. Iteration continues
 * only while the callback returns `true`, as in NetSuite.
 */
import type { KeyValue, MrErrorEntry, MrKeyEntry } from './mr-types';

export interface IteratorContainer<A extends unknown[]> {
  iterator(): { each(callback: (...args: A) => unknown): void };
}

function container<T, A extends unknown[]>(
  items: readonly T[],
  spread: (item: T) => A,
): IteratorContainer<A> {
  return {
    iterator: () => ({
      each(callback: (...args: A) => unknown): void {
        for (const item of items) {
          if (callback(...spread(item)) !== true) return;
        }
      },
    }),
  };
}

export function errorIterator(errors: readonly MrErrorEntry[]): IteratorContainer<[string, string, number]> {
  return container(errors, (e) => [e.key, e.error, e.executionNo]);
}

export function keyIterator(keys: readonly MrKeyEntry[]): IteratorContainer<[string, number, string]> {
  return container(keys, (k) => [k.key, k.executionCount, k.completionState]);
}

export function outputIterator(pairs: readonly KeyValue[]): IteratorContainer<[string, string]> {
  return container(pairs, (p) => [p.key, p.value]);
}
