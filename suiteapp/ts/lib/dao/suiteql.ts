import * as query from 'N/query';
import { chunk } from '../../../../shared-types/src/sku-item-map';

/**
 * SuiteQL helpers for the DAOs: one `query.runSuiteQL` (10 units) per call, `IN (?, ...)` lists
 * split into chunks, and converters for the values SuiteQL returns (ids as numbers, checkboxes as
 * 'T'/'F', empty as null).
 */

export type Row = Record<string, unknown>;
export type Param = string | number | boolean;

export function runQuery(sql: string, params: readonly Param[] = []): Row[] {
  return query.runSuiteQL({ query: sql, params: [...params] }).asMappedResults() as Row[];
}

/** `?, ?, ?` for an `IN (...)` list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * Runs `build(inList)` once per chunk of `values` (one query per chunk), passing the chunk as
 * parameters `repeat` times (for `a IN (...) OR b IN (...)`).
 */
export function runInChunks(
  values: readonly string[],
  chunkSize: number,
  build: (inList: string) => string,
  repeat = 1,
): Row[] {
  return chunk(values, chunkSize).flatMap((part) => {
    const params = Array.from({ length: repeat }, () => part).flat();
    return runQuery(build(placeholders(part.length)), params);
  });
}

/** An internal id as a string, or null. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return typeof value === 'string' && value !== '' ? value : null;
}

export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  const text = String(value);
  return text === '' ? null : text;
}

export function intOf(value: unknown): number | null {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

/** A checkbox: 'T'/'F' (SuiteQL) or a boolean; null/undefined → `whenEmpty` (the field default). */
export function boolOf(value: unknown, whenEmpty: boolean): boolean {
  if (value === null || value === undefined || value === '') {
    return whenEmpty;
  }
  return value === true || value === 'T';
}

/**
 * Rows keyed by their internal id (`by: 'id'`) or external id (`by: 'externalid'`); rows without
 * that key are left out. `toValue` gets the row and its internal id.
 */
export function indexRows<T>(
  rows: readonly Row[],
  by: 'id' | 'externalid',
  toValue: (row: Row, id: string) => T,
): Map<string, T> {
  const found = new Map<string, T>();
  for (const row of rows) {
    const id = idOf(row.id);
    const key = by === 'id' ? id : textOf(row.externalid);
    if (id !== null && key !== null) found.set(key, toValue(row, id));
  }
  return found;
}
