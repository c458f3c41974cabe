/**
 * Converters from the values NetSuite hands back (SuiteQL: ids as numbers, checkboxes as 'T'/'F',
 * empty as null; N/record: booleans and numbers; `search.lookupFields`: selects as
 * `[{ value, text }]`) to the domain's strings, numbers, booleans and nulls.
 */
import type { Row } from './record-declaration';

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

/** A number as N/record gives it (number or numeric text); empty or not a number → 0. */
export function numberOf(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : 0;
  return Number.isFinite(n) ? n : 0;
}

/** A number, or null when the field is empty. */
export function optionalNumberOf(value: unknown): number | null {
  return value === null || value === undefined || value === '' ? null : numberOf(value);
}

/** A checkbox: 'T'/'F' (SuiteQL) or a boolean; null/undefined/'' → `whenEmpty` (the field default). */
export function boolOf(value: unknown, whenEmpty: boolean): boolean {
  if (value === null || value === undefined || value === '') {
    return whenEmpty;
  }
  return value === true || value === 'T';
}

/** The first `{ value }` of a select as `search.lookupFields` returns it, or null. */
export function selectIdOf(value: unknown): string | null {
  return Array.isArray(value) && value.length > 0 ? idOf((value[0] as { value?: unknown }).value) : null;
}

/** The first `{ text }` of a select as `search.lookupFields` returns it, or null. */
export function selectTextOf(value: unknown): string | null {
  return Array.isArray(value) && value.length > 0 ? textOf((value[0] as { text?: unknown }).text) : null;
}

/**
 * Rows keyed by their internal id (`by: 'id'`) or external id (`by: 'externalid'`); rows without
 * that key are left out. `toValue` gets the row and its internal id. The rows must alias the
 * columns `id` and `externalid`.
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
