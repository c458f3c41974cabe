/**
 * What a `fulfillment.ship` or `fulfillment.update` row does, given the TikTok order as it is now
 * (Get Order Detail: each line's `package_id`, `package_status`, `tracking_number`; TikTok's fulfillment API):
 *
 * - every line item of the row already shipped with the row's tracking number → done (an earlier
 *   delivery whose acknowledgement was lost: nothing ships twice), reporting the package;
 * - shipped with another number (a corrected number, or a ship row superseding one already sent) →
 *   Update Package Shipping Info of that package;
 * - some shipped, some not → refused (TikTok cannot ship one fulfillment as two packages);
 * - none shipped: Mark Package As Shipped with the line item ids where the market offers it (US, GB,
 *   ES, IE, IT, DE, FR, JP), else Ship Package of the package TikTok made at payment when it holds
 *   exactly these line items;
 * - the order cancelled, or lines cancelled → refused with what to do (ship-refusals.ts).
 */
import type { TikTokOrder } from '../tiktok/tiktok-order';

/** Markets where Mark Package As Shipped may be used (TikTok's fulfillment API; else 21008106). */
export const MARK_SHIPPED_REGIONS: readonly string[] = ['US', 'GB', 'ES', 'IE', 'IT', 'DE', 'FR', 'JP'];

const SHIPPED_PACKAGE = new Set(['PROCESSING', 'FULFILLING', 'COMPLETED']);

export type ShipPlan =
  | { action: 'done'; packageId: string; message: string }
  | { action: 'update'; packageId: string }
  | { action: 'mark'; lineItemIds: string[] }
  | { action: 'ship_package'; packageId: string }
  | { action: 'refuse'; message: string };

type Line = TikTokOrder['line_items'][number];

function isShipped(line: Line): boolean {
  return (
    SHIPPED_PACKAGE.has(line.package_status ?? '') ||
    ['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'].includes(line.display_status ?? '')
  );
}

/**
 * The plan for the row's `lineItemIds` and `tracking`. `usePackageModel`: Mark Package As Shipped was
 * refused for the market (21008106), ship the package instead.
 */
export function planShipment(
  order: TikTokOrder,
  lineItemIds: readonly string[],
  tracking: string,
  region: string,
  usePackageModel = false,
): ShipPlan {
  const lines = lineItemIds.map((id) => order.line_items.find((l) => l.id === id));
  const missing = lineItemIds.filter((_, i) => lines[i] === undefined);
  if (missing.length > 0) {
    return {
      action: 'refuse',
      message: `TikTok order ${order.id} has no line item ${missing.join(', ')}; the sales order's TikTok line ids do not match the order. Fix: check the sales order lines' TikTok Line IDs.`,
    };
  }
  const found = lines as Line[];
  const shipped = found.filter(isShipped);
  if (shipped.length === found.length && found.length > 0) {
    const packages = [...new Set(shipped.map((l) => l.package_id ?? ''))];
    const [packageId] = packages;
    if (packages.length !== 1 || !packageId) {
      return {
        action: 'refuse',
        message: `The line items ${lineItemIds.join(', ')} of TikTok order ${order.id} are shipped in several TikTok packages (${packages.join(', ')}); one fulfillment's tracking number cannot be corrected across them. Fix: correct the tracking numbers in TikTok Seller Center.`,
      };
    }
    if (shipped.every((l) => l.tracking_number === tracking)) {
      return {
        action: 'done',
        packageId,
        message: `TikTok order ${order.id}: line items ${lineItemIds.join(', ')} are shipped in TikTok package ${packageId} with tracking number ${tracking}.`,
      };
    }
    return { action: 'update', packageId };
  }
  if (order.status === 'CANCELLED') {
    return {
      action: 'refuse',
      message: `TikTok order ${order.id} was cancelled meanwhile; TikTok will not take the shipment. Fix: stop or recall the shipment if you can; otherwise treat it as a return (TikTok refunded the buyer).`,
    };
  }
  const cancelled = found.filter((l) => l.display_status === 'CANCELLED').map((l) => l.id);
  if (cancelled.length > 0) {
    return {
      action: 'refuse',
      message: `Line items ${cancelled.join(', ')} of TikTok order ${order.id} were cancelled meanwhile; TikTok will not ship them. Fix: stop or recall those units, then fulfil the others again in NetSuite without them.`,
    };
  }
  if (shipped.length > 0) {
    return {
      action: 'refuse',
      message: `Line items ${shipped.map((l) => l.id).join(', ')} of TikTok order ${order.id} are shipped already, the others of this fulfillment are not; TikTok cannot ship one fulfillment as two packages. Fix: check the order in TikTok Seller Center.`,
    };
  }
  if (!usePackageModel && MARK_SHIPPED_REGIONS.includes(region)) {
    return { action: 'mark', lineItemIds: [...lineItemIds] };
  }
  const holders = [...new Set(found.map((l) => l.package_id ?? ''))];
  const [packageId] = holders;
  if (holders.length !== 1 || !packageId) {
    return {
      action: 'refuse',
      message: `TikTok order ${order.id} has no single TikTok package holding line items ${lineItemIds.join(', ')} (packages: ${holders.filter((h) => h).join(', ') || 'none'}), and Mark Package As Shipped is not offered in ${region}. Fix: split or combine the packages in TikTok Seller Center to match the fulfillment, then set this outbox record back to pending.`,
    };
  }
  const extra = order.line_items.filter(
    (l) => l.package_id === packageId && !lineItemIds.includes(l.id) && l.display_status !== 'CANCELLED',
  );
  if (extra.length > 0) {
    return {
      action: 'refuse',
      message: `TikTok package ${packageId} of order ${order.id} holds line items this fulfillment does not ship (${extra.map((l) => l.id).join(', ')}), and Mark Package As Shipped is not offered in ${region}. Fix: fulfil the whole package in one item fulfillment, or split the package in TikTok Seller Center, then set this outbox record back to pending.`,
    };
  }
  return { action: 'ship_package', packageId };
}
