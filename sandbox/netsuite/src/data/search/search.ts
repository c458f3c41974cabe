/**
 * `search.Search`: the object `search.create` and `search.load` return; `run`, `runPaged` and its
 * filter and column lists.
 */
import { currentInvocation } from '../../context';
import { NS, SuiteScriptError } from '../../errors';
import type { SearchColumn } from './column';
import { toColumn } from './column';
import type { FilterNode } from './expression';
import { parseFilters, toExpression } from './expression';
import type { SearchDeps } from './execute';
import { executeSearch } from './execute';
import type { SearchFilter } from './filter';
import { checkPageSize, SearchPagedData } from './paged';
import { SearchResult } from './result';
import { SearchResultSet } from './result-set';

export interface SearchCreateOptions {
  type: string;
  filters?: unknown;
  filterExpression?: unknown;
  columns?: unknown;
  title?: string;
  id?: string;
  isPublic?: boolean;
}

function toColumns(columns: unknown): SearchColumn[] {
  if (columns === undefined || columns === null) return [];
  return (Array.isArray(columns) ? columns : [columns]).map(toColumn);
}

/** `search.Search`: definition plus run()/runPaged(). */
export class SearchObject {
  readonly searchType: string;
  title: string | undefined;
  id: string | undefined;
  isPublic: boolean;
  private tree: FilterNode;
  private cols: SearchColumn[];

  constructor(
    private readonly deps: SearchDeps,
    options: SearchCreateOptions,
  ) {
    this.searchType = String(options.type).toLowerCase();
    this.title = options.title;
    this.id = options.id;
    this.isPublic = options.isPublic ?? false;
    this.tree = parseFilters(options.filters ?? options.filterExpression);
    this.cols = toColumns(options.columns);
  }

  get searchId(): string | undefined {
    return this.id;
  }

  get columns(): SearchColumn[] {
    return this.cols;
  }

  set columns(columns: unknown) {
    this.cols = toColumns(columns);
  }

  get filterExpression(): unknown[] {
    return toExpression(this.tree);
  }

  set filterExpression(expr: unknown) {
    this.tree = parseFilters(expr ?? []);
  }

  /**
   * The filters as Filter objects. Only for searches whose filters are all ANDed: NetSuite's
   * paren/OR flags on Filter objects are not modelled; read `filterExpression` instead.
   */
  get filters(): SearchFilter[] {
    const node = this.tree;
    if (node.kind === 'term') return [node.filter];
    if (node.kind === 'and' && node.nodes.every((n) => n.kind === 'term')) {
      return node.nodes.map((n) => (n as { filter: SearchFilter }).filter);
    }
    throw new SuiteScriptError(
      NS.SSS_INVALID_API_USAGE,
      'This search uses OR/NOT in its filter expression; read Search.filterExpression instead of Search.filters.',
    );
  }

  set filters(filters: unknown) {
    this.tree = parseFilters(filters ?? []);
  }

  /** 0 units; the returned ResultSet runs the search on each(), getRange(). */
  run(): SearchResultSet {
    const columns = [...this.cols];
    const tree = this.tree;
    const def = { searchType: this.searchType, filters: tree, columns };
    return new SearchResultSet(columns, () => executeSearch(this.deps, def));
  }

  /** 5 units; pageSize 5–1000 (default 50). */
  runPaged(options?: { pageSize?: number }): SearchPagedData {
    const pageSize = checkPageSize(options?.pageSize);
    currentInvocation().meter.chargeApi('Search.runPaged');
    const columns = [...this.cols];
    const def = { searchType: this.searchType, filters: this.tree, columns };
    return new SearchPagedData(pageSize, columns, () => executeSearch(this.deps, def));
  }

  toJSON(): Record<string, unknown> {
    return {
      id: this.id ?? null,
      searchType: this.searchType,
      title: this.title ?? null,
      filters: this.filterExpression,
      columns: this.cols.map((c) => c.toJSON()),
    };
  }

  /**
   * Every result, without governance or row limits: what NetSuite does itself when a map/reduce
   * getInputData returns a search (for the emulator's map/reduce runner, not for scripts).
   */
  resultsForMapReduceInput(): SearchResult[] {
    const columns = [...this.cols];
    return executeSearch(this.deps, { searchType: this.searchType, filters: this.tree, columns }).map(
      (row) => new SearchResult(row, columns),
    );
  }
}
