/**
 * `search.ResultSet`: `each` (at most 4,000 results) and `getRange` (at most 1,000), NetSuite's
 * limits.
 */
import { currentInvocation } from '../../context';
import { NS, SuiteScriptError } from '../../errors';
import type { ResultRow } from './cells';
import type { SearchColumn } from './column';
import { SearchResult } from './result';

export const MAX_GET_RANGE = 1000;
export const MAX_EACH = 4000;

/** `search.ResultSet`: every call runs the search again over the current data, as NetSuite does. */
export class SearchResultSet {
  constructor(
    readonly columns: SearchColumn[],
    private readonly execute: () => ResultRow[],
  ) {}

  /** 10 units. The callback returns `true` to go on; more than 4,000 rows throws. */
  each(callback: (result: SearchResult) => boolean | void): void {
    currentInvocation().meter.chargeApi('ResultSet.each');
    const rows = this.execute();
    for (let i = 0; i < rows.length; i++) {
      if (i === MAX_EACH) {
        throw new SuiteScriptError(
          NS.SEARCH_RESULT_LIMIT,
          'No more than 4000 search results may be returned at one time from ResultSet.each(). Please revise your search criteria or use Search.runPaged() so that no more than 4000 results are returned.',
        );
      }
      if (callback(new SearchResult(rows[i]!, this.columns)) !== true) return;
    }
  }

  /** 10 units; at most 1,000 rows per call. */
  getRange(options: { start: number; end: number }): SearchResult[] {
    const start = Number(options?.start);
    const end = Number(options?.end);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      throw new SuiteScriptError(
        NS.SSS_INVALID_API_USAGE,
        `ResultSet.getRange needs integer start and end with 0 <= start <= end (got start ${String(options?.start)}, end ${String(options?.end)}).`,
      );
    }
    if (end - start > MAX_GET_RANGE) {
      throw new SuiteScriptError(
        NS.SSS_INVALID_API_USAGE,
        `ResultSet.getRange returns at most ${MAX_GET_RANGE} results per call (asked for ${end - start}: start ${start}, end ${end}).`,
      );
    }
    currentInvocation().meter.chargeApi('ResultSet.getRange');
    return this.execute()
      .slice(start, end)
      .map((row) => new SearchResult(row, this.columns));
  }
}
