/**
 * beforeSubmit of `customrecord_tts_shop`: a Payment Method Map that is not a JSON object of
 * TikTok payment method name → existing, active NetSuite payment method internal id stops the
 * save with `TTS_INVALID_PAYMENT_METHOD_MAP`, naming each bad entry and the fix. A blank map is
 * allowed (orders then stop with a message naming the missing entry). One query (10 units) when
 * the map has entries. A Carrier Map that is not a JSON object of NetSuite carrier → TikTok shipping
 * provider id stops the save with `TTS_INVALID_CARRIER_MAP` (shared-types/src/fulfillments/carrier-map.ts).
 * TikTok Shipping label settings the connector cannot use stop it with `TTS_INVALID_LABEL_SETTINGS`
 * (shared-types/src/fulfillments/label-request.ts).
 */
import type * as record from 'N/record';
import {
  formatPaymentMethodMapProblems,
  INVALID_PAYMENT_METHOD_MAP,
  parseMapForSave,
  paymentMethodProblems,
} from '../../../../shared-types/src/settings/payment-method-check';
import {
  formatCarrierMapProblems,
  INVALID_CARRIER_MAP,
  parseCarrierMap,
} from '../../../../shared-types/src/fulfillments/carrier-map';
import {
  formatLabelSettingsProblems,
  INVALID_LABEL_SETTINGS,
  labelSettingsProblems,
} from '../../../../shared-types/src/fulfillments/label-request';
import { readerOf } from '../dao/netsuite-record';
import { listPaymentMethods } from '../dao/payment-method-dao';
import { labelSettingsBeingSaved, shopBeingSaved } from '../mappers/shop-mapper';
import { connectorError } from '../platform/errors';

export type ShopSaveType = 'create' | 'edit' | 'xedit' | 'delete' | string;

export function checkShopBeforeSubmit(type: ShopSaveType, newRecord: record.Record): void {
  if (type === 'delete') {
    return;
  }
  const shop = shopBeingSaved(readerOf(newRecord));
  if (type !== 'xedit' || shop.carriesCarrierMap) {
    const carriers = parseCarrierMap(shop.carrierMap, shop.name);
    if (!carriers.ok) {
      throw connectorError(INVALID_CARRIER_MAP, formatCarrierMapProblems(carriers.problems));
    }
  }
  const labelProblems = labelSettingsProblems(labelSettingsBeingSaved(readerOf(newRecord)));
  if (labelProblems.length > 0) {
    throw connectorError(INVALID_LABEL_SETTINGS, formatLabelSettingsProblems(shop.name, labelProblems));
  }
  if (type === 'xedit' && !shop.carriesPaymentMethodMap) {
    // An inline edit or submitFields that does not touch the map.
    return;
  }
  const parsed = parseMapForSave(shop.paymentMethodMap, shop.name);
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
