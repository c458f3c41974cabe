/**
 * The given tax codes (sales tax items: record.load, 5 units each; a shop has one). A code that
 * does not exist (or is no tax code) is left out, so the import names it. Fields:
 * mappers/tax-code-mapper.ts.
 */
import type { TaxCodeInfo } from '../../../../shared-types/src/orders/order-tax-booking';
import { TAX_CODE, taxCodeFromRecord } from '../mappers/tax-code-mapper';
import { errorName } from '../platform/errors';
import { loadRecord, readerOf } from './netsuite-record';

export function loadTaxCodes(ids: readonly string[], suiteTax: boolean): Record<string, TaxCodeInfo> {
  const found: Record<string, TaxCodeInfo> = {};
  for (const id of new Set(ids)) {
    try {
      found[id] = taxCodeFromRecord(id, readerOf(loadRecord(TAX_CODE.recordType, id)), suiteTax);
    } catch (e) {
      const name = errorName(e);
      if (name !== 'RCRD_DSNT_EXIST' && name !== 'INVALID_RCRD_TYPE' && name !== 'SSS_RECORD_TYPE_MISMATCH')
        throw e;
    }
  }
  return found;
}
