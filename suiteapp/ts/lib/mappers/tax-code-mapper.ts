/**
 * Tax codes (sales tax items), read only: the shops' Tax Code with its name, rate and — with
 * SuiteTax — tax type, for the tax booking (shared-types/src/orders/order-tax-booking.ts). Read from the
 * record (`rate` is a number there; `search.lookupFields` gives it as rounded text such as "7.3%").
 */
import type { TaxCodeInfo } from '../../../../shared-types/src/orders/order-tax-booking';
import type { RecordReader } from './record-declaration';
import { declareRecord } from './record-declaration';
import { idOf, numberOf, textOf } from './values';

export const TAX_CODE = declareRecord({
  recordType: 'salestaxitem',
  body: { itemId: 'itemid', rate: 'rate', taxType: 'taxtype' },
});

const body = TAX_CODE.body;

/** A percent as N/record gives it (20, 7.25, or text such as "20%"). */
function percentOf(value: unknown): number {
  return typeof value === 'string' ? numberOf(value.replace('%', '').trim()) : numberOf(value);
}

export function taxCodeFromRecord(id: string, rec: RecordReader, hasTaxType: boolean): TaxCodeInfo {
  return {
    id,
    name: textOf(rec.value(body.itemId)) ?? id,
    rate: percentOf(rec.value(body.rate)),
    taxTypeId: hasTaxType ? idOf(rec.value(body.taxType)) : null,
  };
}
