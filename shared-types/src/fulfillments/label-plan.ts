/**
 * TikTok Shipping labels before shipping (issue #15): what a `label.request` outbox row does with a
 * TikTok order as it is now (Get Order Detail), and the handover it asks for.
 *
 * TikTok Shipping (`shipping_type` TIKTOK; TikTok's Fulfillment API): TikTok picks the carrier and assigns the
 * tracking number once the seller arranges the shipment — in the US by buying the label (Get Eligible
 * Shipping Service, Create Packages), elsewhere by Ship Package with a `handover_method` (PICKUP in one
 * of the slots Get Package Handover Time Slots offers, or DROP_OFF). The label (Get Package Shipping
 * Document) exists only after that. So the label is made in three steps: arrange, read the package's
 * tracking number, fetch the document. An order whose lines are shipped already (arranged by an earlier
 * delivery of the row, in Seller Center, or by TikTok) is not arranged again: its documents are fetched.
 * The label covers every open line of the order (one package per TikTok package).
 */
import type { TikTokOrder } from '../tiktok/tiktok-order';

/** Markets where the label is bought per line (Create Packages); elsewhere Ship Package arranges it. */
export const LABEL_PURCHASE_REGIONS: readonly string[] = ['US'];

/** Shipped (arranged) TikTok package statuses (TikTok's Get Order Detail, `package_status`). */
const ARRANGED = new Set(['PROCESSING', 'FULFILLING', 'COMPLETED']);

/** TikTok ships with its own carrier and label (not the seller's carrier, not fulfilled by TikTok). */
export function isTikTokShipping(order: Pick<TikTokOrder, 'shipping_type' | 'fulfillment_type'>): boolean {
  return order.shipping_type === 'TIKTOK' && order.fulfillment_type !== 'FULFILLMENT_BY_TIKTOK';
}

export type HandoverMethod = 'PICKUP' | 'DROP_OFF';

/** The shop's label settings (customrecord_tts_shop, docs/contracts.md `label.request`). */
export interface LabelSettings {
  /** _Handover Method_: the carrier collects (PICKUP) or the seller drops the parcel off. */
  handoverMethod: HandoverMethod;
  /** _Pickup From Hour_ (0–23, shop time): the first offered slot starting at or after it; null = the earliest. */
  pickupFromHour: number | null;
  /** _Label Size_: A6 (default) or A5, the sizes TikTok offers. */
  documentSize: 'A6' | 'A5';
}

export const DEFAULT_LABEL_SETTINGS: LabelSettings = {
  handoverMethod: 'PICKUP',
  pickupFromHour: null,
  documentSize: 'A6',
};

export type LabelPlan =
  /** Every open line is arranged: fetch each package's document. */
  | { action: 'fetch'; packages: { packageId: string; trackingNumber: string; lineItemIds: string[] }[] }
  /** US: buy the label for these lines (Create Packages). */
  | { action: 'buy_label'; lineItemIds: string[] }
  /** Elsewhere: Ship Package these TikTok packages with the shop's handover. */
  | { action: 'ship_packages'; packageIds: string[] }
  /** Not now (on hold): the row is retried. */
  | { action: 'wait'; message: string }
  /** Nothing to do, and never will be: the message says why. */
  | { action: 'refuse'; message: string };

type Line = TikTokOrder['line_items'][number];

function arranged(line: Line): boolean {
  return ARRANGED.has(line.package_status ?? '');
}

/** Packages of the arranged lines, each with its tracking number and lines. */
function arrangedPackages(
  lines: readonly Line[],
): { packageId: string; trackingNumber: string; lineItemIds: string[] }[] {
  const byPackage = new Map<string, { packageId: string; trackingNumber: string; lineItemIds: string[] }>();
  for (const line of lines) {
    const packageId = line.package_id ?? '';
    const entry = byPackage.get(packageId) ?? {
      packageId,
      trackingNumber: line.tracking_number ?? '',
      lineItemIds: [],
    };
    entry.lineItemIds.push(line.id);
    byPackage.set(packageId, entry);
  }
  return [...byPackage.values()];
}

export function planLabel(order: TikTokOrder, region: string): LabelPlan {
  if (order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK') {
    return {
      action: 'refuse',
      message: `TikTok order ${order.id} is Fulfilled by TikTok: TikTok's warehouse ships it with its own label; there is nothing to print.`,
    };
  }
  if (!isTikTokShipping(order)) {
    return {
      action: 'refuse',
      message: `TikTok order ${order.id} ships with the seller's own carrier (delivery option ${order.delivery_option_name ?? order.delivery_option_id ?? 'SEND_BY_SELLER'}); TikTok makes no label for it. Ship it with your carrier and enter the tracking number on the item fulfillment.`,
    };
  }
  if (order.status === 'CANCELLED') {
    return {
      action: 'refuse',
      message: `TikTok order ${order.id} was cancelled; no label is made. Do not ship it.`,
    };
  }
  if (order.status === 'UNPAID' || order.status === 'ON_HOLD') {
    return {
      action: 'wait',
      message: `TikTok order ${order.id} is ${order.status}; TikTok arranges no shipment before it is AWAITING_SHIPMENT.`,
    };
  }
  const live = order.line_items.filter(
    (l) => l.display_status !== 'CANCELLED' && l.package_status !== 'CANCELLED',
  );
  const open = live.filter((l) => !arranged(l));
  if (open.length === 0) {
    // TikTok assigns the tracking number when it arranges the shipment, sometimes a moment later.
    const untracked = live.filter((l) => !l.package_id || !l.tracking_number);
    if (untracked.length > 0 || live.length === 0) {
      return live.length === 0
        ? {
            action: 'refuse',
            message: `TikTok order ${order.id} has no line left to ship and no package with a tracking number.`,
          }
        : {
            action: 'wait',
            message: `TikTok arranged the shipment of order ${order.id} but has not assigned a tracking number to line items ${untracked.map((l) => l.id).join(', ')} yet; the label is fetched once it has.`,
          };
    }
    return { action: 'fetch', packages: arrangedPackages(live) };
  }
  if (LABEL_PURCHASE_REGIONS.includes(region)) {
    return { action: 'buy_label', lineItemIds: open.map((l) => l.id) };
  }
  const packageIds = [...new Set(open.map((l) => l.package_id ?? ''))];
  if (packageIds.includes('')) {
    return {
      action: 'wait',
      message: `TikTok order ${order.id} has lines without a TikTok package yet (${open
        .filter((l) => !l.package_id)
        .map((l) => l.id)
        .join(', ')}); TikTok makes the package after payment.`,
    };
  }
  return { action: 'ship_packages', packageIds };
}

/**
 * The pickup slot to book: the first offered one starting at or after the shop's _Pickup From Hour_
 * (in `zone`, the shop's), else the earliest offered one; null when none is offered.
 */
export function choosePickupSlot(
  slots: readonly { startTime: number; endTime: number }[],
  fromHour: number | null,
  zone: string,
): { startTime: number; endTime: number } | null {
  const sorted = [...slots].sort((a, b) => a.startTime - b.startTime);
  if (fromHour === null) return sorted[0] ?? null;
  const hourOf = (unix: number): number =>
    Number(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(
        new Date(unix * 1000),
      ),
    );
  return sorted.find((s) => hourOf(s.startTime) >= fromHour) ?? sorted[0] ?? null;
}

/** Parses the shop's label settings as the outbox pull attaches them; bad values fall back to the defaults. */
export function labelSettingsOf(raw: {
  handoverMethod?: string | null;
  pickupFromHour?: string | number | null;
  documentSize?: string | null;
}): LabelSettings {
  const method = (raw.handoverMethod ?? '')
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const hour =
    raw.pickupFromHour === null || raw.pickupFromHour === undefined || raw.pickupFromHour === ''
      ? NaN
      : Number(raw.pickupFromHour);
  const size = (raw.documentSize ?? '').trim().toUpperCase();
  return {
    handoverMethod: method === 'DROP_OFF' || method === 'DROPOFF' ? 'DROP_OFF' : 'PICKUP',
    pickupFromHour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : null,
    documentSize: size === 'A5' ? 'A5' : 'A6',
  };
}
