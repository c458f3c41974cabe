import * as runtime from 'N/runtime';
import type { AccountFeatures } from '../../../../shared-types/src/account-setup';
import { readFeatures } from '../../../../shared-types/src/account-setup';

/**
 * The account the SuiteApp runs in: the features the order flow depends on, each asked of
 * `runtime.isFeatureInEffect` (0 units) before any field that needs it is selected or set
 * (shared-types/src/account-setup.ts).
 */
export function accountFeatures(): AccountFeatures {
  return readFeatures((feature) => runtime.isFeatureInEffect({ feature }));
}
