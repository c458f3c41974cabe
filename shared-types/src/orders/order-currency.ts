/**
 * The sales order's currency: the TikTok order's (`payment.currency`, an ISO code), as the
 * account's currency record with that ISO code (`symbol`). Without it NetSuite would take the
 * customer's primary currency (Oracle help bridgehead_N1398658) and book a GBP order's amounts as
 * USD. An account with Multiple Currencies needs the currency record; an account without the
 * feature has one currency and no currency field on the sales order, so the order must be in it.
 * Either way a missing currency is a problem that names the fix.
 */
import type { AccountSetup } from '../netsuite/account-setup';

export interface CurrencyProblem {
  code: 'currency_missing';
  message: string;
}

export type CurrencyChoice = { currencyId: string | null } | CurrencyProblem;

export const CURRENCIES_LOCATION = 'Lists > Accounting > Currencies';
export const ENABLE_FEATURES_LOCATION =
  'Setup > Company > Enable Features > Company (International: Multiple Currencies)';

/** The currency to set on the sales order (null: the account has no currency field), or the problem. */
export function chooseCurrency(
  orderId: string,
  currency: string,
  account: Pick<AccountSetup, 'features' | 'currencies' | 'baseCurrency'>,
): CurrencyChoice {
  if (!account.features.multiCurrency) {
    if (account.baseCurrency !== null && account.baseCurrency !== currency) {
      return {
        code: 'currency_missing',
        message: `TikTok order ${orderId} is in ${currency}, but this NetSuite account has one currency, ${account.baseCurrency} (Multiple Currencies is not enabled), so the order cannot be booked in ${currency}. Fix: enable Multiple Currencies in ${ENABLE_FEATURES_LOCATION}, add ${currency} in ${CURRENCIES_LOCATION}, then retry the order.`,
      };
    }
    return { currencyId: null };
  }
  if (account.currencies === null) {
    return { currencyId: null };
  }
  const id = Object.prototype.hasOwnProperty.call(account.currencies, currency)
    ? account.currencies[currency]
    : undefined;
  if (id === undefined) {
    const have = Object.keys(account.currencies).sort().join(', ');
    return {
      code: 'currency_missing',
      message: `TikTok order ${orderId} is in ${currency}, but this NetSuite account has no ${currency} currency (it has ${have || 'none'}). Fix: add ${currency} in ${CURRENCIES_LOCATION} (ISO code ${currency}, with its exchange rate), then retry the order.`,
    };
  }
  return { currencyId: id };
}
