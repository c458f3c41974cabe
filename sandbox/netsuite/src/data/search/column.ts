/**
 * `search.Column`: `search.createColumn` options, and how a requested column is matched to a result
 * column.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { SortValue, SummaryValue } from './enums';
import { normaliseSort, normaliseSummary } from './enums';

export interface CreateColumnOptions {
  name: string;
  join?: string;
  summary?: string;
  sort?: string;
  label?: string;
  formula?: string;
  function?: string;
}

/** `search.Column`. Names and joins are matched case-insensitively, as NetSuite does. */
export class SearchColumn {
  readonly name: string;
  readonly join: string | undefined;
  readonly summary: SummaryValue | undefined;
  sort: SortValue;
  label: string | undefined;
  readonly formula: string | undefined;

  constructor(options: CreateColumnOptions) {
    if (!options || typeof options.name !== 'string' || options.name.trim() === '') {
      throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, 'search.createColumn: Missing a required argument: name');
    }
    const summary = normaliseSummary(options.summary);
    if (options.summary !== undefined && options.summary !== null && options.summary !== '' && !summary) {
      throw new SuiteScriptError(
        NS.SSS_INVALID_SRCH_COL,
        `Invalid summary type "${String(options.summary)}" on column ${options.name}: use search.Summary (GROUP, COUNT, SUM, AVG, MIN, MAX).`,
      );
    }
    this.name = options.name.trim().toLowerCase();
    this.join = options.join ? options.join.trim().toLowerCase() : undefined;
    this.summary = summary;
    this.sort = normaliseSort(options.sort);
    this.label = options.label;
    this.formula = options.formula;
  }

  /** The key NetSuite uses in `Result.toJSON().values`: `name`, `name.join`, `SUM(name)`, `GROUP(name.join)`. */
  get key(): string {
    const base = this.join ? `${this.name}.${this.join}` : this.name;
    return this.summary ? `${this.summary}(${base})` : base;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, join: this.join, summary: this.summary, label: this.label, sort: this.sort };
  }
}

/** Accepts what scripts pass as columns: a Column, a field id string, or createColumn options. */
export function toColumn(input: unknown): SearchColumn {
  if (input instanceof SearchColumn) return input;
  if (typeof input === 'string') {
    const dot = input.indexOf('.');
    return dot > 0
      ? new SearchColumn({ name: input.slice(dot + 1), join: input.slice(0, dot) })
      : new SearchColumn({ name: input });
  }
  if (input && typeof input === 'object' && typeof (input as CreateColumnOptions).name === 'string') {
    return new SearchColumn(input as CreateColumnOptions);
  }
  throw new SuiteScriptError(NS.SSS_INVALID_SRCH_COL, `Invalid search column: ${JSON.stringify(input)}`);
}

/** Does `col` answer a `getValue(name | column | {name, join, summary})` request? */
export function columnMatches(col: SearchColumn, request: unknown): boolean {
  if (typeof request === 'string') return !col.join && !col.summary && col.name === request.toLowerCase();
  if (request instanceof SearchColumn) return col.key === request.key;
  if (request && typeof request === 'object') {
    const r = request as { name?: unknown; join?: unknown; summary?: unknown };
    if (typeof r.name !== 'string') return false;
    const join = typeof r.join === 'string' && r.join ? r.join.toLowerCase() : undefined;
    return col.name === r.name.toLowerCase() && col.join === join && col.summary === normaliseSummary(r.summary);
  }
  return false;
}
