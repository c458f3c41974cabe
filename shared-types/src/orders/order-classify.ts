/**
 * Whether an order can become a sales order now. TikTok withholds the address while an order is
 * UNPAID or ON_HOLD (the buyer's one-hour remorse window), and either may still be cancelled, so
 * those wait for the next update; CANCELLED orders are never imported. Paid orders are imported
 * from AWAITING_SHIPMENT on (and in every later shipping status, for orders first seen late).
 */
import type { ShopSettings } from '../settings/shop-settings';
import { orderOptionsOf, SHOP_RECORD_LOCATION } from '../settings/shop-settings';
import type { TikTokOrder, TikTokOrderStatus } from '../tiktok/tiktok-order';

export type ImportClass = 'import' | 'wait' | 'cancelled';

const WAITING: readonly TikTokOrderStatus[] = ['UNPAID', 'ON_HOLD'];

/**
 * Inbox states of the import (docs/contracts.md). `waiting`: UNPAID/ON_HOLD, not re-planned until a
 * newer payload sets it back to `pending`; `exception`: imported, but the sales order does not tie
 * out with TikTok's figures (custbody_tts_tieout = F) and needs a person.
 */
export type ImportState =
  'pending' | 'waiting' | 'imported' | 'exception' | 'error' | 'skipped' | 'cancelled';

export function classifyForImport(order: Pick<TikTokOrder, 'status'>): ImportClass {
  if (order.status === 'CANCELLED') {
    return 'cancelled';
  }
  return WAITING.includes(order.status) ? 'wait' : 'import';
}

/** What the inbox record says about an order that is not imported now (its state and message). */
export function notImportedNote(order: Pick<TikTokOrder, 'id' | 'status'>): string {
  if (order.status === 'CANCELLED') {
    return `TikTok order ${order.id} was cancelled in TikTok Shop before it was imported; no sales order is created.`;
  }
  return `TikTok order ${order.id} is ${order.status} in TikTok Shop (not yet paid or still in the buyer's cancellation window); it waits, and is imported automatically when TikTok sends the update that it awaits shipment.`;
}

export function isSampleOrder(order: Pick<TikTokOrder, 'is_sample_order'>): boolean {
  return order.is_sample_order === true;
}

export function isFbtOrder(order: Pick<TikTokOrder, 'fulfillment_type'>): boolean {
  return order.fulfillment_type === 'FULFILLMENT_BY_TIKTOK';
}

/** What the import does with an order, after its status and the shop's sample and FBT settings. */
export type ImportDecision =
  | { kind: 'import'; sample: boolean; fbt: boolean }
  | { kind: 'wait'; note: string }
  | { kind: 'cancelled'; note: string }
  | { kind: 'skip'; note: string };

export function decideImport(
  order: Pick<TikTokOrder, 'id' | 'status' | 'is_sample_order' | 'fulfillment_type'>,
  shop: Pick<ShopSettings, 'name' | 'orderOptions'>,
): ImportDecision {
  const importClass = classifyForImport(order);
  if (importClass === 'cancelled') {
    return { kind: 'cancelled', note: notImportedNote(order) };
  }
  if (importClass === 'wait') {
    return { kind: 'wait', note: notImportedNote(order) };
  }
  const options = orderOptionsOf(shop);
  const sample = isSampleOrder(order);
  const fbt = isFbtOrder(order);
  if (sample && !options.importSamples) {
    return {
      kind: 'skip',
      note: `TikTok order ${order.id} is a sample order and shop ${shop.name} skips sample orders, so no sales order is created. To import sample orders at zero price, ${SHOP_RECORD_LOCATION}, tick Import Sample Orders, save, then set this inbox record's State to pending.`,
    };
  }
  if (fbt && !options.importFbt) {
    return {
      kind: 'skip',
      note: `TikTok order ${order.id} is Fulfilled by TikTok (FBT) and shop ${shop.name} skips FBT orders, so no sales order is created. To import them against the FBT location, ${SHOP_RECORD_LOCATION}, tick Import FBT Orders and set FBT Location, save, then set this inbox record's State to pending.`,
    };
  }
  return { kind: 'import', sample, fbt };
}
