/**
 * `search.PagedData`: page sizes NetSuite accepts (5 to 1,000), page ranges fixed when `runPaged` ran,
 * each `fetch` a page of the current data.
 */
import { currentInvocation } from '../../context';
import { NS, SuiteScriptError } from '../../errors';
import type { ResultRow } from './cells';
import type { SearchColumn } from './column';
import { SearchResult } from './result';

export interface PageRange {
  index: number;
  compoundLabel: string;
}

export const MIN_PAGE_SIZE = 5;
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 50;

/** `search.Page`. */
export interface SearchPage {
  data: SearchResult[];
  isFirst: boolean;
  isLast: boolean;
  pageRange: PageRange;
  pagedData: SearchPagedData;
  next(): SearchPage;
  prev(): SearchPage;
}

export function checkPageSize(pageSize: unknown): number {
  const size = pageSize === undefined || pageSize === null ? DEFAULT_PAGE_SIZE : Number(pageSize);
  if (!Number.isInteger(size) || size < MIN_PAGE_SIZE || size > MAX_PAGE_SIZE) {
    throw new SuiteScriptError(
      NS.INVALID_PAGE_RANGE,
      `The page size must be an integer from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE} (got ${String(pageSize)}).`,
    );
  }
  return size;
}

/**
 * `search.PagedData`: count and page ranges fixed when `runPaged` ran; each `fetch` (5 units) reads
 * that page from the current data.
 */
export class SearchPagedData {
  readonly count: number;
  readonly pageRanges: PageRange[];

  constructor(
    readonly pageSize: number,
    private readonly columns: SearchColumn[],
    private readonly execute: () => ResultRow[],
  ) {
    this.count = execute().length;
    const pages = Math.ceil(this.count / pageSize);
    this.pageRanges = Array.from({ length: pages }, (_, index) => ({
      index,
      compoundLabel: `${index * pageSize + 1} - ${Math.min((index + 1) * pageSize, this.count)}`,
    }));
  }

  fetch(options: { index: number } | number): SearchPage {
    const index = typeof options === 'number' ? options : Number(options?.index);
    const range = this.pageRanges[index];
    if (!Number.isInteger(index) || !range) {
      throw new SuiteScriptError(
        NS.INVALID_PAGE_RANGE,
        `Invalid page range: page index ${String(index)} is outside 0..${this.pageRanges.length - 1}.`,
      );
    }
    currentInvocation().meter.chargeApi('PagedData.fetch');
    const start = index * this.pageSize;
    const data = this.execute()
      .slice(start, start + this.pageSize)
      .map((row) => new SearchResult(row, this.columns));
    const last = this.pageRanges.length - 1;
    return {
      data,
      isFirst: index === 0,
      isLast: index === last,
      pageRange: range,
      pagedData: this,
      next: () => this.fetch({ index: index + 1 }),
      prev: () => this.fetch({ index: index - 1 }),
    };
  }
}
