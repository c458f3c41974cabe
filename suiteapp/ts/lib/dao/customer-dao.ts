/**
 * Per-buyer customers (entity: create 5, save 10 units; SuiteQL 10). Fields and queries:
 * mappers/customer-mapper.ts.
 */
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { BuyerCustomerPlan } from '../../../../shared-types/src/orders/order-plan';
import {
  addCurrencyWrite,
  buyerCustomerWrites,
  CUSTOMER,
  CUSTOMER_BY_EXTERNAL_ID,
  customerCurrenciesOf,
  customerIdsByExternalId,
  customersByExternalIdQuery,
} from '../mappers/customer-mapper';
import { idOf } from '../mappers/values';
import {
  createRecord,
  loadRecord,
  readerOf,
  saveRecord,
  setBodyFields,
  writeRecord,
} from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

export interface FoundCustomers {
  /** externalid → customer internal id. */
  ids: Record<string, string>;
  /** customer internal id → primary currency internal id (only when read). */
  currencies: Record<string, string>;
}

/**
 * The customers with the given externalids (one query per 500), with their primary currency when
 * `withCurrency` (the account has Multiple Currencies).
 */
export function findCustomersByExternalId(
  externalIds: readonly string[],
  withCurrency: boolean,
): FoundCustomers {
  const rows = runInChunks(
    [...new Set(externalIds)],
    LOOKUP_CHUNK_SIZE,
    customersByExternalIdQuery(withCurrency),
  );
  return { ids: customerIdsByExternalId(rows), currencies: customerCurrenciesOf(rows) };
}

/** One customer by externalid (10 units), or null. */
export function findCustomerByExternalId(externalId: string): string | null {
  const [row] = runQuery(CUSTOMER_BY_EXTERNAL_ID, [externalId]);
  return row === undefined ? null : idOf(row.id);
}

/** Creates the buyer's customer (15 units); throws DUP_RCRD when the externalid exists. */
export function createBuyerCustomer(plan: BuyerCustomerPlan): string {
  const customer = createRecord(CUSTOMER.recordType);
  setBodyFields(customer, buyerCustomerWrites(plan));
  return saveRecord(customer);
}

/**
 * Adds the currency to the customer's Currencies sublist unless it trades in it already: load 5,
 * and save 10 when a line is added. Returns true when the customer was changed.
 */
export function addCustomerCurrency(customerId: string, currencyId: string): boolean {
  const customer = loadRecord(CUSTOMER.recordType, customerId);
  const write = addCurrencyWrite(readerOf(customer), currencyId);
  if (write === null) return false;
  writeRecord(customer, write);
  saveRecord(customer);
  return true;
}
