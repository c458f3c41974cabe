/**
 * Runs one SuiteQL statement over the store's SQLite views: the rewritten SQL, parameters normalised,
 * results shaped like NetSuite's, SQLite's errors in NetSuite's words.
 */
import type { Database, Statement } from 'better-sqlite3';
import { NS, SuiteScriptError } from '../../errors';
import { formatAccountDateTime, isoToAccountDate } from '../misc/datetime';
import type { QueryValue } from './results';
import { QueryResultSet } from './results';
import { rewriteSuiteQL, suiteQLError } from './rewrite';
import type { SuiteQLViews } from './views';
import type { DisplayTexts } from './functions';
import { isDate } from '../../realm';

/** SQLite's complaint, in NetSuite's words where there is a match. */
function translate(err: unknown): SuiteScriptError {
  if (err instanceof SuiteScriptError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const table = /no such table: (?:\w+\.)?(\w+)/.exec(message);
  if (table) return suiteQLError(`Record '${table[1]}' was not found.`);
  const column = /no such column: (?:(\w+)\.)?(\w+)/.exec(message);
  if (column) return suiteQLError(`Field '${column[2]}'${column[1] ? ` (${column[1]})` : ''} was not found.`);
  return suiteQLError(`Invalid or unsupported search: ${message}`);
}

function bindable(params: unknown[]): Array<string | number | null> {
  return params.map((p) => {
    if (p === undefined || p === null) return null;
    if (typeof p === 'boolean') return p ? 'T' : 'F';
    if (typeof p === 'number' || typeof p === 'string') return p;
    if (isDate(p)) return p.toISOString();
    throw new SuiteScriptError(NS.SSS_INVALID_API_USAGE, `SuiteQL parameter ${JSON.stringify(p)} is not a string, number or boolean.`);
  });
}

function typeOf(values: QueryValue[]): string {
  const v = values.find((x) => x !== null);
  if (typeof v === 'number') return Number.isInteger(v) ? 'INTEGER' : 'FLOAT';
  return 'STRING';
}

function accountFormat(kind: 'date' | 'datetime', value: QueryValue): QueryValue {
  if (typeof value !== 'string') return value;
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return isoToAccountDate(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatAccountDateTime(new Date(value));
  return value;
}

/** A prepared SuiteQL statement: rewritten, parameters normalised, results shaped like NetSuite's. */
export class SuiteQLStatement {
  readonly sql: string;
  private readonly params: Array<string | number | null>;

  constructor(
    private readonly db: Database,
    private readonly views: SuiteQLViews,
    private readonly texts: DisplayTexts,
    query: string,
    params: unknown[] = [],
  ) {
    if (typeof query !== 'string' || query.trim() === '') {
      throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, 'query.runSuiteQL: Missing a required argument: query');
    }
    views.ensure();
    this.sql = rewriteSuiteQL(query, views);
    this.params = bindable(Array.isArray(params) ? params : [params]);
  }

  private prepare(sql: string): Statement {
    try {
      return this.db.prepare(sql);
    } catch (err) {
      throw translate(err);
    }
  }

  /** Rows up to `max`; throws when there are more (NetSuite silently stops at 5,000). */
  run(max: number): QueryResultSet {
    const stmt = this.prepare(this.sql);
    if (!stmt.reader) throw suiteQLError('Invalid search query: only SELECT statements can run in SuiteQL.');
    const rows = this.texts.resolve(() => {
      const found: QueryValue[][] = [];
      try {
        for (const row of stmt.raw(true).iterate(...this.params) as Iterable<QueryValue[]>) {
          if (found.length === max) {
            throw suiteQLError(
              `The query returned more than ${max} rows: query.runSuiteQL returns only the first ${max} in NetSuite. Use query.runSuiteQLPaged or narrow the query.`,
            );
          }
          found.push(row);
        }
      } catch (err) {
        throw translate(err);
      }
      return found;
    });
    return this.shape(stmt, rows);
  }

  count(): number {
    const stmt = this.prepare(`SELECT COUNT(*) AS n FROM (${this.sql})`);
    return this.texts.resolve(() => {
      try {
        return Number((stmt.get(...this.params) as { n: number }).n);
      } catch (err) {
        throw translate(err);
      }
    });
  }

  page(offset: number, limit: number): QueryResultSet {
    const stmt = this.prepare(`SELECT * FROM (${this.sql}) LIMIT ? OFFSET ?`);
    const rows = this.texts.resolve(() => {
      try {
        return stmt.raw(true).all(...this.params, limit, offset) as QueryValue[][];
      } catch (err) {
        throw translate(err);
      }
    });
    return this.shape(this.prepare(this.sql), rows);
  }

  private shape(stmt: Statement, rows: QueryValue[][]): QueryResultSet {
    const names = stmt.columns().map((c) => c.name.toLowerCase());
    const dates = this.views.dateColumns();
    names.forEach((name, i) => {
      const kind = dates.get(name.replace(/^.*\./, ''));
      if (kind) for (const row of rows) row[i] = accountFormat(kind, row[i] ?? null);
    });
    const types = names.map((_n, i) => typeOf(rows.map((r) => r[i] ?? null)));
    return new QueryResultSet(names, rows, types);
  }
}
