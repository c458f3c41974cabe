/**
 * SuiteQL results as NetSuite hands them out: `query.Result`, `ResultSet` (`asMappedResults`,
 * `iterator`) and paged data.
 */
import { currentInvocation } from '../../context';
import { NS, SuiteScriptError } from '../../errors';

export type QueryValue = string | number | boolean | null;

/** `query.Result`. `toJSON()` is the `{types, values}` map/reduce hands to map() for SuiteQL input. */
export class QueryResult {
  constructor(
    readonly values: QueryValue[],
    private readonly names: string[],
    readonly types: string[],
  ) {}

  asMap(): Record<string, QueryValue> {
    return Object.fromEntries(this.names.map((n, i) => [n, this.values[i] ?? null]));
  }

  toJSON(): { types: string[]; values: QueryValue[] } {
    return { types: this.types, values: this.values };
  }
}

export interface QueryColumn {
  fieldId: string;
  label: string;
  type: string;
}

/** `query.ResultSet`. */
export class QueryResultSet {
  readonly results: QueryResult[];
  readonly columns: QueryColumn[];

  constructor(
    names: string[],
    rows: QueryValue[][],
    readonly types: string[],
  ) {
    this.results = rows.map((values) => new QueryResult(values, names, types));
    this.columns = names.map((n, i) => ({ fieldId: n, label: n, type: types[i] ?? 'STRING' }));
  }

  asMappedResults(): Array<Record<string, QueryValue>> {
    return this.results.map((r) => r.asMap());
  }

  /** `iterator().each(({value}) => true)`: return true to go on. */
  iterator(): { each(callback: (entry: { value: QueryResult }) => boolean | void): void } {
    const results = this.results;
    return {
      each(callback) {
        for (const value of results) if (callback({ value }) !== true) return;
      },
    };
  }
}

export interface QueryPageRange {
  index: number;
  size: number;
}

export interface QueryPage {
  data: QueryResultSet;
  pageRange: QueryPageRange;
  isFirst: boolean;
  isLast: boolean;
  pagedData: QueryPagedData;
}

/**
 * `query.PagedData`. Page fetches are charged 10 units (HELP says none, the stubs say 10: the
 * emulator takes the stricter figure so scripts budget for it).
 */
export class QueryPagedData {
  readonly pageRanges: QueryPageRange[];

  constructor(
    readonly count: number,
    readonly pageSize: number,
    private readonly fetchPage: (offset: number, limit: number) => QueryResultSet,
  ) {
    const pages = Math.ceil(count / pageSize);
    this.pageRanges = Array.from({ length: pages }, (_, index) => ({
      index,
      size: Math.min(pageSize, count - index * pageSize),
    }));
  }

  fetch(options: { index: number } | number): QueryPage {
    const index = typeof options === 'number' ? options : Number(options?.index);
    const pageRange = this.pageRanges[index];
    if (!Number.isInteger(index) || !pageRange) {
      throw new SuiteScriptError(
        NS.INVALID_PAGE_RANGE,
        `Invalid page range: page index ${String(index)} is outside 0..${this.pageRanges.length - 1}.`,
      );
    }
    currentInvocation().meter.charge('query.PagedData.fetch', 10);
    return {
      data: this.fetchPage(index * this.pageSize, this.pageSize),
      pageRange,
      isFirst: index === 0,
      isLast: index === this.pageRanges.length - 1,
      pagedData: this,
    };
  }

  iterator(): { each(callback: (entry: { value: QueryPage }) => boolean | void): void } {
    return {
      each: (callback) => {
        for (const range of this.pageRanges) if (callback({ value: this.fetch({ index: range.index }) }) !== true) return;
      },
    };
  }
}
