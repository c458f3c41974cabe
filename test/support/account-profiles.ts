/**
 * Account profiles tests derive from the emulator's ready ones (sandbox/netsuite/src/profiles/
 * account-profile.ts): the same account with one feature switched off, checked by `defineProfile`.
 */
import type { DemoAccount } from '../../sandbox/netsuite/src/demo-account';
import type { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';
import type { AccountProfile } from '../../sandbox/netsuite/src/profiles/account-profile';
import { defineProfile } from '../../sandbox/netsuite/src/profiles/account-profile';
import { FEATURE } from '../../sandbox/netsuite/src/profiles/features';

/** The features the order flow asks about (shared-types/src/netsuite/account-setup.ts). */
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

/** `profile` with more currencies (ISO code, base-currency units per unit). */
export function withCurrencies(
  profile: AccountProfile,
  currencies: readonly { symbol: string; exchangeRate: number }[],
): AccountProfile {
  return defineProfile({
    ...profile,
    id: `${profile.id}-with-${currencies.map((c) => c.symbol.toLowerCase()).join('-')}`,
    currencies: [...profile.currencies, ...currencies.map((c) => ({ ...c, name: c.symbol }))],
  });
}

/**
 * Lets the demo account's default customer trade in `currency` too (a line of its Currencies
 * sublist), as an admin does before TikTok orders in that currency are booked on it.
 */
export function letDefaultCustomerTradeIn(
  ns: NetSuiteEmulator,
  account: DemoAccount,
  currency: string,
): void {
  const id = account.currencyIds[currency];
  if (id === undefined) throw new Error(`The account has no ${currency} currency.`);
  const customer = ns.seed.service.load({ type: 'customer', id: account.customerId });
  const line = customer.getLineCount({ sublistId: 'currency' });
  customer.setSublistValue({ sublistId: 'currency', fieldId: 'currency', line, value: id });
  ns.seed.service.save(customer, {});
}
