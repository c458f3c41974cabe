/**
 * Which TikTok line item ids an item fulfillment covers. TikTok has one line item per unit, and the
 * import stored a sales order line's ids in `custcol_tts_line_ids` (outbox/sales-order-outbox-plan.ts
 * `parseTikTokLineIds`): a fulfillment of 2 of a line's 3 units covers 2 of its ids. Ids covered by
 * the order's other fulfillments are never given again, so an id ships once however the order is
 * split; a virtual bundle's id, shared by its component lines, is named once per package. Pure: the caller reads the order lines, the fulfillment's lines and the ids already covered.
 */

export interface OrderLineIds {
  /** NetSuite sales order line id (`line`; what a fulfillment line's order line points at). */
  line: string;
  /** TikTok line item ids of this line, one per unit, in import order. */
  tiktokLineIds: readonly string[];
}

export interface FulfilledLine {
  /** The sales order line this fulfillment line fulfils. */
  orderLine: string;
  /** Units fulfilled (a whole number ≥ 0). */
  quantity: number;
}

export type LineAllocation = (
  { ok: true; lineItemIds: string[] } | { ok: false; lineItemIds: string[]; problems: string[] }
) & {
  /**
   * Virtual bundle line item ids whose component units this fulfillment ships but another
   * fulfillment of the order already sent (absent when none).
   */
  bundleShipped?: string[];
};

/**
 * Ids a virtual bundle's component lines share: imported as its components (bundle-split.ts), every
 * component unit carries the bundle line's one TikTok id, so the id appears more than once.
 */
function sharedIds(orderLines: readonly OrderLineIds[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const line of orderLines) {
    for (const id of line.tiktokLineIds) {
      if (seen.has(id)) shared.add(id);
      seen.add(id);
    }
  }
  return shared;
}

/**
 * The TikTok line item ids of `fulfilled`, taking for each order line its first ids not in
 * `covered` (ids the order's other fulfillments already cover). Lines without TikTok ids (shipping,
 * fees, items added in NetSuite) cover nothing; more units than ids left is a problem naming the
 * line, and the ids that are left are still returned.
 *
 * A virtual bundle's component units share the bundle line's id (TikTok ships the bundle as one
 * line item): each id is named once, however many component units of this fulfillment carry it;
 * a component unit takes a bundle id no other fulfillment sent while the line has one (several
 * units of a bundle put their components on one line per item: [B1, B1, B2, B2]); a component unit
 * whose bundle id another fulfillment already sent is no problem (the bundle is shipped on TikTok)
 * and is reported in `bundleShipped`.
 */
export function tiktokLineIdsOf(
  orderLines: readonly OrderLineIds[],
  fulfilled: readonly FulfilledLine[],
  covered: Iterable<string> = [],
): LineAllocation {
  const before = new Set(covered);
  const taken = new Set(before);
  const shared = sharedIds(orderLines);
  const byLine = new Map(orderLines.map((l) => [l.line, l.tiktokLineIds]));
  const lineItemIds: string[] = [];
  const problems: string[] = [];
  const bundleShipped = new Set<string>();
  for (const f of fulfilled) {
    const units = Math.max(0, Math.floor(f.quantity));
    if (units === 0) continue;
    const ids = byLine.get(f.orderLine);
    if (ids === undefined || ids.length === 0) continue;
    // One slot per unit; a bundle id's slots stay open (its other units ship with it). Slots of
    // bundles no other fulfillment sent come first: components of several units of a bundle share
    // one order line, so the second fulfillment of one bundle's worth ships the second bundle.
    const open = ids.filter((id) => shared.has(id) || !taken.has(id));
    const chosen = [...open.filter((id) => !before.has(id)), ...open.filter((id) => before.has(id))].slice(
      0,
      units,
    );
    for (const id of chosen) {
      if (before.has(id)) bundleShipped.add(id);
      if (taken.has(id)) continue;
      taken.add(id);
      lineItemIds.push(id);
    }
    if (chosen.length < units) {
      problems.push(
        `sales order line ${f.orderLine} ships ${units} unit(s) but only ${open.length} of its ${ids.length} TikTok line item(s) are not shipped by another fulfillment of the order`,
      );
    }
  }
  const extra = bundleShipped.size > 0 ? { bundleShipped: [...bundleShipped] } : {};
  return problems.length === 0
    ? { ok: true, lineItemIds, ...extra }
    : { ok: false, lineItemIds, problems, ...extra };
}
