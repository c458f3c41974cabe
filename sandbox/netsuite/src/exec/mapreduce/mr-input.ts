/**
 * Turns what getInputData returned into the string key/value pairs the map stage receives
 * (Oracle help, SuiteScript 2.x Map/Reduce Script Type): arrays (key = index), plain objects (key = property), `search.Search` objects and
 * `{type:'search', id}` references (key = internal id, value = the result's JSON), `query.Query`
 * objects and `{type:'suiteql', query, params}` (value = `{"types":[...],"values":[...]}`).
 *
 * Searches and queries are run through the account's `N/search` / `N/query`; the caller runs this
 * outside the script's meter, since NetSuite does not charge the script for them.
 */
import { SuiteScriptError } from '../../errors';
import type { ModuleMap } from '../types';
import type { KeyValue } from './mr-types';

/** Key and value limits (Oracle help, SuiteScript 2.x Map/Reduce Script Type), measured in UTF-8 bytes as the error names say. */
export const MAX_KEY_BYTES = 3000;
export const MAX_VALUE_BYTES = 10 * 1024 * 1024;
const PAGE = 1000;

type Fn = (...args: unknown[]) => unknown;

interface SearchResultLike {
  id?: unknown;
}

/**
 * Refuses a key over 3,000 bytes (KEY_LENGTH_IS_OVER_3000_BYTES) or a value over 10 MB
 * (VALUE_LENGTH_IS_OVER_10_MB): 1,500 two-byte characters are within a character count but over
 * the byte limit.
 */
export function checkPairSize(key: string, value: string, where: string): void {
  const keyBytes = Buffer.byteLength(key, 'utf8');
  if (keyBytes > MAX_KEY_BYTES) {
    throw new SuiteScriptError(
      'KEY_LENGTH_IS_OVER_3000_BYTES',
      `${where}: the key is ${keyBytes} bytes long (UTF-8); the limit is 3,000 bytes.`,
    );
  }
  if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) {
    throw new SuiteScriptError('VALUE_LENGTH_IS_OVER_10_MB', `${where}: the value is larger than 10 MB.`);
  }
}

/** Keys and values reaching map/reduce are always strings; objects are JSON. */
export function toMrString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

function method(target: unknown, name: string, what: string): Fn {
  const fn = (target as Record<string, unknown> | null)?.[name];
  if (typeof fn !== 'function') {
    throw new SuiteScriptError('SSS_INVALID_API_USAGE', `${what} has no ${name}() method.`);
  }
  return (...args: unknown[]) => (fn as Fn).apply(target, args);
}

function moduleOf(modules: ModuleMap, id: string): unknown {
  const mod = modules[id];
  if (mod === undefined) {
    throw new SuiteScriptError(
      'MODULE_DOES_NOT_EXIST',
      `getInputData returned a ${id} object, but ${id} is not available.`,
    );
  }
  return mod;
}

function isSearch(value: object): boolean {
  return typeof (value as { run?: unknown }).run === 'function' && 'searchType' in value;
}

function isQuery(value: object): boolean {
  return typeof (value as { runPaged?: unknown }).runPaged === 'function' && 'condition' in value;
}

function searchPairs(search: unknown): KeyValue[] {
  const resultSet = method(search, 'run', 'The search')();
  const getRange = method(resultSet, 'getRange', 'The search result set');
  const out: KeyValue[] = [];
  for (let start = 0; ; start += PAGE) {
    const page = getRange({ start, end: start + PAGE }) as SearchResultLike[];
    page.forEach((result, i) => {
      const id = result.id === undefined || result.id === null || result.id === '' ? start + i : result.id;
      out.push({ key: String(id), value: JSON.stringify(result) });
    });
    if (page.length < PAGE) return out;
  }
}

interface QueryResultSetLike {
  types?: unknown;
  results?: { values?: unknown }[];
}

function pushQueryRows(out: KeyValue[], resultSet: QueryResultSetLike): void {
  for (const result of resultSet.results ?? []) {
    out.push({
      key: String(out.length),
      value: JSON.stringify({ types: resultSet.types ?? [], values: result.values ?? [] }),
    });
  }
}

function pagedPairs(paged: unknown): KeyValue[] {
  const out: KeyValue[] = [];
  const ranges = ((paged as { pageRanges?: { index: number }[] }).pageRanges ?? []).map((r) => r.index);
  const fetch = method(paged, 'fetch', 'The paged query data');
  for (const index of ranges) {
    const page = fetch({ index }) as { data?: QueryResultSetLike };
    pushQueryRows(out, page.data ?? {});
  }
  return out;
}

function suiteqlPairs(modules: ModuleMap, query: string, params: unknown[]): KeyValue[] {
  const queryModule = moduleOf(modules, 'N/query') as Record<string, unknown>;
  if (typeof queryModule.runSuiteQLPaged === 'function') {
    return pagedPairs(method(queryModule, 'runSuiteQLPaged', 'N/query')({ query, params, pageSize: PAGE }));
  }
  const out: KeyValue[] = [];
  pushQueryRows(out, method(queryModule, 'runSuiteQL', 'N/query')({ query, params }) as QueryResultSetLike);
  return out;
}

function referencePairs(modules: ModuleMap, ref: Record<string, unknown>): KeyValue[] {
  const type = String(ref.type).toLowerCase();
  if (type === 'search') {
    const search = method(moduleOf(modules, 'N/search'), 'load', 'N/search')({ id: ref.id });
    return searchPairs(search);
  }
  if (type === 'suiteql') {
    if (typeof ref.query !== 'string') {
      throw new SuiteScriptError(
        'SSS_INVALID_API_USAGE',
        'getInputData returned {type: "suiteql"} without a query string.',
      );
    }
    return suiteqlPairs(modules, ref.query, Array.isArray(ref.params) ? ref.params : []);
  }
  if (type === 'query') {
    const query = method(moduleOf(modules, 'N/query'), 'load', 'N/query')({ id: ref.id });
    return pagedPairs(method(query, 'runPaged', 'The query')({ pageSize: PAGE }));
  }
  throw new SuiteScriptError(
    'SSS_INVALID_API_USAGE',
    `getInputData returned an object reference of type ${String(ref.type)}; the emulator supports search, suiteql and query references.`,
  );
}

/** The pairs getInputData's return value stands for, each within the key and value limits. */
export function inputPairs(input: unknown, modules: ModuleMap): KeyValue[] {
  const pairs = rawInputPairs(input, modules);
  for (const { key, value } of pairs) checkPairSize(key, value, 'getInputData');
  return pairs;
}

function rawInputPairs(input: unknown, modules: ModuleMap): KeyValue[] {
  if (input === undefined || input === null) return [];
  if (Array.isArray(input)) return input.map((v, i) => ({ key: String(i), value: toMrString(v) }));
  if (typeof input !== 'object') {
    throw new SuiteScriptError(
      'SSS_INVALID_API_USAGE',
      `getInputData returned a ${typeof input}; return an array, an object, a search, a query or an object reference.`,
    );
  }
  if (isSearch(input)) return searchPairs(input);
  if (isQuery(input)) return pagedPairs(method(input, 'runPaged', 'The query')({ pageSize: PAGE }));
  const record = input as Record<string, unknown>;
  const keys = Object.keys(record);
  const isReference =
    typeof record.type === 'string' &&
    ['search', 'suiteql', 'query'].includes(record.type.toLowerCase()) &&
    keys.every((k) => ['type', 'id', 'query', 'params'].includes(k));
  if (isReference) return referencePairs(modules, record);
  return keys.map((key) => ({ key, value: toMrString(record[key]) }));
}
