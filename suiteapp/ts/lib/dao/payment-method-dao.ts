/** Every payment method of the account, active or not, by internal id (one SuiteQL, 10 units). */
import type { PaymentMethodInfo } from '../../../../shared-types/src/settings/payment-method-check';
import { ALL_PAYMENT_METHODS, paymentMethodFromRow } from '../mappers/payment-method-mapper';
import { runQuery } from './suiteql';

export function listPaymentMethods(): PaymentMethodInfo[] {
  return runQuery(ALL_PAYMENT_METHODS).flatMap((row) => paymentMethodFromRow(row) ?? []);
}
