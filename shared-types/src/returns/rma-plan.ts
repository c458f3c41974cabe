/**
 * The plan of a return authorization for a TikTok return (`RETURN_AND_REFUND` or `REPLACEMENT`),
 * made before any record is touched. The SuiteApp transforms the TikTok sales order into the RMA
 * (record.transform salesorder → returnauthorization copies its open lines), then keeps only the
 * lines planned here, with their quantities.
 *
 * - Lines: TikTok has one order line item per unit; the import stored each sales order line's ids
 *   in `custcol_tts_line_ids` (orders/order-lines.ts). A line returns as many units as it holds
 *   returned ids (a virtual bundle's component lines carry the bundle line's id once per component
 *   unit, orders/bundle-split.ts, so returning the bundle returns its components). A returned id on
 *   no line is a problem naming it: the RMA is not created rather than created short.
 * - The RMA line keeps only the returned ids in `custcol_tts_line_ids`, so receipts can name them.
 * - Location: the linked return warehouse's order location (Primary Location, else its lowest linked
 *   location), else the sales order's location, else the shop's Default Location, else none.
 * - External id `tts_ret_<shopId>_<returnId>` (ids/external-ids.ts): NetSuite refuses a second RMA.
 * - Replacement: TikTok issues the replacement as a new order (`is_replacement_order`), which the
 *   order import turns into a sales order with Replaced TikTok Order = this order; the RMA links it
 *   (`replacementSalesOrderId`) and the returns flow never creates a sales order itself.
 */
import { returnExternalId } from '../ids/external-ids';
import { createStatus } from './return-status';
import type { TikTokReturn } from './tiktok-return';
import { returnedLineItemIds, sellerDeadline } from './tiktok-return';

/** A sales order line as the plan reads it. */
export interface ReturnableOrderLine {
  /** NetSuite line id (`line`). */
  line: string;
  itemId: string;
  /** `custcol_tts_line_ids`, parsed: one id per unit (a bundle's id repeats per component unit). */
  tiktokLineIds: readonly string[];
  quantity: number;
  isClosed: boolean;
}

export interface RmaPlanContext {
  shopId: string;
  salesOrderId: string;
  orderLines: readonly ReturnableOrderLine[];
  /** The shop's linked return warehouse's order location (null: none linked). */
  returnWarehouseLocationId: string | null;
  salesOrderLocationId: string | null;
  shopDefaultLocationId: string | null;
  /** For a replacement: the sales order of the replacement order, when it is imported. */
  replacementSalesOrderId: string | null;
}

export interface RmaLinePlan {
  /** The sales order line it returns (its `custcol_tts_line_ids` as stored, to find the RMA line). */
  orderLine: string;
  orderLineIds: string;
  itemId: string;
  quantity: number;
  /** The returned TikTok ids on this line (the RMA line's `custcol_tts_line_ids`). */
  returnedIds: string[];
}

/** The RMA's Memo holds at most this many characters (the emulator's limit, sandbox/netsuite overlay). */
const MEMO_MAX_LENGTH = 999;

export type LocationSource = 'return warehouse' | 'sales order' | 'shop default' | 'none';

export interface RmaPlan {
  externalId: string;
  salesOrderId: string;
  orderStatus: 'A' | 'B';
  closeLines: boolean;
  lines: RmaLinePlan[];
  locationId: string | null;
  locationSource: LocationSource;
  returnId: string;
  returnType: string;
  returnStatus: string;
  /** `return_reason_text`, else `return_reason`, else null. */
  reason: string | null;
  /** Return Tracking Numbers. */
  trackingNumber: string | null;
  /** TikTok's earliest seller deadline (Unix seconds), or null. */
  deadline: number | null;
  replacementSalesOrderId: string | null;
  memo: string;
}

export type RmaPlanResult = { ok: true; plan: RmaPlan } | { ok: false; problems: string[] };

function chooseLocation(context: RmaPlanContext): {
  locationId: string | null;
  locationSource: LocationSource;
} {
  if (context.returnWarehouseLocationId) {
    return { locationId: context.returnWarehouseLocationId, locationSource: 'return warehouse' };
  }
  if (context.salesOrderLocationId)
    return { locationId: context.salesOrderLocationId, locationSource: 'sales order' };
  if (context.shopDefaultLocationId) {
    return { locationId: context.shopDefaultLocationId, locationSource: 'shop default' };
  }
  return { locationId: null, locationSource: 'none' };
}

function text(value: string | undefined): string | null {
  const t = value?.trim() ?? '';
  return t === '' ? null : t;
}

/** The returned units mapped onto the sales order's lines, or the ids that are on none. */
export function returnedLines(
  orderLines: readonly ReturnableOrderLine[],
  returnedIds: readonly string[],
): { lines: RmaLinePlan[]; unmatched: string[] } {
  const wanted = new Set(returnedIds);
  const matched = new Set<string>();
  const lines: RmaLinePlan[] = [];
  for (const line of orderLines) {
    if (line.isClosed) continue;
    const ids = line.tiktokLineIds.filter((id) => wanted.has(id));
    if (ids.length === 0) continue;
    for (const id of ids) matched.add(id);
    lines.push({
      orderLine: line.line,
      orderLineIds: line.tiktokLineIds.join(','),
      itemId: line.itemId,
      quantity: ids.length,
      returnedIds: [...new Set(ids)],
    });
  }
  return { lines, unmatched: returnedIds.filter((id) => !matched.has(id)) };
}

export function planReturnAuthorization(ret: TikTokReturn, context: RmaPlanContext): RmaPlanResult {
  const returned = returnedLineItemIds(ret);
  const { lines, unmatched } = returnedLines(context.orderLines, returned);
  if (unmatched.length > 0) {
    return {
      ok: false,
      problems: [
        `TikTok return ${ret.return_id} returns order line item(s) ${unmatched.join(', ')} of order ${ret.order_id}, which are on no open line of sales order ${context.salesOrderId} (TikTok Line Item IDs, custcol_tts_line_ids). Fix: check the sales order still has those lines (not closed or edited away), then retry the return.`,
      ],
    };
  }
  const status = createStatus(ret.return_status);
  const reason = text(ret.return_reason_text) ?? text(ret.return_reason);
  const replacement = ret.return_type === 'REPLACEMENT' ? context.replacementSalesOrderId : null;
  return {
    ok: true,
    plan: {
      externalId: returnExternalId(context.shopId, ret.return_id),
      salesOrderId: context.salesOrderId,
      orderStatus: status.orderStatus,
      closeLines: status.close,
      lines,
      ...chooseLocation(context),
      returnId: ret.return_id,
      returnType: ret.return_type,
      returnStatus: ret.return_status,
      reason,
      trackingNumber: text(ret.return_tracking_number),
      deadline: sellerDeadline(ret),
      replacementSalesOrderId: replacement,
      memo: `TikTok return ${ret.return_id}${reason ? `: ${reason}` : ''}`.slice(0, MEMO_MAX_LENGTH),
    },
  };
}

/** A shop's TikTok warehouse record, as the return location choice reads it. */
export interface ReturnWarehouseRow {
  recordId: string;
  type: string | null;
  isDefault: boolean;
  status: string | null;
  /** Its order location (Primary Location, else its lowest linked location), or null. */
  locationId: string | null;
}

/**
 * The location returns are received at from the shop's TikTok warehouses: a linked RETURN_WAREHOUSE
 * that TikTok has not removed (status DELETED), TikTok's default one first, else the lowest record id.
 */
export function returnWarehouseLocation(rows: readonly ReturnWarehouseRow[]): string | null {
  const linked = rows
    .filter((w) => w.type === 'RETURN_WAREHOUSE' && w.status !== 'DELETED' && w.locationId !== null)
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || Number(a.recordId) - Number(b.recordId));
  return linked[0]?.locationId ?? null;
}
