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

/**
 * The company's time zone as NetSuite gives it to the script: the `TIMEZONE` preference of the
 * user the script runs as (an IANA name; the company's unless that user set their own), or null.
 */
export function companyTimeZone(): string | null {
  const zone: unknown = runtime.getCurrentUser().getPreference({ name: 'TIMEZONE' });
  return typeof zone === 'string' && zone.trim() !== '' ? zone.trim() : null;
}
