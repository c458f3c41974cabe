/**
 * Jest for mutation testing (`npm run mutation`, stryker.config.json): only the unit tests of the
 * pure modules Stryker mutates (shared-types, the SuiteApp mappers that write their plans, the
 * bridge's webhook verification and OAuth state), so each mutant is judged in seconds on 2 cores.
 *
 * Left out: test files that build their fixtures through the mutated modules while jest collects
 * them (in a describe body, outside any test). Stryker cannot tell which test such code serves, so
 * every mutant it reaches becomes "static" and is judged by running every test, ten times slower;
 * what those files test (the import work list, the sales order mapper's field ids) is not mutated.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: [
    '<rootDir>/shared-types/src',
    '<rootDir>/suiteapp/ts/lib/mappers',
    '<rootDir>/bridge/src/webhooks',
    '<rootDir>/bridge/src/oauth',
  ],
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    '/shared-types/src/import/__tests__/import-work\\.test\\.ts$',
    '/suiteapp/ts/lib/mappers/__tests__/sales-order-mapper\\.test\\.ts$',
  ],
};
