import type { BuyerCustomerPlan } from '../../../../shared-types/src/order-plan';
import type { BodyWrite, Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, textOf } from './values';

/**
 * Customers: the per-buyer customer the import creates (externalid `tts_buyer_<shop>_<buyer>`), and
 * the lookups of existing ones by externalid.
 */

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
  },
  suiteql: { table: 'customer', columns: { id: 'id', externalId: 'externalid' } },
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
  return writes;
}

/** Customers whose externalid is in `inList`. */
export function customersByExternalIdQuery(inList: Sql): Sql {
  return sql`SELECT ${c.id} AS id, ${c.externalId} AS externalid FROM ${CUSTOMER.suiteql.table} WHERE ${c.externalId} IN (${inList})`;
}

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
