/**
 * `N/currency`: `currency.exchangeRate({ source, target, date })` from the account's exchange rates
 * (the currency records' default rates, which `NetSuiteEmulator.setExchangeRate` changes). Oracle help
 * section_4358678787: source and target are a currency internal id or ISO code; the result is how many
 * target units one source unit is worth ("if you use British pounds for the source and US dollars for
 * the target and the method returns '1.52' ..."); 10 usage units; SSS_MISSING_REQD_ARGUMENT without
 * source or target, SSS_INVALID_CURRENCY_ID for a currency the account does not have. "The target
 * must be a base currency ... If not, inaccurate values are returned": the emulator refuses a
 * non-base target with SSS_INVALID_CURRENCY_ID instead (stricter). One rate per currency: `date` is
 * accepted and not used (the emulator keeps no effective dates).
 */
import { currentInvocation } from '../../context';
import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { StoredRecord } from '../store-types';
import { exchangeRateOf } from '../record/currency';

export interface CurrencyModule {
  exchangeRate(options: { source: string | number; target: string | number; date?: Date }): number;
}

function find(store: RecordStore, ref: string | number): StoredRecord | null {
  if (!store.hasType('currency')) return null;
  const text = String(ref).trim();
  if (/^\d+$/.test(text)) return store.get('currency', Number(text));
  return store.all('currency').find((c) => String(c.fields.symbol).toUpperCase() === text.toUpperCase()) ?? null;
}

export function createCurrencyModule(store: RecordStore): CurrencyModule {
  return {
    exchangeRate(options) {
      for (const name of ['source', 'target'] as const) {
        const v = options?.[name];
        if (v === undefined || v === null || v === '') {
          throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, `currency.exchangeRate: Missing a required argument: ${name}`);
        }
      }
      currentInvocation().meter.chargeApi('currency.exchangeRate');
      const source = find(store, options.source);
      const target = find(store, options.target);
      for (const [name, rec] of [
        ['source', source],
        ['target', target],
      ] as const) {
        if (!rec || rec.fields.isinactive === true) {
          throw new SuiteScriptError('SSS_INVALID_CURRENCY_ID', `Invalid currency ${name}: ${String(options[name])} is not a currency of this account.`);
        }
      }
      if (target?.fields.isbasecurrency !== true) {
        throw new SuiteScriptError(
          'SSS_INVALID_CURRENCY_ID',
          `currency.exchangeRate: the target ${String(options.target)} is not a base currency; NetSuite returns inaccurate rates for it, the emulator refuses.`,
        );
      }
      return Number((exchangeRateOf(store, source?.id) / exchangeRateOf(store, target?.id)).toFixed(10));
    },
  };
}
