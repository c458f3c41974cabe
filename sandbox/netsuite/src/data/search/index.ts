/**
 * `N/search` of the emulator, one import for the runtime.
 */
export { createSearchModule } from './module';
export type { SearchModule, SearchModuleOptions } from './module';
export { SearchObject } from './search';
export { SearchResult } from './result';
export { SearchResultSet } from './result-set';
export { SearchPagedData } from './paged';
export { SearchColumn } from './column';
export { SearchFilter } from './filter';
export { typeCode, typeText } from './type-codes';
export { DeploymentSlot, DEPLOYMENT_STATUS_LABELS, withScriptDeployments } from './script-deployments';
export type { DeploymentFacts } from './script-deployments';
