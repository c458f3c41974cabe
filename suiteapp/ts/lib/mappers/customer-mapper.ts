/**
 * Customers: the per-buyer customer the import creates (externalid `tts_buyer_<shop>_<buyer>`), and
 * the lookups of existing ones by externalid. With Multiple Currencies a buyer's customer trades in
 * the order's currency: its primary currency when it is created, else a line of its Currencies
 * sublist (a sales order in a currency the customer does not trade in is refused:
 * sandbox/netsuite/src/data/record/currency.ts cites NetSuite's rule). The `currency` field, column
 * and sublist exist only with Multiple Currencies.
 */
import type { BuyerCustomerPlan } from '../../../../shared-types/src/orders/order-plan';
import type { BodyWrite, RecordReader, RecordWrite, Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, textOf } from './values';

export const CUSTOMER = declareRecord({
  recordType: 'customer',
  body: {
    externalId: 'externalid',
    isPerson: 'isperson',
    entityId: 'entityid',
    firstName: 'firstname',
    lastName: 'lastname',
    email: 'email',
    subsidiary: 'subsidiary',
    currency: 'currency',
  },
  sublists: { currencies: { id: 'currency', fields: { currency: 'currency' } } },
  suiteql: { table: 'customer', columns: { id: 'id', externalId: 'externalid', currency: 'currency' } },
});

const body = CUSTOMER.body;
const c = CUSTOMER.suiteql.columns;

/** A buyer's new customer: an individual, with the shop's subsidiary when there is one. */
export function buyerCustomerWrites(plan: BuyerCustomerPlan): BodyWrite[] {
  const writes: BodyWrite[] = [
    [body.externalId, plan.externalId],
    [body.isPerson, 'T'],
    [body.entityId, plan.entityId],
    [body.firstName, plan.firstName],
    [body.lastName, plan.lastName],
  ];
  if (plan.email !== null) writes.push([body.email, plan.email]);
  if (plan.subsidiaryId !== null) writes.push([body.subsidiary, plan.subsidiaryId]);
  if (plan.currencyId !== null) writes.push([body.currency, plan.currencyId]);
  return writes;
}

/** Customers whose externalid is in `inList`, with their primary currency when the account has the field. */
export function customersByExternalIdQuery(withCurrency: boolean): (inList: Sql) => Sql {
  const columns = withCurrency
    ? sql`${c.id} AS id, ${c.externalId} AS externalid, ${c.currency} AS currency`
    : sql`${c.id} AS id, ${c.externalId} AS externalid`;
  return (inList) =>
    sql`SELECT ${columns} FROM ${CUSTOMER.suiteql.table} WHERE ${c.externalId} IN (${inList})`;
}

/** Customer internal id → primary currency (internal id), for rows that carry one. */
export function customerCurrenciesOf(rows: readonly Row[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const row of rows) {
    const id = idOf(row.id);
    const currency = idOf(row.currency);
    if (id !== null && currency !== null) found[id] = currency;
  }
  return found;
}

/** The Currencies sublist of a loaded customer. */
export const CUSTOMER_CURRENCIES = CUSTOMER.sublists.currencies;

/** One customer by externalid (one parameter). */
export const CUSTOMER_BY_EXTERNAL_ID: Sql = sql`SELECT ${c.id} AS id FROM ${CUSTOMER.suiteql.table} WHERE ${c.externalId} = ?`;

/** externalid → internal id of the rows. */
export function customerIdsByExternalId(rows: readonly Row[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const row of rows) {
    const id = idOf(row.id);
    const externalId = textOf(row.externalid);
    if (id !== null && externalId !== null) found[externalId] = id;
  }
  return found;
}

/**
 * The write that adds `currencyId` to a loaded customer's Currencies sublist, or null when the
 * customer trades in it already (its primary currency or a line of the sublist).
 */
export function addCurrencyWrite(customer: RecordReader, currencyId: string): RecordWrite | null {
  const sublist = CUSTOMER_CURRENCIES;
  if (idOf(customer.value(body.currency)) === currencyId) return null;
  const count = customer.lineCount(sublist.id);
  for (let line = 0; line < count; line += 1) {
    if (idOf(customer.lineValue(sublist.id, sublist.fields.currency, line)) === currencyId) return null;
  }
  return {
    body: [],
    sublists: [
      { sublistId: sublist.id, lines: [{ line: count, fields: [[sublist.fields.currency, currencyId]] }] },
    ],
    subrecords: [],
  };
}
