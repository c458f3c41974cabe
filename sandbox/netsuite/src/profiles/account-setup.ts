/**
 * The records an account of a profile starts with, before anyone connects TikTok Shop: its
 * currencies (the base currency is internal id 1, as in NetSuite accounts) with their exchange
 * rates, its tax codes (sales tax items; with SuiteTax also the tax types they belong to), and the
 * price levels every account starts with (Base Price, Alternate Price 1-3, Online Price; created
 * after the others, so the currency and tax code ids stay what they were).
 * They get the small internal ids NetSuite gives built-in records (RecordStore.insertSetup), so the
 * ids of everything a test creates stay what they were. Idempotent: a store reopened from a file
 * keeps its set-up.
 */
import type { RecordStore } from '../data/store';
import type { FieldValue, StoredRecord } from '../data/store-types';
import type { AccountProfile } from './account-profile';

export interface AccountSetup {
  /** Currency internal ids by ISO code. */
  currencyIds: Record<string, number>;
  baseCurrencyId: number;
  /** Tax code (sales tax item) internal ids by name (`S`, `Z`, `E`, `CA Sales Tax`). */
  taxCodeIds: Record<string, number>;
  /** The tax code used when a line names none (SuiteTax determination, US default tax item), or null. */
  defaultTaxCodeId: number | null;
  /** SuiteTax tax type internal ids by name. */
  taxTypeIds: Record<string, number>;
  /** Price level internal ids by name (`Base Price`, `Alternate Price 1`, ..., `Online Price`). */
  priceLevelIds: Record<string, number>;
  /** The Base Price level: an item's `baseprice` field is its price at this level in the base currency. */
  basePriceLevelId: number;
}

/** The price levels an account starts with; discounts are left empty (NetSuite's defaults were not found in public sources). */
export const STANDARD_PRICE_LEVELS: readonly string[] = Object.freeze([
  'Base Price',
  'Alternate Price 1',
  'Alternate Price 2',
  'Alternate Price 3',
  'Online Price',
]);
export const BASE_PRICE_LEVEL = 'Base Price';

function findOrInsert(
  store: RecordStore,
  type: string,
  matches: (r: StoredRecord) => boolean,
  fields: Record<string, FieldValue>,
): number {
  const existing = store.all(type).find(matches);
  if (existing) return existing.id;
  return store.insertSetup({ type, externalId: null, fields, sublists: {}, subrecords: {} }).id;
}

/** Create (or find) the profile's currencies, tax types and tax codes in `store`. */
export function seedAccountSetup(store: RecordStore, profile: AccountProfile): AccountSetup {
  return store.transaction(() => {
    const currencyIds: Record<string, number> = {};
    const ordered = [...profile.currencies].sort(
      (a, b) => Number(b.symbol === profile.baseCurrency) - Number(a.symbol === profile.baseCurrency),
    );
    for (const c of ordered) {
      currencyIds[c.symbol] = findOrInsert(store, 'currency', (r) => r.fields.symbol === c.symbol, {
        name: c.name,
        symbol: c.symbol,
        isbasecurrency: c.symbol === profile.baseCurrency,
        exchangerate: c.exchangeRate,
        currencyprecision: 2,
        isinactive: false,
      });
    }
    const taxTypeIds: Record<string, number> = {};
    for (const name of profile.taxTypes ?? []) {
      taxTypeIds[name] = findOrInsert(store, 'taxtype', (r) => r.fields.name === name, {
        name,
        country: profile.country,
        isinactive: false,
      });
    }
    const taxCodeIds: Record<string, number> = {};
    let defaultTaxCodeId: number | null = null;
    for (const code of profile.taxCodes) {
      const fields: Record<string, FieldValue> = {
        itemid: code.name,
        description: code.description,
        rate: code.rate,
        isinactive: false,
      };
      const info = store.typeInfo('salestaxitem');
      if (info.fields.exempt) fields.exempt = code.exempt === true;
      if (code.taxType && info.fields.taxtype) fields.taxtype = String(taxTypeIds[code.taxType]);
      const id = findOrInsert(store, 'salestaxitem', (r) => r.fields.itemid === code.name, fields);
      taxCodeIds[code.name] = id;
      if (code.isDefault) defaultTaxCodeId = id;
    }
    const priceLevelIds: Record<string, number> = {};
    for (const name of STANDARD_PRICE_LEVELS) {
      priceLevelIds[name] = findOrInsert(store, 'pricelevel', (r) => r.fields.name === name, {
        name,
        isinactive: false,
      });
    }
    const baseCurrencyId = currencyIds[profile.baseCurrency];
    if (baseCurrencyId === undefined)
      throw new Error(`Account profile ${profile.id} has no base currency record.`);
    const basePriceLevelId = priceLevelIds[BASE_PRICE_LEVEL];
    return {
      currencyIds,
      baseCurrencyId,
      taxCodeIds,
      defaultTaxCodeId,
      taxTypeIds,
      priceLevelIds,
      basePriceLevelId,
    };
  });
}
