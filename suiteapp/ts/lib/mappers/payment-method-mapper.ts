/**
 * Payment methods, read only: every one of the account, to check a shop's Payment Method Map; and the
 * account one deposits to (empty while it groups with Undeposited Funds), which pays a customer refund
 * (dao/refund-document-dao.ts#payOutCredit).
 */
import type { PaymentMethodInfo } from '../../../../shared-types/src/settings/payment-method-check';
import type { Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { boolOf, idOf, textOf } from './values';

export const PAYMENT_METHOD = declareRecord({
  recordType: 'paymentmethod',
  search: { columns: { account: 'account', name: 'name' } },
  suiteql: { table: 'paymentmethod', columns: { id: 'id', name: 'name', isInactive: 'isinactive' } },
});

const c = PAYMENT_METHOD.suiteql.columns;

/** Every payment method, active or not, by internal id. */
export const ALL_PAYMENT_METHODS: Sql = sql`SELECT ${c.id} AS id, ${c.name} AS name, ${c.isInactive} AS isinactive FROM ${PAYMENT_METHOD.suiteql.table} ORDER BY ${c.id}`;

export function paymentMethodFromRow(row: Row): PaymentMethodInfo | null {
  const id = idOf(row.id);
  return id === null ? null : { id, name: textOf(row.name) ?? id, active: !boolOf(row.isinactive, false) };
}
