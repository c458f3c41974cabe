/**
 * Which TikTok line item ids an item fulfillment covers. TikTok has one line item per unit, and the
 * import stored a sales order line's ids in `custcol_tts_line_ids` (outbox/sales-order-outbox-plan.ts
 * `parseTikTokLineIds`): a fulfillment of 2 of a line's 3 units covers 2 of its ids. Ids covered by
 * the order's other fulfillments are never given again, so an id ships once however the order is
 * split. Pure: the caller reads the order lines, the fulfillment's lines and the ids already covered.
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

export type LineAllocation =
  { ok: true; lineItemIds: string[] } | { ok: false; lineItemIds: string[]; problems: string[] };

/**
 * The TikTok line item ids of `fulfilled`, taking for each order line its first ids not in
 * `covered` (ids the order's other fulfillments already cover). Lines without TikTok ids (shipping,
 * fees, items added in NetSuite) cover nothing; more units than ids left is a problem naming the
 * line, and the ids that are left are still returned.
 */
export function tiktokLineIdsOf(
  orderLines: readonly OrderLineIds[],
  fulfilled: readonly FulfilledLine[],
  covered: Iterable<string> = [],
): LineAllocation {
  const taken = new Set(covered);
  const byLine = new Map(orderLines.map((l) => [l.line, l.tiktokLineIds]));
  const lineItemIds: string[] = [];
  const problems: string[] = [];
  for (const f of fulfilled) {
    const units = Math.max(0, Math.floor(f.quantity));
    if (units === 0) continue;
    const ids = byLine.get(f.orderLine);
    if (ids === undefined || ids.length === 0) continue;
    const free = ids.filter((id) => !taken.has(id));
    const chosen = free.slice(0, units);
    for (const id of chosen) {
      taken.add(id);
      lineItemIds.push(id);
    }
    if (chosen.length < units) {
      problems.push(
        `sales order line ${f.orderLine} ships ${units} unit(s) but only ${free.length} of its ${ids.length} TikTok line item(s) are not shipped by another fulfillment of the order`,
      );
    }
  }
  return problems.length === 0 ? { ok: true, lineItemIds } : { ok: false, lineItemIds, problems };
}
