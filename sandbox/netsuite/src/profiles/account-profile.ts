/**
 * Account profiles: what kind of NetSuite account the emulator is, as one object. A profile names the
 * features in effect (`runtime.isFeatureInEffect`, which fields and record types exist), the base
 * currency and the other currencies with their exchange rates, the tax set-up (US legacy sales tax,
 * non-US legacy tax such as UK VAT, or SuiteTax) with the tax codes the account has, the company time
 * zone and the country.
 *
 * Three ready profiles cover the accounts the connector must work in (issue 10): a US OneWorld
 * account with multiple currencies, legacy tax and Multi-Location Inventory (the default, what the
 * emulator always was); a UK account without OneWorld, with VAT (legacy non-US tax); a US account with
 * SuiteTax. `defineProfile` derives others for tests (`{ ...US_ONEWORLD, features: [...] }` checks).
 */
import type { AccountProfile as CatalogueProfile } from '../../../../suiteapp/tools/netsuite-catalogue';
import { BASE_FEATURES, FEATURE, hasFeature } from './features';

/**
 * How the account computes tax on sales:
 * - `us-legacy`: body `taxitem` (a sales tax item or group) and `taxrate`, line `istaxable`; tax =
 *   the taxable lines' total × the rate (Oracle records catalogue help: "NetSuite multiplies the tax
 *   rate by the taxable total of line items");
 * - `non-us-legacy`: a tax code on every line (`taxcode`, `taxrate1`, `tax1amt`, `grossamt`), e.g.
 *   UK VAT;
 * - `suitetax`: the `taxdetails` sublist, computed per line unless `taxdetailsoverride` is set.
 */
export type TaxModel = 'us-legacy' | 'non-us-legacy' | 'suitetax';

export interface CurrencySetup {
  /** ISO 4217 code, the currency record's `symbol` ("ISO Code"). */
  symbol: string;
  name: string;
  /** Base currency units per 1 unit of this currency (the currency record's default exchange rate). */
  exchangeRate: number;
}

export interface TaxCodeSetup {
  /** The tax code's name (`itemid`): `S`, `Z`, `E`, `CA Sales Tax`. */
  name: string;
  description: string;
  /** Percent, e.g. 20 for 20 %. */
  rate: number;
  /** Exempt (VAT `E`): no tax, reported apart from zero-rated supplies. */
  exempt?: boolean;
  /** SuiteTax: the tax type's name this code belongs to. */
  taxType?: string;
  /** The code tax is computed with when a line names none (SuiteTax's determination, the US default item). */
  isDefault?: boolean;
}

export interface AccountProfile {
  /** `us-oneworld`, `uk-vat`, `us-suitetax`, or a test's own. */
  id: string;
  label: string;
  /** ISO 3166-1 alpha-2 country of the company (the root subsidiary). */
  country: string;
  /** The company time zone (IANA), the default user preference `N/format` reads. */
  timeZone: string;
  /** Features in effect: `runtime.isFeatureInEffect` answers from this list. */
  features: readonly string[];
  /** ISO code of the base currency (the currency record with internal id 1). */
  baseCurrency: string;
  /** Every currency the account has, the base one included (exchange rate 1). */
  currencies: readonly CurrencySetup[];
  tax: TaxModel;
  /** Tax codes (sales tax items) the account was set up with. */
  taxCodes: readonly TaxCodeSetup[];
  /** SuiteTax tax types (names) the codes refer to. */
  taxTypes?: readonly string[];
}

const USD: CurrencySetup = { symbol: 'USD', name: 'US Dollar', exchangeRate: 1 };

/**
 * (a) A US OneWorld account with Multiple Currencies, legacy sales tax, Locations with Multi-Location
 * Inventory, Departments and Classes. The emulator's default: what it modelled before profiles.
 * Exchange rates are examples (base USD per unit), settable per test (`setExchangeRate`).
 */
export const US_ONEWORLD: AccountProfile = Object.freeze({
  id: 'us-oneworld',
  label: 'US OneWorld, multiple currencies, legacy sales tax, Multi-Location Inventory',
  country: 'US',
  timeZone: 'America/Los_Angeles',
  features: Object.freeze([
    ...BASE_FEATURES,
    FEATURE.SUBSIDIARIES,
    FEATURE.MULTICURRENCY,
    FEATURE.LOCATIONS,
    FEATURE.MULTILOCINVT,
    FEATURE.DEPARTMENTS,
    FEATURE.CLASSES,
  ]),
  baseCurrency: 'USD',
  currencies: Object.freeze([
    USD,
    { symbol: 'GBP', name: 'British Pound', exchangeRate: 1.27 },
    { symbol: 'CAD', name: 'Canadian Dollar', exchangeRate: 0.73 },
    { symbol: 'EUR', name: 'Euro', exchangeRate: 1.08 },
  ]),
  tax: 'us-legacy',
  taxCodes: Object.freeze([
    { name: 'CA Sales Tax', description: 'California state sales tax', rate: 7.25, isDefault: true },
  ]),
});

/**
 * (b) A UK account without OneWorld: one currency (GBP), VAT as legacy non-US tax (a tax code on every
 * line: S standard 20 %, Z zero-rated, E exempt), Locations without Multi-Location Inventory, no
 * Departments or Classes. The seller is established in the UK and remits the VAT itself.
 */
export const UK_VAT: AccountProfile = Object.freeze({
  id: 'uk-vat',
  label:
    'UK, no OneWorld, single currency (GBP), VAT (legacy tax), Locations without Multi-Location Inventory',
  country: 'GB',
  timeZone: 'Europe/London',
  features: Object.freeze([...BASE_FEATURES, FEATURE.LOCATIONS]),
  baseCurrency: 'GBP',
  currencies: Object.freeze([{ symbol: 'GBP', name: 'British Pound', exchangeRate: 1 }]),
  tax: 'non-us-legacy',
  taxCodes: Object.freeze([
    { name: 'S', description: 'Standard rate VAT', rate: 20, isDefault: true },
    { name: 'Z', description: 'Zero-rated', rate: 0 },
    { name: 'E', description: 'Exempt', rate: 0, exempt: true },
  ]),
});

/**
 * (c) A US account with SuiteTax: no OneWorld, one currency (USD), Locations with Multi-Location
 * Inventory, Departments and Classes; tax details per line from tax codes of the "Sales Tax" type.
 */
export const US_SUITETAX: AccountProfile = Object.freeze({
  id: 'us-suitetax',
  label: 'US, no OneWorld, single currency (USD), SuiteTax, Multi-Location Inventory',
  country: 'US',
  timeZone: 'America/New_York',
  features: Object.freeze([
    ...BASE_FEATURES,
    FEATURE.TAX_OVERHAULING,
    FEATURE.LOCATIONS,
    FEATURE.MULTILOCINVT,
    FEATURE.DEPARTMENTS,
    FEATURE.CLASSES,
  ]),
  baseCurrency: 'USD',
  currencies: Object.freeze([USD]),
  tax: 'suitetax',
  taxTypes: Object.freeze(['Sales Tax']),
  taxCodes: Object.freeze([
    { name: 'US_CA', description: 'California sales tax', rate: 7.25, taxType: 'Sales Tax', isDefault: true },
    { name: 'US_EXEMPT', description: 'Not taxable', rate: 0, taxType: 'Sales Tax', exempt: true },
  ]),
});

export const READY_PROFILES: readonly AccountProfile[] = Object.freeze([US_ONEWORLD, UK_VAT, US_SUITETAX]);

/** What the emulator runs when no profile is given. */
export const DEFAULT_PROFILE: AccountProfile = US_ONEWORLD;

function problemsOf(profile: AccountProfile): string[] {
  const problems: string[] = [];
  const symbols = profile.currencies.map((c) => c.symbol);
  const base = profile.currencies.find((c) => c.symbol === profile.baseCurrency);
  if (!base)
    problems.push(
      `its base currency ${profile.baseCurrency} is not among its currencies (${symbols.join(', ')})`,
    );
  else if (base.exchangeRate !== 1)
    problems.push(`the base currency's exchange rate must be 1, not ${base.exchangeRate}`);
  if (new Set(symbols).size !== symbols.length)
    problems.push(`a currency is listed twice (${symbols.join(', ')})`);
  if (symbols.length > 1 && !hasFeature(profile.features, FEATURE.MULTICURRENCY)) {
    problems.push(`it lists ${symbols.length} currencies without the ${FEATURE.MULTICURRENCY} feature`);
  }
  if (
    hasFeature(profile.features, FEATURE.MULTILOCINVT) &&
    !hasFeature(profile.features, FEATURE.LOCATIONS)
  ) {
    problems.push(`${FEATURE.MULTILOCINVT} needs the ${FEATURE.LOCATIONS} feature`);
  }
  const suiteTax = hasFeature(profile.features, FEATURE.TAX_OVERHAULING);
  if (suiteTax !== (profile.tax === 'suitetax')) {
    problems.push(
      `tax '${profile.tax}' ${suiteTax ? 'is not SuiteTax but' : 'is SuiteTax but without'} the ${FEATURE.TAX_OVERHAULING} feature`,
    );
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: profile.timeZone });
  } catch {
    problems.push(`time zone ${profile.timeZone} is not an IANA time zone`);
  }
  for (const code of profile.taxCodes) {
    if (profile.tax === 'suitetax' && !(profile.taxTypes ?? []).includes(code.taxType ?? '')) {
      problems.push(`tax code ${code.name} names tax type ${String(code.taxType)}, which is not in taxTypes`);
    }
  }
  return problems;
}

/** A profile checked for consistency (throws naming every problem). */
export function defineProfile(profile: AccountProfile): AccountProfile {
  const problems = problemsOf(profile);
  if (problems.length)
    throw new Error(`Account profile ${profile.id} is inconsistent: ${problems.join('; ')}.`);
  return profile;
}

/**
 * `profile` with `features` added (`withFeatures(US_ONEWORLD, FEATURE.PICKPACKSHIP)`), checked; its id
 * names the change (`us-oneworld+PICKPACKSHIP`) so messages say which account it is.
 */
export function withFeatures(profile: AccountProfile, ...features: string[]): AccountProfile {
  const added = features.filter((f) => !hasFeature(profile.features, f));
  return defineProfile({
    ...profile,
    id: [profile.id, ...added.map((f) => `+${f}`)].join(''),
    features: [...profile.features, ...added],
  });
}

/**
 * `profile` without `features` (`withoutFeatures(US_ONEWORLD, FEATURE.MULTILOCINVT)`: one
 * company-wide quantity per item), checked; its id names the change (`us-oneworld-MULTILOCINVT`).
 */
export function withoutFeatures(profile: AccountProfile, ...features: string[]): AccountProfile {
  const removed = features.filter((f) => hasFeature(profile.features, f));
  return defineProfile({
    ...profile,
    id: [profile.id, ...removed.map((f) => `-${f}`)].join(''),
    features: profile.features.filter((f) => !hasFeature(features, f)),
  });
}

/** A ready profile by id, or the given profile checked. */
export function resolveProfile(profile: AccountProfile | string | undefined): AccountProfile {
  if (profile === undefined) return DEFAULT_PROFILE;
  if (typeof profile !== 'string') return defineProfile(profile);
  const found = READY_PROFILES.find((p) => p.id === profile);
  if (!found)
    throw new Error(
      `Unknown account profile ${profile}: use ${READY_PROFILES.map((p) => p.id).join(', ')}, or pass a profile object.`,
    );
  return found;
}

/**
 * The records-catalogue profiles (suiteapp/reference/netsuite-records/supplement.json) that hold for
 * this account: its tax model, and `multi-location` with Multi-Location Inventory.
 */
export function catalogueProfilesOf(profile: AccountProfile): CatalogueProfile[] {
  const tax: CatalogueProfile =
    profile.tax === 'us-legacy'
      ? 'us-legacy-tax'
      : profile.tax === 'non-us-legacy'
        ? 'non-us-legacy-tax'
        : 'suitetax';
  return hasFeature(profile.features, FEATURE.MULTILOCINVT) ? [tax, 'multi-location'] : [tax];
}

export function profileHas(profile: AccountProfile, feature: string): boolean {
  return hasFeature(profile.features, feature);
}
