/**
 * The account as the order import reads it once per run (shared-types/src/netsuite/account-setup.ts), given
 * the features in effect (platform/account.ts, 0 units): the currencies by ISO code (one SuiteQL, 10 units), the company's
 * time zone (0 units), the tax engine (SuiteTax and the company's country, 0 units) and the shops'
 * tax codes (5 units each).
 */
import type { AccountFeatures, AccountSetup } from '../../../../shared-types/src/netsuite/account-setup';
import { loadCurrencies } from '../dao/currency-dao';
import { loadTaxCodes } from '../dao/tax-code-dao';
import { taxEngineOf } from '../../../../shared-types/src/orders/order-tax-booking';
import { companyCountry, companyTimeZone, suiteTaxInEffect } from '../platform/account';

export function readAccountSetup(features: AccountFeatures, shopTaxCodeIds: readonly string[]): AccountSetup {
  const currencies = loadCurrencies();
  const suiteTax = suiteTaxInEffect();
  return {
    features,
    currencies: currencies.ids,
    baseCurrency: currencies.base,
    companyTimeZone: companyTimeZone(),
    taxEngine: taxEngineOf(suiteTax, companyCountry()),
    taxCodes: loadTaxCodes(shopTaxCodeIds, suiteTax),
  };
}
