/**
 * What kind of NetSuite account the SuiteApp runs in, as the order import needs to know it before it
 * touches a field: the features in effect (`runtime.isFeatureInEffect`), the currencies the
 * account has (currency records, by ISO code) and the company's time zone. NetSuite removes a field
 * that depends on an absent feature when it installs the SuiteApp (the custom record's Subsidiary,
 * Department, Class and Location selects; the transaction's `subsidiary`, `currency`, `department`,
 * `class`; the item line's `location` without Multi-Location Inventory), and a script that selects
 * or sets one fails, so every such field is read and written only when its feature is in effect.
 *
 * Pure module: the SuiteApp reads the features (suiteapp/ts/lib/platform/account.ts) and hands them
 * to the planning code as data.
 */

import type { TaxCodeInfo, TaxEngine } from '../orders/order-tax-booking';

/** The features the order flow depends on, by `runtime.isFeatureInEffect` id. */
export interface AccountFeatures {
  /** `SUBSIDIARIES` (OneWorld): subsidiary fields. */
  subsidiaries: boolean;
  /** `MULTICURRENCY`: the transaction's and the customer's currency. */
  multiCurrency: boolean;
  /** `LOCATIONS`: location fields on records and the sales order header. */
  locations: boolean;
  /** `MULTILOCINVT`: the item line's location (stock per location). */
  multiLocationInventory: boolean;
  /** `DEPARTMENTS`: department fields. */
  departments: boolean;
  /** `CLASSES`: class fields. */
  classes: boolean;
}

/** The feature ids the order flow asks `runtime.isFeatureInEffect` about. */
export type FeatureId =
  'SUBSIDIARIES' | 'MULTICURRENCY' | 'LOCATIONS' | 'MULTILOCINVT' | 'DEPARTMENTS' | 'CLASSES';

/** The feature ids `runtime.isFeatureInEffect` takes, per flag. */
export const FEATURE_IDS: Readonly<Record<keyof AccountFeatures, FeatureId>> = {
  subsidiaries: 'SUBSIDIARIES',
  multiCurrency: 'MULTICURRENCY',
  locations: 'LOCATIONS',
  multiLocationInventory: 'MULTILOCINVT',
  departments: 'DEPARTMENTS',
  classes: 'CLASSES',
};

/** A US OneWorld account with every feature above (what the planning assumes when not told). */
export const ALL_FEATURES: AccountFeatures = Object.freeze({
  subsidiaries: true,
  multiCurrency: true,
  locations: true,
  multiLocationInventory: true,
  departments: true,
  classes: true,
});

/** The flags of `featureInEffect` for every feature the order flow depends on. */
export function readFeatures(featureInEffect: (featureId: FeatureId) => boolean): AccountFeatures {
  const features = {} as Record<keyof AccountFeatures, boolean>;
  for (const [flag, id] of Object.entries(FEATURE_IDS) as [keyof AccountFeatures, FeatureId][]) {
    features[flag] = featureInEffect(id);
  }
  return features;
}

/** The account as the order import reads it once per run (getInputData). */
export interface AccountSetup {
  features: AccountFeatures;
  /**
   * Currency internal ids by ISO code (the currency record's `symbol`), or null when not read (then
   * the sales order's currency is left to NetSuite's default: the customer's).
   */
  currencies: Readonly<Record<string, string>> | null;
  /** ISO code of the base currency (the currency record with Is Base Currency), or null when unknown. */
  baseCurrency: string | null;
  /**
   * The company's time zone as NetSuite gives it to the script (the `TIMEZONE` preference, an IANA
   * name), or null when unknown.
   */
  companyTimeZone: string | null;
  /**
   * How the account computes tax (order-tax-booking.ts): US legacy sales tax, non-US legacy tax
   * (VAT/GST: a tax code per line) or SuiteTax.
   */
  taxEngine: TaxEngine;
  /** The shops' tax codes by internal id, as read; null when not read. */
  taxCodes: Readonly<Record<string, TaxCodeInfo>> | null;
}

/** What the planning assumes when not told: every feature, currencies not read. */
export const DEFAULT_ACCOUNT: AccountSetup = Object.freeze({
  features: ALL_FEATURES,
  currencies: null,
  baseCurrency: null,
  companyTimeZone: null,
  taxEngine: 'us-legacy',
  taxCodes: null,
});

/** The account with its defaults filled in (`account` may come without the parts a test leaves out). */
export function accountOf(account: Partial<AccountSetup> | undefined): AccountSetup {
  return { ...DEFAULT_ACCOUNT, ...account };
}
