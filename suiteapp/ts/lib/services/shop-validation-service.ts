/**
 * beforeSubmit of `customrecord_tts_shop`: a Payment Method Map that is not a JSON object of
 * TikTok payment method name → existing, active NetSuite payment method internal id stops the
 * save with `TTS_INVALID_PAYMENT_METHOD_MAP`, naming each bad entry and the fix. A blank map is
 * allowed (orders then stop with a message naming the missing entry). One query (10 units) when
 * the map has entries. A Carrier Map that is not a JSON object of NetSuite carrier → TikTok shipping
 * provider id stops the save with `TTS_INVALID_CARRIER_MAP` (shared-types/src/fulfillments/carrier-map.ts).
 * Notification Recipients that are not at most 10 employee internal ids or email addresses stop it
 * with `TTS_INVALID_NOTIFY_RECIPIENTS` (shared-types/src/doctor/daily-summary.ts).
 * TikTok Shipping label settings the connector cannot use stop it with `TTS_INVALID_LABEL_SETTINGS`
 * (shared-types/src/fulfillments/label-request.ts). A change of either catalog source list while items
 * are linked to TikTok products stops it with `TTS_CATALOG_SWITCH_UNCONFIRMED`, saying what the switch
 * will do, unless Confirm catalog source change is ticked (then cleared): one query (10 units) when a
 * catalog source list changed (shared-types/src/catalog/catalog-settings.ts).
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
import {
  formatNotifyProblems,
  INVALID_NOTIFY_RECIPIENTS,
  parseNotifyRecipients,
} from '../../../../shared-types/src/doctor/daily-summary';
import {
  CATALOG_SWITCH_UNCONFIRMED,
  checkCatalogSwitch,
} from '../../../../shared-types/src/catalog/catalog-settings';
import { countLinkedItems } from '../dao/catalog-dao';
import { readerOf, setBodyFields } from '../dao/netsuite-record';
import {
  catalogConfirmed,
  catalogSettingsAfterInlineEdit,
  catalogSettingsOfRecord,
  catalogShopName,
  CLEAR_CONFIRM_WRITES,
} from '../mappers/catalog-mapper';
import { listPaymentMethods } from '../dao/payment-method-dao';
import { labelSettingsBeingSaved, shopBeingSaved } from '../mappers/shop-mapper';
import { connectorError } from '../platform/errors';

export type ShopSaveType = 'create' | 'edit' | 'xedit' | 'delete' | string;

export function checkShopBeforeSubmit(
  type: ShopSaveType,
  newRecord: record.Record,
  oldRecord: record.Record | null = null,
): void {
  if (type === 'delete') {
    return;
  }
  checkCatalogSource(type, newRecord, oldRecord);
  const shop = shopBeingSaved(readerOf(newRecord));
  if (type !== 'xedit' || shop.carriesCarrierMap) {
    const carriers = parseCarrierMap(shop.carrierMap, shop.name);
    if (!carriers.ok) {
      throw connectorError(INVALID_CARRIER_MAP, formatCarrierMapProblems(carriers.problems));
    }
  }
  if (type !== 'xedit' || shop.carriesNotify) {
    const recipients = parseNotifyRecipients(shop.notify);
    if (!recipients.ok) {
      throw connectorError(INVALID_NOTIFY_RECIPIENTS, formatNotifyProblems(shop.name, recipients.problems));
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

/** The catalog source switch: confirmed, or refused with what it would do (see the module comment). */
function checkCatalogSource(
  type: ShopSaveType,
  newRecord: record.Record,
  oldRecord: record.Record | null,
): void {
  const after = readerOf(newRecord);
  const confirmed = catalogConfirmed(after);
  if (oldRecord === null) {
    if (confirmed) setBodyFields(newRecord, CLEAR_CONFIRM_WRITES);
    return;
  }
  const old = readerOf(oldRecord);
  const before = catalogSettingsOfRecord(old);
  const next = type === 'xedit' ? catalogSettingsAfterInlineEdit(after, old) : catalogSettingsOfRecord(after);
  const changed = before.tiktokSide !== next.tiktokSide || before.netsuiteSide !== next.netsuiteSide;
  const check = checkCatalogSwitch({
    shopName: catalogShopName(after),
    before,
    after: next,
    linkedItems: changed && !confirmed ? countLinkedItems() : 0,
    confirmed,
  });
  if (!check.ok) throw connectorError(CATALOG_SWITCH_UNCONFIRMED, check.message);
  if (check.clearConfirm) setBodyFields(newRecord, CLEAR_CONFIRM_WRITES);
}
