import type * as record from 'N/record';
import { SHOP_FIELDS } from '../../../../shared-types/src/netsuite-ids';
import {
  formatPaymentMethodMapProblems,
  INVALID_PAYMENT_METHOD_MAP,
  parseMapForSave,
  paymentMethodProblems,
} from '../../../../shared-types/src/payment-method-check';
import { listPaymentMethods } from '../dao/payment-method-dao';
import { connectorError } from '../platform/errors';

/**
 * beforeSubmit of `customrecord_tts_shop`: a Payment Method Map that is not a JSON object of
 * TikTok payment method name → existing, active NetSuite payment method internal id stops the
 * save with `TTS_INVALID_PAYMENT_METHOD_MAP`, naming each bad entry and the fix. A blank map is
 * allowed (orders then stop with a message naming the missing entry). One query (10 units) when
 * the map has entries.
 */

export type ShopSaveType = 'create' | 'edit' | 'xedit' | 'delete' | string;

function text(rec: record.Record, fieldId: string): string | null {
  const value = rec.getValue({ fieldId });
  return value === null || value === undefined || value === '' ? null : String(value);
}

export function checkShopBeforeSubmit(type: ShopSaveType, newRecord: record.Record): void {
  if (type === 'delete') {
    return;
  }
  if (type === 'xedit' && !newRecord.getFields().includes(SHOP_FIELDS.paymentMethodMap)) {
    // An inline edit or submitFields that does not touch the map.
    return;
  }
  const shopName =
    text(newRecord, SHOP_FIELDS.name) ??
    text(newRecord, 'name') ??
    text(newRecord, SHOP_FIELDS.shopId) ??
    'new shop';
  const parsed = parseMapForSave(text(newRecord, SHOP_FIELDS.paymentMethodMap), shopName);
  if (!parsed.ok) {
    throw connectorError(INVALID_PAYMENT_METHOD_MAP, formatPaymentMethodMapProblems(parsed.problems));
  }
  if (parsed.ids.length === 0) {
    return;
  }
  const problems = paymentMethodProblems(parsed.map, listPaymentMethods());
  if (problems.length > 0) {
    throw connectorError(INVALID_PAYMENT_METHOD_MAP, formatPaymentMethodMapProblems(problems));
  }
}
