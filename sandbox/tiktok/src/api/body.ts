/** Typed readers for JSON request bodies; a wrong type is a 36009004 parameter error naming the field. */
import { Gateway } from '../errors';

export function optString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw Gateway.invalidParam(`${key} must be a string`);
  return value;
}

export function optInt(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw Gateway.invalidParam(`${key} must be a non-negative integer`);
  }
  return value;
}

export function optBool(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw Gateway.invalidParam(`${key} must be a boolean`);
  return value;
}

export function optStringArray(body: Record<string, unknown>, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw Gateway.invalidParam(`${key} must be an array of strings`);
  }
  return value as string[];
}

export function optObjectArray(
  body: Record<string, unknown>,
  key: string,
): Record<string, unknown>[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
  ) {
    throw Gateway.invalidParam(`${key} must be an array of objects`);
  }
  return value as Record<string, unknown>[];
}

export function optObject(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw Gateway.invalidParam(`${key} must be an object`);
  return value as Record<string, unknown>;
}

/** `sort_order` query parameter (ASC | DESC). */
export function readSortOrder(
  query: Readonly<Record<string, string>>,
  fallback: 'ASC' | 'DESC',
): 'ASC' | 'DESC' {
  const raw = query.sort_order;
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'ASC' && raw !== 'DESC') throw Gateway.invalidParam('sort_order must be ASC or DESC');
  return raw;
}

/** `sort_field` query parameter restricted to `allowed`. */
export function readSortField<T extends string>(
  query: Readonly<Record<string, string>>,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = query.sort_field;
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw Gateway.invalidParam(`sort_field must be one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

/** Sorts by a numeric field then id, ascending or descending. */
export function sortBy<T>(
  items: T[],
  key: (item: T) => number,
  id: (item: T) => string,
  order: 'ASC' | 'DESC',
): T[] {
  const sign = order === 'ASC' ? 1 : -1;
  return items.sort((a, b) => sign * (key(a) - key(b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0)));
}

/** Shop-level handlers always have a shop; this narrows the type. */
export function requireShopId(shop: { id: string } | null): string {
  if (!shop) throw Gateway.missingShopCipher();
  return shop.id;
}
