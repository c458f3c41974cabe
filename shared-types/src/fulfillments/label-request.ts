/**
 * When NetSuite asks for TikTok's shipping label (issue #15 item 1): the `label.request` outbox row
 * and the shop setting _Get TikTok Shipping Labels_ (`custrecord_tts_shop_label_when`).
 *
 * An order shipped with TikTok Shipping (a delivery option other than SEND_BY_SELLER: TikTok's carrier,
 * TikTok's label, label-plan.ts) needs TikTok's label before the warehouse ships it. The row is
 * written once per order at import (the default), or once per item fulfillment when it reaches
 * Picked or Packed, as the setting says; the bridge delivers it (bridge/src/outbox/label-delivery.ts:
 * arrange the shipment, read the tracking number, fetch the label) and attaches the label in NetSuite
 * with `labels.attach` (labels-attach.ts). Key `tts_out_label_request_<shop>_<order>_<import | fulfillment id>`.
 */
import { outboxExternalId } from '../outbox/outbox';
import type { LabelSettings } from './label-plan';
import { labelSettingsOf } from './label-plan';
import { normalizeShipStatus, SHIP_STATUS } from './shipped-status';

/** _Get TikTok Shipping Labels_: at import (default), once a fulfillment is Picked or Packed, or never. */
export type LabelWhen = 'import' | 'picked' | 'packed' | 'never';

/** `At import` (blank too), `When picked`, `When packed`, `Never` → the setting; other text → import. */
export function labelWhenOf(value: unknown): LabelWhen {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (/\bpicked\b/.test(text) || text === 'a') return 'picked';
  if (/\bpacked\b/.test(text) || text === 'b') return 'packed';
  if (/\b(never|off|no)\b/.test(text)) return 'never';
  return 'import';
}

/** The `label.request` row's payload (docs/contracts.md). */
export interface LabelRequestPayload {
  salesOrderId: string;
  /** The item fulfillment that reached Picked/Packed; null for a request made at import. */
  fulfillmentId: string | null;
  /** What asked: `import` or `picked` / `packed`. */
  trigger: LabelWhen;
  /** The shop's label settings when the row was written. */
  settings: LabelSettings;
}

/** The shop's label settings as the SuiteApp reads them off the TikTok Shop record. */
export interface ShopLabelSettings {
  labelWhen: LabelWhen;
  settings: LabelSettings;
}

export function shopLabelSettingsOf(raw: {
  labelWhen?: unknown;
  handoverMethod?: string | null;
  pickupFromHour?: string | number | null;
  documentSize?: string | null;
}): ShopLabelSettings {
  return {
    labelWhen: labelWhenOf(raw.labelWhen),
    settings: labelSettingsOf({
      handoverMethod: raw.handoverMethod ?? null,
      pickupFromHour: raw.pickupFromHour ?? null,
      documentSize: raw.documentSize ?? null,
    }),
  };
}

export interface PlannedLabelRequest {
  kind: 'label.request';
  externalId: string;
  shopRecordId: string;
  orderId: string;
  salesOrderId: string;
  payload: LabelRequestPayload;
}

function request(
  shopId: string,
  shopRecordId: string,
  orderId: string,
  salesOrderId: string,
  fulfillmentId: string | null,
  shop: ShopLabelSettings,
): PlannedLabelRequest {
  return {
    kind: 'label.request',
    externalId: outboxExternalId('label.request', shopId, orderId, fulfillmentId ?? 'import'),
    shopRecordId,
    orderId,
    salesOrderId,
    payload: { salesOrderId, fulfillmentId, trigger: shop.labelWhen, settings: shop.settings },
  };
}

/** At import: a request for a TikTok Shipping order when the shop asks at import; else null. */
export function labelRequestAtImport(input: {
  shopId: string;
  shopRecordId: string;
  orderId: string;
  salesOrderId: string;
  tiktokShipping: boolean;
  fbt: boolean;
  shop: ShopLabelSettings;
}): PlannedLabelRequest | null {
  if (!input.tiktokShipping || input.fbt || input.shop.labelWhen !== 'import') return null;
  return request(input.shopId, input.shopRecordId, input.orderId, input.salesOrderId, null, input.shop);
}

/**
 * On a fulfillment save: a request when the shop asks at Picked (Picked, Packed or Shipped reached) or
 * Packed, the order ships with TikTok Shipping and the status was not reached before this save (the
 * row's key makes a second one harmless anyway). A fulfillment saved Shipped at once has left the
 * warehouse already: no label is asked for it.
 */
export function labelRequestOnFulfillment(input: {
  shopId: string;
  shopRecordId: string;
  orderId: string;
  salesOrderId: string;
  fulfillmentId: string;
  tiktokShipping: boolean;
  fbt: boolean;
  shop: ShopLabelSettings;
  statusBefore: unknown;
  statusAfter: unknown;
}): PlannedLabelRequest | null {
  const when = input.shop.labelWhen;
  if (!input.tiktokShipping || input.fbt || (when !== 'picked' && when !== 'packed')) return null;
  const rank = (status: unknown): number => {
    const letter = normalizeShipStatus(status);
    return letter === SHIP_STATUS.PICKED
      ? 1
      : letter === SHIP_STATUS.PACKED
        ? 2
        : letter === SHIP_STATUS.SHIPPED
          ? 3
          : 0;
  };
  const needed = when === 'picked' ? 1 : 2;
  const after = rank(input.statusAfter);
  if (after < needed || after === 3 || rank(input.statusBefore) >= needed) return null;
  return request(
    input.shopId,
    input.shopRecordId,
    input.orderId,
    input.salesOrderId,
    input.fulfillmentId,
    input.shop,
  );
}

/** Error code of a shop record saved with label settings TikTok or the connector cannot use. */
export const INVALID_LABEL_SETTINGS = 'TTS_INVALID_LABEL_SETTINGS';

/**
 * What is wrong with the shop's label settings as typed (blank is the default and fine); each
 * problem names the field, the value and the values allowed.
 */
export function labelSettingsProblems(raw: {
  labelWhen: string | null;
  handoverMethod: string | null;
  pickupFromHour: string | number | null;
  documentSize: string | null;
}): string[] {
  const problems: string[] = [];
  const text = (v: string | null) => (v ?? '').trim();
  const when = text(raw.labelWhen).toLowerCase();
  if (when !== '' && !['at import', 'when picked', 'when packed', 'never'].includes(when))
    problems.push(
      `Get TikTok Shipping Labels is "${text(raw.labelWhen)}"; use At import, When picked, When packed or Never`,
    );
  const handover = text(raw.handoverMethod)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  if (handover !== '' && handover !== 'pickup' && handover !== 'dropoff')
    problems.push(`Handover Method is "${text(raw.handoverMethod)}"; use Pickup or Drop-off`);
  const hour = raw.pickupFromHour;
  if (
    hour !== null &&
    hour !== '' &&
    !(Number.isInteger(Number(hour)) && Number(hour) >= 0 && Number(hour) <= 23)
  )
    problems.push(
      `Pickup From Hour is ${String(hour)}; use a whole hour from 0 to 23 (shop time), or leave it empty`,
    );
  const size = text(raw.documentSize).toUpperCase();
  if (size !== '' && size !== 'A6' && size !== 'A5')
    problems.push(`Label Size is "${text(raw.documentSize)}"; TikTok offers A6 and A5`);
  return problems;
}

export function formatLabelSettingsProblems(shopName: string, problems: readonly string[]): string {
  return `TikTok Shipping label settings of shop ${shopName}: ${problems.join('; ')}.`;
}
