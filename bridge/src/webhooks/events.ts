/**
 * What a verified webhook means for the bridge: its webhook notification (deduplicated on
 * `tts_notification_id`, else on sha256 of the raw body) and the jobs it starts. Order events
 * (types 1, 3) become one `order.upsert` job per (shop, order), cancellation events (type 11) one
 * `order.upsert_cancellation` job in the urgent lane (a buyer's request has a deadline), return events
 * (type 12) one `return.upsert` job per (shop, return), product events (types 5, 15, 16) one
 * `catalog.pull` job per shop (issue #19), a status change (5) also a `catalog.push_audit` job of its
 * product (issue #20); deauthorization (type 6) marks
 * the shop `needs_reauth` unless it is stamped before the shop's current authorization (a late
 * delivery after the seller re-authorized); authorization expiry (type 7) is recorded for the status
 * page.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { safeParseWith, type ValidationProblem } from '../core/validate';
import type { NewJob, WebhookNotificationInput } from '../store/types';
import {
  authExpiringJob,
  catalogPullJob,
  deauthorizationJob,
  orderCancellationUpsertJob,
  orderShipmentsJob,
  orderUpsertJob,
  productAuditJob,
  returnUpsertJob,
  refundUpsertJob,
} from '../workers/job-kinds';
import { REFUND_DONE_STATUSES } from '../../../shared-types/src/refunds/tiktok-refund';
import { TIKTOK_ID_PATTERN } from '../../../shared-types/src/ids/tiktok-id';

export const WEBHOOK_TYPES = {
  ORDER_STATUS_CHANGE: 1,
  RECIPIENT_ADDRESS_UPDATE: 3,
  PACKAGE_UPDATE: 4,
  SELLER_DEAUTHORIZATION: 6,
  UPCOMING_AUTHORIZATION_EXPIRATION: 7,
  CANCELLATION_STATUS_CHANGE: 11,
  RETURN_STATUS_CHANGE: 12,
  PRODUCT_STATUS_CHANGE: 5,
  PRODUCT_INFORMATION_CHANGE: 15,
  PRODUCT_CREATION: 16,
} as const;

/** Product topics (TikTok's webhook pages): each queues the shop's catalog pull pass (issue #19). */
const PRODUCT_EVENT_TYPES: ReadonlySet<number> = new Set([
  WEBHOOK_TYPES.PRODUCT_STATUS_CHANGE,
  WEBHOOK_TYPES.PRODUCT_INFORMATION_CHANGE,
  WEBHOOK_TYPES.PRODUCT_CREATION,
]);

const ORDER_EVENT_TYPES: ReadonlySet<number> = new Set([
  WEBHOOK_TYPES.ORDER_STATUS_CHANGE,
  WEBHOOK_TYPES.RECIPIENT_ADDRESS_UPDATE,
  WEBHOOK_TYPES.CANCELLATION_STATUS_CHANGE,
]);

/** Order statuses once a package shipped (TikTok's order statuses). */
const SHIPPED_ORDER_STATUSES: ReadonlySet<string> = new Set([
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
]);

/** The order ids a PACKAGE_UPDATE names (`package_list[].order_id_list`, TikTok's webhook page). */
function packageOrderIds(data: Record<string, unknown>): string[] {
  const list = Array.isArray(data.package_list) ? (data.package_list as unknown[]) : [];
  const ids = new Set<string>();
  for (const entry of list) {
    const orders =
      typeof entry === 'object' && entry !== null
        ? (entry as { order_id_list?: unknown }).order_id_list
        : undefined;
    for (const id of Array.isArray(orders) ? orders : []) {
      const text = idString(id);
      if (text !== null && TIKTOK_ID_PATTERN.test(text)) ids.add(text);
    }
  }
  const single = idString(data.order_id);
  if (single !== null && TIKTOK_ID_PATTERN.test(single)) ids.add(single);
  return [...ids];
}

export interface ParsedWebhook {
  type: number | null;
  shopId: string | null;
  notificationId: string | null;
  /** The payload's `timestamp` (Unix seconds), when it has one. */
  timestamp: number | null;
  data: Record<string, unknown>;
}

function idString(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A TikTok numeric id: a string of digits, or (some topics) a JSON number. */
const numericId = z
  .union([
    z.string().regex(TIKTOK_ID_PATTERN, 'expected a string of 1 to 64 digits'),
    z.number().int().nonnegative(),
  ])
  .transform(String);

/**
 * The envelope of every TikTok Shop webhook (TikTok's webhooks overview), plus what the bridge needs from the
 * topics it acts on: order topics must name `data.order_id`.
 */
export const webhookEnvelopeSchema = z
  .looseObject({
    type: z.number().int().positive(),
    tts_notification_id: z
      .union([z.string().min(1).max(128), z.number().int().nonnegative()])
      .transform(String)
      .optional(),
    shop_id: numericId,
    timestamp: z.number().int().nonnegative(),
    data: z.record(z.string(), z.unknown()),
  })
  .superRefine((event, ctx) => {
    if (ORDER_EVENT_TYPES.has(event.type) && !numericId.safeParse(event.data.order_id).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', 'order_id'],
        message: `type ${event.type} is an order event and needs the order id (a string of digits)`,
      });
    }
    if (
      event.type === WEBHOOK_TYPES.RETURN_STATUS_CHANGE &&
      !numericId.safeParse(event.data.return_id).success
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', 'return_id'],
        message: `type ${event.type} is a return event and needs the return id (a string of digits)`,
      });
    }
  });

export type WebhookParse =
  | { valid: true; event: ParsedWebhook }
  /** Signed by TikTok but not a usable event: `event` holds whatever could be read, for the webhook notification row. */
  | { valid: false; problems: ValidationProblem[]; event: ParsedWebhook };

/** Best-effort read of the columns of the webhook notification row (never throws). */
function peekWebhook(value: unknown): ParsedWebhook {
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const data =
    typeof record.data === 'object' && record.data !== null && !Array.isArray(record.data)
      ? (record.data as Record<string, unknown>)
      : {};
  return {
    type: typeof record.type === 'number' && Number.isInteger(record.type) ? record.type : null,
    shopId: idString(record.shop_id),
    notificationId: idString(record.tts_notification_id),
    timestamp:
      typeof record.timestamp === 'number' && Number.isFinite(record.timestamp) ? record.timestamp : null,
    data,
  };
}

export function parseWebhook(rawBody: Buffer): WebhookParse {
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return {
      valid: false,
      problems: [{ field: '(root)', message: 'the body is not JSON' }],
      event: peekWebhook(undefined),
    };
  }
  const parsed = safeParseWith(webhookEnvelopeSchema, value);
  if (!parsed.ok) return { valid: false, problems: parsed.problems, event: peekWebhook(value) };
  return {
    valid: true,
    event: {
      type: parsed.value.type,
      shopId: parsed.value.shop_id,
      notificationId: parsed.value.tts_notification_id ?? null,
      timestamp: parsed.value.timestamp,
      data: parsed.value.data,
    },
  };
}

export function webhookDedupeKey(parsed: ParsedWebhook, rawBody: Buffer): string {
  return parsed.notificationId ?? `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

export function jobsForWebhook(parsed: ParsedWebhook, notificationKey: string, now: number): NewJob[] {
  if (parsed.type === null || parsed.shopId === null) return [];
  if (ORDER_EVENT_TYPES.has(parsed.type)) {
    const orderId = idString(parsed.data.order_id);
    if (!orderId) return [];
    if (parsed.type === WEBHOOK_TYPES.CANCELLATION_STATUS_CHANGE)
      return [orderCancellationUpsertJob(parsed.shopId, orderId, now), ...refundJobs(parsed, now)];
    // An order now shipped (in Seller Center, by TikTok for FBT, or from NetSuite) also sends its
    // packages to NetSuite: shipments.upsert records those shipped outside NetSuite (issue #15).
    const shipped =
      typeof parsed.data.order_status === 'string' && SHIPPED_ORDER_STATUSES.has(parsed.data.order_status);
    return shipped
      ? [orderUpsertJob(parsed.shopId, orderId, now), orderShipmentsJob(parsed.shopId, orderId, now)]
      : [orderUpsertJob(parsed.shopId, orderId, now)];
  }
  if (parsed.type === WEBHOOK_TYPES.PACKAGE_UPDATE) {
    return packageOrderIds(parsed.data).map((orderId) =>
      orderShipmentsJob(parsed.shopId as string, orderId, now),
    );
  }
  if (parsed.type === WEBHOOK_TYPES.RETURN_STATUS_CHANGE) {
    // The return to its RMA (issue #17) and, once TikTok has paid the buyer, the refund (issue #18).
    const returnId = idString(parsed.data.return_id);
    return [...(returnId ? [returnUpsertJob(parsed.shopId, returnId, now)] : []), ...refundJobs(parsed, now)];
  }
  if (PRODUCT_EVENT_TYPES.has(parsed.type)) {
    // The pass reads what changed since its cursor; one pending job per shop however many webhooks come.
    // A status change (an audit result of a pushed product, issue #20) also checks that product's audit.
    const productId = idString(parsed.data.product_id);
    return parsed.type === WEBHOOK_TYPES.PRODUCT_STATUS_CHANGE && productId !== null
      ? [catalogPullJob(parsed.shopId, now), productAuditJob(parsed.shopId, productId, 'hook', now, now)]
      : [catalogPullJob(parsed.shopId, now)];
  }
  if (parsed.type === WEBHOOK_TYPES.SELLER_DEAUTHORIZATION) {
    // When TikTok stamped it: a deauthorization older than the shop's current authorization is void.
    return [deauthorizationJob(parsed.shopId, parsed.timestamp, notificationKey, now)];
  }
  if (parsed.type === WEBHOOK_TYPES.UPCOMING_AUTHORIZATION_EXPIRATION) {
    return [authExpiringJob(parsed.shopId, idString(parsed.data.expiration_time), notificationKey, now)];
  }
  return [];
}

/**
 * A refund TikTok completed (issue #18): webhook 12 at a status where the buyer is paid back, or 11
 * at CANCELLATION_REQUEST_COMPLETE, becomes one `refund.upsert` job (the refund is read from TikTok
 * there, so a reordered or duplicated webhook changes nothing).
 */
function refundJobs(parsed: ParsedWebhook, now: number): NewJob[] {
  if (parsed.shopId === null) return [];
  if (parsed.type === WEBHOOK_TYPES.RETURN_STATUS_CHANGE) {
    const returnId = idString(parsed.data.return_id);
    const status = idString(parsed.data.return_status);
    if (returnId === null || status === null || !REFUND_DONE_STATUSES.return.includes(status)) return [];
    return [refundUpsertJob(parsed.shopId, 'return', returnId, now)];
  }
  const cancelId = idString(parsed.data.cancel_id);
  const status = idString(parsed.data.cancel_status);
  if (cancelId === null || status === null || !REFUND_DONE_STATUSES.cancellation.includes(status)) return [];
  return [refundUpsertJob(parsed.shopId, 'cancellation', cancelId, now)];
}

export function webhookNotificationOf(
  parsed: ParsedWebhook,
  rawBody: Buffer,
  now: number,
): WebhookNotificationInput {
  return {
    dedupeKey: webhookDedupeKey(parsed, rawBody),
    shopId: parsed.shopId,
    eventType: parsed.type,
    rawBody: rawBody.toString('utf8'),
    receivedAt: now,
  };
}
