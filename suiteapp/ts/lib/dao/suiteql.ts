/**
 * The one module that calls N/query: one `query.runSuiteQL` (10 units) per call, with `IN (...)`
 * lists split into chunks. It runs only `Sql` built from mapper declarations (mappers/sql.ts);
 * values always go as parameters.
 */
import * as query from 'N/query';
import { chunk } from '../../../../shared-types/src/orders/sku-item-map';
import type { Row } from '../mappers/record-declaration';
import type { Sql } from '../mappers/sql';
import { placeholders } from '../mappers/sql';

export type Param = string | number | boolean;

export function runQuery(statement: Sql, params: readonly Param[] = []): Row[] {
  return query.runSuiteQL({ query: statement.text, params: [...params] }).asMappedResults() as Row[];
}

/**
 * Runs `build(inList)` once per chunk of `values` (one query per chunk), passing the chunk as
 * parameters `repeat` times (for `a IN (...) OR b IN (...)`).
 */
export function runInChunks(
  values: readonly string[],
  chunkSize: number,
  build: (inList: Sql) => Sql,
  repeat = 1,
): Row[] {
  return chunk(values, chunkSize).flatMap((part) => {
    const params = Array.from({ length: repeat }, () => part).flat();
    return runQuery(build(placeholders(part.length)), params);
  });
}
