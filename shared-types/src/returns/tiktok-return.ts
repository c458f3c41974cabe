/**
 * The TikTok Shop return object (Search Returns, `POST /return_refund/202309/returns/search`,
 * `data.return_orders[]`; TikTok's Search Returns page) as far as the connector reads it, and
 * its validator for the RESTlet (`returns.upsert`; the bridge checks the same shape with zod in
 * bridge/src/tiktok/schemas.ts). Ids are strings of digits, money is decimal strings in major units,
 * times are Unix seconds. A return line is one unit: TikTok has one order line item per unit, and
 * `order_line_item_id` names it.
 */
import type { Problems } from '../contract/validation-problems';
import { describeValue, isPlainObject } from '../contract/validation-problems';
import { isTikTokId } from '../ids/tiktok-id';

/** `return_type` values (TikTok's Search Returns, webhook type 12). */
export const TIKTOK_RETURN_TYPES = ['REFUND', 'RETURN_AND_REFUND', 'REPLACEMENT'] as const;
export type TikTokReturnType = (typeof TIKTOK_RETURN_TYPES)[number];

/** The return types that send goods back, so become NetSuite return authorizations. */
export const RMA_RETURN_TYPES: readonly TikTokReturnType[] = ['RETURN_AND_REFUND', 'REPLACEMENT'];

/**
 * `return_status` values (TikTok's Search Returns). The webhook page's prose once spells the cancel status
 * `RETURN_OR_REFUND__REQUEST_CANCELLED`; its value list and Search Returns say
 * `RETURN_OR_REFUND_REQUEST_CANCEL`, which is the one taken here.
 */
export const TIKTOK_RETURN_STATUSES = [
  'RETURN_OR_REFUND_REQUEST_PENDING',
  'REFUND_OR_RETURN_REQUEST_REJECT',
  'AWAITING_BUYER_SHIP',
  'BUYER_SHIPPED_ITEM',
  'REJECT_RECEIVE_PACKAGE',
  'RETURN_OR_REFUND_REQUEST_SUCCESS',
  'RETURN_OR_REFUND_REQUEST_CANCEL',
  'RETURN_OR_REFUND_REQUEST_COMPLETE',
  'AWAITING_BUYER_RESPONSE',
  'REPLACEMENT_REQUEST_PENDING',
  'REPLACEMENT_REQUEST_REJECT',
  'REPLACEMENT_REQUEST_REFUND_SUCCESS',
  'REPLACEMENT_REQUEST_CANCEL',
  'REPLACEMENT_REQUEST_COMPLETE',
] as const;
export type TikTokReturnStatus = (typeof TIKTOK_RETURN_STATUSES)[number];

export interface TikTokReturnLineItem {
  return_line_item_id: string;
  /** The order line item (one unit) returned: a value of the sales order line's `custcol_tts_line_ids`. */
  order_line_item_id: string;
  sku_id?: string;
  seller_sku?: string;
  product_name?: string;
  refund_amount?: TikTokRefundAmount;
}

export interface TikTokRefundAmount {
  currency: string;
  refund_total: string;
  refund_subtotal?: string;
  refund_shipping_fee?: string;
  refund_tax?: string;
}

export interface TikTokSellerNextAction {
  action: string;
  /** Unix seconds. */
  deadline: number;
}

export interface TikTokReturn {
  return_id: string;
  order_id: string;
  return_type: TikTokReturnType;
  return_status: TikTokReturnStatus;
  /** BUYER, SELLER, SYSTEM, OPERATOR. */
  role?: string;
  return_reason?: string;
  return_reason_text?: string;
  /** Empty or absent: no arbitration; otherwise TikTok's arbitration status (e.g. IN_PROGRESS). */
  arbitration_status?: string;
  create_time: number;
  update_time: number;
  seller_next_action_response?: TikTokSellerNextAction[];
  return_line_items: TikTokReturnLineItem[];
  refund_amount?: TikTokRefundAmount;
  return_method?: string;
  return_tracking_number?: string;
  return_provider_id?: string;
}

function isUnixSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function optionalString(problems: Problems, path: string, value: unknown): void {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    problems.add(path, `${describeValue(value)} is not text; send TikTok's string or leave it out`);
  }
}

function checkLine(problems: Problems, path: string, value: unknown, seen: Set<string>): void {
  if (!isPlainObject(value)) {
    problems.add(path, `${describeValue(value)} is not an object; send TikTok's return line item`);
    return;
  }
  if (!isTikTokId(value.return_line_item_id)) {
    problems.add(
      `${path}.return_line_item_id`,
      `${describeValue(value.return_line_item_id)} is not a TikTok id; send its digits as a string`,
    );
  }
  if (!isTikTokId(value.order_line_item_id)) {
    problems.add(
      `${path}.order_line_item_id`,
      `${describeValue(value.order_line_item_id)} is not a TikTok order line item id; send its digits as a string`,
    );
  } else if (seen.has(value.order_line_item_id)) {
    problems.add(
      `${path}.order_line_item_id`,
      `order line item ${value.order_line_item_id} is returned twice in one return; TikTok returns each unit once`,
    );
  } else {
    seen.add(value.order_line_item_id);
  }
  optionalString(problems, `${path}.seller_sku`, value.seller_sku);
  optionalString(problems, `${path}.sku_id`, value.sku_id);
}

function checkNextActions(problems: Problems, path: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    problems.add(
      path,
      `${describeValue(value)} is not an array; send TikTok's seller_next_action_response or leave it out`,
    );
    return;
  }
  value.forEach((a: unknown, i) => {
    if (!isPlainObject(a) || typeof a.action !== 'string' || a.action === '' || !isUnixSeconds(a.deadline)) {
      problems.add(
        `${path}[${i}]`,
        `${describeValue(a)} is not {"action": text, "deadline": Unix seconds}; send it as TikTok does`,
      );
    }
  });
}

/** Problems of one TikTok return at `path` (e.g. `returns[2]`), added to `problems`. */
export function checkTikTokReturn(problems: Problems, path: string, value: unknown): void {
  if (!isPlainObject(value)) {
    problems.add(
      path,
      `${describeValue(value)} is not an object; send the return as Search Returns gives it`,
    );
    return;
  }
  for (const key of ['return_id', 'order_id'] as const) {
    if (!isTikTokId(value[key])) {
      problems.add(
        `${path}.${key}`,
        `${describeValue(value[key])} is not a TikTok id; send its digits as a string`,
      );
    }
  }
  if (!(TIKTOK_RETURN_TYPES as readonly unknown[]).includes(value.return_type)) {
    problems.add(
      `${path}.return_type`,
      `${describeValue(value.return_type)} is not a TikTok return type; send one of ${TIKTOK_RETURN_TYPES.join(', ')}`,
    );
  }
  if (!(TIKTOK_RETURN_STATUSES as readonly unknown[]).includes(value.return_status)) {
    problems.add(
      `${path}.return_status`,
      `${describeValue(value.return_status)} is not a TikTok return status; send one of ${TIKTOK_RETURN_STATUSES.join(', ')}`,
    );
  }
  for (const key of ['create_time', 'update_time'] as const) {
    if (!isUnixSeconds(value[key])) {
      problems.add(
        `${path}.${key}`,
        `${describeValue(value[key])} is not a time; send Unix seconds as an integer`,
      );
    }
  }
  for (const key of [
    'role',
    'return_reason',
    'return_reason_text',
    'arbitration_status',
    'return_tracking_number',
    'return_provider_id',
    'return_method',
  ] as const) {
    optionalString(problems, `${path}.${key}`, value[key]);
  }
  checkNextActions(problems, `${path}.seller_next_action_response`, value.seller_next_action_response);
  const lines = value.return_line_items;
  if (!Array.isArray(lines) || lines.length === 0) {
    problems.add(
      `${path}.return_line_items`,
      `${describeValue(lines)} is not a non-empty array; send the return's line items (one per unit returned)`,
    );
    return;
  }
  const seen = new Set<string>();
  lines.forEach((line: unknown, i) => checkLine(problems, `${path}.return_line_items[${i}]`, line, seen));
}

/** The returned order line item ids (one per unit), in TikTok's order. */
export function returnedLineItemIds(ret: Pick<TikTokReturn, 'return_line_items'>): string[] {
  return ret.return_line_items.map((line) => line.order_line_item_id);
}

/** Whether the return sends goods back (so is a return authorization in NetSuite). */
export function isRmaReturn(ret: Pick<TikTokReturn, 'return_type'>): boolean {
  return RMA_RETURN_TYPES.includes(ret.return_type);
}

/** The earliest deadline TikTok gives the seller to act, in Unix seconds, or null when none. */
export function sellerDeadline(ret: Pick<TikTokReturn, 'seller_next_action_response'>): number | null {
  const deadlines = (ret.seller_next_action_response ?? [])
    .map((a) => a.deadline)
    .filter((d) => Number.isInteger(d) && d > 0);
  return deadlines.length === 0 ? null : Math.min(...deadlines);
}
