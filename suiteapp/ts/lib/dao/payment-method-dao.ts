import type { PaymentMethodInfo } from '../../../../shared-types/src/payment-method-check';
import { boolOf, idOf, runQuery, textOf } from './suiteql';

/** NetSuite payment methods (SuiteQL 10 units). */

/** Every payment method of the account, active or not, by internal id (one query). */
export function listPaymentMethods(): PaymentMethodInfo[] {
  const rows = runQuery('SELECT id, name, isinactive FROM paymentmethod ORDER BY id');
  return rows.flatMap((row) => {
    const id = idOf(row.id);
    return id === null ? [] : [{ id, name: textOf(row.name) ?? id, active: !boolOf(row.isinactive, false) }];
  });
}
