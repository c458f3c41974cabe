import type { AccountSetup } from '../../../../shared-types/src/account-setup';
import { loadCurrencies } from '../dao/currency-dao';
import { accountFeatures, companyTimeZone } from '../platform/account';

/**
 * The account as the order import reads it once per run (shared-types/src/account-setup.ts): the
 * features in effect (0 units), the currencies by ISO code (one SuiteQL, 10 units) and the
 * company's time zone (0 units).
 */
export function readAccountSetup(): AccountSetup {
  const features = accountFeatures();
  const currencies = loadCurrencies();
  return {
    features,
    currencies: currencies.ids,
    baseCurrency: currencies.base,
    companyTimeZone: companyTimeZone(),
  };
}
