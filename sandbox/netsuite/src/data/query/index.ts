/**
 * `N/query` of the emulator: SuiteQL over the store (module.ts) and its result types (results.ts).
 */
export { createQueryModule, MAX_SUITEQL_ROWS } from './module';
export type { QueryModule, QueryModuleOptions, SuiteQLOptions } from './module';
export { QueryResult, QueryResultSet, QueryPagedData } from './results';
