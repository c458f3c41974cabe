import type { AccountProfile } from '../../sandbox/netsuite/src/profiles/account-profile';
import { defineProfile } from '../../sandbox/netsuite/src/profiles/account-profile';
import { FEATURE } from '../../sandbox/netsuite/src/profiles/features';

/**
 * Account profiles tests derive from the emulator's ready ones (sandbox/netsuite/src/profiles/
 * account-profile.ts): the same account with one feature switched off, checked by `defineProfile`.
 */

/** The features the order flow asks about (shared-types/src/account-setup.ts). */
export const ORDER_FLOW_FEATURES = [
  FEATURE.SUBSIDIARIES,
  FEATURE.MULTICURRENCY,
  FEATURE.MULTILOCINVT,
  FEATURE.DEPARTMENTS,
  FEATURE.CLASSES,
] as const;

/**
 * `profile` without `feature`: without Multiple Currencies the account keeps its base currency only
 * (an account without the feature has one currency).
 */
export function withoutFeature(profile: AccountProfile, feature: string): AccountProfile {
  const multiCurrency = feature !== FEATURE.MULTICURRENCY;
  return defineProfile({
    ...profile,
    id: `${profile.id}-without-${feature.toLowerCase()}`,
    label: `${profile.label}, without ${feature}`,
    features: profile.features.filter((f) => f !== feature),
    currencies: multiCurrency
      ? profile.currencies
      : profile.currencies.filter((c) => c.symbol === profile.baseCurrency),
  });
}
