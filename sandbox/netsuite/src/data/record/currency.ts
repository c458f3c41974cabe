/**
 * Currencies on records, in accounts with Multiple Currencies (where the `currency` fields exist:
 * profiles/account-types.ts removes them otherwise):
 * - a customer without a currency gets the base currency (NetSuite requires the primary currency and
 *   defaults it; the emulator fills it at save);
 * - a transaction without a currency takes its customer's primary currency ("When you enter a
 *   transaction for a customer, the customer's primary currency is selected by default", Oracle help
 *   bridgehead_N1398658), else the base currency; its `exchangerate`, when the script set none, is the
 *   currency's rate from the account's exchange rates (the currency records' `exchangerate`, base
 *   currency units per unit; one rate per currency, without effective dates);
 * - the currency must be one the customer trades in: its primary currency or a line of its Currencies
 *   sublist ("The Currency value for a sales order must be one of the currencies defined for the
 *   transaction's customer, on the Customer Currencies sublist", section_4698168642), else
 *   INVALID_KEY_OR_REF "Invalid currency reference key 2 for entity 45." (the message shape NetSuite
 *   gives for a select value outside what an entity allows, as public integrations match it:
 *   fylein/netsuite-sdk-py netsuitesdk/errors/errors.py "Invalid ... reference key N for entity N");
 * - "You cannot change the currency after the transaction has been saved" (bridgehead_N1398658):
 *   USER_ERROR (the code is the emulator's choice; NetSuite's is not documented).
 * A currency id that is no currency record is the generic INVALID_KEY_OR_REF of record/validate.ts.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { FieldValue, StoredRecord } from '../store-types';
import type { NsRecord } from './record';

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

function currencyRecord(store: RecordStore, id: FieldValue | undefined): StoredRecord | null {
  if (isEmpty(id) || !store.hasType('currency')) return null;
  return store.get('currency', Number(id));
}

/** Base currency units per unit of `currencyId` (1 for the base currency or an unknown currency). */
export function exchangeRateOf(store: RecordStore, currencyId: FieldValue | undefined): number {
  const rec = currencyRecord(store, currencyId);
  if (!rec || rec.fields.isbasecurrency === true) return 1;
  return typeof rec.fields.exchangerate === 'number' ? rec.fields.exchangerate : 1;
}

function baseCurrencyId(store: RecordStore): string | null {
  const id = store.account?.setup.baseCurrencyId;
  return id === undefined ? null : String(id);
}

/** The currencies `customer` may trade in: its primary currency and its Currencies sublist. */
export function customerCurrencies(customer: StoredRecord): string[] {
  const primary = customer.fields.currency;
  const listed = (customer.sublists.currency ?? []).map((l) => l.fields.currency);
  return [primary, ...listed].filter((c) => !isEmpty(c)).map(String);
}

/** Fill the currency fields NetSuite defaults, before validation (standard and dynamic saves). */
export function applyCurrencyDefaults(store: RecordStore, rec: NsRecord): void {
  const info = rec.info;
  if (!info.fields.currency) return;
  if (info.id === 'customer') {
    if (isEmpty(rec.fields.currency)) rec.fields.currency = baseCurrencyId(store);
    return;
  }
  if (info.category !== 'transaction') return;
  if (isEmpty(rec.fields.currency)) {
    const customer = isEmpty(rec.fields.entity) ? null : store.get('customer', Number(rec.fields.entity));
    rec.fields.currency = (customer?.fields.currency as string | null | undefined) ?? baseCurrencyId(store);
  }
  if (info.fields.exchangerate && isEmpty(rec.fields.exchangerate)) {
    rec.fields.exchangerate = exchangeRateOf(store, rec.fields.currency);
  }
}

/** Dynamic mode: setting the currency sources its exchange rate, as the NetSuite form does. */
export function sourceExchangeRate(store: RecordStore, rec: NsRecord): void {
  if (rec.info.category === 'transaction' && rec.info.fields.exchangerate && !isEmpty(rec.fields.currency)) {
    rec.fields.exchangerate = exchangeRateOf(store, rec.fields.currency);
  }
}

/** Refuse a transaction currency its customer does not trade in, or a changed currency on edit. */
export function checkTransactionCurrency(store: RecordStore, rec: NsRecord, before: StoredRecord | null): void {
  const info = rec.info;
  if (info.category !== 'transaction' || !info.fields.currency || isEmpty(rec.fields.currency)) return;
  const currency = String(rec.fields.currency);
  if (before && !isEmpty(before.fields.currency) && String(before.fields.currency) !== currency) {
    throw new SuiteScriptError(
      NS.USER_ERROR,
      `You cannot change the currency of a saved transaction (${info.label ?? info.id} ${rec.id}: ${String(before.fields.currency)} → ${currency}). Make a copy of the transaction in the new currency instead.`,
    );
  }
  if (isEmpty(rec.fields.entity) || !currencyRecord(store, currency)) return;
  const customer = store.get('customer', Number(rec.fields.entity));
  if (!customer) return;
  if (!customerCurrencies(customer).includes(currency)) {
    throw new SuiteScriptError(NS.INVALID_KEY_OR_REF, `Invalid currency reference key ${currency} for entity ${customer.id}.`);
  }
}
