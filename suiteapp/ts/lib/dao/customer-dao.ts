import * as record from 'N/record';
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import type { BuyerCustomerPlan } from '../../../../shared-types/src/order-plan';
import { idOf, runInChunks, runQuery, textOf } from './suiteql';

/** Per-buyer customers (entity: create 5, save 10 units; SuiteQL 10). */

/** externalid → customer internal id, for the given externalids (one query per 500). */
export function findCustomersByExternalId(externalIds: readonly string[]): Record<string, string> {
  const rows = runInChunks(
    [...new Set(externalIds)],
    LOOKUP_CHUNK_SIZE,
    (inList) => `SELECT id, externalid FROM customer WHERE externalid IN (${inList})`,
  );
  const found: Record<string, string> = {};
  for (const row of rows) {
    const id = idOf(row.id);
    const externalId = textOf(row.externalid);
    if (id !== null && externalId !== null) {
      found[externalId] = id;
    }
  }
  return found;
}

/** One customer by externalid (10 units), or null. */
export function findCustomerByExternalId(externalId: string): string | null {
  const rows = runQuery('SELECT id FROM customer WHERE externalid = ?', [externalId]);
  return rows.length > 0 ? idOf(rows[0].id) : null;
}

/** Creates the buyer's customer (15 units); throws DUP_RCRD when the externalid exists. */
export function createBuyerCustomer(plan: BuyerCustomerPlan): string {
  const customer = record.create({ type: record.Type.CUSTOMER });
  customer.setValue({ fieldId: 'externalid', value: plan.externalId });
  customer.setValue({ fieldId: 'isperson', value: 'T' });
  customer.setValue({ fieldId: 'entityid', value: plan.entityId });
  customer.setValue({ fieldId: 'firstname', value: plan.firstName });
  customer.setValue({ fieldId: 'lastname', value: plan.lastName });
  if (plan.email !== null) {
    customer.setValue({ fieldId: 'email', value: plan.email });
  }
  if (plan.subsidiaryId !== null) {
    customer.setValue({ fieldId: 'subsidiary', value: plan.subsidiaryId });
  }
  return String(customer.save());
}
