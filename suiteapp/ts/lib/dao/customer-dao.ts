import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import type { BuyerCustomerPlan } from '../../../../shared-types/src/order-plan';
import {
  buyerCustomerWrites,
  CUSTOMER,
  CUSTOMER_BY_EXTERNAL_ID,
  customerIdsByExternalId,
  customersByExternalIdQuery,
} from '../mappers/customer-mapper';
import { idOf } from '../mappers/values';
import { createRecord, saveRecord, setBodyFields } from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/**
 * Per-buyer customers (entity: create 5, save 10 units; SuiteQL 10). Fields and queries:
 * mappers/customer-mapper.ts.
 */

/** externalid → customer internal id, for the given externalids (one query per 500). */
export function findCustomersByExternalId(externalIds: readonly string[]): Record<string, string> {
  return customerIdsByExternalId(
    runInChunks([...new Set(externalIds)], LOOKUP_CHUNK_SIZE, customersByExternalIdQuery),
  );
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
