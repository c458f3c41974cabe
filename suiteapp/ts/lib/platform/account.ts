/**
 * The account the SuiteApp runs in: the features the order flow depends on, each asked of
 * `runtime.isFeatureInEffect` (0 units) before any field that needs it is selected or set
 * (shared-types/src/netsuite/account-setup.ts).
 */
import * as runtime from 'N/runtime';
import type { AccountFeatures } from '../../../../shared-types/src/netsuite/account-setup';
import { readFeatures } from '../../../../shared-types/src/netsuite/account-setup';

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

/** SuiteTax (`TAX_OVERHAULING`) is in effect (0 units). */
export function suiteTaxInEffect(): boolean {
  return runtime.isFeatureInEffect({ feature: 'TAX_OVERHAULING' });
}

/** The company's country, two letters (`runtime.country`, 0 units), or null when not given. */
export function companyCountry(): string | null {
  const country: unknown = runtime.country;
  return typeof country === 'string' && country.trim() !== '' ? country.trim().toUpperCase() : null;
}
