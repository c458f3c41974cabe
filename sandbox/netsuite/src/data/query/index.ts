export { createQueryModule, MAX_SUITEQL_ROWS } from './module';
export type { QueryModule, QueryModuleOptions, SuiteQLOptions } from './module';
export { QueryResult, QueryResultSet, QueryPagedData } from './results';
