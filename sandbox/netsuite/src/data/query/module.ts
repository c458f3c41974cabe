/**
 * The `N/query` module scripts see: `runSuiteQL` (at most 5,000 rows) and `runSuiteQLPaged`, over the
 * store's SQLite views.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../../../shared-types/src/time/clock';
import { systemClock } from '../../../../../shared-types/src/time/clock';
import { currentInvocation } from '../../context';
import { checkPageSize } from '../search/paged';
import type { RecordReader } from '../store-types';
import { SuiteQLStatement } from './execute';
import { DisplayTexts, registerFunctions } from './functions';
import type { QueryResultSet } from './results';
import { QueryPagedData } from './results';
import { suiteQLError } from './rewrite';
import { SuiteQLViews } from './views';

export const MAX_SUITEQL_ROWS = 5000;
export const MAX_PAGED_ROWS = 100000;

export interface SuiteQLOptions {
  query: string;
  params?: unknown[];
  customScriptId?: string;
}

export interface QueryModule {
  runSuiteQL(options: SuiteQLOptions | string): QueryResultSet;
  runSuiteQLPaged(options: SuiteQLOptions & { pageSize?: number }): QueryPagedData;
  /** Emulator hook: rebuild the SuiteQL views now (they also rebuild themselves when the catalogue changes). */
  refreshViews(): void;
}

export interface QueryModuleOptions {
  /** SYSDATE / CURRENT_DATE. Defaults to the system clock. */
  clock?: Clock;
}

/**
 * The `N/query` module's SuiteQL part over the store's SQLite database: queries run against TEMP
 * views named like NetSuite's tables (see view-model.ts) after the rewrites in rewrite.ts.
 */
export function createQueryModule(db: Database, reader: RecordReader, options: QueryModuleOptions = {}): QueryModule {
  const views = new SuiteQLViews(db, reader);
  const texts = new DisplayTexts(reader);
  registerFunctions(db, reader, options.clock ?? systemClock, texts);
  views.refresh();

  return {
    runSuiteQL(opts) {
      const { query, params } = typeof opts === 'string' ? { query: opts, params: [] } : opts;
      currentInvocation().meter.chargeApi('query.runSuiteQL');
      return new SuiteQLStatement(db, views, texts, query, params ?? []).run(MAX_SUITEQL_ROWS);
    },
    runSuiteQLPaged(opts) {
      const pageSize = checkPageSize(opts?.pageSize);
      currentInvocation().meter.chargeApi('query.runSuiteQLPaged');
      const stmt = new SuiteQLStatement(db, views, texts, opts.query, opts.params ?? []);
      const count = stmt.count();
      if (count > MAX_PAGED_ROWS) {
        throw suiteQLError(`The query returned ${count} rows; paged SuiteQL is limited to ${MAX_PAGED_ROWS}.`);
      }
      return new QueryPagedData(count, pageSize, (offset, limit) => stmt.page(offset, limit));
    },
    refreshViews: () => views.refresh(),
  };
}
