/**
 * `search.Filter`: `search.createFilter` options, checked as NetSuite checks them.
 */
import { NS, SuiteScriptError } from '../../errors';
import { isOperator } from './enums';
import { isDate } from '../../realm';

export interface CreateFilterOptions {
  name: string;
  join?: string;
  operator: string;
  values?: unknown;
  formula?: string;
  summary?: string;
}

/** Filter values as NetSuite keeps them: strings (dates as given, numbers and booleans stringified). */
function toValueList(values: unknown): string[] {
  if (values === undefined || values === null) return [];
  const list = Array.isArray(values) ? values : [values];
  return list.map((v) => {
    if (isDate(v)) return v.toISOString();
    if (typeof v === 'boolean') return v ? 'T' : 'F';
    return String(v);
  });
}

/** `search.Filter`. */
export class SearchFilter {
  readonly name: string;
  readonly join: string | undefined;
  readonly operator: string;
  readonly values: string[];
  readonly formula: string | undefined;
  readonly summary: string | undefined;

  constructor(options: CreateFilterOptions) {
    if (!options || typeof options.name !== 'string' || options.name.trim() === '') {
      throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, 'search.createFilter: Missing a required argument: name');
    }
    const operator = String(options.operator ?? '').toLowerCase();
    if (!isOperator(operator)) {
      throw new SuiteScriptError(
        'SSS_INVALID_SRCH_OPERATOR',
        `An nlobjSearchFilter contains an invalid operator, or is not in proper syntax: ${String(options.operator)} (filter ${options.name}).`,
      );
    }
    this.name = options.name.trim().toLowerCase();
    this.join = options.join ? options.join.trim().toLowerCase() : undefined;
    this.operator = operator;
    this.values = toValueList(options.values);
    this.formula = options.formula;
    this.summary = options.summary;
  }

  /** `join.name` as written in filter expressions. */
  get qualifiedName(): string {
    return this.join ? `${this.join}.${this.name}` : this.name;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, join: this.join, operator: this.operator, values: this.values };
  }
}
