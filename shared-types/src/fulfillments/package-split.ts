/**
 * One NetSuite fulfillment of several packages → TikTok packages. TikTok's model is one package, one
 * tracking number (Mark Package As Shipped takes one `tracking_number` and the package's
 * `order_line_item_ids`; TikTok's Fulfillment API, Ship Package / Mark Package As Shipped), and TikTok has one line item per unit.
 * NetSuite's package sublists hold a tracking number per package but not which units are in it, so:
 *
 * - one tracking number, or a market without Mark Package As Shipped (Ship Package ships the package
 *   TikTok made, whole): one TikTok package with every line item and the first number; the other
 *   numbers are named as not sent;
 * - several tracking numbers where Mark Package As Shipped is offered: one TikTok package per
 *   tracking number, the line items shared out in the fulfillment's order as evenly as possible
 *   (the first packages get one more when they do not divide), so every number reaches the buyer and
 *   every unit ships once. More numbers than line items: the extra numbers are named as not sent
 *   (TikTok cannot give one unit two packages).
 */

export interface PlannedPackage {
  trackingNumber: string;
  lineItemIds: string[];
}

export interface PackageSplit {
  packages: PlannedPackage[];
  /** Tracking numbers no TikTok package carries. */
  unsent: string[];
}

export function splitIntoPackages(
  lineItemIds: readonly string[],
  trackingNumbers: readonly string[],
  canSplit: boolean,
): PackageSplit {
  const [first] = trackingNumbers;
  if (first === undefined || lineItemIds.length === 0) return { packages: [], unsent: [...trackingNumbers] };
  if (!canSplit || trackingNumbers.length === 1) {
    return {
      packages: [{ trackingNumber: first, lineItemIds: [...lineItemIds] }],
      unsent: trackingNumbers.slice(1),
    };
  }
  const count = Math.min(trackingNumbers.length, lineItemIds.length);
  const base = Math.floor(lineItemIds.length / count);
  const extra = lineItemIds.length - base * count;
  const packages: PlannedPackage[] = [];
  let next = 0;
  for (let i = 0; i < count; i += 1) {
    const size = base + (i < extra ? 1 : 0);
    packages.push({
      trackingNumber: trackingNumbers[i] ?? first,
      lineItemIds: lineItemIds.slice(next, next + size),
    });
    next += size;
  }
  return { packages, unsent: trackingNumbers.slice(count) };
}
